//! The rest of the page's own wasm: a release build splits it in two (`xtask/src/split.rs`),
//! what the page runs until the rest arrives, and the rest, which the boot script
//! (`xtask/src/boot.rs`) fetches once the first view is drawn and links in. What the page does
//! of its own accord after its first view (what stands below the stage, the runner's preload)
//! waits for [`arrived`], so that it never needs the rest before it is there, and the first
//! view's wasm holds only what the first view runs.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the boot script leaves the promise that the rest has arrived: kept once it is linked,
/// at once where the wasm is not split, never where it cannot be had (the boot script says so).
const GLOBAL: &str = "__playgroundRest";

/// Where the boot script leaves the function that, given `true`, fetches the rest now rather
/// than after the first view (once, whoever asks).
const NOW: &str = "__playgroundRestNow";

/// Once the rest of the page's wasm has arrived; at once where nothing says it is coming (a
/// `trunk serve` build, the browser tests); never where it cannot be had.
pub async fn arrived() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Reflect::get(&window, &JsValue::from_str(GLOBAL))
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(promise) = promise {
        let _ = JsFuture::from(promise).await;
    }
}

/// Before the first view: asks the boot script for the rest now if `now` (the page opens with
/// something only the rest's code reads: a share link, saved work), and then waits for it, so
/// that reading it never loads the rest synchronously (which would hold the page still for the
/// whole download). Never returns then where the rest cannot be had: the boot script says so,
/// and nothing is opened half-read. Called on every start, `now` or not, and the boot script
/// decides: the split keeps in the first view only code the profile ran, and a function called
/// only with a link or saved work would itself be in the rest.
pub async fn before_first_view(now: bool) {
    if let Some(window) = web_sys::window() {
        if let Ok(ask) = js_sys::Reflect::get(&window, &JsValue::from_str(NOW))
            .and_then(|f| f.dyn_into::<js_sys::Function>())
        {
            let _ = ask.call1(&JsValue::UNDEFINED, &JsValue::from_bool(now));
        }
    }
    if now {
        arrived().await;
    }
}
