//! Where the order question of "One turn of the event loop" stands on the stage: the question,
//! and the puzzle, which comes with the extras (`shell::extras`), loaded when a lesson asking
//! the order question first opens.

use crate::core::lesson::Lesson;
use crate::core::state::Action;
use crate::shell::extras::TURN_RAN;
use crate::shell::hooks::{use_extra, Extra};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TurnHostProps {
    pub lesson: &'static Lesson,
    pub on_action: Callback<Action>,
}

#[function_component(TurnHost)]
pub fn turn_host(props: &TurnHostProps) -> Html {
    let host = use_node_ref();
    let on_ran = props.on_action.reform(|_: String| Action::TurnRan);
    let extra = Extra {
        kind: "turn",
        arg: props.lesson.id.to_string(),
        event: Some((TURN_RAN, on_ran)),
        when_near: false,
    };
    use_extra(host.clone(), extra);
    html! {
        <section class="predict turn" aria-labelledby="turn-title">
            <h2 id="turn-title">{ "Predict, then run" }</h2>
            <p id="turn-question">{ props.lesson.question.ask(props.lesson.unit) }</p>
            <div class="turn-host" ref={host}><p class="booting-extra">{ "Loading the puzzle\u{2026}" }</p></div>
        </section>
    }
}
