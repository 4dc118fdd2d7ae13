//! The postMessage API's outgoing messages (docs/contracts.md), as JSON.
//!
//! The shell parses this JSON into a plain JavaScript object and posts it to
//! `window.parent`. Field names are a stable contract with course pages: add fields, never
//! rename or remove them.

use super::json::{list, maybe, number, text, Obj};
use super::mode::Mode;
use super::report::RunReport;
use super::scenario::Scenario;

/// The largest incoming message accepted, as JSON text (10,000 tasks fit with room to spare).
pub const MAX_IN_BYTES: usize = 4 * 1024 * 1024;

/// A command from the embedding page.
#[derive(Debug, PartialEq)]
pub enum InMessage {
    /// Replace the scenario (validated like any scenario).
    Load(Scenario),
    /// Start a run.
    Run(Mode),
    /// Is anyone there? Answered by `pong`, so a page that attaches late learns the app is up.
    Ping,
    /// Answered by `state`: the scenario and the last run's results.
    GetState,
}

/// Whether `kind` is the `type` of a message this app posts (it sees its own when it is not
/// embedded): never a command.
pub fn is_own(kind: &str) -> bool {
    matches!(kind, "ready" | "run-started" | "run-finished" | "resize" | "pong" | "state")
}

impl InMessage {
    /// Reads a message. `Ok(None)` for messages that are not commands (such as this app's own
    /// outgoing messages, seen when it posts to itself); `Err` says why a command is malformed.
    pub fn parse(value: &super::json::Value) -> Result<Option<InMessage>, String> {
        let Some(kind) = value.get("type").and_then(|t| t.as_str()) else {
            return Err("a message needs a string \"type\"".into());
        };
        match kind {
            own if is_own(own) => Ok(None),
            "ping" => Ok(Some(InMessage::Ping)),
            "get-state" => Ok(Some(InMessage::GetState)),
            "load" => {
                let scenario = value.get("scenario").ok_or("a load message needs a \"scenario\"")?;
                Scenario::from_value(scenario).map(|s| Some(InMessage::Load(s))).map_err(|e| e.to_string())
            }
            "run" => {
                let mode = value.get("mode").and_then(|m| m.as_str()).unwrap_or_default();
                Mode::parse(mode).map(|m| Some(InMessage::Run(m))).ok_or_else(|| {
                    format!("unknown mode {}: use \"blocking\", \"async\" or \"workers\"", text(mode))
                })
            }
            other => Err(format!("unknown message type {}", text(other))),
        }
    }
}

/// The app's version, sent with `ready`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Debug, PartialEq)]
pub enum OutMessage {
    Ready {
        version: &'static str,
    },
    /// Embedded: the page's content height changed (CSS px), so the parent can size the frame.
    Resize {
        height: u32,
    },
    /// The same, as Canvas LMS asks for it: `{subject: "lti.frameResize", height}`.
    LtiFrameResize {
        height: u32,
    },
    /// The answer to `ping`: the app is up and takes commands.
    Pong {
        version: &'static str,
    },
    /// The answer to `get-state`.
    State {
        lesson: &'static str,
        scale: f64,
        /// The mode of the run in progress; `None` when none is.
        running: Option<&'static str>,
        /// The scenario as JSON (the format `load` takes).
        scenario: String,
        /// The last finished run, as its `run-finished` said; `None` before the first.
        last_run: Option<Box<OutMessage>>,
    },
    RunStarted {
        mode: &'static str,
        predicted_ms: f64,
    },
    RunFinished {
        mode: &'static str,
        total_ms: f64,
        predicted_ms: f64,
        longest_freeze_ms: f64,
        late_frames: usize,
        long_tasks: usize,
        /// `null` when there was no input during the run.
        worst_input_delay_ms: Option<f64>,
        scale: f64,
        tasks: Vec<TaskTimes>,
        /// The shared counter at the end; only when the scenario has update tasks.
        counter: Option<i64>,
        /// What the worker pool cost; only in workers mode.
        workers: Option<WorkerCost>,
    },
}

