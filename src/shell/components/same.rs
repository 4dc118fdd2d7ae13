//! An `Rc` compared by identity: the key of a memo or an effect that must rerun for a new value,
//! not look inside it, and the props that carry a run (a run's report compared field by field
//! would walk its tasks and events on every render): cheap whatever their size.

use std::ops::Deref;
use std::rc::Rc;

#[derive(Clone)]
pub struct Same<T>(pub Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Same<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}
