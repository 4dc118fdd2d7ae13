//! Run settings, below the stage: the time scale, the blocking cap and the number of workers.

use super::memo::{Inputs, Memo};
use crate::core::cap;
use crate::core::format::Num;
use crate::core::mode::Mode;
use crate::core::params::{MAX_SCALE, MIN_SCALE};
use crate::core::pool::{parse_size, MAX_WORKERS};
use crate::core::state::Action;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub struct RunControlsProps {
    pub running: Option<Mode>,
    pub scale: f64,
    pub cap_ms: f64,
    pub workers: usize,
    /// `Compare all` is going.
    pub comparing: bool,
    pub on_action: Callback<Action>,
}

fn number_from(e: &Event) -> Option<f64> {
    let value = crate::core::number::parse(e.target_dyn_into::<HtmlInputElement>()?.value().trim())?;
    value.is_finite().then_some(value)
}

/// Drawn again only when a setting or the run changes ([`Memo`]): the fields show the settings,
/// and a render of the app must not put back a value the learner is typing.
pub fn run_controls(props: RunControlsProps) -> Html {
    let inputs = Inputs::default()
        .value(props.running.map_or(0, |m| m as u64 + 1))
        .value(props.scale.to_bits())
        .value(props.cap_ms.to_bits())
        .value(props.workers as u64)
        .value(props.comparing as u64);
    let view: Rc<dyn Fn() -> Html> = Rc::new(move || run_controls_view(&props));
    html! { <Memo {inputs} {view} /> }
}

fn run_controls_view(props: &RunControlsProps) -> Html {
    let on_scale = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            if let Some(scale) = number_from(&e) {
                on_action.emit(Action::SetScale(scale));
            }
        })
    };
    let on_cap = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            if let Some(seconds) = number_from(&e) {
                on_action.emit(Action::SetCap(seconds * 1000.0));
            }
        })
    };
    let on_workers = {
        let on_action = props.on_action.clone();
        let workers = props.workers;
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            match parse_size(&input.value()) {
                Ok(n) => {
                    on_action.emit(Action::SetWorkers(n));
                }
                Err(why) => {
                    // Say why, and put back the size in use: nothing else changes.
                    input.set_value(&workers.to_string());
                    on_action.emit(Action::RunRefused(why));
                }
            }
        })
    };
    let running = props.running.is_some() || props.comparing;
    html! {
        <section class="run-controls" aria-label="Run settings">
            <label>
                { "Time scale " }
                <input
                    type="number"
                    min={Num(MIN_SCALE).to_string()}
                    max={Num(MAX_SCALE).to_string()}
                    step="any"
                    value={Num(props.scale).to_string()}
                    onchange={on_scale}
                    disabled={running}
                />
                { " ms per unit" }
            </label>
            <label>
                { "Blocking cap " }
                <input
                    type="number"
                    min="1"
                    max={Num(cap::MAX_MS / 1000.0).to_string()}
                    step="1"
                    value={Num(props.cap_ms / 1000.0).to_string()}
                    onchange={on_cap}
                />
                { " s" }
            </label>
            <label>
                { "Workers " }
                <input
                    type="number"
                    min="1"
                    max={MAX_WORKERS.to_string()}
                    step="1"
                    value={props.workers.to_string()}
                    onchange={on_workers}
                    disabled={running}
                />
            </label>
            <p class="fine">
                { "A blocking run longer than the cap does not start: nothing could stop it once it holds the page's only thread. Workers mode starts this many Web Workers for each run (the default is one per core, up to four); a worker computing a task when its run ends finishes that task first." }
            </p>
        </section>
    }
}
