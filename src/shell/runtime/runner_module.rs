//! The page's handle on the runner (`shell::runner`, `src/bin/runner.rs`): a wasm binary of
//! its own, which runs a scenario and draws it live. The page starts loading it once its first
//! view is drawn ([`preload`]), so it is there by the time a learner presses Run; a run asked
//! for sooner waits for it before the press is counted, so its loading is never measured as
//! part of the run.

use super::binaries::{exports, invoke, scripts};
use super::frames::last_frame_ms;
use crate::core::mode::Mode;
use crate::core::run_order;
use crate::core::run_record::{decode, RunRecord};
use crate::core::scenario::Scenario;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where `static/runner-loader.js` leaves the promise of the runner's exports.
const GLOBAL: &str = "__playgroundRunner";

thread_local! {
    /// The loader's script, inserted and not failed.
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    /// The exports, once loaded.
    static RUNNER: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

const FAILED: &str = "The part of the page that runs scenarios could not be loaded, so nothing ran. \
                      Check the connection and press Run again, or reload the page if the site has just \
                      been updated.";

/// Starts loading the runner, if it is not loading or loaded already.
pub fn preload() {
    wasm_bindgen_futures::spawn_local(async {
        // A failure here is said when a run asks for the runner, which tries again.
        let _ = load().await;
    });
}

/// Whether the runner has loaded (a run asked for now starts at once).
pub fn loaded() -> bool {
    RUNNER.with(|r| r.borrow().is_some())
}

/// Uses `exports` as the runner's, loaded: for the browser tests, which mount the app without
/// a bundle to load the runner from, and build its exports into their own binary.
pub fn provide(exports: JsValue) {
    RUNNER.with(|r| *r.borrow_mut() = Some(exports));
}

/// The runner's exports, once loaded; the message to show if they could not be.
pub async fn load() -> Result<JsValue, String> {
    if let Some(runner) = RUNNER.with(|r| r.borrow().clone()) {
        return Ok(runner);
    }
    let loading = match LOADING.with(|l| l.borrow().clone()) {
        Some(loading) => loading,
        None => {
            let loading = scripts(&["runner-loader.js"]).ok_or_else(|| FAILED.to_string())?;
            LOADING.with(|l| *l.borrow_mut() = Some(loading.clone()));
            loading
        }
    };
    match exports(loading, GLOBAL).await {
        Ok(runner) => {
            RUNNER.with(|r| *r.borrow_mut() = Some(runner.clone()));
            Ok(runner)
        }
        Err(_) => {
            // The next press tries again (the loader imports the bindings by a new URL then).
            LOADING.with(|l| *l.borrow_mut() = None);
            Err(FAILED.to_string())
        }
    }
}

/// Hands the runner the scenario its next run runs, as numbers (`core::run_order`). Done before
/// the press is counted, as the runner's loading is: copying the scenario is the instrument's
/// work, not the run's. `false` if the runner could not read it.
pub fn prepare(runner: &JsValue, mode: Mode, scenario: &Scenario, scale: f64, workers: usize) -> bool {
    let args = [
        JsValue::from_str(mode.as_str()),
        js_sys::Float64Array::from(&run_order::encode(scenario)[..]).into(),
        JsValue::from_f64(scale),
        JsValue::from_f64(workers as f64),
    ];
    invoke(runner, "prepare", &args.iter().collect::<Vec<_>>()).is_some_and(|ok| ok.is_truthy())
}

/// Runs what was prepared: its record, or `None` if the runner gave none (nothing prepared, or
/// an answer this page cannot read, as from a runner of another version still in a cache).
pub async fn run(runner: &JsValue) -> Option<RunRecord> {
    let promise = invoke(runner, "run", &[&JsValue::from_f64(last_frame_ms())])?;
    let numbers = JsFuture::from(js_sys::Promise::from(promise)).await.ok()?;
    decode(&numbers.dyn_into::<js_sys::Float64Array>().ok()?.to_vec())
}

/// Draws the running run's live timeline in the frame being drawn at `t`, and records the frame.
pub fn frame(runner: &JsValue, t: f64) {
    invoke(runner, "frame", &[&JsValue::from_f64(t)]);
}

/// Ends the live drawing of the last run, or drops a run still going (Stop).
pub fn finish() {
    if let Some(runner) = RUNNER.with(|r| r.borrow().clone()) {
        invoke(&runner, "finish", &[]);
    }
}
