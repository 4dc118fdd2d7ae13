//! What a run records while it happens: each task's start and end, when the main thread was
//! busy with its work, and every event of its event loop (`core::replay`: bursts, yields,
//! timers, fetches, polls, worker jobs, frames). The live timeline reads it as it redraws; the
//! runner hands it to the page at the end (`core::run_record`).

use crate::core::by_id::ById;
use crate::core::replay::{Event, What};
use crate::core::scenario::TaskId;
use crate::core::timing::{Outcome, Span};
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Default)]
pub struct Recording {
    /// Each task that has started, with its end once it has one (page clock), in start order.
    pub tasks: Vec<(TaskId, f64, Option<f64>)>,
    /// Where each task is in `tasks`.
    index: ById<usize>,
    /// The tasks that ended with an error.
    failed: Vec<TaskId>,
    /// Work bursts and blocking tasks: when the main thread was held.
    pub busy: Vec<Span>,
    /// The worker each offloaded task ran on (workers mode).
    pub workers: Vec<(TaskId, usize)>,
    /// Set when the worker pool never answered.
    pub no_answer: bool,
    /// The event loop's events in time order (events at the same time in the order recorded).
    events: Vec<Event>,
    /// Set to leave the events out: the benchmark runs with and without them, to measure what
    /// recording costs a run (`window.__playgroundNoRecording = true` before the run).
    pub unrecorded: bool,
}

impl Recording {
    /// Keeps the events in time order as they come: nearly always at the end (a worker's times
    /// come with its reply, a timer's firing with the poll after it).
    fn event(&mut self, task: Option<TaskId>, what: What, at_ms: f64) {
        if self.unrecorded {
            return;
        }
        let at = self.events.partition_point(|e| e.at_ms <= at_ms);
        self.events.insert(at, Event { at_ms, task, what });
    }
}

/// A recording shared between a run and whoever watches it.
#[derive(Clone, Default)]
pub struct Recorder(Rc<RefCell<Recording>>);

impl Recorder {
    /// A recording for a new run of `tasks` tasks (events left out when the benchmark asks),
    /// with room for what a run of waits records, so a run's start does not copy its lists as
    /// they grow.
    pub fn new(tasks: usize) -> Recorder {
        let off = js_sys::Reflect::get(&js_sys::global(), &"__playgroundNoRecording".into())
            .is_ok_and(|v| v.is_truthy());
        Recorder(Rc::new(RefCell::new(Recording {
            tasks: Vec::with_capacity(tasks),
            events: Vec::with_capacity(if off { 0 } else { tasks * 5 }),
            unrecorded: off,
            ..Recording::default()
        })))
    }

    /// Something happened to task `id` at `at` (page clock).
    #[inline(never)] // recorded from many places: one copy
    pub fn event(&self, id: TaskId, what: What, at: f64) {
        self.0.borrow_mut().event(Some(id), what, at);
    }

    /// Something happened to the page at `at`: a frame drawn, a long task.
    pub fn page(&self, what: What, at: f64) {
        self.0.borrow_mut().event(None, what, at);
    }

    pub fn started(&self, id: TaskId, at: f64) {
        let mut r = self.0.borrow_mut();
        let at_index = r.tasks.len();
        r.index.insert(id, at_index);
        r.tasks.push((id, at, None));
        r.event(Some(id), What::Started, at);
    }

    pub fn finished(&self, id: TaskId, at: f64) {
        self.end(id, at, Outcome::Done);
    }

    /// The task ended with an error.
    pub fn failed(&self, id: TaskId, at: f64) {
        self.end(id, at, Outcome::Failed);
        self.0.borrow_mut().failed.push(id);
    }

    fn end(&self, id: TaskId, at: f64, outcome: Outcome) {
        let mut r = self.0.borrow_mut();
        if let Some(&i) = r.index.get(id) {
            r.tasks[i].2 = Some(at);
        }
        r.event(Some(id), What::Ended(outcome), at);
    }

    /// The task ran on `worker` over `span` (page clock), which replaces the times recorded
    /// when it was handed over; the page read the reply at `replied`.
    pub fn ran_on(&self, id: TaskId, worker: usize, span: Span, replied: f64) {
        let mut r = self.0.borrow_mut();
        if let Some(&i) = r.index.get(id) {
            r.tasks[i].1 = span.start_ms;
            r.tasks[i].2 = Some(span.end_ms);
        }
        r.workers.push((id, worker));
        r.event(Some(id), What::WorkerStarted(worker), span.start_ms);
        r.event(Some(id), What::WorkerFinished(worker), span.end_ms);
        r.event(Some(id), What::Replied, replied);
        r.event(Some(id), What::Ended(Outcome::Done), replied);
    }

    /// Whether the task has started.
    pub fn has(&self, id: TaskId) -> bool {
        self.0.borrow().index.get(id).is_some()
    }

    /// The worker pool never answered.
    pub fn no_answer(&self) {
        self.0.borrow_mut().no_answer = true;
    }

    /// Task `id`'s code held the main thread over `span`.
    pub fn burst(&self, id: TaskId, span: Span) {
        let mut r = self.0.borrow_mut();
        r.busy.push(span);
        r.event(Some(id), What::Burst { end_ms: span.end_ms }, span.start_ms);
    }

    /// The events recorded, taken out at the run's end.
    pub fn take_events(&self) -> Vec<Event> {
        std::mem::take(&mut self.0.borrow_mut().events)
    }

    /// Reads the recording as it is now.
    pub fn with<T>(&self, f: impl FnOnce(&Recording) -> T) -> T {
        f(&self.0.borrow())
    }

    /// Every task that started, with its span and how it ended, once the run ended at
    /// `run_end`: a task still going then was dropped, so it was cancelled there.
    pub fn outcomes(&self, run_end: f64) -> Vec<(TaskId, Span, Outcome)> {
        self.with(|r| {
            r.tasks
                .iter()
                .map(|&(id, start_ms, end)| match end {
                    Some(end_ms) if r.failed.contains(&id) => {
                        (id, Span { start_ms, end_ms }, Outcome::Failed)
                    }
                    Some(end_ms) => (id, Span { start_ms, end_ms }, Outcome::Done),
                    None => (id, Span { start_ms, end_ms: run_end }, Outcome::Cancelled),
                })
                .collect()
        })
    }
}
