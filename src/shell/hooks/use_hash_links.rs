//! A share link pasted into the address bar of an open playground changes only the fragment,
//! so the page does not reload: the `hashchange` is handled here like a link opened afresh
//! (undoably, or with a message saying why not, keeping the current scenario).

use crate::core::share;
use crate::core::state::Action;
use crate::shell::runtime::share_links;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[hook]
pub fn use_hash_links(on_action: Callback<Action>) {
    use_effect_with((), move |_| {
        let listener = Closure::<dyn FnMut()>::new(move || {
            let Some(window) = web_sys::window() else { return };
            let location = window.location();
            let hash = location.hash().unwrap_or_default();
            if share::link_value(&hash).is_none() {
                return;
            }
            let on_action = on_action.clone();
            // A link naming a lesson not read yet is opened once its file is fetched.
            wasm_bindgen_futures::spawn_local(async move {
                let (result, failed) = share_links::open(&hash).await;
                for why in failed {
                    on_action.emit(Action::Notice(why));
                }
                if let Some(result) = result {
                    open(result, &on_action);
                }
            });
            let url = format!(
                "{}{}",
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
            }
        });
        let window = web_sys::window();
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(w) = window {
                let _ =
                    w.remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
            }
        }
    });
}

fn open(result: Result<share::Decoded, share::ShareError>, on_action: &Callback<Action>) {
    match result {
        Ok(decoded) => {
            for warning in decoded.warnings {
                on_action.emit(Action::Notice(warning));
            }
            let shared = decoded.shared;
            on_action.emit(Action::OpenShared {
                scenario: Rc::new(shared.scenario),
                lesson: shared.lesson,
                scale: shared.scale,
            });
        }
        Err(why) => on_action.emit(Action::Notice(why.to_string())),
    }
}
