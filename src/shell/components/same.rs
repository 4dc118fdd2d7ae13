//! An `Rc` compared by identity: the key of a memo or an effect that must rerun for a new value,
//! not look inside it (a scenario, a run, a replay: cheap whatever their size).

use std::rc::Rc;

#[derive(Clone)]
pub struct Same<T>(pub Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
