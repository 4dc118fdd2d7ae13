//! The runner: starts a run in a mode, measures it and reports back as actions and messages.
//!
//! A run goes: `RunStarted` (and `run-started` to the parent) → one frame so the page can show
//! that it started → the run itself (blocking, or the lanes as joined futures) → two frames so
//! the meter records the frame that ends the run's last gap → `RunFinished` with the report →
//! one frame, so the results are drawn before the page does anything else → `run-finished`. `Compare all` does that for each mode in turn, as one task. The spawned
//! run is owned here and cancelled if the app unmounts or the learner presses Stop.

use super::use_frame_meter::UseFrameMeterHandle;
use crate::core::message::OutMessage;
use crate::core::mode::Mode;
use crate::core::replay::What;
use crate::core::report::{Measurements, RunReport};
use crate::core::scenario::YieldWith;
use crate::core::state::{Action, State};
use crate::core::timing::Span;
use crate::shell::runtime::clock::now;
use crate::shell::runtime::extras;
use crate::shell::runtime::frames::frame_or_timeout;
use crate::shell::runtime::live_timeline::LiveTimeline;
use crate::shell::runtime::post::post;
use crate::shell::runtime::recording::Recorder;
use crate::shell::runtime::run_async::run_async;
use crate::shell::runtime::run_blocking::run_blocking;
use crate::shell::runtime::stage_view::keep_stage_in_view;
use crate::shell::runtime::user_timing::{forget_earlier_runs, measure_run};
use crate::shell::runtime::worker_pool::Pool;
use crate::shell::runtime::yield_now::{has_scheduler_yield, yield_now, NO_SCHEDULER_YIELD};
use futures::future::{abortable, AbortHandle};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How far before the press the frame log is read: enough to hold the frame before it.
const FRAMES_BEFORE_MS: f64 = 1_000.0;
/// How long to wait for a frame before going on without it (a hidden tab or an offscreen
/// iframe draws none, and a run must not wait for ever).
const FRAME_WAIT_MS: u32 = 200;

/// What the runs share: the state (as it was when the run was asked for), the meter, the live
/// timeline of the run in progress and the handle that cancels it.
#[derive(Clone)]
struct Runs {
    state: UseReducerHandle<State>,
    meter: UseFrameMeterHandle,
    live: Rc<RefCell<Option<Rc<LiveTimeline>>>>,
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
                let report = runs.measure(mode).await;
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

    /// One run in `mode`, from `RunStarted` to its report (and `run-finished`).
    async fn measure(&self, mode: Mode) -> RunReport {
        // The press (or the `run` message): frame gaps count from here, so the page's own
        // start-up for the run is measured as part of it.
        let pressed_ms = now();
        let state = &self.state;
        let scenario = state.scenario.clone();
        let scale = state.scale;
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
        let recorder = Recorder::new();
        let start_ms = now();
        if mode != Mode::Blocking {
            // Each frame is recorded as one of the run's events, and draws the live bars. (A
            // blocking run draws no frame until it ends.)
            let timeline = LiveTimeline::find(mode, &scenario).map(Rc::new);
            self.live.borrow_mut().clone_from(&timeline);
            let recorder = recorder.clone();
            self.meter.set_drawer(Some(Rc::new(move |t| {
                recorder.page(What::Frame, t);
                if let Some(timeline) = &timeline {
                    timeline.draw(&recorder, start_ms, t);
                }
            })));
        }
        // Workers mode starts its pool with the run: the start-up is part of what it costs.
        let pool = (mode == Mode::Workers).then(|| Pool::start(state.workers));
        let counter = match mode {
            Mode::Blocking => run_blocking(&scenario, scale, &recorder),
            Mode::Async | Mode::Workers => run_async(&scenario, scale, &recorder, pool.as_ref()).await,
        };
        let end_ms = now();
        frame_or_timeout(FRAME_WAIT_MS).await;
        frame_or_timeout(FRAME_WAIT_MS).await;
        self.meter.set_drawer(None);
        if let Some(timeline) = self.live.borrow_mut().take() {
            timeline.reset();
        }
        if pool.is_some() && recorder.with(|r| r.no_answer) {
            dispatcher.dispatch(Action::Notice(NO_ANSWER.into()));
        }
        let long_tasks = self.meter.long_tasks();
        for long in long_tasks.iter().filter(|t| t.end_ms > start_ms && t.start_ms < end_ms) {
            recorder.page(What::LongTask { end_ms: long.end_ms }, long.start_ms);
        }
        let inputs = self.meter.inputs_since(start_ms);
        for &(at, delay) in inputs.iter().filter(|(at, _)| *at <= end_ms) {
            recorder.page(What::Input { handled_ms: at + delay }, at);
        }
        let measured = Measurements {
            run: Some(Span { start_ms, end_ms }),
            pressed_ms: Some(pressed_ms),
            tasks: recorder.outcomes(end_ms),
            counter,
            frames: self.meter.frames_since(pressed_ms - FRAMES_BEFORE_MS),
            long_tasks,
            inputs,
            busy: recorder.with(|r| r.busy.clone()),
            workers: recorder.with(|r| r.workers.clone()),
            events: recorder.take_events(),
            pool: pool.as_ref().map(Pool::times),
        };
        // Let the workers go now, not when the next run starts.
        drop(pool);
        let report = RunReport::new(&scenario, &prediction, &measured);
        // The run, task by task, in DevTools' Performance panel (after the results are drawn).
        measure_run(&report, start_ms);
        report
    }
}

/// Shown when the pool never answered.
const NO_ANSWER: &str = "The Web Workers did not answer, so the work they were given is marked failed. \
                         The worker script may not have loaded: check that compute-worker-loader.js \
                         and its wasm are served beside the page, and that the site's \
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
    let context = Runs { state: state.clone(), meter, live, in_flight: in_flight.clone() };
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
