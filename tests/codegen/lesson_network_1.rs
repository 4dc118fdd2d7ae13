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
//     wasm-bindgen = "0.2"
//     wasm-bindgen-futures = "0.4"
//     web-sys = { version = "0.3", features = ["console", "Response", "Window"] }
//
// Call `start()` once, for example from your `#[wasm_bindgen(start)]` function.

use gloo_timers::future::TimeoutFuture;
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

// The lanes: one async fn each, running its tasks one after another.

async fn user() -> Result<(), JsValue> {
    request(2.0 * UNIT_MS).await.map_err(|err| failed("Fetch the user", err))?;
    done("Fetch the user");
    Ok(())
}

async fn posts() -> Result<(), JsValue> {
    request(1.0 * UNIT_MS).await.map_err(|err| failed("Fetch the posts", err))?;
    done("Fetch the posts");
    Ok(())
}

async fn comments() -> Result<(), JsValue> {
    request(3.0 * UNIT_MS).await.map_err(|err| failed("Fetch the comments", err))?;
    done("Fetch the comments");
    Ok(())
}

/// Runs every lane at once, and waits for all of them whatever happens in the others.
pub async fn run() {
    let (user, posts, comments) = futures::join!(user(), posts(), comments());
    // join! waited for every lane; now report the errors, if any.
    for result in [user, posts, comments] {
        if let Err(err) = result {
            web_sys::console::log_2(&"error:".into(), &err);
        }
    }
    log("finished");
}

/// Starts the run on the browser's event loop. Call it once, for example from your
/// `#[wasm_bindgen(start)]` function.
pub fn start() {
    wasm_bindgen_futures::spawn_local(run());
}
