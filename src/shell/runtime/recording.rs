//! What a run records while it happens: each task's start and end, and when the main thread
//! was busy with its work. The live timeline reads it every frame; the report reads it at the end.

use crate::core::predict::Span;
use crate::core::scenario::TaskId;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Default)]
pub struct Recording {
    /// Each task that has started, with its end once it has one (page clock), in start order.
    pub tasks: Vec<(TaskId, f64, Option<f64>)>,
    /// Where each task is in `tasks`.
    index: HashMap<TaskId, usize>,
    /// Work bursts and blocking tasks: when the main thread was held.
    pub busy: Vec<Span>,
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
        if let Some(&i) = r.index.get(&id) {
            r.tasks[i].2 = Some(at);
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
