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
//     wasm-bindgen = "0.2"
//     wasm-bindgen-futures = "0.4"
//     web-sys = { version = "0.3", features = [
//         "console", "MessageChannel", "MessagePort", "Performance", "Window",
//     ] }
//
// Call `start()` once, for example from your `#[wasm_bindgen(start)]` function.

use gloo_timers::future::TimeoutFuture;
use std::cell::Cell;
use std::future::Future;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

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

thread_local! {
    /// When the last frame ran and the work last yielded, and whether frames are watched.
    static FRAMES: (Cell<f64>, Cell<f64>, Cell<bool>) = const { (Cell::new(0.0), Cell::new(0.0), Cell::new(false)) };
}

/// Notes when each frame runs, for as long as the work keeps yielding.
fn watch_frames() {
    let frame = Closure::once_into_js(|| {
        let watching = FRAMES.with(|(last_frame, last_yield, watching)| {
            last_frame.set(now());
            watching.set(now() - last_yield.get() < 100.0);
            watching.get()
        });
        if watching {
            watch_frames();
        }
    });
    let window = web_sys::window().expect("a browser window");
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

/// Gives the thread back by a `MessageChannel` message, after the next frame when one is due.
/// Some browsers (Firefox) run message tasks ahead of drawing: yielding by messages alone, the
/// page can draw only a few frames a second. When no frame ran for 16 ms, the work waits for
/// the next one (or 100 ms: a hidden page draws none).
async fn yield_frame_aware() {
    let (due, was_watching) = FRAMES.with(|(last_frame, last_yield, watching)| {
        let due = now() - last_frame.get() >= 16.0;
        last_yield.set(now());
        let was_watching = watching.replace(true);
        if !was_watching {
            last_frame.set(now());
        }
        (due, was_watching)
    });
    if !was_watching {
        watch_frames();
    } else if due {
        let window = web_sys::window().expect("a browser window");
        let frame = js_sys::Promise::new(&mut |resolve, _reject| {
            let _ = window.request_animation_frame(&resolve);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
        });
        let _ = JsFuture::from(frame).await;
    }
    yield_with_message_channel().await;
}

/// Gives the thread back until a `MessageChannel` message arrives: a new task, at once, so
/// timers, input and frames get their turn first.
async fn yield_with_message_channel() {
    let channel = web_sys::MessageChannel::new().expect("every browser has MessageChannel");
    let port = channel.port1();
    let message = js_sys::Promise::new(&mut |resolve, _reject| port.set_onmessage(Some(&resolve)));
    channel.port2().post_message(&JsValue::NULL).expect("an empty message can be posted");
    let _ = JsFuture::from(message).await;
    port.close();
    channel.port2().close();
}

// The lanes: one async fn each, running its tasks one after another.

async fn you() {
    sleep(5.0 * UNIT_MS).await;
    done("Wait in the ticket queue");
}

async fn phone() {
    work(2.0 * UNIT_MS, 8.0, yield_frame_aware).await;
    done("Take selfies");
}

/// Runs every lane at once, and waits for all of them whatever happens in the others.
pub async fn run() {
    futures::join!(you(), phone());
    log("finished");
}

/// Starts the run on the browser's event loop. Call it once, for example from your
/// `#[wasm_bindgen(start)]` function.
pub fn start() {
    wasm_bindgen_futures::spawn_local(run());
}
