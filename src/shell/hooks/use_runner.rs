//! The runner: starts a run in a mode, measures it and reports back as actions and messages.
//!
//! A run goes: the runner loaded (`runtime/runner_module.rs`; preloaded once the first view is
//! drawn, so this rarely waits: `RunLoading` says so when it does) and handed the scenario →
//! the press counted from here → `RunStarted` (and `run-started` to the parent) → one frame so
//! the page can show that it started → the run itself, in the runner (blocking, or the lanes as
//! joined futures, drawn live) → two frames so the meter records the frame that ends the run's
//! last gap → the runner's live drawing ended → `RunFinished` with the report →
//! one frame, so the results are drawn before the page does anything else → `run-finished`. `Compare all` does that for each mode in turn, as one task. The spawned
//! run is owned here and cancelled if the app unmounts or the learner presses Stop.

use super::use_frame_meter::UseFrameMeterHandle;
use crate::core::message::OutMessage;
use crate::core::mode::Mode;
use crate::core::replay::{Event, What};
use crate::core::report::{Measurements, RunReport};
use crate::core::scenario::YieldWith;
use crate::core::state::{Action, State};
use crate::core::timing::Span;
use crate::shell::runtime::clock::now;
use crate::shell::runtime::extras;
use crate::shell::runtime::frames::frame_or_timeout;
use crate::shell::runtime::page_rest;
use crate::shell::runtime::post::post;
use crate::shell::runtime::runner_module;
use crate::shell::runtime::stage_view::keep_stage_in_view;
use crate::shell::runtime::user_timing::{forget_earlier_runs, measure_run};
use crate::shell::runtime::worker_pool::Pool;
use crate::shell::runtime::yield_now::{has_scheduler_yield, yield_now, NO_SCHEDULER_YIELD};
use futures::future::{abortable, AbortHandle};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// How far before the press the frame log is read: enough to hold the frame before it.
const FRAMES_BEFORE_MS: f64 = 1_000.0;
/// How long to wait for a frame before going on without it (a hidden tab or an offscreen
/// iframe draws none, and a run must not wait for ever).
const FRAME_WAIT_MS: u32 = 200;

/// What the runs share: the state (as it was when the run was asked for), the meter and the
/// handle that cancels the run in progress.
#[derive(Clone)]
struct Runs {
    state: UseReducerHandle<State>,
    meter: UseFrameMeterHandle,
    in_flight: Rc<RefCell<Option<AbortHandle>>>,
}

impl Runs {
    /// Whether a run in `mode` may start now: the state's rules, and for workers whether this
    /// page can start them at all.
    fn check(&self, mode: Mode) -> Result<(), String> {
        self.state.check_run(mode)?;
        match Pool::unavailable() {
            Some(why) if mode == Mode::Workers => Err(why),
            _ => Ok(()),
        }
    }

    /// Runs `modes` one after another as one cancellable task.
    fn spawn(&self, modes: Vec<Mode>, comparing: bool) {
        if self.in_flight.borrow().is_some() {
            return; // A second click before the page re-rendered: the first run owns the thread.
        }
        let runs = self.clone();
        if comparing {
            self.state.dispatch(Action::CompareStarted);
        }
        // The extras do not start loading until the runs end (or are stopped: the hold goes
        // with the task).
        let held = extras::hold();
        let (task, handle) = abortable(async move {
            let _held = held;
            let count = modes.len();
            for (i, mode) in modes.into_iter().enumerate() {
                if !runner_module::loaded() {
                    runs.state.dispatch(Action::RunLoading(mode));
                }
                let runner = match runner_module::load().await {
                    Ok(runner) => runner,
                    Err(why) => return runs.give_up(why),
                };
                let Some(report) = runs.measure(&runner, mode).await else {
                    return runs.give_up(NO_RECORD.into());
                };
                let message = OutMessage::run_finished(&report);
                if i + 1 == count {
                    // Free before the page hears, so a click right after the finish counts.
                    runs.in_flight.borrow_mut().take();
                }
                runs.state.dispatch(Action::RunFinished(Box::new(report)));
                // The results are drawn first; the message (a megabyte of JSON after ten
                // thousand tasks) is written and posted after that frame, not in it.
                frame_or_timeout(FRAME_WAIT_MS).await;
                post(&message);
            }
            if comparing {
                runs.state.dispatch(Action::CompareFinished);
            }
        });
        *self.in_flight.borrow_mut() = Some(handle);
        wasm_bindgen_futures::spawn_local(async move {
            let _ = task.await;
        });
    }

    /// Ends the runs (Compare all's too) without a result, saying `why`.
    fn give_up(&self, why: String) {
        self.in_flight.borrow_mut().take();
        self.state.dispatch(Action::RunStopped);
        self.state.dispatch(Action::RunRefused(why));
    }

