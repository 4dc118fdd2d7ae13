//! The page side of workers mode: a pool of Web Workers started for one run. A work task is
//! posted to the first free worker, or queued until one is free, first come first served (the
//! order `core::predict` models); its lane awaits the reply. Dropping the pool lets its workers
//! go: each closes once the job it is computing, if any, is done (a worker computing in one go
//! cannot be interrupted part way).

use super::clock::{now, time_origin};
use super::compute_worker::{ComputeWorker, Job, JobDone};
use crate::core::pool::{JobTimes, PoolTimes};
use futures::channel::oneshot;
use gloo_timers::future::TimeoutFuture;
use gloo_worker::{Spawnable, WorkerBridge};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

/// The worker's loader (static/compute-worker-loader.js, copied beside the app), relative
/// to the page, so the bundle works under any sub-path.
pub const WORKER_URL: &str = "./compute-worker-loader.js";

/// How long a job may wait for its worker beyond its own length before the run gives up on
/// the pool (a worker script that failed to load never answers).
const NO_ANSWER_MS: f64 = 15_000.0;

/// Where and when a job ran, on the page's clock.
#[derive(Clone, Copy, Debug)]
pub struct Ran {
    pub worker: usize,
    pub start_ms: f64,
    pub end_ms: f64,
}

/// No worker answered in time.
#[derive(Clone, Copy, Debug)]
pub struct NoAnswer;

struct Waiting {
    ms: f64,
    reply: oneshot::Sender<Ran>,
    /// Told when the job is handed to a worker (page clock): that is when its task starts.
    on_posted: Box<dyn FnOnce(f64)>,
}

struct InFlight {
    ms: f64,
    posted_ms: f64,
    reply: oneshot::Sender<Ran>,
}

struct Inner {
    bridges: Vec<WorkerBridge<ComputeWorker>>,
    in_flight: Vec<Option<InFlight>>,
    ready: Vec<Option<f64>>,
    queue: VecDeque<Waiting>,
    times: PoolTimes,
}

impl Inner {
    fn post(&mut self, worker: usize, job: Waiting) {
        self.bridges[worker].send(Job { ms: job.ms });
        let posted_ms = now();
        (job.on_posted)(posted_ms);
        self.in_flight[worker] = Some(InFlight { ms: job.ms, posted_ms, reply: job.reply });
    }

    /// The next queued job whose lane still waits for it (a dropped lane's job is skipped).
    fn next_job(&mut self) -> Option<Waiting> {
        while let Some(job) = self.queue.pop_front() {
            if !job.reply.is_canceled() {
                return Some(job);
            }
        }
        None
    }

    fn replied(&mut self, worker: usize, done: JobDone) {
        let replied_ms = now();
        let origin = time_origin();
        let Some(job) = self.in_flight[worker].take() else { return };
        if self.ready[worker].is_none() {
            self.ready[worker] = Some(done.ready_at - origin);
        }
        let ran = Ran { worker, start_ms: done.started_at - origin, end_ms: done.ended_at - origin };
        self.times.jobs.push(JobTimes {
            posted_ms: job.posted_ms,
            started_ms: ran.start_ms,
            ended_ms: ran.end_ms,
            replied_ms,
        });
        // The next job goes out before the lane that waited hears back, as `core::predict`
        // models it.
        if let Some(next) = self.next_job() {
            self.post(worker, next);
        }
        // The lane may have been dropped meanwhile (a lost select): then nobody listens.
        let _ = job.reply.send(ran);
    }
}

/// A pool of `size` workers, started when it is made.
pub struct Pool {
    inner: Rc<RefCell<Inner>>,
}

impl Pool {
    /// Whether this page can start workers at all; if not, why, in words for the learner.
    /// A page without an origin of its own (a sandboxed frame, a file opened from disk) may
    /// not start a worker from a URL, and gloo-worker would panic trying.
    pub fn unavailable() -> Option<String> {
        let global = js_sys::global();
        let has_worker = js_sys::Reflect::has(&global, &"Worker".into()).unwrap_or(false);
        if !has_worker {
            return Some("This browser cannot start Web Workers, so workers mode cannot run here.".into());
        }
        let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
        (origin == "null" || origin.is_empty()).then(|| {
            "Workers mode needs the page served from a web address: in a sandboxed frame or a file \
             opened from disk the browser does not let it start Web Workers."
                .into()
        })
    }

    pub fn start(size: usize) -> Pool {
        let size = size.max(1);
        let inner = Rc::new(RefCell::new(Inner {
            bridges: Vec::with_capacity(size),
            in_flight: (0..size).map(|_| None).collect(),
            ready: vec![None; size],
            queue: VecDeque::new(),
            times: PoolTimes { size, spawned_ms: now(), ..PoolTimes::default() },
        }));
        for worker in 0..size {
            let weak: Weak<RefCell<Inner>> = Rc::downgrade(&inner);
            let bridge = ComputeWorker::spawner()
                .callback(move |done: JobDone| {
                    if let Some(inner) = weak.upgrade() {
                        inner.borrow_mut().replied(worker, done);
                    }
                })
                .spawn_with_loader(WORKER_URL);
            inner.borrow_mut().bridges.push(bridge);
        }
        Pool { inner }
    }

    /// Computes for `ms` milliseconds on the first free worker; `on_posted` is told when the
    /// job reaches one (at once, or when one frees). Resolves with where and when it ran.
    pub async fn run(&self, ms: f64, on_posted: impl FnOnce(f64) + 'static) -> Result<Ran, NoAnswer> {
        let (reply, answer) = oneshot::channel();
        let ahead = {
            let mut inner = self.inner.borrow_mut();
            // Work queued or running ahead of this job may all come first: a generous bound.
            let ahead: f64 = inner.queue.iter().map(|j| j.ms).sum::<f64>()
                + inner.in_flight.iter().flatten().map(|j| j.ms).sum::<f64>();
            let job = Waiting { ms, reply, on_posted: Box::new(on_posted) };
            match inner.in_flight.iter().position(Option::is_none) {
                Some(worker) => inner.post(worker, job),
                None => inner.queue.push_back(job),
            }
            ahead
        };
        // TimeoutFuture takes a u32 but hands setTimeout an i32.
        let limit = TimeoutFuture::new((ms + ahead + NO_ANSWER_MS).min(i32::MAX as f64) as u32);
        match futures::future::select(answer, limit).await {
            futures::future::Either::Left((Ok(ran), _)) => Ok(ran),
            _ => Err(NoAnswer),
        }
    }

    /// The pool's times so far: when it started, when each worker was ready, and each job.
    pub fn times(&self) -> PoolTimes {
        let inner = self.inner.borrow();
        PoolTimes { ready_ms: inner.ready.iter().flatten().copied().collect(), ..inner.times.clone() }
    }
}
