//! Undo and redo: the scenarios before the current one, and those after it once undone, each
//! with where it came from, so Undo brings back a lesson with its lanes. At most
//! [`UNDO_DEPTH`] steps back; past that the oldest is forgotten first.

use crate::core::origin::Origin;
use crate::core::scenario::Scenario;
use std::rc::Rc;

/// How many changes undo remembers.
pub const UNDO_DEPTH: usize = 200;

/// A scenario on the page and where it came from.
pub type Entry = (Rc<Scenario>, Origin);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct UndoHistory {
    /// Oldest first. A Vec rather than a VecDeque: at most 200 entries, so dropping the
    /// oldest is cheap, and a second collection type would cost the first view bytes.
    past: Vec<Entry>,
    /// The next to redo last.
    future: Vec<Entry>,
}

impl UndoHistory {
    /// Remembers `current` before it is replaced; a new change forgets what could be redone.
    pub fn record(&mut self, current: Entry) {
        self.past.push(current);
        if self.past.len() > UNDO_DEPTH {
            self.past.remove(0);
        }
        self.future.clear();
    }

    /// The entry before `current`, which becomes redoable.
    pub fn undo(&mut self, current: Entry) -> Option<Entry> {
        let previous = self.past.pop()?;
        self.future.push(current);
        Some(previous)
    }

    /// The entry undone last, with `current` undoable again.
    pub fn redo(&mut self, current: Entry) -> Option<Entry> {
        let later = self.future.pop()?;
        self.past.push(current);
        Some(later)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lesson;

    #[test]
    fn undo_goes_back_newest_first_at_most_its_depth_and_a_change_forgets_the_redo() {
        let origin = Origin::variant_of(lesson::default_lesson(), 0);
        let scenarios: Vec<Rc<Scenario>> =
            (0..UNDO_DEPTH + 5).map(|_| Rc::new(Scenario::new(vec![]).unwrap())).collect();
        let now = (Rc::new(Scenario::new(vec![]).unwrap()), origin);
        let mut history = UndoHistory::default();
        for s in &scenarios {
            history.record((s.clone(), origin));
        }
        let mut undone = Vec::new();
        while let Some((s, _)) = history.undo(now.clone()) {
            undone.push(s);
        }
        assert_eq!(undone.len(), UNDO_DEPTH);
        assert!(Rc::ptr_eq(&undone[0], scenarios.last().unwrap()), "newest first");
        assert!(Rc::ptr_eq(undone.last().unwrap(), &scenarios[5]), "the oldest five forgotten");
        assert!(history.can_redo());
        history.record(now.clone());
        assert!(!history.can_redo() && history.redo(now).is_none());
    }
}
