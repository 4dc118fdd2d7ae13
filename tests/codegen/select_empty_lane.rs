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
//     futures = { version = "0.3", default-features = false, features = ["std", "async-await"] }
//     js-sys = "0.3"
//     wasm-bindgen-futures = "0.4"
//     web-sys = { version = "0.3", features = ["console", "Performance", "Window"] }
//
// Call `start()` once, for example from your `#[wasm_bindgen(start)]` function.

use futures::FutureExt;

/// Real milliseconds per scenario unit.
const UNIT_MS: f64 = 1000.0;

/// Writes one line to the browser's console.
fn log(line: &str) {
    web_sys::console::log_1(&line.into());
}

/// Logs a task that has finished: `done: <label>`.
fn done(label: &str) {
    log(&format!("done: {label}"));
}

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

// The lanes: one async fn each, running its tasks one after another.

async fn nothing_to_do() {}

async fn busy() {
    spin(1.0 * UNIT_MS); // never yields: holds the thread throughout
    done("Compute first");
}

/// Runs every lane at once, until the first one finishes.
pub async fn run() {
    let nothing_to_do = nothing_to_do().fuse();
    let busy = busy().fuse();
    futures::pin_mut!(nothing_to_do, busy);
    // select! takes the first lane to finish (if several are ready at once, it picks
    // one at random); the others are dropped, mid-task, which cancels them (a dropped
    // timer is cleared), so they log nothing more.
    futures::select! {
        () = nothing_to_do => {},
        () = busy => {},
    }
    log("finished");
}

/// Starts the run on the browser's event loop. Call it once, for example from your
/// `#[wasm_bindgen(start)]` function.
pub fn start() {
    wasm_bindgen_futures::spawn_local(run());
}
