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
//     wasm-bindgen-futures = "0.4"
//     web-sys = { version = "0.3", features = ["console"] }
//
// Call `start()` once, for example from your `#[wasm_bindgen(start)]` function.

use gloo_timers::future::TimeoutFuture;
use std::cell::Cell;

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

/// What the update tasks share: a counter that starts at 0, and the one async lock.
#[derive(Default)]
struct Shared {
    counter: Cell<u32>,
}

/// Waits `ms`, then reads the shared counter and writes it back plus one at once: no await
/// between the read and the write, so no other lane can come in between.
async fn update_after_wait(counter: &Cell<u32>, ms: f64) {
    sleep(ms).await;
    counter.set(counter.get() + 1);
}

// The lanes: one async fn each, running its tasks one after another.

async fn alice(shared: &Shared) {
    update_after_wait(&shared.counter, 2.0 * UNIT_MS).await;
    done("Alice adds a like");
}

async fn bob(shared: &Shared) {
    update_after_wait(&shared.counter, 2.0 * UNIT_MS).await;
    done("Bob adds a like");
}

/// Runs every lane at once, and waits for all of them whatever happens in the others.
pub async fn run() {
    let shared = Shared::default();
    futures::join!(alice(&shared), bob(&shared));
    log(&format!("counter: {}", shared.counter.get()));
    log("finished");
}

/// Starts the run on the browser's event loop. Call it once, for example from your
/// `#[wasm_bindgen(start)]` function.
pub fn start() {
    wasm_bindgen_futures::spawn_local(run());
}
