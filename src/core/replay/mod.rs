//! A run's event loop, recorded: what happened to each task between its start and its end,
//! with `performance.now()` times, so a finished run can be stepped through (`moment.rs` says
//! what held the thread and what each lane waited on at any instant, `words.rs` says each
//! event in words). The shell records them as they happen (`runtime/recording.rs`); the
//! report keeps them relative to the run's start; the results file and the Chrome trace carry
//! them. Pure: no browser, no clock.

pub mod moment;
pub mod run;
pub mod trace;
pub mod words;

use super::json::{self, Value};
use super::scenario::{TaskId, YieldWith};
use super::timing::Outcome;

/// The version of the recording's JSON (`"recording": {"version": 1, "events": [...]}`).
pub const VERSION: u64 = 1;

/// One thing that happened in a run, at `at_ms`, to `task` (`None` for the page's own: a
/// frame, a long task).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Event {
    pub at_ms: f64,
    pub task: Option<TaskId>,
    pub what: What,
}

/// What happened. Each is recorded by the code that made it happen, not inferred.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum What {
    /// The task began: its lane's future reached it.
    Started,
    /// The task ended, done or failed (a cancelled task has no end: its future was dropped;
    /// the report says when).
    Ended(Outcome),
    /// The task's code held the main thread until `end_ms` (a burst of work; a whole task in
    /// a blocking run).
    Burst { end_ms: f64 },
    /// After a burst, the work gave the thread back as `YieldWith` says.
    Yielded(YieldWith),
    /// A `setTimeout` was set, due at `due_ms`.
    TimerSet { due_ms: f64 },
    /// The timer's callback ran (a task of its own): it woke the task's future.
    TimerFired,
    /// A `fetch` was sent.
    FetchSent,
    /// The fetch was answered (its promise settled): the future was woken.
    FetchAnswered { ok: bool },
    /// The task's future was polled again after an await (wasm-bindgen polls from a
    /// microtask): its code runs on.
    Resumed,
    /// The work was posted to the worker pool.
    Posted,
    /// A worker (from 0) began the job, on the page's clock.
    WorkerStarted(usize),
    /// The worker finished the job; its reply is a message task on the page.
    WorkerFinished(usize),
    /// The page read the worker's reply.
    Replied,
    /// The page drew an animation frame (its callbacks ran).
    Frame,
    /// The browser reported a long task (over 50 ms) ending at `end_ms`.
    LongTask { end_ms: f64 },
    /// The learner gave an input (a key, a click), whose handler ran at `handled_ms`.
    Input { handled_ms: f64 },
}

impl What {
    /// Its name in the recording's JSON.
    pub fn name(self) -> &'static str {
        match self {
            What::Started => "started",
            What::Ended(_) => "ended",
            What::Burst { .. } => "burst",
            What::Yielded(_) => "yielded",
            What::TimerSet { .. } => "timer-set",
            What::TimerFired => "timer-fired",
            What::FetchSent => "fetch-sent",
            What::FetchAnswered { .. } => "fetch-answered",
            What::Resumed => "resumed",
            What::Posted => "posted",
            What::WorkerStarted(_) => "worker-started",
            What::WorkerFinished(_) => "worker-finished",
            What::Replied => "replied",
            What::Frame => "frame",
            What::LongTask { .. } => "long-task",
            What::Input { .. } => "input",
        }
    }

    /// The one value beside the name in JSON: a time, an outcome, a way to yield, a worker.
    fn arg(self) -> String {
        match self {
            What::Ended(o) => json::text(o.as_str()),
            What::Burst { end_ms }
            | What::LongTask { end_ms }
            | What::TimerSet { due_ms: end_ms }
            | What::Input { handled_ms: end_ms } => json::number(round(end_ms)),
            What::Yielded(how) => json::text(how.as_str()),
            What::FetchAnswered { ok } => ok.to_string(),
            What::WorkerStarted(w) | What::WorkerFinished(w) => w.to_string(),
            _ => "null".into(),
        }
    }

    fn read(name: &str, arg: &Value) -> Option<What> {
        let time = || arg.as_f64();
        let worker = || arg.as_u64().map(|w| w as usize);
        Some(match name {
            "started" => What::Started,
            "ended" => What::Ended(Outcome::parse(arg.as_str()?)?),
            "burst" => What::Burst { end_ms: time()? },
            "yielded" => What::Yielded(YieldWith::parse(arg.as_str()?)?),
            "timer-set" => What::TimerSet { due_ms: time()? },
            "timer-fired" => What::TimerFired,
            "fetch-sent" => What::FetchSent,
            "fetch-answered" => What::FetchAnswered { ok: arg.as_bool()? },
            "resumed" => What::Resumed,
            "posted" => What::Posted,
            "worker-started" => What::WorkerStarted(worker()?),
            "worker-finished" => What::WorkerFinished(worker()?),
            "replied" => What::Replied,
            "frame" => What::Frame,
            "long-task" => What::LongTask { end_ms: time()? },
            "input" => What::Input { handled_ms: time()? },
            _ => return None,
        })
    }

    /// Times it carries, moved with the event's own.
    fn shifted(self, by: f64) -> What {
        match self {
            What::Burst { end_ms } => What::Burst { end_ms: end_ms + by },
            What::TimerSet { due_ms } => What::TimerSet { due_ms: due_ms + by },
            What::LongTask { end_ms } => What::LongTask { end_ms: end_ms + by },
            What::Input { handled_ms } => What::Input { handled_ms: handled_ms + by },
            other => other,
        }
    }
}

