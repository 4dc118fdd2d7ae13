//! A real network request that takes the latency the scenario sets: a fetch, joined with a
//! timer for the latency. Where the playground's own service worker controls the page
//! (`static/latency-sw.js`, registered by [`register`]), the fetch asks it for
//! `playground-request?ms=…` and the worker answers once the latency has passed, so the
//! Network panel shows the request that long; elsewhere the fetch is of a small asset and the
//! timer alone holds the latency. Either way the request takes at least its latency, whatever
//! a worker does. Dropping the future (a `select` lost, a `try_join` failed, Stop) clears the
//! timer and aborts the fetch through its `AbortSignal`, if it is still going.

use super::clock::now;
use super::recording::Recorder;
use super::timer::sleep;
use crate::core::format::Num;
use crate::core::replay::What;
use crate::core::scenario::TaskId;
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The asset a request fetches where the worker does not answer: small, always shipped.
const ASSET: &str = "favicon.svg";
/// The playground's service worker, relative to the page.
const WORKER: &str = "/latency-sw.js";

/// Whether `worker` (a `ServiceWorker`) is the playground's.
fn is_ours(worker: &JsValue) -> bool {
    Reflect::get(worker, &"scriptURL".into())
        .ok()
        .and_then(|u| u.as_string())
        .is_some_and(|u| u.ends_with(WORKER))
}

/// Registers the service worker that gives requests their latency, where the browser allows
/// one (a secure context; not every embedding frame), and never over another worker: a page
/// that a course site's own service worker controls keeps it (requests then keep their timer).
/// It controls the page once it starts. The app calls it once the scenario has a request task
/// (`app.rs`); registering again is harmless.
pub fn register() {
    let Some(window) = web_sys::window() else { return };
    if !window.is_secure_context() {
        return;
    }
    let Ok(container) = Reflect::get(&window.navigator(), &"serviceWorker".into()) else { return };
    let controller = Reflect::get(&container, &"controller".into()).unwrap_or_default();
    if container.is_undefined() || (controller.is_truthy() && !is_ours(&controller)) {
        return;
    }
    let Ok(register) = Reflect::get(&container, &"register".into()) else { return };
    if let Some(register) = register.dyn_ref::<js_sys::Function>() {
        if let Ok(promise) = register.call1(&container, &WORKER[1..].into()) {
            // A refusal only means requests keep their timer.
            if let Ok(catch) = Reflect::get(&promise, &"catch".into()) {
                if let Some(catch) = catch.dyn_ref::<js_sys::Function>() {
                    let _ =
                        catch.call1(&promise, &wasm_bindgen::closure::Closure::once_into_js(|_: JsValue| ()));
                }
            }
        }
    }
}

/// Whether the playground's service worker controls the page, so it answers requests.
fn worker_answers() -> bool {
    let Some(window) = web_sys::window() else { return false };
    Reflect::get(&window.navigator(), &"serviceWorker".into())
        .and_then(|c| Reflect::get(&c, &"controller".into()))
        .is_ok_and(|controller| controller.is_truthy() && is_ours(&controller))
}

/// Fetches (from the worker, or the asset) and waits `latency_ms`, whichever is longer. A failed
/// fetch (offline, a missing file) is no error here: the latency still holds, as a slow
/// network would.
///
/// A request that `fails` reads the answer as JSON, which an SVG is not: the browser's own
/// parser rejects it, and that rejection is the error returned, once the latency has passed.
pub async fn request(latency_ms: f64, fails: bool, recorder: &Recorder, id: TaskId) -> Result<(), JsValue> {
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
        let url = if by_worker {
            format!("playground-request?ms={}", Num(latency_ms.round()))
        } else {
            ASSET.into()
        };
        recorder.event(id, What::FetchSent, now());
        let promise = window.fetch_with_str_and_init(&url, &init);
        let Ok(response) = JsFuture::from(promise).await else {
            recorder.event(id, What::FetchAnswered { ok: true }, now());
            return Ok(());
        };
        let response: web_sys::Response = wasm_bindgen::JsCast::unchecked_into(response);
        let body = if fails { response.json() } else { response.text() }?;
        let read = JsFuture::from(body).await.map(drop);
        recorder.event(id, What::FetchAnswered { ok: read.is_ok() }, now());
        read
    };
    let timer = sleep(latency_ms, recorder, id);
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
