//! A real `setTimeout` whose setting and firing are recorded (`core::replay`). The timer's
//! callback runs as a task of its own and wakes the waiting future, which wasm-bindgen polls
//! from the microtask checkpoint right after that task: the firing is recorded there, and the
//! caller records its task's resumption (a request waits on its fetch too). Dropping the future
//! (a lane cancelled) clears the timer.

use super::clock::now;
use super::recording::Recorder;
use crate::core::replay::What;
use crate::core::scenario::TaskId;
use gloo_timers::future::TimeoutFuture;

/// Waits `ms` (rounded, as `setTimeout` takes whole milliseconds) for task `id`.
pub async fn sleep(ms: f64, recorder: &Recorder, id: TaskId) {
    let ms = ms.round().max(0.0);
    let set = now();
    recorder.event(id, What::TimerSet { due_ms: set + ms }, set);
    TimeoutFuture::new(ms as u32).await;
    recorder.event(id, What::TimerFired, now());
}
