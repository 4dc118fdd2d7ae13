//! The page side of workers mode: a pool of Web Workers started for one run. A work task is
//! handed to the first free worker, or queued until one is free, first come first served (the
//! order `core::predict` models); its lane awaits the reply. A job handed to a worker that is
//! still starting is posted the moment it says it is ready (a message posted earlier could
//! reach it before its handler is in place). Dropping the pool terminates its workers.
//!
//! A job carries its task's data (`scenario::Data`): an `ArrayBuffer` of that many bytes,
//! copied (structured clone, inside `postMessage`, on the page's thread) or transferred (the
//! page's buffer is left empty). The worker sends it back with the result the same way. The
//! messages are described in `compute_worker.rs`.

use super::clock::{now, time_origin};
use super::compute_worker::{field, message, post, WORKER_LOADER};
use crate::core::pool::{JobTimes, PoolTimes};
use crate::core::scenario::Data;
use futures::channel::oneshot;
use gloo_timers::future::TimeoutFuture;
use js_sys::ArrayBuffer;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

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
    data: Data,
    reply: oneshot::Sender<Ran>,
    /// Told when the job is handed to a worker (page clock): that is when its task starts.
    on_posted: Box<dyn FnOnce(f64)>,
}

struct InFlight {
    ms: f64,
    data: Data,
    posted_ms: f64,
    /// When `postMessage` was called, and how long the call held the page's thread.
    sent: Option<(f64, f64)>,
    reply: oneshot::Sender<Ran>,
}

struct Inner {
    workers: Vec<Option<Worker>>,
    in_flight: Vec<Option<InFlight>>,
    ready: Vec<Option<f64>>,
    queue: VecDeque<Waiting>,
    times: PoolTimes,
}

impl Inner {
    /// Hands `job` to `worker`, and posts it there if the worker is ready.
    fn hand(&mut self, worker: usize, job: Waiting) {
        let posted_ms = now();
        (job.on_posted)(posted_ms);
        self.in_flight[worker] =
            Some(InFlight { ms: job.ms, data: job.data, posted_ms, sent: None, reply: job.reply });
        if self.ready[worker].is_some() {
            self.send(worker);
        }
    }

    /// Posts the job handed to `worker`, with a buffer of its data's size.
    fn send(&mut self, worker: usize) {
        let (Some(Some(target)), Some(Some(job))) =
            (self.workers.get(worker), self.in_flight.get_mut(worker))
        else {
            return;
        };
        let data: JsValue =
            if job.data.mb > 0.0 { ArrayBuffer::new(job.data.bytes()).into() } else { JsValue::UNDEFINED };
        let transfer = job.data.transfer;
        let body = message(&[("ms", &job.ms.into()), ("data", &data), ("transfer", &transfer.into())]);
        let start = now();
        let posted = post(target, &body, &data, transfer);
        if posted.is_ok() {
            job.sent = Some((start, now() - start));
        }
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

    fn heard(&mut self, worker: usize, said: &JsValue) {
        let epoch = |name| field(said, name).as_f64().map(|t| t - time_origin());
        if let Some(ready_ms) = epoch("ready") {
            self.ready[worker] = Some(ready_ms);
            self.send(worker);
            return;
        }
        let replied_ms = now();
        let (Some(start_ms), Some(end_ms)) = (epoch("started"), epoch("ended")) else { return };
        let Some(job) = self.in_flight[worker].take() else { return };
        let (sent_ms, post_ms) = job.sent.unwrap_or((job.posted_ms, 0.0));
        self.times.jobs.push(JobTimes {
            posted_ms: job.posted_ms,
            sent_ms,
            post_ms,
            started_ms: start_ms,
            ended_ms: end_ms,
            replied_ms,
            data: job.data,
            // What came back: the buffer, whole, however it travelled.
            returned: field(said, "data").dyn_into::<ArrayBuffer>().map_or(0, |b| b.byte_length()),
        });
        // The next job goes out before the lane that waited hears back, as `core::predict`
        // models it.
        if let Some(next) = self.next_job() {
            self.hand(worker, next);
        }
        // The lane may have been dropped meanwhile (a lost select): then nobody listens.
        let _ = job.reply.send(Ran { worker, start_ms, end_ms });
    }
}

/// A pool of workers, started when it is made, terminated when it is dropped.
pub struct Pool {
    inner: Rc<RefCell<Inner>>,
    /// Each worker's message handler, kept as long as the worker.
    handlers: Vec<Closure<dyn FnMut(MessageEvent)>>,
}

impl Pool {
    /// Whether this page can start workers at all; if not, why, in words for the learner.
    /// A page without an origin of its own (a sandboxed frame, a file opened from disk) may
    /// not start a worker from a URL.
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
            workers: Vec::with_capacity(size),
            in_flight: (0..size).map(|_| None).collect(),
            ready: vec![None; size],
            queue: VecDeque::new(),
            times: PoolTimes { size, spawned_ms: now(), ..PoolTimes::default() },
        }));
        let mut handlers = Vec::with_capacity(size);
        for worker in 0..size {
            let weak: Weak<RefCell<Inner>> = Rc::downgrade(&inner);
            let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                if let Some(inner) = weak.upgrade() {
                    inner.borrow_mut().heard(worker, &e.data());
                }
            });
            // A worker that cannot start never answers: its jobs end the run as `NoAnswer`.
            let started = Worker::new(&super::parts::url(WORKER_LOADER)).ok();
            if let Some(w) = &started {
                w.set_onmessage(Some(handler.as_ref().unchecked_ref()));
            }
            inner.borrow_mut().workers.push(started);
            handlers.push(handler);
        }
        Pool { inner, handlers }
    }

    /// Computes for `ms` milliseconds on the first free worker, sending it `data`; `on_posted`
    /// is told when the job reaches one (at once, or when one frees). Resolves with where and
    /// when it ran.
    pub async fn run(
        &self,
        ms: f64,
        data: Data,
        on_posted: impl FnOnce(f64) + 'static,
    ) -> Result<Ran, NoAnswer> {
        let (reply, answer) = oneshot::channel();
        let ahead = {
            let mut inner = self.inner.borrow_mut();
            // Work queued or running ahead of this job may all come first: a generous bound.
            let ahead: f64 = inner.queue.iter().map(|j| j.ms).sum::<f64>()
                + inner.in_flight.iter().flatten().map(|j| j.ms).sum::<f64>();
            let job = Waiting { ms, data, reply, on_posted: Box::new(on_posted) };
            match inner.in_flight.iter().position(Option::is_none) {
                Some(worker) => inner.hand(worker, job),
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

impl Drop for Pool {
    fn drop(&mut self) {
        // The handlers go with the pool: no event may reach them afterwards.
        for worker in self.inner.borrow().workers.iter().flatten() {
            worker.set_onmessage(None);
            worker.terminate();
        }
        self.handlers.clear();
    }
}
