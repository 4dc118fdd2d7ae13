//! Blocking mode: every task in lane order on the one thread, so the total is the sum. A
//! failed request ends its lane; `try-join` stops at the first failure and `select` after the
//! first lane, since nothing else can run meanwhile.

use super::{Busy, TaskTiming};
use crate::core::scenario::{Combine, Scenario, TaskKind};
use crate::core::timing::{Outcome, Span};

pub(super) fn blocking(scenario: &Scenario, scale: f64) -> (Vec<TaskTiming>, Vec<Span>, i64) {
    let mut now = 0.0;
    let mut busy = Busy::default();
    let mut counter = 0;
    // Set once nothing more may run: a failure under try-join, or a finished lane under select.
    let mut stopped = false;
    let mut tasks = Vec::with_capacity(scenario.task_count());
    for (lane_index, lane) in scenario.lanes().iter().enumerate() {
        let mut lane_failed = false;
        for task in &lane.tasks {
            if stopped || lane_failed {
                let span = Span { start_ms: now, end_ms: now };
                tasks.push(TaskTiming {
                    id: task.id,
                    lane: lane_index,
                    span,
                    outcome: Outcome::Skipped,
                    worker: None,
                });
                continue;
            }
            let span = Span { start_ms: now, end_ms: now + task.duration * scale };
            now = span.end_ms;
            busy.add(span);
            let outcome = match task.kind {
                TaskKind::Request { fails: true } => Outcome::Failed,
                TaskKind::Update { .. } => {
                    counter += 1;
                    Outcome::Done
                }
                _ => Outcome::Done,
            };
            if outcome == Outcome::Failed {
                lane_failed = true;
                stopped |= scenario.combine() == Combine::TryJoin;
            }
            tasks.push(TaskTiming { id: task.id, lane: lane_index, span, outcome, worker: None });
        }
        stopped |= scenario.combine() == Combine::Select && !lane.tasks.is_empty();
    }
    (tasks, busy.spans, counter)
}
