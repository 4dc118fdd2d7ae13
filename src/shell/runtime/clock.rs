//! The page's clock: `performance.now()`, the time origin every measurement shares.

/// Milliseconds since the page's time origin, as `performance.now()` gives them.
pub fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or_default()
}
