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
//         "console", "MessageChannel", "MessagePort", "Performance", "Response", "Window",
//     ] }
//
// Call `start()` once, for example from your `#[wasm_bindgen(start)]` function.

use futures::lock::Mutex;
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

/// Logs a task that has failed, `failed: <label>`, and hands its error on.
fn failed(label: &str, err: JsValue) -> JsValue {
    log(&format!("failed: {label}"));
    err
}

/// A timer: the thread is free for the other lanes until it fires.
async fn sleep(ms: f64) {
    TimeoutFuture::new(ms.round() as u32).await;
}

/// A request: fetches the page's own `favicon.svg`, with a timer alongside for the latency.
/// It is over when both are.
async fn request(ms: f64) -> Result<web_sys::Response, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let fetch = JsFuture::from(window.fetch_with_str("favicon.svg"));
    let (response, ()) = futures::join!(fetch, sleep(ms));
    response?.dyn_into()
}

/// A request whose body is then read as JSON. `favicon.svg` is an SVG image, not JSON, so this
/// fails with a real `SyntaxError`.
async fn request_json(ms: f64) -> Result<JsValue, JsValue> {
    let response = request(ms).await?;
    JsFuture::from(response.json()?).await
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

/// What the update tasks share: a counter that starts at 0, and the one async lock.
#[derive(Default)]
struct Shared {
    counter: Cell<u32>,
    lock: Mutex<()>,
}

/// Reads the shared counter, waits `ms` (other lanes run meanwhile, and may update it too),
/// then writes back what it read plus one.
async fn update(counter: &Cell<u32>, ms: f64) {
    let read = counter.get();
    sleep(ms).await;
    counter.set(read + 1);
}

// The lanes: one async fn each, running its tasks one after another.

async fn errands(shared: &Shared) -> Result<(), JsValue> {
    sleep(1.0 * UNIT_MS).await;
    done("Walk to the bank");
    request(1.0 * UNIT_MS).await.map_err(|err| failed("Check the balance", err))?;
    done("Check the balance");
    spin(1.0 * UNIT_MS); // never yields: holds the thread throughout
    done("Fill in a form");
    work(1.0 * UNIT_MS, 5.0, yield_frame_aware).await;
    done("Sign it");
    let guard = shared.lock.lock().await;
    update(&shared.counter, 1.0 * UNIT_MS).await;
    drop(guard);
    done("Count an errand");
    sleep(1.0 * UNIT_MS).await;
    done("Walk to the shop");
    request_json(1.0 * UNIT_MS).await.map_err(|err| failed("Pay", err))?;
    done("Pay");
    sleep(1.0 * UNIT_MS).await;
    done("Walk home");
    Ok(())
}

/// Runs every lane at once, and waits for all of them whatever happens in the others.
pub async fn run() {
    let shared = Shared::default();
    let (errands,) = futures::join!(errands(&shared));
    // join! waited for every lane; now report the errors, if any.
    for result in [errands] {
        if let Err(err) = result {
            web_sys::console::log_2(&"error:".into(), &err);
        }
    }
    log(&format!("counter: {}", shared.counter.get()));
    log("finished");
}

/// Starts the run on the browser's event loop. Call it once, for example from your
/// `#[wasm_bindgen(start)]` function.
pub fn start() {
    wasm_bindgen_futures::spawn_local(run());
}
