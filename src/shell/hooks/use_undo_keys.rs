//! Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y, ⌘ on a Mac) anywhere on the page undo and redo edits,
//! except in a text field, where they keep their usual meaning for the text.

use crate::core::state::Action;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[hook]
pub fn use_undo_keys(on_action: Callback<Action>) {
    use_effect_with((), move |_| {
        let listener = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
            if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
                return;
            }
            let in_field = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|t| matches!(t.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
            if in_field {
                return;
            }
            let action = match e.key().to_ascii_lowercase().as_str() {
                "z" if e.shift_key() => Action::Redo,
                "z" => Action::Undo,
                "y" => Action::Redo,
                _ => return,
            };
            e.prevent_default();
            on_action.emit(action);
        });
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(document) = &document {
            let _ = document.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(document) = document {
                let _ = document
                    .remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
        }
    });
}
