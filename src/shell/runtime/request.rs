//! A real network request that takes the latency the scenario sets. Where the playground's
//! service worker controls the page (`static/latency-sw.js`, registered by [`register`]), the
//! fetch itself takes it: the worker answers after the latency, so the Network panel shows the
//! request that long. Elsewhere it fetches a small asset from the app's own origin, with a
//! timer alongside for the latency. Dropping the future (a `select` lost, a `try_join` failed,
//! Stop) clears the timer and aborts the fetch through its `AbortSignal`, if it is still going.

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The asset every request fetches: small, always shipped, never cached.
const ASSET: &str = "favicon.svg";

/// Registers the service worker that gives requests their latency, where the browser allows
/// one (a secure context; not every embedding frame). It controls the page once it starts.
pub fn register() {
    let Some(window) = web_sys::window() else { return };
    if !window.is_secure_context() {
        return;
    }
    let Ok(container) = js_sys::Reflect::get(&window.navigator(), &"serviceWorker".into()) else { return };
    let Ok(register) = js_sys::Reflect::get(&container, &"register".into()) else { return };
    if let Some(register) = register.dyn_ref::<js_sys::Function>() {
        if let Ok(promise) = register.call1(&container, &"latency-sw.js".into()) {
            // A refusal (no service workers here) only means requests keep their timer.
            if let Ok(catch) = js_sys::Reflect::get(&promise, &"catch".into()) {
                if let Some(catch) = catch.dyn_ref::<js_sys::Function>() {
                    let _ =
                        catch.call1(&promise, &wasm_bindgen::closure::Closure::once_into_js(|_: JsValue| ()));
                }
            }
        }
    }
}

/// Whether the service worker controls the page, so a request's fetch takes its latency.
fn worker_answers() -> bool {
    let Some(window) = web_sys::window() else { return false };
    js_sys::Reflect::get(&window.navigator(), &"serviceWorker".into())
        .and_then(|c| js_sys::Reflect::get(&c, &"controller".into()))
        .is_ok_and(|controller| controller.is_truthy())
}

/// Fetches the asset and waits `latency_ms`, whichever is longer. A failed fetch (offline, a
/// missing file) is no error here: the latency still holds, as a slow network would.
///
/// A request that `fails` reads the answer as JSON, which an SVG is not: the browser's own
/// parser rejects it, and that rejection is the error returned, once the latency has passed.
pub async fn request(latency_ms: f64, fails: bool) -> Result<(), JsValue> {
    // Aborts the fetch when the request is dropped before it is done.
    let mut abort = AbortOnDrop(web_sys::AbortController::new().ok());
    let by_worker = worker_answers();
    let fetch = async {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
        let init = web_sys::RequestInit::new();
        init.set_cache(web_sys::RequestCache::NoStore);
        if let Some(controller) = &abort.0 {
            init.set_signal(Some(&controller.signal()));
        }
        let url =
            if by_worker { format!("playground-request?ms={}", latency_ms.round()) } else { ASSET.into() };
        let promise = window.fetch_with_str_and_init(&url, &init);
        let Ok(response) = JsFuture::from(promise).await else {
            return Ok(());
        };
        let response: web_sys::Response = wasm_bindgen::JsCast::unchecked_into(response);
        let body = if fails { response.json() } else { response.text() }?;
        JsFuture::from(body).await.map(drop)
    };
    let timer = TimeoutFuture::new(if by_worker { 0 } else { latency_ms.round() as u32 });
    let (result, ()) = futures::join!(fetch, timer);
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
