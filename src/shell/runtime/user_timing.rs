//! Each task of a finished run as a `performance.measure` user timing, so the run shows up in
//! the browser's DevTools Performance panel (the "Timings" track) beside the frames it held up;
//! and each time the timeline is drawn, as the measure [`DRAW`] (the draw-time probe the
//! benchmark reads).

use crate::core::report::RunReport;
use wasm_bindgen::JsValue;

/// The name of the measure taken around each drawing of the timeline's canvases.
pub const DRAW: &str = "timeline draw";

/// `performance.measure`, where the browser has it.
fn measure_fn() -> Option<(web_sys::Performance, js_sys::Function)> {
    let performance = web_sys::window().and_then(|w| w.performance())?;
    let measure = js_sys::Reflect::get(&performance, &JsValue::from_str("measure")).ok()?;
    Some((performance, wasm_bindgen::JsCast::dyn_into(measure).ok()?))
}

/// Records one drawing of the timeline, from `start` to `end` on the page clock.
pub fn measure_draw(start: f64, end: f64) {
    let Some((performance, measure)) = measure_fn() else { return };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("start"), &JsValue::from_f64(start));
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("end"), &JsValue::from_f64(end.max(start)));
    let _ = measure.call2(&performance, &JsValue::from_str(DRAW), &options);
}

/// Adds one measure per measured task, named `"<mode>: <label>"`; `origin` is the run's start
/// on the page clock. Best effort: a browser without user timing is skipped.
pub fn measure_run(report: &RunReport, origin: f64) {
    let Some((performance, measure)) = measure_fn() else { return };
    for task in &report.tasks {
        let options = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&options, &JsValue::from_str(k), v).is_ok();
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &detail,
            &JsValue::from_str("outcome"),
            &JsValue::from_str(task.outcome.as_str()),
        );
        let _ =
            js_sys::Reflect::set(&detail, &JsValue::from_str("lane"), &JsValue::from_f64(task.lane as f64));
        if set("start", &JsValue::from_f64(origin + task.span.start_ms))
            && set("end", &JsValue::from_f64(origin + task.span.end_ms.max(task.span.start_ms)))
            && set("detail", &detail)
        {
            let name = JsValue::from_str(&format!("{}: {}", report.mode, task.label));
            let _ = measure.call2(&performance, &name, &options);
        }
    }
}
