//! A real `setTimeout` whose setting, firing and resumption are recorded (`core::replay`). The
//! timer's callback runs as a task of its own and wakes the waiting future, which wasm-bindgen
//! polls from the microtask checkpoint right after that task: the firing and the resumption
//! are both recorded there, at the same instant. Dropping the future (a lane cancelled) clears
//! the timer.

use super::clock::now;
use super::recording::Recorder;
use crate::core::replay::What;
use crate::core::scenario::TaskId;
use gloo_timers::future::TimeoutFuture;

/// Waits `ms` (rounded, as `setTimeout` takes whole milliseconds) for task `id`; it has
/// resumed when this returns.
pub async fn sleep(ms: f64, recorder: &Recorder, id: TaskId) {
    let ms = ms.round().max(0.0);
    let set = now();
    recorder.event(id, What::TimerSet { due_ms: set + ms }, set);
    TimeoutFuture::new(ms as u32).await;
    let fired = now();
    recorder.event(id, What::TimerFired, fired);
    recorder.event(id, What::Resumed, fired);
}
