//! What a run records while it happens: each task's start and end, and when the main thread
//! was busy with its work. The live timeline reads it every frame; the report reads it at the end.

use crate::core::predict::Span;
use crate::core::scenario::TaskId;
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Default)]
pub struct Recording {
    /// Each task that has started, with its end once it has one (page clock).
    pub tasks: Vec<(TaskId, f64, Option<f64>)>,
    /// Work bursts and blocking tasks: when the main thread was held.
    pub busy: Vec<Span>,
}

/// A recording shared between a run and whoever watches it.
#[derive(Clone, Default)]
pub struct Recorder(Rc<RefCell<Recording>>);

impl Recorder {
    pub fn started(&self, id: TaskId, at: f64) {
        self.0.borrow_mut().tasks.push((id, at, None));
    }

    pub fn finished(&self, id: TaskId, at: f64) {
        if let Some(task) = self.0.borrow_mut().tasks.iter_mut().rev().find(|t| t.0 == id) {
            task.2 = Some(at);
        }
    }

    pub fn busy(&self, span: Span) {
        self.0.borrow_mut().busy.push(span);
    }

    /// Reads the recording as it is now.
    pub fn with<T>(&self, f: impl FnOnce(&Recording) -> T) -> T {
        f(&self.0.borrow())
    }

    /// The finished tasks' spans.
    pub fn spans(&self) -> Vec<(TaskId, Span)> {
        self.with(|r| {
            r.tasks
                .iter()
                .filter_map(|&(id, start_ms, end)| end.map(|end_ms| (id, Span { start_ms, end_ms })))
                .collect()
        })
    }
}
