//! Where the order question of "One turn of the event loop" stands on the stage: the question,
//! and the puzzle, which comes with the extras (`shell::extras`), loaded when a lesson asking
//! the order question first opens.

use super::extra_host::{Answer, Arg, ExtraHost};
use crate::core::lesson::Lesson;
use crate::core::state::Action;
use yew::prelude::*;

pub fn turn_host(lesson: &'static Lesson, on_action: &Callback<Action>) -> Html {
    // The puzzle reads its lesson's file itself; a lesson of its own is a puzzle of its own.
    let arg = Arg::made(lesson.id.to_string());
    html! {
        <section class="predict turn" aria-labelledby="turn-title">
            <h2 id="turn-title">{ "Predict, then run" }</h2>
            <p id="turn-question">{ lesson.question.ask(lesson.unit) }</p>
            <ExtraHost key={lesson.id} kind="turn" class="turn-host" {arg} when_near=false answer={Some((Answer::TurnRan, on_action.clone()))}>
                <p class="booting-extra">{ "Loading the puzzle\u{2026}" }</p>
            </ExtraHost>
        </section>
    }
}
