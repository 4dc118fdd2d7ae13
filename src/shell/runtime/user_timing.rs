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

/// Clears the measures of earlier runs and drawings, as a run starts: the Timings track shows
/// the latest run, and a long session does not pile up ten thousand measures a run.
pub fn forget_earlier_runs() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        performance.clear_measures();
    }
}

/// Records one drawing of the timeline, from `start` to `end` on the page clock.
pub fn measure_draw(start: f64, end: f64) {
    let Some((performance, measure)) = measure_fn() else { return };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("start"), &JsValue::from_f64(start));
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("end"), &JsValue::from_f64(end.max(start)));
    let _ = measure.call2(&performance, &JsValue::from_str(DRAW), &options);
}

/// How many tasks' measures are added in one go: a run of thousands of tasks adds them over
/// several tasks of the event loop, after the frame that shows its results.
const MEASURES_AT_ONCE: usize = 500;

/// Adds one measure per measured task, named `"<mode>: <label>"`; `origin` is the run's start
/// on the page clock. Best effort: a browser without user timing is skipped.
pub fn measure_run(report: &RunReport, origin: f64) {
    let Some((performance, measure)) = measure_fn() else { return };
    let tasks: Vec<(String, f64, f64, &'static str, usize)> = report
        .tasks
        .iter()
        .map(|t| {
            let name = format!("{}: {}", report.mode, t.label);
            (
                name,
                origin + t.span.start_ms,
                origin + t.span.end_ms.max(t.span.start_ms),
                t.outcome.as_str(),
                t.lane,
            )
        })
        .collect();
    wasm_bindgen_futures::spawn_local(async move {
        // Later than the frame that shows the results.
        super::frames::next_frame().await;
        for chunk in tasks.chunks(MEASURES_AT_ONCE) {
            gloo_timers::future::TimeoutFuture::new(0).await;
            for (name, start, end, outcome, lane) in chunk {
                let options = js_sys::Object::new();
                let detail = js_sys::Object::new();
                let set = |o: &js_sys::Object, k: &str, v: &JsValue| {
                    js_sys::Reflect::set(o, &JsValue::from_str(k), v).is_ok()
                };
                let _ = set(&detail, "outcome", &JsValue::from_str(outcome))
                    && set(&detail, "lane", &JsValue::from_f64(*lane as f64));
                if set(&options, "start", &JsValue::from_f64(*start))
                    && set(&options, "end", &JsValue::from_f64(*end))
                    && set(&options, "detail", &detail)
                {
                    let _ = measure.call2(&performance, &JsValue::from_str(name), &options);
                }
            }
        }
    });
}
