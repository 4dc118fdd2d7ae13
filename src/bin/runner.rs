//! The runner: runs a scenario and draws it live (see `shell::runner`). Trunk builds this
//! binary beside the app (as a `worker` type with ES-module bindings, so the page does not
//! start it and its bindings do not clash with the extras'); `static/runner-loader.js` starts
//! it once the page has drawn its first view.

#[cfg(target_arch = "wasm32")]
mod exports {
    use async_playground::core::mode::Mode;
    use async_playground::core::scenario::Scenario;
    use async_playground::shell::runner;
    use wasm_bindgen::prelude::*;

    /// Runs the scenario (its JSON, and its task ids in lane order) in `mode`; resolves with
    /// the run's record as a `Float64Array` (`core::run_record`), or `null` if it was stopped
    /// or the scenario could not be read.
    #[wasm_bindgen]
    pub fn run(
        mode: String,
        scenario: String,
        ids: Vec<u32>,
        scale: f64,
        workers: u32,
        last_frame_ms: f64,
    ) -> js_sys::Promise {
        wasm_bindgen_futures::future_to_promise(async move {
            let scenario = Scenario::from_json(&scenario).ok().and_then(|s| s.with_ids(&ids));
            let (Some(mode), Some(scenario)) = (Mode::parse(&mode), scenario) else {
                return Ok(JsValue::NULL);
            };
            let record = runner::run(mode, scenario, scale, workers as usize, last_frame_ms).await;
            Ok(record.map_or(JsValue::NULL, |numbers| js_sys::Float64Array::from(&numbers[..]).into()))
        })
    }

    /// A frame is being drawn at `t` (the page's frame meter calls this first in each frame).
    #[wasm_bindgen]
    pub fn frame(t: f64) {
        runner::frame(t);
    }

    /// Ends the live drawing of the last run, or drops a run still going (Stop).
    #[wasm_bindgen]
    pub fn finish() {
        runner::finish();
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("This is the playground's runner: the page loads it in the browser.");
}
