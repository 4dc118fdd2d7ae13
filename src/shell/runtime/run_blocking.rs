//! Blocking mode: every task in lane order on the main thread, one after another. A wait, a
//! request or an update becomes a busy-wait, as a blocking call holds its thread; nothing
//! yields, so the page can neither draw nor handle input until the run ends.
//!
//! How the lanes combine still applies, in the only way it can without concurrency: a failed
//! request ends its lane (and the run, under `try-join`), and under `select` the first lane
//! wins before any other starts. The schedule is what `core::predict` models for
//! `Mode::Blocking`. The caller checks the blocking cap (`core::cap`) first.

use super::clock::now;
use super::recording::Recorder;
use super::work::spin;
use crate::core::scenario::{Combine, Scenario, TaskKind};
use crate::core::timing::Span;

/// Runs every task in order without yielding, recording each; returns the shared counter at
/// the end when the scenario has one.
pub fn run_blocking(scenario: &Scenario, scale: f64, recorder: &Recorder) -> Option<i64> {
    let mut counter = 0;
    let mut stopped = false;
    for lane in scenario.lanes() {
        for task in &lane.tasks {
            if stopped {
                break;
            }
            let start_ms = now();
            recorder.started(task.id, start_ms);
            let read = counter;
            spin(task.duration * scale);
            let end_ms = now();
            recorder.burst(task.id, Span { start_ms, end_ms });
            match task.kind {
                TaskKind::Request { fails: true } => {
                    recorder.failed(task.id, end_ms);
                    stopped = scenario.combine() == Combine::TryJoin;
                    break; // the rest of the lane never runs
                }
                TaskKind::Update { .. } => counter = read + 1,
                _ => {}
            }
            recorder.finished(task.id, end_ms);
        }
        stopped |= scenario.combine() == Combine::Select && !lane.tasks.is_empty();
    }
    scenario.uses_counter().then_some(counter)
}