/// The pool of a workers run: its size, the slowest worker's start-up, and the median times a
/// job took to reach its worker, `postMessage` held the page, and a result took to come back
/// (milliseconds); the most data a job carried, and how (`copy` or `transfer`; `null`: none).
#[derive(Debug, PartialEq)]
pub struct WorkerCost {
    pub size: usize,
    pub startup_ms: f64,
    /// `null` when no job was sent.
    pub send_ms: Option<f64>,
    pub post_ms: f64,
    pub reply_ms: f64,
    pub data_mb: f64,
    pub send: Option<&'static str>,
}

/// One task of `run-finished`: times in milliseconds from the run's start; `lane` is the
/// lane's index, from 0.
#[derive(Debug, PartialEq)]
pub struct TaskTimes {
    pub id: u32,
    pub label: String,
    pub kind: &'static str,
    pub lane: usize,
    pub start_ms: f64,
    pub end_ms: f64,
    /// `done`, `failed` or `cancelled`.
    pub outcome: &'static str,
    /// The worker it ran on (from 0); only for work in workers mode.
    pub worker: Option<usize>,
}

impl OutMessage {
    pub fn ready() -> Self {
        OutMessage::Ready { version: VERSION }
    }

    pub fn pong() -> Self {
        OutMessage::Pong { version: VERSION }
    }

    /// What `get-state` is answered with, from the page's state.
    pub fn state(state: &super::state::State) -> Self {
        OutMessage::State {
            lesson: state.origin.lesson.id,
            scale: state.scale,
            running: match state.run {
                super::state::RunStatus::Running { mode, .. } => Some(mode.as_str()),
                super::state::RunStatus::Idle => None,
            },
            scenario: state.scenario.to_json(),
            last_run: state.history.last().map(|r| Box::new(OutMessage::run_finished(r))),
        }
    }

    pub fn run_started(mode: Mode, predicted_ms: f64) -> Self {
        OutMessage::RunStarted { mode: mode.as_str(), predicted_ms: round(predicted_ms) }
    }

    pub fn run_finished(report: &RunReport) -> Self {
        OutMessage::RunFinished {
            mode: report.mode.as_str(),
            total_ms: round(report.total_ms),
            predicted_ms: round(report.predicted_ms),
            longest_freeze_ms: round(report.longest_freeze_ms()),
            late_frames: report.frames.late_frames,
            long_tasks: report.long_tasks,
            worst_input_delay_ms: report.worst_input_delay_ms.map(round),
            scale: report.scale,
            tasks: report
                .tasks
                .iter()
                .map(|t| TaskTimes {
                    id: t.id.0,
                    label: t.label.clone(),
                    kind: t.kind.as_str(),
                    lane: t.lane,
                    start_ms: round(t.span.start_ms),
                    end_ms: round(t.span.end_ms),
                    outcome: t.outcome.as_str(),
                    worker: t.worker,
                })
                .collect(),
            counter: report.counter,
            workers: report.pool.map(|p| WorkerCost {
                size: p.size,
                startup_ms: round(p.startup_ms),
                send_ms: p.send_ms.map(round),
                post_ms: round(p.post_ms),
                reply_ms: round(p.reply_ms),
                data_mb: p.data.mb,
                send: (p.data.mb > 0.0).then_some(if p.data.transfer { "transfer" } else { "copy" }),
            }),
        }
    }

