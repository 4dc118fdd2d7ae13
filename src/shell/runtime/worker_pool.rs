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
}

struct InFlight {
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
        self.in_flight[worker] = Some(InFlight { posted_ms: now(), reply: job.reply });
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

    /// Computes for `ms` milliseconds on the first free worker; resolves with where and when.
    pub async fn run(&self, ms: f64) -> Result<Ran, NoAnswer> {
        let (reply, answer) = oneshot::channel();
        {
            let mut inner = self.inner.borrow_mut();
            let job = Waiting { ms, reply };
            match inner.in_flight.iter().position(Option::is_none) {
                Some(worker) => inner.post(worker, job),
                None => inner.queue.push_back(job),
            }
        }
        // Queued work waits for the work ahead of it too, so the limit grows with the queue.
        let ahead: f64 = self.inner.borrow().queue.iter().map(|j| j.ms).sum();
        let limit = TimeoutFuture::new((ms + ahead + NO_ANSWER_MS).min(u32::MAX as f64) as u32);
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
