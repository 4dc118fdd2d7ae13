//! A real network request: a `fetch` of a small asset from the app's own origin, so a real
//! promise resolves, alongside a timer for the latency the scenario sets.

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_futures::JsFuture;

/// The asset every request fetches: small, always shipped, never cached.
const ASSET: &str = "favicon.svg";

/// Fetches the asset and waits `latency_ms`, whichever is longer. A failed fetch (offline, a
/// missing file) is no error here: the latency still holds, as a slow network would.
pub async fn request(latency_ms: f64) {
    let fetch = async {
        let Some(window) = web_sys::window() else {
            return;
        };
        let init = web_sys::RequestInit::new();
        init.set_cache(web_sys::RequestCache::NoStore);
        let promise = window.fetch_with_str_and_init(ASSET, &init);
        if let Ok(response) = JsFuture::from(promise).await {
            let response: web_sys::Response = wasm_bindgen::JsCast::unchecked_into(response);
            if let Ok(body) = response.text() {
                let _ = JsFuture::from(body).await;
            }
        }
    };
    futures::join!(fetch, TimeoutFuture::new(latency_ms.round() as u32));
}
