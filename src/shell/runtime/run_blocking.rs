//! Blocking mode: every task in lane order on the main thread, one after another. A wait or
//! a request becomes a busy-wait, as a blocking call holds its thread; nothing yields, so the
//! page can neither draw nor handle input until the run ends.
//!
//! The caller checks the blocking cap (`core::state::BLOCKING_CAP_MS`) before calling this.

use super::clock::now;
use super::recording::Recorder;
use super::work::spin;
use crate::core::predict::Span;
use crate::core::scenario::{Scenario, TaskId};

/// Runs every task in order without yielding, recording each; returns each task's span.
pub fn run_blocking(scenario: &Scenario, scale: f64, recorder: &Recorder) -> Vec<(TaskId, Span)> {
    for (_, task) in scenario.tasks() {
        let start_ms = now();
        recorder.started(task.id, start_ms);
        spin(task.duration * scale);
        let end_ms = now();
        recorder.busy(Span { start_ms, end_ms });
        recorder.finished(task.id, end_ms);
    }
    recorder.spans()
}