    /// One run in `mode`, from `RunStarted` to its report (and `run-finished`); `None` if the
    /// runner gave no record.
    async fn measure(&self, runner: &JsValue, mode: Mode) -> Option<RunReport> {
        let state = &self.state;
        let scenario = state.scenario.clone();
        let scale = state.scale;
        if !runner_module::prepare(runner, mode, &scenario, scale, state.workers) {
            return None;
        }
        // The press (or the `run` message): frame gaps count from here, so the page's own
        // start-up for the run is measured as part of it.
        let pressed_ms = now();
        let prediction = state.prediction(mode);
        let dispatcher = state.dispatcher();
        // The learner watches the run happen: the buttons, the pulse and the lanes in view.
        keep_stage_in_view();
        forget_earlier_runs();
        dispatcher.dispatch(Action::RunStarted(mode));
        if mode != Mode::Blocking && scenario.yields_with(YieldWith::SchedulerYield) && !has_scheduler_yield()
        {
            dispatcher.dispatch(Action::Notice(NO_SCHEDULER_YIELD.into()));
        }
        post(&OutMessage::run_started(mode, prediction.total_ms));

        frame_or_timeout(FRAME_WAIT_MS).await;
        yield_now().await;
        if mode != Mode::Blocking {
            // Each frame draws the live bars, first thing in the frame. (A blocking run draws
            // no frame until it ends.)
            let runner = runner.clone();
            self.meter.set_drawer(Some(Rc::new(move |t| runner_module::frame(&runner, t))));
        }
        let record = runner_module::run(runner).await;
        let Some(mut record) = record else {
            end_live(&self.meter);
            return None;
        };
        let Span { start_ms, end_ms } = record.run;
        frame_or_timeout(FRAME_WAIT_MS).await;
        frame_or_timeout(FRAME_WAIT_MS).await;
        end_live(&self.meter);
        if mode == Mode::Workers && record.no_answer {
            dispatcher.dispatch(Action::Notice(NO_ANSWER.into()));
        }
        // What the page saw itself, as events of the run: the frames after its end (the runner
        // recorded those before; a blocking run draws none), the long tasks and the inputs.
        let frames = self.meter.frames_since(pressed_ms - FRAMES_BEFORE_MS);
        let long_tasks = self.meter.long_tasks();
        let inputs = self.meter.inputs_since(start_ms);
        let page = |at_ms, what| Event { at_ms, task: None, what };
        let drawn = frames.iter().filter(|&&t| mode != Mode::Blocking && t > end_ms);
        let long = long_tasks.iter().filter(|t| t.end_ms > start_ms && t.start_ms < end_ms);
        let input = inputs.iter().filter(|(at, _)| *at <= end_ms);
        record.add_page_events(
            drawn
                .map(|&t| page(t, What::Frame))
                .chain(long.map(|t| page(t.start_ms, What::LongTask { end_ms: t.end_ms })))
                .chain(input.map(|&(at, delay)| page(at, What::Input { handled_ms: at + delay })))
                .collect(),
        );
        let measured = Measurements {
            run: Some(record.run),
            pressed_ms: Some(pressed_ms),
            tasks: record.tasks,
            counter: record.counter,
            frames,
            long_tasks,
            inputs,
            busy: record.busy,
            workers: record.workers,
            events: record.events,
            pool: record.pool,
        };
        let report = RunReport::new(&scenario, &prediction, &measured);
        // The run, task by task, in DevTools' Performance panel (after the results are drawn).
        measure_run(&report, start_ms);
        Some(report)
    }
}

/// Ends a run's live drawing: the meter stops calling the runner, which puts the timeline back
/// (and drops the run, if it still goes).
fn end_live(meter: &UseFrameMeterHandle) {
    meter.set_drawer(None);
    runner_module::finish();
}

/// Shown when the runner gave no record (it could not read the scenario it was given, or
/// answered in a form this page does not read: a runner of another version from a cache).
const NO_RECORD: &str = "The run could not be measured, so it has no results. Reload the page and press Run \
                         again.";

/// Shown when the pool never answered.
const NO_ANSWER: &str = "The Web Workers did not answer, so the work they were given is marked failed. \
                         The worker script may not have loaded: check that compute-worker-loader.js \
                         and its wasm are served with the page, and that the site's \
                         Content-Security-Policy allows workers from it.";

/// Starts and stops runs of the current scenario.
#[derive(Clone, PartialEq)]
pub struct UseRunnerHandle {
    pub run: Callback<Mode>,
    /// Runs every mode one after another on the same scenario (`Compare all`).
    pub compare: Callback<()>,
    /// Cancels an async run by dropping its futures (their timers are cleared with them).
    pub stop: Callback<()>,
}

#[hook]
pub fn use_runner(state: UseReducerHandle<State>, meter: UseFrameMeterHandle) -> UseRunnerHandle {
    let in_flight: Rc<RefCell<Option<AbortHandle>>> = use_mut_ref(|| None);
    {
        let in_flight = in_flight.clone();
        use_effect_with((), move |_| {
            // The runner starts loading once the first view is drawn and the rest of the page's
            // own wasm, which loads it, has arrived.
            wasm_bindgen_futures::spawn_local(async {
                frame_or_timeout(FRAME_WAIT_MS).await;
                page_rest::arrived().await;
                runner_module::preload();
            });
            move || {
                if let Some(run) = in_flight.borrow_mut().take() {
                    run.abort();
                    runner_module::finish();
                }
            }
        });
    }
    let stop = {
        let in_flight = in_flight.clone();
        let meter = meter.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |()| {
            if let Some(run) = in_flight.borrow_mut().take() {
                run.abort();
                end_live(&meter);
                dispatcher.dispatch(Action::RunStopped);
            }
        })
    };
    let context = Runs { state: state.clone(), meter, in_flight: in_flight.clone() };
    let run = {
        let context = context.clone();
        Callback::from(move |mode: Mode| {
            if let Err(why) = context.check(mode) {
                context.state.dispatch(Action::RunRefused(why));
                return;
            }
            context.spawn(vec![mode], false);
        })
    };
    let compare = Callback::from(move |()| {
        if context.state.is_running() || context.in_flight.borrow().is_some() {
            return;
        }
        // Every mode that may run; a blocking run over the cap is skipped, and says why.
        let mut modes = Vec::new();
        for mode in Mode::ALL {
            match context.check(mode) {
                Ok(()) => modes.push(mode),
                Err(why) => context
                    .state
                    .dispatch(Action::Notice(format!("Compare all left out the {mode} run: {why}"))),
            }
        }
        if !modes.is_empty() {
            context.spawn(modes, true);
        }
    });
    UseRunnerHandle { run, compare, stop }
}
