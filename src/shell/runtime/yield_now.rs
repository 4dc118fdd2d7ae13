//! Yielding to the event loop: the future resolves in a new task, so the browser can draw a
//! frame and handle input in between.
//!
//! A `MessageChannel` message is used rather than `setTimeout(0)`, which browsers clamp to
//! 4 ms once timeouts nest and would stretch every burst of work by that much.

use wasm_bindgen::JsValue;

/// Gives the main thread back to the event loop once.
pub async fn yield_now() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return;
    };
    let receiver = channel.port1();
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        receiver.set_onmessage(Some(&resolve));
    });
    if channel.port2().post_message(&JsValue::NULL).is_err() {
        return;
    }
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    receiver.set_onmessage(None);
    receiver.close();
    channel.port2().close();
}
