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
    /// Why the last value given here was not taken (`State::settings_note`); empty when none.
    pub note: String,
    pub on_action: Callback<Action>,
}

/// The field an input event came from.
fn field(e: &Event) -> Option<HtmlInputElement> {
    e.target_dyn_into::<HtmlInputElement>()
}

/// What a number field does with a change: it shows `shown`, the setting in use, again, and
/// hands the number typed (NaN if none) to the state as `action`, which takes it (the field is
/// then set to it) or refuses it and says why. A field never shows what the page does not hold.
fn number_setting(shown: f64, action: fn(f64) -> Action, on_action: &Callback<Action>) -> Callback<Event> {
    let on_action = on_action.clone();
    Callback::from(move |e: Event| {
        let Some(input) = field(&e) else { return };
        // (A number field's value is a number's text or empty: the browser sanitizes it.)
        let typed = crate::core::number::parse(&input.value()).unwrap_or(f64::NAN);
        input.set_value_as_number(shown);
        on_action.emit(action(typed));
    })
}

/// Drawn again only when a setting or the run changes ([`Memo`]). Each field's value is set as a
/// property, `valueAsNumber`, which is set only when its setting changes: Yew's own `value` is
/// put back on every render where the field shows something else, which would take away a value
/// being typed (a cap typed during a run, when the run ends; any field, when a course page
/// loads a scenario). Yew applies a field's attributes in the order written, so `type` comes
/// before `~valueAsNumber`, which only a number field takes.
#[inline(never)] // not in the first view, so not in its wasm (ARCHITECTURE.md, Invariants)
pub fn run_controls(props: RunControlsProps) -> Html {
    let inputs = Inputs::default()
        .value(props.running.map_or(0, |m| m as u64 + 1))
        .value(props.scale.to_bits())
        .value(props.cap_ms.to_bits())
        .value(props.workers as u64)
        .value(props.comparing as u64)
        .text(props.note.as_str());
    let view: Rc<dyn Fn() -> Html> = Rc::new(move || run_controls_view(&props));
    html! { <Memo {inputs} {view} /> }
}

fn run_controls_view(props: &RunControlsProps) -> Html {
    let on_scale = number_setting(props.scale, Action::SetScale, &props.on_action);
    let on_cap =
        number_setting(props.cap_ms / 1000.0, |seconds| Action::SetCap(seconds * 1000.0), &props.on_action);
    let on_workers = {
        let on_action = props.on_action.clone();
        let workers = props.workers;
        Callback::from(move |e: Event| {
            let Some(input) = field(&e) else { return };
            match parse_size(&input.value()) {
                Ok(n) => {
                    on_action.emit(Action::SetWorkers(n));
                }
                Err(why) => {
                    // Say why, and put back the size in use: nothing else changes.
                    input.set_value(&workers.to_string());
                    on_action.emit(Action::SettingRefused(why));
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
                    ~valueAsNumber={props.scale}
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
                    ~valueAsNumber={props.cap_ms / 1000.0}
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
                    ~valueAsNumber={props.workers as f64}
                    onchange={on_workers}
                    disabled={running}
                />
            </label>
            // Beside the fields, where the learner is looking (the status line may be out of view).
            <p class="settings-note" aria-live="polite">{ props.note.as_str() }</p>
            <p class="fine">
                { "A blocking run longer than the cap does not start: nothing could stop it once it holds the page's only thread. Workers mode starts this many Web Workers for each run (the default is one per core, up to four); a worker computing a task when its run ends finishes that task first." }
            </p>
        </section>
    }
}
