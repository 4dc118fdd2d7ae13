//! Autosave: the scenario and settings go to `localStorage` shortly after each change (a burst
//! of edits is written once), and at once when the page is hidden or closed, so a quick reload
//! loses nothing. Nothing is written until the learner changes something, so merely opening a
//! link never replaces saved work. If a write fails (storage refused, quota full), the page
//! says so once and goes on working.

use crate::core::state::{Action, State};
use crate::core::storage::{self, Saved, NOT_KEPT};
use crate::shell::runtime::storage::write;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// How long after the last change the work is written.
const DELAY_MS: u32 = 300;

/// The text waiting to be written, and where.
type Pending = Rc<RefCell<Option<(String, String)>>>;

#[hook]
pub fn use_autosave(state: &State, key: String, on_action: Callback<Action>) {
    let pending: Pending = use_mut_ref(|| None);
    let timer = use_mut_ref(|| None::<Timeout>);
    let warned = use_mut_ref(|| false);
    let opened = use_mut_ref(|| false);
    let flush = {
        let pending = pending.clone();
        let warned = warned.clone();
        let on_action = on_action.clone();
        Rc::new(move || {
            if let Some((key, text)) = pending.borrow_mut().take() {
                if write(&key, &text).is_err() && !std::mem::replace(&mut *warned.borrow_mut(), true) {
                    on_action.emit(Action::Notice(NOT_KEPT.to_string()));
                }
            }
        })
    };
    {
        // Written at once when the page is hidden or unloaded.
        let flush = flush.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn FnMut()>::new(move || flush());
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("pagehide", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ =
                        w.remove_event_listener_with_callback("pagehide", listener.as_ref().unchecked_ref());
                }
            }
        });
    }
    let saved = Saved {
        scenario: (*state.scenario).clone(),
        lesson: state.lesson(),
        // Loaded or shared work is saved as the lesson's first scenario, edited.
        variant: state.origin.variant().unwrap_or(0),
        scale: state.scale,
        cap_ms: state.cap_ms,
    };
    let watched = (
        state.scenario.clone(),
        state.lesson().id,
        state.origin.variant(),
        state.scale.to_bits(),
        state.cap_ms.to_bits(),
    );
    use_effect_with(watched, move |_| {
        // The state the page opened with is not a change.
        if !std::mem::replace(&mut *opened.borrow_mut(), true) {
            return;
        }
        *pending.borrow_mut() = Some((key, storage::save(&saved)));
        // A newer change replaces the write still waiting.
        *timer.borrow_mut() = Some(Timeout::new(DELAY_MS, move || flush()));
    });
}
