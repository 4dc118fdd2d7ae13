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
//     gloo-timers = { version = "0.3", features = ["futures"] }
//     js-sys = "0.3"
//     wasm-bindgen-futures = "0.4"
//     web-sys = { version = "0.3", features = ["console", "Performance", "Window"] }
//
// Call `start()` once, for example from your `#[wasm_bindgen(start)]` function.

use gloo_timers::future::TimeoutFuture;
use std::future::Future;

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

/// A timer: the thread is free for the other lanes until it fires.
async fn sleep(ms: f64) {
    TimeoutFuture::new(ms.round() as u32).await;
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

/// Computes for `ms` milliseconds in bursts of `burst_ms`, giving the thread back with
/// `yield_now` between bursts.
async fn work<Y, F>(ms: f64, burst_ms: f64, yield_now: Y)
where
    Y: Fn() -> F,
    F: Future<Output = ()>,
{
    let mut left = ms;
    while left > 0.0 {
        let burst = burst_ms.min(left);
        spin(burst);
        left -= burst;
        if left > 0.0 {
            yield_now().await;
        }
    }
}

/// Gives the thread back with `setTimeout(0)`: a new task, but browsers make nested timeouts
/// wait at least 4 ms.
async fn yield_with_set_timeout() {
    TimeoutFuture::new(0).await;
}

// The lanes: one async fn each, running its tasks one after another.

async fn clock() {
    sleep(0.5 * UNIT_MS).await;
    done("A timer due at 0.5 s");
}

async fn work_lane() {
    work(1.5 * UNIT_MS, 8.0, yield_with_set_timeout).await;
    done("Crunch numbers");
}

/// Runs every lane at once, and waits for all of them whatever happens in the others.
pub async fn run() {
    futures::join!(clock(), work_lane());
    log("finished");
}

/// Starts the run on the browser's event loop. Call it once, for example from your
/// `#[wasm_bindgen(start)]` function.
pub fn start() {
    wasm_bindgen_futures::spawn_local(run());
}
