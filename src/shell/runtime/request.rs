//! A real network request: a `fetch` of a small asset from the app's own origin, so a real
//! promise resolves, alongside a timer for the latency the scenario sets. Dropping the future
//! (a `select` lost, a `try_join` failed, Stop) clears the timer and aborts the fetch through
//! its `AbortSignal`, if it is still going.

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The asset every request fetches: small, always shipped, never cached.
const ASSET: &str = "favicon.svg";

/// Fetches the asset and waits `latency_ms`, whichever is longer. A failed fetch (offline, a
/// missing file) is no error here: the latency still holds, as a slow network would.
///
/// A request that `fails` reads the answer as JSON, which an SVG is not: the browser's own
/// parser rejects it, and that rejection is the error returned, once the latency has passed.
pub async fn request(latency_ms: f64, fails: bool) -> Result<(), JsValue> {
    // Aborts the fetch when the request is dropped before it is done.
    let mut abort = AbortOnDrop(web_sys::AbortController::new().ok());
    let fetch = async {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
        let init = web_sys::RequestInit::new();
        init.set_cache(web_sys::RequestCache::NoStore);
        if let Some(controller) = &abort.0 {
            init.set_signal(Some(&controller.signal()));
        }
        let promise = window.fetch_with_str_and_init(ASSET, &init);
        let Ok(response) = JsFuture::from(promise).await else {
            return Ok(());
        };
        let response: web_sys::Response = wasm_bindgen::JsCast::unchecked_into(response);
        let body = if fails { response.json() } else { response.text() }?;
        JsFuture::from(body).await.map(drop)
    };
    let (result, ()) = futures::join!(fetch, TimeoutFuture::new(latency_ms.round() as u32));
    // Done: nothing left to abort.
    abort.0 = None;
    match result {
        Err(error) if fails => Err(error),
        _ => Ok(()),
    }
}

/// Calls `abort()` on its controller when dropped.
struct AbortOnDrop(Option<web_sys::AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = &self.0 {
            controller.abort();
        }
    }
}
