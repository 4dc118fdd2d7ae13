//! The runner: what `src/bin/runner.rs` does, a wasm binary of its own that the page loads
//! after its first view (`runtime/runner_module.rs`), so the code that runs a scenario and
//! draws it live is not part of what a learner waits for before the page shows.
//!
//! A run here goes: [`prepare`] (the scenario read from the numbers the page wrote, before the
//! press is counted) → [`run`]: the live timeline found and set up (before the run's clock
//! starts: the run's total and its tasks' starts do not count it), the run itself (blocking,
//! or the lanes as joined futures, with the worker pool in workers mode) while the page's frame
//! meter calls [`frame`] each frame → its record handed back as numbers (`core::run_record`).
//! The live timeline stays drawn until the page has drawn the frames after the run and calls
//! [`finish`], which also drops a run part way (Stop: its timers are cleared with its futures).
//!
//! The meter calls [`frame`] first thing in its frame, as it called the live timeline when
//! both were one binary: the page's layout is still clean then, so reading where the lanes are
//! forces none (the first drawing reuses what the set-up read), and the frame is recorded among
//! the run's events in the order it came. That call also keeps this binary's own copy of the
//! frame module's "last frame drawn", which the frame-aware yield reads (the page hands over its
//! own when a run starts).

use crate::core::mode::Mode;
use crate::core::replay::What;
use crate::core::run_order;
use crate::core::run_record::{encode, RunRecord};
use crate::core::scenario::Scenario;
use crate::core::timing::Span;
use crate::shell::runtime::clock::now;
use crate::shell::runtime::frames::frame_drawn_by;
use crate::shell::runtime::live_timeline::LiveTimeline;
use crate::shell::runtime::recording::Recorder;
use crate::shell::runtime::run_async::run_async;
use crate::shell::runtime::run_blocking::run_blocking;
use crate::shell::runtime::worker_pool::Pool;
use futures::future::{abortable, AbortHandle};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// A run asked for, not yet started.
struct Prepared {
    mode: Mode,
    scenario: Scenario,
    scale: f64,
    workers: usize,
}

/// The run going on, or finished and still drawn.
struct Current {
    /// Drops the run's futures.
    abort: AbortHandle,
    /// What it has recorded so far, from its start, and its live timeline.
    recorder: Recorder,
    start_ms: f64,
    live: Option<LiveTimeline>,
}

thread_local! {
    static PREPARED: RefCell<Option<Prepared>> = const { RefCell::new(None) };
    static CURRENT: RefCell<Option<Current>> = const { RefCell::new(None) };
}

/// Reads the scenario the next [`run`] runs in `mode` (`mode` by name, the scenario as the page
/// wrote it in numbers, `core::run_order`); `false` if either cannot be read.
pub fn prepare(mode: &str, scenario: &[f64], scale: f64, workers: usize) -> bool {
    let scenario = run_order::decode(scenario);
    let prepared =
        Mode::parse(mode).zip(scenario).map(|(mode, scenario)| Prepared { mode, scenario, scale, workers });
    let ok = prepared.is_some();
    PREPARED.with(|p| *p.borrow_mut() = prepared);
    ok
}

/// Runs what was prepared; the page's last frame was drawn at `last_frame_ms`. The record, as
/// numbers, or `None` if nothing was prepared or the run was dropped part way.
pub async fn run(last_frame_ms: f64) -> Option<Vec<f64>> {
    finish();
    let Prepared { mode, scenario, scale, workers } = PREPARED.with(|p| p.borrow_mut().take())?;
    frame_drawn_by(last_frame_ms);
    // The live drawing is set up before the run's clock starts: its colours read, its tasks'
    // lanes placed, its canvas sized and its bitmap made (2-5 ms in all, from 1,000 to 10,000
    // tasks). A frame of the run only draws. (A blocking run draws no frame until it ends.)
    let live = if mode == Mode::Blocking { None } else { LiveTimeline::find(mode, &scenario) };
    let recorder = Recorder::new(scenario.task_count());
    let start_ms = now();
    let work = {
        let recorder = recorder.clone();
        async move {
            // Workers mode starts its pool with the run: the start-up is part of what it costs.
            let pool = (mode == Mode::Workers).then(|| Pool::start(workers));
            let counter = match mode {
                Mode::Blocking => run_blocking(&scenario, scale, &recorder),
                Mode::Async | Mode::Workers => run_async(&scenario, scale, &recorder, pool.as_ref()).await,
            };
            let end_ms = now();
            // The pool's times at the run's end; the workers go now, not when the next run starts.
            let pool = pool.as_ref().map(Pool::times);
            (counter, end_ms, pool)
        }
    };
    let (work, abort) = abortable(work);
    let current = Current { abort, recorder: recorder.clone(), start_ms, live };
    CURRENT.with(|c| *c.borrow_mut() = Some(current));
    let (counter, end_ms, pool) = work.await.ok()?;
    let (tasks, events) = (recorder.outcomes(end_ms), recorder.take_events());
    let record = recorder.with(|r| RunRecord {
        run: Span { start_ms, end_ms },
        tasks,
        counter,
        busy: r.busy.clone(),
        workers: r.workers.clone(),
        no_answer: r.no_answer,
        unrecorded: r.unrecorded,
        events,
        pool,
    });
    Some(encode(&record))
}

/// [`run`] as a promise of the record as a `Float64Array` (`null` for `None`): what the
/// binary exports.
pub fn run_promise(last_frame_ms: f64) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let record = run(last_frame_ms).await;
        Ok(record.map_or(JsValue::NULL, |numbers| js_sys::Float64Array::from(&numbers[..]).into()))
    })
}

/// A frame is being drawn, at `t`: the run going on records it, and its live timeline, if one is
/// drawn, draws it. (Frames after the run's end are the page's to add.)
pub fn frame(t: f64) {
    frame_drawn_by(t);
    CURRENT.with(|c| {
        if let Some(Current { recorder, start_ms, live, .. }) = &*c.borrow() {
            recorder.page(What::Frame, t);
            if let Some(live) = live {
                live.draw(recorder, *start_ms, t);
            }
        }
    });
}

/// Ends the live drawing of the last run and puts its timeline back as the page rendered it.
pub fn finish() {
    if let Some(current) = CURRENT.with(|c| c.borrow_mut().take()) {
        current.abort.abort();
        if let Some(live) = current.live {
            live.reset();
        }
    }
}