    /// The message as JSON: `type` first, then the fields in the order above; a field that is
    /// only sometimes there is left out when it is not, and the others are `null`.
    pub fn to_json(&self) -> String {
        match self {
            OutMessage::Ready { version } => Obj::typed("ready").field("version", text(version)).end(),
            OutMessage::Resize { height } => Obj::typed("resize").field("height", height.to_string()).end(),
            OutMessage::LtiFrameResize { height } => {
                Obj::new().field("subject", text("lti.frameResize")).field("height", height.to_string()).end()
            }
            // Only a running app answers: `ready` is always true here.
            OutMessage::Pong { version } => {
                Obj::typed("pong").field("version", text(version)).field("ready", "true".into()).end()
            }
            OutMessage::State { lesson, scale, running, scenario, last_run } => Obj::typed("state")
                .field("lesson", text(lesson))
                .field("scale", number(*scale))
                .field("running", running.map_or_else(|| "null".into(), text))
                .field("scenario", scenario.clone())
                .field("last_run", last_run.as_ref().map_or_else(|| "null".into(), |m| m.to_json()))
                .end(),
            OutMessage::RunStarted { mode, predicted_ms } => Obj::typed("run-started")
                .field("mode", text(mode))
                .field("predicted_ms", number(*predicted_ms))
                .end(),
            OutMessage::RunFinished {
                mode,
                total_ms,
                predicted_ms,
                longest_freeze_ms,
                late_frames,
                long_tasks,
                worst_input_delay_ms,
                scale,
                tasks,
                counter,
                workers,
            } => {
                let tasks = tasks.iter().map(|t| {
                    let o = Obj::new()
                        .field("id", t.id.to_string())
                        .field("label", text(&t.label))
                        .field("kind", text(t.kind))
                        .field("lane", t.lane.to_string())
                        .field("start_ms", number(t.start_ms))
                        .field("end_ms", number(t.end_ms))
                        .field("outcome", text(t.outcome));
                    match t.worker {
                        Some(w) => o.field("worker", w.to_string()),
                        None => o,
                    }
                    .end()
                });
                let mut o = Obj::typed("run-finished")
                    .field("mode", text(mode))
                    .field("total_ms", number(*total_ms))
                    .field("predicted_ms", number(*predicted_ms))
                    .field("longest_freeze_ms", number(*longest_freeze_ms))
                    .field("late_frames", late_frames.to_string())
                    .field("long_tasks", long_tasks.to_string())
                    .field("worst_input_delay_ms", maybe(*worst_input_delay_ms))
                    .field("scale", number(*scale))
                    .field("tasks", list(tasks));
                if let Some(c) = counter {
                    o = o.field("counter", c.to_string());
                }
                if let Some(w) = workers {
                    let cost = Obj::new()
                        .field("size", w.size.to_string())
                        .field("startup_ms", number(w.startup_ms))
                        .field("send_ms", maybe(w.send_ms))
                        .field("post_ms", number(w.post_ms))
                        .field("reply_ms", number(w.reply_ms))
                        .field("data_mb", number(w.data_mb))
                        .field("send", w.send.map_or_else(|| "null".into(), text))
                        .end();
                    o = o.field("workers", cost);
                }
                o.end()
            }
        }
    }
}

