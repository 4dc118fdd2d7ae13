//! Async mode: each lane is a real future on the browser's event loop, and the lanes are
//! joined, so waits overlap while CPU work shares the one main thread.
//!
//! - wait: a `gloo_timers` `TimeoutFuture` (a real `setTimeout`);
//! - request: a real `fetch` joined with a latency timer;
//! - work: bursts of `burst_ms` of computing with a yield to the event loop between them
//!   (`burst_ms = 0` computes in one go and never yields).
//!
//! The schedule this produces is what `core::predict` models for `Mode::Async`.

use super::clock::now;
use super::recording::Recorder;
use super::request::request;
use super::work::spin;
use super::yield_now::yield_now;
use crate::core::predict::Span;
use crate::core::scenario::{Lane, Scenario, TaskId, TaskKind};
use gloo_timers::future::TimeoutFuture;

/// Runs every lane concurrently, recording as it goes; returns each task's measured span
/// (page clock).
pub async fn run_async(scenario: &Scenario, scale: f64, recorder: &Recorder) -> Vec<(TaskId, Span)> {
    let lanes = scenario.lanes().iter().map(|lane| run_lane(lane, scale, recorder));
    futures::future::join_all(lanes).await;
    recorder.spans()
}

async fn run_lane(lane: &Lane, scale: f64, recorder: &Recorder) {
    for task in &lane.tasks {
        recorder.started(task.id, now());
        let ms = task.duration * scale;
        match task.kind {
            TaskKind::Wait => TimeoutFuture::new(ms.round() as u32).await,
            TaskKind::Request { .. } | TaskKind::Update { .. } => request(ms).await,
            TaskKind::Work { burst_ms, .. } => work_in_bursts(ms, burst_ms, recorder).await,
        }
        recorder.finished(task.id, now());
    }
}

/// Computes for `total_ms` in bursts of `burst_ms`, yielding between bursts.
async fn work_in_bursts(total_ms: f64, burst_ms: f64, recorder: &Recorder) {
    let mut left = total_ms;
    loop {
        let burst = if burst_ms <= 0.0 { left } else { burst_ms.min(left) };
        let start_ms = now();
        let spent = spin(burst);
        recorder.busy(Span { start_ms, end_ms: start_ms + spent });
        left -= spent;
        if left <= 0.0 {
            return;
        }
        yield_now().await;
    }
}