impl Event {
    /// The same event on a clock that starts `origin` later (the run's start).
    pub fn relative_to(self, origin: f64) -> Event {
        Event { at_ms: self.at_ms - origin, task: self.task, what: self.what.shifted(-origin) }
    }
}

/// Times in the recording's JSON: to a microsecond, as browsers' clocks give them at best.
fn round(ms: f64) -> f64 {
    (ms * 1000.0).round() / 1000.0
}

/// The recording as JSON: `{"version":1,"events":[[at_ms, task id or 0, name, arg], ...]}`.
pub fn to_json(events: &[Event]) -> String {
    let items = events.iter().map(|e| {
        format!(
            "[{},{},{},{}]",
            json::number(round(e.at_ms)),
            e.task.map_or(0, |t| t.0),
            json::text(e.what.name()),
            e.what.arg()
        )
    });
    json::Obj::new().field("version", VERSION.to_string()).field("events", json::list(items)).end()
}

/// Reads [`to_json`]'s value back; says what is wrong with one it cannot read.
pub fn from_value(value: &Value) -> Result<Vec<Event>, String> {
    match value.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(v) => {
            return Err(format!("its recording is version {v}; this playground reads version {VERSION}"))
        }
        None => return Err("its recording has no version".into()),
    }
    let list = value.get("events").and_then(Value::as_array).ok_or("its recording has no list of events")?;
    list.iter()
        .enumerate()
        .map(|(i, item)| {
            let bad = || format!("event {} of its recording cannot be read", i + 1);
            let at_ms = item[0].as_f64().ok_or_else(bad)?;
            let task = item[1].as_u64().ok_or_else(bad)?;
            let what = What::read(item[2].as_str().ok_or_else(bad)?, &item[3]).ok_or_else(bad)?;
            let task = (task > 0).then(|| TaskId(task.min(u64::from(u32::MAX)) as u32));
            Ok(Event { at_ms, task, what })
        })
        .collect()
}

/// The index of the last event at or before `t` (the one the cursor is on), if any.
pub fn at_or_before(events: &[Event], t: f64) -> Option<usize> {
    events.partition_point(|e| e.at_ms <= t).checked_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<Event> {
        let t = Some(TaskId(2));
        [
            What::Started,
            What::Burst { end_ms: 18.25 },
            What::Yielded(YieldWith::FrameAware),
            What::TimerSet { due_ms: 1000.0 },
            What::TimerFired,
            What::FetchSent,
            What::FetchAnswered { ok: false },
            What::Resumed,
            What::Posted,
            What::WorkerStarted(1),
            What::WorkerFinished(1),
            What::Replied,
            What::Ended(Outcome::Failed),
        ]
        .into_iter()
        .enumerate()
        .map(|(i, what)| Event { at_ms: 10.0 + i as f64, task: t, what })
        .chain([
            Event { at_ms: 30.5, task: None, what: What::Frame },
            Event { at_ms: 31.0, task: None, what: What::LongTask { end_ms: 95.0 } },
            Event { at_ms: 40.0, task: None, what: What::Input { handled_ms: 94.0 } },
        ])
        .collect()
    }

    #[test]
    fn the_recording_reads_back_as_written() {
        let events = every_kind();
        let json = to_json(&events);
        assert!(
            json.starts_with(r#"{"version":1,"events":[[10,2,"started",null],[11,2,"burst",18.25]"#),
            "{json}"
        );
        assert_eq!(from_value(&json::read(&json).unwrap()).unwrap(), events);
    }

    #[test]
    fn a_recording_that_cannot_be_read_is_explained() {
        let read = |text: &str| from_value(&json::read(text).unwrap()).unwrap_err();
        assert!(read(r#"{"version":2,"events":[]}"#).contains("version 2"));
        assert!(read(r#"{"events":[]}"#).contains("no version"));
        assert!(read(r#"{"version":1}"#).contains("no list"));
        assert!(read(r#"{"version":1,"events":[[1,1,"teleported",null]]}"#).contains("event 1"));
        assert!(
            read(r#"{"version":1,"events":[[0,1,"started",null],[1,1,"burst","soon"]]}"#).contains("event 2")
        );
    }

    #[test]
    fn times_move_to_the_runs_clock_with_what_they_carry() {
        let e = Event { at_ms: 1010.0, task: Some(TaskId(1)), what: What::TimerSet { due_ms: 2010.0 } };
        assert_eq!(
            e.relative_to(1000.0),
            Event { at_ms: 10.0, task: Some(TaskId(1)), what: What::TimerSet { due_ms: 1010.0 } }
        );
    }

    #[test]
    fn the_cursor_finds_the_event_at_or_before_it() {
        let events = every_kind();
        assert_eq!(at_or_before(&events, 0.0), None);
        assert_eq!(at_or_before(&events, 10.0), Some(0));
        assert_eq!(at_or_before(&events, 10.5), Some(0));
        assert_eq!(at_or_before(&events, 1e9), Some(events.len() - 1));
    }
}
