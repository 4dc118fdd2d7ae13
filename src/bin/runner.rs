//! The runner: runs a scenario and draws it live (see `shell::runner`). Trunk builds this
//! binary beside the app (as a `worker` type with ES-module bindings, so the page does not
//! start it and its bindings do not clash with the extras'); `static/runner-loader.js` starts
//! it once the page has drawn its first view.

#[cfg(target_arch = "wasm32")]
mod exports {
    use async_playground::shell::runner;
    use wasm_bindgen::prelude::*;

    /// Reads the scenario the next `run` runs (`mode` by name, the scenario as numbers,
    /// `core::run_order`); `false` if either cannot be read.
    #[wasm_bindgen]
    pub fn prepare(mode: String, scenario: Vec<f64>, scale: f64, workers: u32) -> bool {
        runner::prepare(&mode, &scenario, scale, workers as usize)
    }

    /// Runs what was prepared (the page's last frame was drawn at `last_frame_ms`); resolves
    /// with the run's record as a `Float64Array` (`core::run_record`), or `null`.
    #[wasm_bindgen]
    pub fn run(last_frame_ms: f64) -> js_sys::Promise {
        runner::run_promise(last_frame_ms)
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
