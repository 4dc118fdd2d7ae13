//! Messages to the embedding page: each is posted to `window.parent` (the page itself when
//! not embedded) as a plain object, per the postMessage API in docs/contracts.md.

use crate::core::message::OutMessage;

/// Posts `message` to the parent window. A page without a parent, or a message the browser
/// refuses, is logged and otherwise ignored: messages are a courtesy to course pages.
pub fn post(message: &OutMessage) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let target = window.parent().ok().flatten().unwrap_or_else(|| window.clone());
    let object = match js_sys::JSON::parse(&message.to_json()) {
        Ok(object) => object,
        Err(_) => return,
    };
    if let Err(err) = target.post_message(&object, "*") {
        web_sys::console::warn_2(&"Async Playground: could not post a message".into(), &err);
    }
}
