//! Autosave: the scenario and settings go to `localStorage` shortly after each change (a burst
//! of edits is written once). If a write fails (storage refused, quota full), the page says
//! once that changes will not be kept, and goes on working.

use super::use_boot::NOT_KEPT;
use crate::core::state::{Action, State};
use crate::core::storage::{self, Saved};
use crate::shell::runtime::storage::write;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How long after the last change the work is written.
const DELAY_MS: u32 = 300;

#[hook]
pub fn use_autosave(state: &State, on_action: Callback<Action>) {
    let pending = use_mut_ref(|| None::<Timeout>);
    let saved = Saved {
        scenario: (*state.scenario).clone(),
        lesson: state.lesson,
        variant: state.variant,
        scale: state.scale,
        cap_ms: state.cap_ms,
    };
    let key = (
        state.scenario.clone(),
        state.lesson.id,
        state.variant,
        state.scale.to_bits(),
        state.cap_ms.to_bits(),
    );
    use_effect_with(key, move |_| {
        // A newer change replaces the write still waiting.
        *pending.borrow_mut() = Some(Timeout::new(DELAY_MS, move || {
            if write(storage::KEY, &storage::save(&saved)).is_err() {
                on_action.emit(Action::Notice(NOT_KEPT.to_string()));
            }
        }));
    });
}
