/// The page's clock, in milliseconds.
fn now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or_else(js_sys::Date::now, |performance| performance.now())
}

/// Keeps the main thread busy for `ms` milliseconds, as real work (an image filter, a parser)
/// would. Nothing else on the page runs meanwhile.
fn spin(ms: f64) {
    let deadline = now() + ms;
    while now() < deadline {
        // Busy: real work would compute something here.
    }
}
