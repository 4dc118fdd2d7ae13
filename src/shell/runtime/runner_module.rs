//! The page's handle on the runner (`shell::runner`, `src/bin/runner.rs`): a wasm binary of
//! its own, which runs a scenario and draws it live. The page starts loading it once its first
//! view is drawn ([`preload`]), so it is there by the time a learner presses Run; a run asked
//! for sooner waits for it before the press is counted, so its loading is never measured as
//! part of the run.

use super::extras::{invoke, scripts};
use super::frames::last_frame_ms;
use crate::core::mode::Mode;
use crate::core::run_record::{decode, RunRecord};
use crate::core::scenario::Scenario;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    /// The exports, once loaded.
    static RUNNER: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

const FAILED: &str = "The part of the page that runs scenarios could not be loaded, so nothing ran. \
                      Check the connection and press Run again.";

/// Starts loading the runner, if it is not loading or loaded already.
pub fn preload() {
    if LOADING.with(|l| l.borrow().is_none()) {
        if let Some(p) = scripts(&["runner-loader.js"]) {
            LOADING.with(|l| *l.borrow_mut() = Some(p));
        }
    }
}

/// Uses `exports` as the runner's, loaded: for the browser tests, which mount the app without
/// a bundle to load the runner from, and build its exports into their own binary.
pub fn provide(exports: JsValue) {
    let _ = js_sys::Reflect::set(&js_sys::global(), &"__playgroundRunner".into(), &exports);
    LOADING.with(|l| *l.borrow_mut() = Some(js_sys::Promise::resolve(&JsValue::UNDEFINED)));
}

/// The runner's exports, once loaded; the message to show if they could not be.
pub async fn load() -> Result<JsValue, String> {
    preload();
    let promise = LOADING.with(|l| l.borrow().clone()).ok_or_else(|| FAILED.to_string())?;
    let exports = async {
        JsFuture::from(promise).await?;
        let started = js_sys::Reflect::get(&js_sys::global(), &"__playgroundRunner".into())?;
        JsFuture::from(js_sys::Promise::resolve(&started)).await
    };
    match exports.await {
        Ok(runner) => {
            RUNNER.with(|r| *r.borrow_mut() = Some(runner.clone()));
            Ok(runner)
        }
        Err(_) => {
            // The next press tries again.
            LOADING.with(|l| *l.borrow_mut() = None);
            Err(FAILED.to_string())
        }
    }
}

/// Runs `scenario` in `mode` with the loaded runner: its record, or `None` if the run was
/// stopped (or the runner's answer could not be read, which cannot happen between a page and
/// the runner built with it).
pub async fn run(
    runner: &JsValue,
    mode: Mode,
    scenario: &Scenario,
    scale: f64,
    workers: usize,
) -> Option<RunRecord> {
    let ids: Vec<u32> = scenario.tasks().map(|(_, t)| t.id.0).collect();
    let args = [
        JsValue::from_str(mode.as_str()),
        JsValue::from_str(&scenario.to_json()),
        js_sys::Uint32Array::from(&ids[..]).into(),
        JsValue::from_f64(scale),
        JsValue::from_f64(workers as f64),
        JsValue::from_f64(last_frame_ms()),
    ];
    let promise = invoke(runner, "run", &args.iter().collect::<Vec<_>>())?;
    let numbers = JsFuture::from(js_sys::Promise::from(promise)).await.ok()?;
    decode(&numbers.dyn_into::<js_sys::Float64Array>().ok()?.to_vec())
}

/// Draws the running run's live timeline in the frame being drawn at `t`.
pub fn frame(runner: &JsValue, t: f64) {
    invoke(runner, "frame", &[&JsValue::from_f64(t)]);
}

/// Ends the live drawing of the last run, or drops a run still going (Stop).
pub fn finish() {
    if let Some(runner) = RUNNER.with(|r| r.borrow().clone()) {
        invoke(&runner, "finish", &[]);
    }
}