/// Milliseconds to a tenth, which is finer than the browser's clock.
fn round(ms: f64) -> f64 {
    (ms * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lesson;
    use crate::core::report::Measurements;
    use crate::core::scenario::TaskId;
    use crate::core::timing::{Outcome, Span};
    use serde_json::json;

    /// A value written with serde_json's `json!`, read by the app's own reader.
    fn ours(v: &serde_json::Value) -> crate::core::json::Value {
        crate::core::json::read(&v.to_string()).unwrap()
    }

    #[test]
    fn incoming_commands_are_read_or_explained() {
        let parse = |v: serde_json::Value| InMessage::parse(&ours(&v));
        assert_eq!(parse(json!({"type": "run", "mode": "async"})), Ok(Some(InMessage::Run(Mode::Async))));
        assert_eq!(parse(json!({"type": "ready", "version": "1"})), Ok(None));
        let load = parse(json!({"type": "load", "scenario": {"version": 1, "lanes": []}})).unwrap();
        assert!(matches!(load, Some(InMessage::Load(s)) if s.task_count() == 0));
        fn refused(v: serde_json::Value, expected: &str) {
            let err = InMessage::parse(&ours(&v)).unwrap_err();
            assert!(err.contains(expected), "{v}: {err}");
        }
        assert_eq!(parse(json!({"type": "ping"})), Ok(Some(InMessage::Ping)));
        assert_eq!(parse(json!({"type": "get-state"})), Ok(Some(InMessage::GetState)));
        assert_eq!(parse(json!({"type": "pong", "version": "1", "ready": true})), Ok(None));
        assert_eq!(parse(json!({"type": "state"})), Ok(None));
        assert_eq!(parse(json!({"type": "resize", "height": 900})), Ok(None));
        refused(json!("run"), "string \"type\"");
        refused(json!({"type": 5}), "string \"type\"");
        assert_eq!(parse(json!({"type": "run", "mode": "workers"})), Ok(Some(InMessage::Run(Mode::Workers))));
        refused(json!({"type": "run", "mode": "threads"}), "unknown mode \"threads\"");
        refused(json!({"type": "run"}), "unknown mode \"\"");
        refused(json!({"type": "load"}), "needs a \"scenario\"");
        refused(
            json!({"type": "load", "scenario": {"version": 1, "lanes": [{"name": "A", "tasks": [{"kind": "wait", "label": "x", "duration": -1}]}]}}),
            "duration -1",
        );
        refused(json!({"type": "explode"}), "unknown message type");
    }

    #[test]
    fn ready_and_run_started_have_the_contract_shape() {
        let ready: serde_json::Value = serde_json::from_str(&OutMessage::ready().to_json()).unwrap();
        assert_eq!(ready, json!({"type": "ready", "version": VERSION}));
        let started: serde_json::Value =
            serde_json::from_str(&OutMessage::run_started(Mode::Async, 5000.04).to_json()).unwrap();
        assert_eq!(started, json!({"type": "run-started", "mode": "async", "predicted_ms": 5000}));
    }

    /// `pong` says the app is up; `state` carries the lesson, the scale, the run in progress,
    /// the scenario as `load` takes it, and the last run as its `run-finished` said.
    #[test]
    fn pong_and_state_answer_with_the_contract_fields() {
        use crate::core::params::Params;
        use crate::core::state::{Action, State};
        let resize: serde_json::Value =
            serde_json::from_str(&OutMessage::Resize { height: 1234 }.to_json()).unwrap();
        assert_eq!(resize, json!({"type": "resize", "height": 1234}));
        let lti: serde_json::Value =
            serde_json::from_str(&OutMessage::LtiFrameResize { height: 1234 }.to_json()).unwrap();
        assert_eq!(lti, json!({"subject": "lti.frameResize", "height": 1234}));
        let pong: serde_json::Value = serde_json::from_str(&OutMessage::pong().to_json()).unwrap();
        assert_eq!(pong, json!({"type": "pong", "version": VERSION, "ready": true}));

        let state = State::new(&Params::default());
        let v: serde_json::Value = serde_json::from_str(&OutMessage::state(&state).to_json()).unwrap();
        assert_eq!(
            (&v["type"], &v["lesson"], &v["running"], &v["last_run"]),
            (&json!("state"), &json!("ticket-queue"), &json!(null), &json!(null))
        );
        assert_eq!(v["scale"], state.scale);
        assert_eq!(Scenario::from_value(&ours(&v["scenario"])).unwrap(), *state.scenario);

        let running = state.apply(Action::RunStarted(Mode::Async));
        let v: serde_json::Value = serde_json::from_str(&OutMessage::state(&running).to_json()).unwrap();
        assert_eq!(v["running"], "async");
        let m = Measurements { run: Some(Span { start_ms: 0.0, end_ms: 5001.0 }), ..Measurements::default() };
        let report = RunReport::new(&running.scenario, &running.prediction(Mode::Async), &m);
        let done = running.apply(Action::RunFinished(Box::new(report)));
        let v: serde_json::Value = serde_json::from_str(&OutMessage::state(&done).to_json()).unwrap();
        assert_eq!(
            (&v["running"], &v["last_run"]["type"], &v["last_run"]["total_ms"]),
            (&json!(null), &json!("run-finished"), &json!(5001))
        );
    }

    #[test]
    fn run_finished_has_the_contract_fields() {
        let s = std::rc::Rc::new(lesson::default_lesson().scenario(0));
        let m = Measurements {
            run: Some(Span { start_ms: 10.0, end_ms: 5012.34 }),
            tasks: vec![
                (TaskId(1), Span { start_ms: 10.0, end_ms: 5012.34 }, Outcome::Done),
                (TaskId(2), Span { start_ms: 10.0, end_ms: 2040.0 }, Outcome::Done),
            ],
            frames: vec![0.0, 16.7, 5020.0],
            long_tasks: vec![],
            inputs: vec![],
            busy: vec![],
            counter: None,
            ..Measurements::default()
        };
        let report = RunReport::new(&s, &crate::core::predict::predict(&s, Mode::Async, 1000.0, 4), &m);
        let v: serde_json::Value =
            serde_json::from_str(&OutMessage::run_finished(&report).to_json()).unwrap();
        assert_eq!(v["type"], "run-finished");
        assert_eq!(v["mode"], "async");
        assert_eq!(v["total_ms"], 5002.3);
        assert_eq!(v["predicted_ms"], 5000.0);
        assert_eq!(v["longest_freeze_ms"], 5003.3);
        assert_eq!(v["worst_input_delay_ms"], serde_json::Value::Null);
        assert_eq!(
            v["tasks"][1],
            json!({"id": 2, "label": "Take selfies", "kind": "work", "lane": 1, "start_ms": 0, "end_ms": 2030, "outcome": "done"})
        );
        // No update tasks, so no counter field; not a workers run, so no pool.
        assert!(v.get("counter").is_none());
        assert!(v.get("workers").is_none());
    }

    #[test]
    fn a_workers_run_names_each_task_s_worker_and_the_pool_cost() {
        use crate::core::pool::{JobTimes, PoolTimes};
        use crate::core::scenario::Data;
        let s = std::rc::Rc::new(lesson::default_lesson().scenario(0));
        let m = Measurements {
            run: Some(Span { start_ms: 0.0, end_ms: 5000.0 }),
            tasks: vec![
                (TaskId(1), Span { start_ms: 0.0, end_ms: 5000.0 }, Outcome::Done),
                (TaskId(2), Span { start_ms: 40.0, end_ms: 2040.0 }, Outcome::Done),
            ],
            workers: vec![(TaskId(2), 0)],
            pool: Some(PoolTimes {
                size: 2,
                spawned_ms: 0.0,
                ready_ms: vec![39.0],
                jobs: vec![JobTimes {
                    posted_ms: 0.0,
                    sent_ms: 39.2,
                    post_ms: 0.04,
                    started_ms: 40.0,
                    ended_ms: 2040.0,
                    replied_ms: 2041.26,
                    data: Data { mb: 24.0, transfer: true },
                    returned: 24_000_000,
                }],
            }),
            ..Measurements::default()
        };
        let report = RunReport::new(&s, &crate::core::predict::predict(&s, Mode::Workers, 1000.0, 2), &m);
        let v: serde_json::Value =
            serde_json::from_str(&OutMessage::run_finished(&report).to_json()).unwrap();
        assert_eq!(v["mode"], "workers");
        assert_eq!(v["tasks"][1]["worker"], 0);
        assert!(v["tasks"][0].get("worker").is_none(), "a wait stays on the main thread");
        assert_eq!(
            v["workers"],
            json!({"size": 2, "startup_ms": 39, "send_ms": 0.8, "post_ms": 0, "reply_ms": 1.3,
                   "data_mb": 24, "send": "transfer"})
        );
    }
}
