//! The runner: starts a run in a mode, measures it and reports back as actions and messages.
//!
//! A run goes: `RunStarted` (and `run-started` to the parent) → one frame so the page can show
//! that it started → the run itself (blocking, or the lanes as joined futures) → two frames so
//! the meter records the frame that ends the run's last gap → `RunFinished` with the report
//! (and `run-finished`). The spawned run is owned here and cancelled if the app unmounts.

use super::use_frame_meter::UseFrameMeterHandle;
use crate::core::message::OutMessage;
use crate::core::mode::Mode;
use crate::core::predict::Span;
use crate::core::report::{Measurements, RunReport};
use crate::core::state::{Action, State};
use crate::shell::runtime::clock::now;
use crate::shell::runtime::frames::next_frame;
use crate::shell::runtime::live_timeline::LiveTimeline;
use crate::shell::runtime::post::post;
use crate::shell::runtime::recording::Recorder;
use crate::shell::runtime::run_async::run_async;
use crate::shell::runtime::run_blocking::run_blocking;
use crate::shell::runtime::user_timing::measure_run;
use crate::shell::runtime::yield_now::yield_now;
use futures::future::{abortable, AbortHandle};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How far before a run's start the frame log is read: enough to hold the frame before it.
const FRAMES_BEFORE_MS: f64 = 1_000.0;
/// How long to wait for a frame before going on without it (a hidden tab or an offscreen
/// iframe draws none, and a run must not wait for ever).
const FRAME_WAIT_MS: u32 = 200;

/// The next animation frame, or a short timeout where the page draws none.
async fn frame_or_timeout() {
    let frame = std::pin::pin!(next_frame());
    let timeout = gloo_timers::future::TimeoutFuture::new(FRAME_WAIT_MS);
    futures::future::select(frame, timeout).await;
}

/// Starts and stops runs of the current scenario.
#[derive(Clone, PartialEq)]
pub struct UseRunnerHandle {
    pub run: Callback<Mode>,
    /// Cancels an async run by dropping its futures (their timers are cleared with them).
    pub stop: Callback<()>,
}

#[hook]
pub fn use_runner(state: UseReducerHandle<State>, meter: UseFrameMeterHandle) -> UseRunnerHandle {
    let in_flight: Rc<RefCell<Option<AbortHandle>>> = use_mut_ref(|| None);
    {
        let in_flight = in_flight.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some(run) = in_flight.borrow_mut().take() {
                    run.abort();
                }
            }
        });
    }
    // The live timeline of the run in progress, to put back when it ends or is stopped.
    let live: Rc<RefCell<Option<Rc<LiveTimeline>>>> = use_mut_ref(|| None);
    let stop = {
        let in_flight = in_flight.clone();
        let live = live.clone();
        let meter = meter.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |()| {
            if let Some(run) = in_flight.borrow_mut().take() {
                run.abort();
                meter.set_drawer(None);
                if let Some(timeline) = live.borrow_mut().take() {
                    timeline.reset();
                }
                dispatcher.dispatch(Action::RunStopped);
            }
        })
    };
    let run = Callback::from(move |mode: Mode| {
        if let Err(why) = state.check_run(mode) {
            state.dispatch(Action::RunRefused(why));
            return;
        }
        if in_flight.borrow().is_some() {
            return; // A second click before the page re-rendered: the first run owns the thread.
        }
        let scenario = state.scenario.clone();
        let scale = state.scale;
        let prediction = state.prediction(mode);
        let dispatcher = state.dispatcher();
        dispatcher.dispatch(Action::RunStarted(mode));
        post(&OutMessage::run_started(mode, prediction.total_ms));

        let meter = meter.clone();
        let done = in_flight.clone();
        let live = live.clone();
        let (run, handle) = abortable(async move {
            frame_or_timeout().await;
            yield_now().await;
            let recorder = Recorder::default();
            let start_ms = now();
            let counter = match mode {
                Mode::Blocking => run_blocking(&scenario, scale, &recorder),
                Mode::Async => {
                    if let Some(timeline) = LiveTimeline::find(mode) {
                        let timeline = Rc::new(timeline);
                        *live.borrow_mut() = Some(timeline.clone());
                        let recorder = recorder.clone();
                        meter.set_drawer(Some(Rc::new(move |t| timeline.draw(&recorder, start_ms, t))));
                    }
                    run_async(&scenario, scale, &recorder).await
                }
            };
            let end_ms = now();
            frame_or_timeout().await;
            frame_or_timeout().await;
            meter.set_drawer(None);
            if let Some(timeline) = live.borrow_mut().take() {
                timeline.reset();
            }
            let measured = Measurements {
                run: Some(Span { start_ms, end_ms }),
                tasks: recorder.outcomes(end_ms),
                counter,
                frames: meter.frames_since(start_ms - FRAMES_BEFORE_MS),
                long_tasks: meter.long_tasks(),
                inputs: meter.inputs_since(start_ms),
                busy: recorder.with(|r| r.busy.clone()),
            };
            let report = RunReport::new(&scenario, &prediction, &measured);
            // The run, task by task, in DevTools' Performance panel.
            measure_run(&report, start_ms);
            post(&OutMessage::run_finished(&report));
            done.borrow_mut().take();
            dispatcher.dispatch(Action::RunFinished(report));
        });
        *in_flight.borrow_mut() = Some(handle);
        wasm_bindgen_futures::spawn_local(async move {
            let _ = run.await;
        });
    });
    UseRunnerHandle { run, stop }
}
