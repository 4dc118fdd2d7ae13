//! Commands from the embedding page (the postMessage API's incoming half): `{type: "load",
//! scenario}`, `{type: "run", mode}`, and the handshake: `{type: "ping"}` (answered by `pong`)
//! and `{type: "get-state"}` (answered by `state`, from the latest render's state). Anything
//! malformed or oversized is ignored with a console warning; it never breaks the page or
//! touches the current scenario. Commands that come before the rest of the page's wasm wait
//! for it, in order.

use crate::core::message::{is_own, InMessage, OutMessage, MAX_IN_BYTES};
use crate::core::mode::Mode;
use crate::core::state::{Action, State};
use crate::shell::runtime::page_rest;
use crate::shell::runtime::post::post;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

fn warn(why: &str) {
    web_sys::console::warn_1(&format!("Async Playground ignored a message: {why}").into());
}

/// Reads a message's data as JSON, within the size limit.
fn read(data: &JsValue) -> Result<crate::core::json::Value, String> {
    let text =
        js_sys::JSON::stringify(data).ok().and_then(|t| t.as_string()).ok_or("it cannot be read as JSON")?;
    if text.len() > MAX_IN_BYTES {
        return Err(format!("it is {} bytes, over the {MAX_IN_BYTES}-byte limit", text.len()));
    }
    crate::core::json::read(&text)
}

#[hook]
pub fn use_commands(on_action: Callback<Action>, run: Callback<Mode>, state: UseReducerHandle<State>) {
    // The listener lives as long as the app; it always calls the latest run callback and
    // answers from the latest state.
    let latest_run = use_mut_ref(|| run.clone());
    *latest_run.borrow_mut() = run;
    let latest_state = use_mut_ref(|| state.clone());
    *latest_state.borrow_mut() = state;
    use_effect_with((), move |_| {
        // Called through a pointer, so that carrying out a command is code of its own, which
        // the first view's wasm need not hold: the listener below only queues it.
        let handle: Rc<dyn Fn(&JsValue)> = Rc::new(move |data: &JsValue| {
            let command = read(data).and_then(|value| InMessage::parse(&value));
            match command {
                Ok(Some(InMessage::Load(scenario))) => on_action.emit(Action::Load(Rc::new(scenario))),
                Ok(Some(InMessage::Run(mode))) => latest_run.borrow().emit(mode),
                Ok(Some(InMessage::Ping)) => post(&OutMessage::pong()),
                Ok(Some(InMessage::GetState)) => post(&OutMessage::state(&latest_state.borrow())),
                Ok(None) => {}
                Err(why) => warn(&why),
            }
        });
        let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            // The page's own messages (it posts to itself when it is not embedded) are not
            // commands: left alone before they are read, as a run of thousands of tasks makes
            // its run-finished a megabyte of JSON.
            let kind = js_sys::Reflect::get(&e.data(), &"type".into()).ok().and_then(|t| t.as_string());
            if kind.as_deref().is_some_and(is_own) {
                return;
            }
            // Handled once the rest of the page's wasm has come (at once after that), in the
            // order they came: reading and carrying out a command is the rest's code, and a
            // course page often sends `load` as soon as `ready` comes, which would otherwise
            // load the rest synchronously, holding the page still for the whole download.
            let (handle, data) = (handle.clone(), e.data());
            wasm_bindgen_futures::spawn_local(async move {
                page_rest::arrived().await;
                handle(&data);
            });
        });
        let window = web_sys::window();
        if let Some(window) = &window {
            let _ = window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(window) = window {
                let _ =
                    window.remove_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
            }
        }
    });
}
