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

// The lanes: one async fn each, running its tasks one after another.

async fn lane_1() {
    sleep(1.0 * UNIT_MS).await;
    done("");
}

async fn you() {
    sleep(1.0 * UNIT_MS).await;
    done("say \"hi\" \\o/ {braces} ${x} `tick`");
}

async fn you_2() {
    sleep(1.0 * UNIT_MS).await;
    done("*/ oops /* // not a comment");
}

async fn fn_lane() {
    sleep(1.0 * UNIT_MS).await;
    done("two\nlines\r\n\ttabbed");
}

async fn await_lane() {
    sleep(1.0 * UNIT_MS).await;
    done("\u{3c}/script><script>alert(1)\u{3c}/script>\u{3c}!--");
}

async fn class() {
    sleep(1.0 * UNIT_MS).await;
    done("\u{202e}bidi\u{2028}sep\u{0}nul");
}

async fn unicode() {
    sleep(1.0 * UNIT_MS).await;
    done("Ünïcødé 東京 🎉 é");
}

async fn quote_and_back_slash() {
    sleep(1.0 * UNIT_MS).await;
    done("'single'");
}

async fn end() {}

async fn line_break() {}

async fn script() {}

async fn lane_3_lanes() {}

async fn done_lane() {}

async fn step2() {}

/// Runs every lane at once, and waits for all of them whatever happens in the others.
pub async fn run() {
    futures::join!(
        lane_1(),
        you(),
        you_2(),
        fn_lane(),
        await_lane(),
        class(),
        unicode(),
        quote_and_back_slash(),
        end(),
        line_break(),
        script(),
        lane_3_lanes(),
        done_lane(),
        step2(),
    );
    log("finished");
}

/// Starts the run on the browser's event loop. Call it once, for example from your
/// `#[wasm_bindgen(start)]` function.
pub fn start() {
    wasm_bindgen_futures::spawn_local(run());
}
