// Async Playground: this scenario as Rust futures, to run in a browser (wasm32).
//
// Each lane is an async fn. The lanes run at once, on the page's one thread; the tasks of a
// lane run one after another. Each task logs `done: <label>` to the console as it ends (or
// `failed: <label>`), and the run ends with `finished`.
//
// A future is lazy, unlike a JavaScript promise: calling an async fn only builds it, and
// nothing runs until it is polled. The lanes start together because the join (or select)
// polls them together; `let a = lane_a(); let b = lane_b(); a.await; b.await;` would run them
// one after the other.
//
// Dependencies (Cargo.toml):
//     wasm-bindgen-futures = "0.4"
//     web-sys = { version = "0.3", features = ["console"] }
//
// Call `start()` once, for example from your `#[wasm_bindgen(start)]` function.

/// Writes one line to the browser's console.
fn log(line: &str) {
    web_sys::console::log_1(&line.into());
}

/// Runs the scenario: it has no lanes, so there is nothing to wait for.
pub async fn run() {
    log("finished");
}

/// Starts the run on the browser's event loop. Call it once, for example from your
/// `#[wasm_bindgen(start)]` function.
pub fn start() {
    wasm_bindgen_futures::spawn_local(run());
}
