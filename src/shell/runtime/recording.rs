//! What a run records while it happens: each task's start and end, and when the main thread
//! was busy with its work. The live timeline reads it as it redraws; the report reads it at the end.

use crate::core::by_id::ById;
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
}

/// A recording shared between a run and whoever watches it.
#[derive(Clone, Default)]
pub struct Recorder(Rc<RefCell<Recording>>);

impl Recorder {
    pub fn started(&self, id: TaskId, at: f64) {
        let mut r = self.0.borrow_mut();
        let at_index = r.tasks.len();
        r.index.insert(id, at_index);
        r.tasks.push((id, at, None));
    }

    pub fn finished(&self, id: TaskId, at: f64) {
        let mut r = self.0.borrow_mut();
        if let Some(&i) = r.index.get(id) {
            r.tasks[i].2 = Some(at);
        }
    }

    /// The task ended with an error.
    pub fn failed(&self, id: TaskId, at: f64) {
        self.finished(id, at);
        self.0.borrow_mut().failed.push(id);
    }

    /// The task ran on `worker` over `span` (page clock), which replaces the times recorded
    /// when it was handed over.
    pub fn ran_on(&self, id: TaskId, worker: usize, span: Span) {
        let mut r = self.0.borrow_mut();
        if let Some(&i) = r.index.get(id) {
            r.tasks[i].1 = span.start_ms;
            r.tasks[i].2 = Some(span.end_ms);
        }
        r.workers.push((id, worker));
    }

    /// Whether the task has started.
    pub fn has(&self, id: TaskId) -> bool {
        self.0.borrow().index.get(id).is_some()
    }

    /// The worker pool never answered.
    pub fn no_answer(&self) {
        self.0.borrow_mut().no_answer = true;
    }

    pub fn busy(&self, span: Span) {
        self.0.borrow_mut().busy.push(span);
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
