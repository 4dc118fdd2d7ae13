//! Each task of a finished run as a `performance.measure` user timing, so the run shows up in
//! the browser's DevTools Performance panel (the "Timings" track) beside the frames it held up.

use crate::core::report::RunReport;
use wasm_bindgen::JsValue;

/// Adds one measure per measured task, named `"<mode>: <label>"`; `origin` is the run's start
/// on the page clock. Best effort: a browser without user timing is skipped.
pub fn measure_run(report: &RunReport, origin: f64) {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    let Ok(measure) = js_sys::Reflect::get(&performance, &JsValue::from_str("measure")) else {
        return;
    };
    let Ok(measure) = wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(measure) else {
        return;
    };
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
