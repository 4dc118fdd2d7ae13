//! Blocking mode: every task in lane order on the main thread, one after another. A wait or
//! a request becomes a busy-wait, as a blocking call holds its thread; nothing yields, so the
//! page can neither draw nor handle input until the run ends.
//!
//! The caller checks the blocking cap (`core::state::BLOCKING_CAP_MS`) before calling this.

use super::clock::now;
use super::work::spin;
use crate::core::predict::Span;
use crate::core::scenario::{Scenario, TaskId};

/// Runs every task in order without yielding; returns each task's measured span.
pub fn run_blocking(scenario: &Scenario, scale: f64) -> Vec<(TaskId, Span)> {
    scenario
        .tasks()
        .map(|(_, task)| {
            let start_ms = now();
            spin(task.duration * scale);
            (
                task.id,
                Span {
                    start_ms,
                    end_ms: now(),
                },
            )
        })
        .collect()
}
