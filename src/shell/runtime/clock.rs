//! The clock: `performance.now()`, the time origin every measurement shares. On the page it is
//! the page's clock; in a Web Worker, the worker's own, whose origin is when the worker began
//! (add [`time_origin`] to compare the two).

use wasm_bindgen::JsCast;
use web_sys::Performance;

thread_local! {
    /// Looked up once: `now()` is called between every few hundred rounds of CPU work.
    static PERFORMANCE: Option<Performance> = find_performance();
}

fn find_performance() -> Option<Performance> {
    match web_sys::window() {
        Some(window) => window.performance(),
        None => js_sys::global().dyn_into::<web_sys::WorkerGlobalScope>().ok()?.performance(),
    }
}

/// Milliseconds since this context's time origin, as `performance.now()` gives them.
pub fn now() -> f64 {
    PERFORMANCE.with(|p| p.as_ref().map(Performance::now).unwrap_or_default())
}

/// When this context's clock started, in milliseconds since the Unix epoch
/// (`performance.timeOrigin`): the page's and a worker's differ by when the worker began.
pub fn time_origin() -> f64 {
    PERFORMANCE.with(|p| p.as_ref().map(Performance::time_origin).unwrap_or_default())
}
