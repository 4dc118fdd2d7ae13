//! The worker side of workers mode: a Web Worker that computes one work task at a time, the
//! same way the main thread does (`work::spin`), and says when it started and ended.
//!
//! Messages go in gloo-worker's default encoding, bincode (a JSON codec was tried: it made the
//! page's wasm bigger, not smaller). Times cross between clocks as milliseconds since the Unix epoch (`timeOrigin + now()`): a
//! worker's `performance.now()` starts when the worker does, not when the page did.

use super::clock::{now, time_origin};
use super::work::spin;
use gloo_worker::{HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};

/// A work task to compute for `ms` milliseconds.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub struct Job {
    pub ms: f64,
}

/// What a worker says when a job is done (epoch milliseconds).
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub struct JobDone {
    /// When this worker was ready: its wasm loaded and its handler in place.
    pub ready_at: f64,
    pub started_at: f64,
    pub ended_at: f64,
}

/// Milliseconds since the Unix epoch, on this context's clock.
pub fn epoch_now() -> f64 {
    time_origin() + now()
}

pub struct ComputeWorker {
    ready_at: f64,
}

impl Worker for ComputeWorker {
    type Message = ();
    type Input = Job;
    type Output = JobDone;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        ComputeWorker { ready_at: epoch_now() }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, job: Job, who: HandlerId) {
        let started_at = epoch_now();
        let spent = spin(job.ms);
        scope.respond(who, JobDone { ready_at: self.ready_at, started_at, ended_at: started_at + spent });
    }
}
