//! Async mode: each lane is a real future on the browser's event loop, and the lanes are
//! combined as the scenario says (`join`, `try-join` or `select`), so waits overlap while CPU
//! work shares the one main thread.
//!
//! - wait: a real `setTimeout` (`timer.rs`, which records when it is set and when it fires);
//! - request: a real `fetch` joined with a latency timer; one that fails returns its error,
//!   which ends the lane like `?`;
//! - work: bursts of `burst_ms` of computing with a yield to the event loop between them, the
//!   way the task says (`burst_ms = 0` computes in one go and never yields);
//! - update: reads the run's shared counter, waits, writes back what it read plus one, holding
//!   the run's one async lock throughout when it asks to.
//!
//! In workers mode (a [`Pool`] is given) a work task is handed to a Web Worker instead, and its
//! lane awaits the reply while the main thread stays free; everything else is as above.
//!
//! A lane dropped by the combination (a lost `select`, a failed `try-join`) is cancelled at
//! once: its timers are cleared as its future is dropped. The schedule this produces is what
//! `core::predict` models for `Mode::Async`.

use super::clock::now;
use super::recording::Recorder;
use super::request::request;
use super::timer::sleep;
use super::work::spin;
use super::worker_pool::{NoAnswer, Pool};
use super::yield_now::yield_with;
use crate::core::replay::What;
use crate::core::scenario::{Combine, Lane, Scenario, TaskId, TaskKind, YieldWith};
use crate::core::timing::Span;
use futures::future::{join_all, select_all, try_join_all, LocalBoxFuture};
use futures::lock::Mutex;
use futures::FutureExt;
use std::cell::Cell;

/// What the lanes of one run share.
#[derive(Default)]
struct Shared {
    counter: Cell<i64>,
    lock: Mutex<()>,
}

/// A task failed, ending its lane.
struct Failed;

/// Runs the lanes concurrently, combined as the scenario says, recording as it goes; returns
/// the shared counter at the end when the scenario has one.
pub async fn run_async(
    scenario: &Scenario,
    scale: f64,
    recorder: &Recorder,
    pool: Option<&Pool>,
) -> Option<i64> {
    let shared = Shared::default();
    // An empty lane has nothing to wait for, so it takes no part (it would win any race).
    let lanes: Vec<LocalBoxFuture<'_, Result<(), Failed>>> = scenario
        .lanes()
        .iter()
        .filter(|lane| !lane.tasks.is_empty())
        .map(|lane| run_lane(lane, scale, recorder, &shared, pool).boxed_local())
        .collect();
    match scenario.combine() {
        Combine::Join => {
            join_all(lanes).await;
        }
        Combine::TryJoin => {
            let _ = try_join_all(lanes).await;
        }
        Combine::Select if lanes.is_empty() => {}
        Combine::Select => {
            let _ = select_all(lanes).await;
        }
    }
    scenario.uses_counter().then(|| shared.counter.get())
}

async fn run_lane(
    lane: &Lane,
    scale: f64,
    recorder: &Recorder,
    shared: &Shared,
    pool: Option<&Pool>,
) -> Result<(), Failed> {
    for task in &lane.tasks {
        let ms = task.duration * scale;
        if let TaskKind::Update { locked, read_after } = task.kind {
            // The task starts once it holds the lock (if it asks for it).
            let _guard = if locked { Some(shared.lock.lock().await) } else { None };
            recorder.started(task.id, now());
            let early = shared.counter.get();
            sleep(ms, recorder, task.id).await;
            recorder.event(task.id, What::Resumed, now());
            // Read after the wait, the read and the write have no await between them.
            let read = if read_after { shared.counter.get() } else { early };
            shared.counter.set(read + 1);
            recorder.finished(task.id, now());
            continue;
        }
        if let (TaskKind::Work { data, .. }, Some(pool)) = (task.kind, pool) {
            // The task starts when a worker takes it: work still queued when its lane is
            // dropped never started (as the prediction says).
            recorder.event(task.id, What::Posted, now());
            let on_posted = {
                let (recorder, id) = (recorder.clone(), task.id);
                move |at| recorder.started(id, at)
            };
            match pool.run(ms, data, on_posted).await {
                Ok(ran) => {
                    let span = Span { start_ms: ran.start_ms, end_ms: ran.end_ms };
                    recorder.ran_on(task.id, ran.worker, span, now());
                    continue;
                }
                Err(NoAnswer) => {
                    recorder.no_answer();
                    if !recorder.has(task.id) {
                        recorder.started(task.id, now());
                    }
                    recorder.failed(task.id, now());
                    return Err(Failed);
                }
            }
        }
        recorder.started(task.id, now());
        let result = match task.kind {
            TaskKind::Request { fails } => {
                let result = request(ms, fails, recorder, task.id).await;
                recorder.event(task.id, What::Resumed, now());
                result
            }
            TaskKind::Work { burst_ms, yields, .. } => {
                work_in_bursts(ms, burst_ms, yields, recorder, task.id).await;
                Ok(())
            }
            TaskKind::Wait | TaskKind::Update { .. } => {
                sleep(ms, recorder, task.id).await;
                recorder.event(task.id, What::Resumed, now());
                Ok(())
            }
        };
        if result.is_err() {
            recorder.failed(task.id, now());
            return Err(Failed);
        }
        recorder.finished(task.id, now());
    }
    Ok(())
}

/// Computes for `total_ms` in bursts of `burst_ms`, yielding between bursts as `yields` says.
async fn work_in_bursts(total_ms: f64, burst_ms: f64, yields: YieldWith, recorder: &Recorder, id: TaskId) {
    let mut left = total_ms;
    loop {
        let burst = if burst_ms <= 0.0 { left } else { burst_ms.min(left) };
        let start_ms = now();
        let spent = spin(burst);
        let end_ms = start_ms + spent;
        recorder.burst(id, Span { start_ms, end_ms });
        left -= spent;
        if left <= 0.0 {
            return;
        }
        recorder.event(id, What::Yielded(yields), end_ms);
        yield_with(yields).await;
        recorder.event(id, What::Resumed, now());
    }
}
