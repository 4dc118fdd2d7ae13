//! Runs a lesson's turn of the event loop from the click that asks for it, and keeps the
//! latest report.

use crate::core::turn::{Step, TurnReport};
use crate::shell::runtime::turn;
use std::rc::Rc;
use yew::prelude::*;

pub struct UseTurnHandle {
    /// The latest run: the learner's order then, and what was logged.
    pub report: Option<Rc<TurnReport>>,
    /// Call it from a click's own handler, with the learner's order at that moment.
    pub run: Callback<Vec<usize>>,
}

/// `on_ran` is called after each run, once every line has been logged (or a second passed).
#[hook]
pub fn use_turn(steps: &'static [Step], on_ran: Callback<()>) -> UseTurnHandle {
    let report = use_state(|| None::<Rc<TurnReport>>);
    let run = {
        let report = report.clone();
        Callback::from(move |guess: Vec<usize>| {
            let (report, on_ran) = (report.clone(), on_ran.clone());
            let done = Callback::from(move |r: TurnReport| {
                report.set(Some(Rc::new(r)));
                on_ran.emit(());
            });
            turn::run(steps, guess, done);
        })
    };
    UseTurnHandle { report: (*report).clone(), run }
}
