//! The scenario model: lanes of tasks, and its JSON form (version 1, see docs/contracts.md).
//!
//! A [`Scenario`] can only be built through [`Scenario::new`] or [`Scenario::from_json`], which
//! check every limit, so the rest of the program never sees an invalid one. Parsing never
//! panics: every problem comes back as a [`ScenarioError`] with a message a learner can act on.

use super::format::Num;
use std::fmt;

/// The only scenario format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;
/// The longest a task may last, in scenario units.
pub const MAX_DURATION: f64 = 600.0;
/// The most tasks a scenario may hold, over all lanes.
pub const MAX_TASKS: usize = 10_000;
/// The most lanes a scenario may hold (one task per lane at the most tasks).
pub const MAX_LANES: usize = MAX_TASKS;
/// The longest label or lane name, in characters.
pub const MAX_LABEL_CHARS: usize = 120;
/// The longest burst of work, in real milliseconds.
pub const MAX_BURST_MS: f64 = 1_000.0;
/// The burst size a work task gets when its JSON names none.
pub const DEFAULT_BURST_MS: f64 = 8.0;
/// The most data a work task may hand its worker, in megabytes (a 64-megapixel photo).
pub const MAX_DATA_MB: f64 = 256.0;

/// A task's identity within one scenario, stable while the scenario is edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaskId(pub u32);

/// What a task does while it lasts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TaskKind {
    /// A non-blocking wait: a queue, a disk read, a sleep. Async: a timer future.
    Wait,
    /// A network request. Async: a real fetch alongside a timer for the latency. One that
    /// `fails` gets an answer it cannot read, and its error ends the lane (as `?` would).
    Request { fails: bool },
    /// CPU work, done in bursts of `burst_ms` real milliseconds; `0.0` means one burst that
    /// never yields. Between bursts it gives the thread back the way `yields` says. In workers
    /// mode it hands its worker `data` and gets it back with the result.
    Work { burst_ms: f64, yields: YieldWith, data: Data },
    /// Read the scenario's shared counter, wait, then write back what was read plus one: a
    /// read-modify-write across an await. `locked` holds the scenario's one async lock for the
    /// whole task, so no other update can interleave. `read_after` waits first, then reads and
    /// writes at once, with no await in between: nothing can interleave, and no lock is needed.
    Update { locked: bool, read_after: bool },
}

impl TaskKind {
    /// A request that succeeds.
    pub const REQUEST: TaskKind = TaskKind::Request { fails: false };

    /// Work in bursts of `burst_ms`, yielding the default way.
    pub const fn work(burst_ms: f64) -> TaskKind {
        TaskKind::Work { burst_ms, yields: YieldWith::DEFAULT, data: Data::NONE }
    }

    /// The name used in JSON and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskKind::Wait => "wait",
            TaskKind::Request { .. } => "request",
            TaskKind::Work { .. } => "work",
            TaskKind::Update { .. } => "update",
        }
    }

    /// Whether the task holds the main thread (in every mode) while it runs.
    pub fn is_cpu(self) -> bool {
        matches!(self, TaskKind::Work { .. })
    }

    /// Work that runs in one go: a burst of 0, "never yield" (its code has no yield point).
    pub fn runs_in_one_go(self) -> bool {
        matches!(self, TaskKind::Work { burst_ms, .. } if burst_ms <= 0.0)
    }

    /// Work that holds the thread from start to end in async mode: it runs in one go, or it
    /// yields only to microtasks, which never let the browser in.
    pub fn holds_throughout(self) -> bool {
        self.runs_in_one_go() || matches!(self, TaskKind::Work { yields: YieldWith::Microtask, .. })
    }
}

impl Task {
    /// The longest this task holds the main thread in one go in async mode, in real ms at
    /// `scale`: the whole task if it never lets the browser in, else one burst; `None` for a
    /// task that is not work. The one place this rule is written.
    pub fn hold_ms(&self, scale: f64) -> Option<f64> {
        let whole = self.duration * scale;
        match self.kind {
            kind if kind.holds_throughout() => Some(whole),
            TaskKind::Work { burst_ms, .. } => Some(burst_ms.min(whole)),
            _ => None,
        }
    }
}

/// The data a work task hands its worker in workers mode and gets back with the result (an
/// image's pixels, say), as one `ArrayBuffer` each way (JSON fields `data_mb` and `send`).
/// Async and blocking runs compute on the page, which holds the data already: they send none.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Data {
    /// Megabytes (10^6 bytes) each way; 0 sends only the job's length.
    pub mb: f64,
    /// `true`: the buffer is transferred (the sender's copy is left empty, nothing is copied);
    /// `false`: it is copied (structured clone), as `postMessage` does by default.
    pub transfer: bool,
}

impl Data {
    pub const NONE: Data = Data { mb: 0.0, transfer: false };

    /// The buffer's length in bytes.
    pub fn bytes(self) -> u32 {
        (self.mb * 1e6).round() as u32
    }

    /// How it travels, in words: "copied", "transferred".
    pub fn how(self) -> &'static str {
        if self.transfer {
            "transferred"
        } else {
            "copied"
        }
    }
}

/// How a work task gives the main thread back between bursts (JSON field `yield`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum YieldWith {
    /// The default: a `MessageChannel` message, but first the next frame when one is due (none
    /// drawn for a frame's interval). Firefox serves message tasks ahead of rendering and drew
    /// about 17 frames a second between 8 ms bursts yielding by messages alone; this draws
    /// every frame in every engine, at no cost where frames already came.
    FrameAware,
    /// A `MessageChannel` message: a new task at once, so frames and input may get in between
    /// (each engine decides whether a frame does).
    MessageChannel,
    /// A resolved promise: a microtask, which runs before the browser may render or take
    /// input, so the page still freezes.
    Microtask,
    /// `setTimeout(0)`: a new task, but browsers clamp nested timeouts to 4 ms.
    SetTimeout,
    /// `requestAnimationFrame`: one burst per frame.
    AnimationFrame,
    /// `scheduler.yield()` where the browser has it, else a `MessageChannel` message.
    SchedulerYield,
}

impl YieldWith {
    /// What a work task without a `yield` field does.
    pub const DEFAULT: YieldWith = YieldWith::FrameAware;

    pub const ALL: [YieldWith; 6] = [
        YieldWith::FrameAware,
        YieldWith::MessageChannel,
        YieldWith::Microtask,
        YieldWith::SetTimeout,
        YieldWith::AnimationFrame,
        YieldWith::SchedulerYield,
    ];

    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            YieldWith::FrameAware => "frame-aware",
            YieldWith::MessageChannel => "message-channel",
            YieldWith::Microtask => "microtask",
            YieldWith::SetTimeout => "set-timeout",
            YieldWith::AnimationFrame => "animation-frame",
            YieldWith::SchedulerYield => "scheduler-yield",
        }
    }

    pub fn parse(name: &str) -> Option<YieldWith> {
        YieldWith::ALL.into_iter().find(|y| y.as_str() == name)
    }

    /// How a learner reads it.
    pub fn title(self) -> &'static str {
        match self {
            YieldWith::FrameAware => "MessageChannel, after a frame when one is due",
            YieldWith::MessageChannel => "MessageChannel message",
            YieldWith::Microtask => "microtask (resolved promise)",
            YieldWith::SetTimeout => "setTimeout(0)",
            YieldWith::AnimationFrame => "requestAnimationFrame",
            YieldWith::SchedulerYield => "scheduler.yield()",
        }
    }
}

/// How the lanes are combined into one run (JSON field `combine`, default `join`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Combine {
    /// Wait for every lane, whatever happens in the others (`join!`, `Promise.allSettled`).
    #[default]
    Join,
    /// Wait for every lane, but stop at the first error and drop the rest (`try_join!`,
    /// `Promise.all`).
    TryJoin,
    /// The first lane to finish wins; the others are dropped (`select!`, `Promise.race`).
    Select,
}

impl Combine {
    pub const ALL: [Combine; 3] = [Combine::Join, Combine::TryJoin, Combine::Select];

    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Combine::Join => "join",
            Combine::TryJoin => "try-join",
            Combine::Select => "select",
        }
    }

    pub fn parse(name: &str) -> Option<Combine> {
        Combine::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// One task on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Task {
    pub id: TaskId,
    pub label: String,
    pub kind: TaskKind,
    /// Length in scenario units (`scale` turns a unit into real milliseconds).
    pub duration: f64,
}

/// A lane: tasks that run one after another. Lanes run concurrently in async mode.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub name: String,
    pub tasks: Vec<Task>,
}

/// A valid scenario: every limit above holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    lanes: Vec<Lane>,
    combine: Combine,
}

/// Why a scenario was refused. `Display` gives the message shown to the learner.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioError {
    NotJson(String),
    MissingVersion,
    UnsupportedVersion(u64),
    TooManyTasks(usize),
    TooManyLanes(usize),
    BadDuration { lane: String, task: usize, value: String },
    BadBurst { lane: String, task: usize, value: String },
    BadData { lane: String, task: usize, value: String },
    LabelTooLong { lane: String, task: usize },
    LaneNameTooLong { lane: usize },
    NoSuchLane(usize),
    NoSuchTask(u32),
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::NotJson(detail) => {
                write!(f, "This is not a scenario the playground can read ({detail}).")
            }
            ScenarioError::MissingVersion => {
                write!(f, "This scenario has no \"version\" field, so it cannot be read safely.")
            }
            ScenarioError::UnsupportedVersion(v) => write!(
                f,
                "This scenario is format version {v}; this playground reads version \
                 {FORMAT_VERSION}. It may come from a newer release."
            ),
            ScenarioError::TooManyTasks(n) => {
                write!(f, "This scenario has {n} tasks; the most a scenario can hold is {MAX_TASKS}.")
            }
            ScenarioError::TooManyLanes(n) => {
                write!(f, "This scenario has {n} lanes; the most a scenario can hold is {MAX_LANES}.")
            }
            ScenarioError::BadDuration { lane, task, value } => write!(
                f,
                "Task {} in lane \u{201c}{lane}\u{201d} has duration {value}: a duration must be a \
                 number greater than 0 and at most {}.",
                task + 1,
                Num(MAX_DURATION)
            ),
            ScenarioError::BadBurst { lane, task, value } => write!(
                f,
                "Task {} in lane \u{201c}{lane}\u{201d} has burst_ms {value}: a burst must be a \
                 number from 0 (never yield) to {} milliseconds.",
                task + 1,
                Num(MAX_BURST_MS)
            ),
            ScenarioError::BadData { lane, task, value } => write!(
                f,
                "Task {} in lane \u{201c}{lane}\u{201d} has data_mb {value}: the data a work task \
                 hands its worker must be a number of megabytes from 0 to {}.",
                task + 1,
                Num(MAX_DATA_MB)
            ),
            ScenarioError::LabelTooLong { lane, task } => write!(
                f,
                "Task {} in lane \u{201c}{lane}\u{201d} has a label longer than \
                 {MAX_LABEL_CHARS} characters.",
                task + 1
            ),
            ScenarioError::NoSuchLane(lane) => write!(f, "There is no lane {}.", lane + 1),
            ScenarioError::NoSuchTask(id) => write!(f, "There is no task {id}."),
            ScenarioError::LaneNameTooLong { lane } => {
                write!(f, "Lane {} has a name longer than {MAX_LABEL_CHARS} characters.", lane + 1)
            }
        }
    }
}

impl std::error::Error for ScenarioError {}

impl Scenario {
    /// Checks every limit and numbers the tasks in lane order.
    pub fn new(lanes: Vec<Lane>) -> Result<Self, ScenarioError> {
        if lanes.len() > MAX_LANES {
            return Err(ScenarioError::TooManyLanes(lanes.len()));
        }
        let total: usize = lanes.iter().map(|l| l.tasks.len()).sum();
        if total > MAX_TASKS {
            return Err(ScenarioError::TooManyTasks(total));
        }
        for (li, lane) in lanes.iter().enumerate() {
            if lane.name.chars().count() > MAX_LABEL_CHARS {
                return Err(ScenarioError::LaneNameTooLong { lane: li });
            }
            for (ti, task) in lane.tasks.iter().enumerate() {
                check_task(lane, ti, task)?;
            }
        }
        Ok(Scenario { lanes, combine: Combine::Join })
    }

    /// The same scenario with its lanes combined the way `combine` says.
    pub fn with_combine(mut self, combine: Combine) -> Self {
        self.combine = combine;
        self
    }

    pub fn combine(&self) -> Combine {
        self.combine
    }

    /// Whether any task is a network request (the page's service worker gives those their
    /// latency, so it is registered only for such a scenario).
    pub fn has_requests(&self) -> bool {
        self.tasks().any(|(_, t)| matches!(t.kind, TaskKind::Request { .. }))
    }

    /// Whether any task reads or writes the shared counter.
    pub fn uses_counter(&self) -> bool {
        self.tasks().any(|(_, t)| matches!(t.kind, TaskKind::Update { .. }))
    }

    /// Whether any work task yields the way `how` says.
    pub fn yields_with(&self, how: YieldWith) -> bool {
        self.tasks().any(|(_, t)| matches!(t.kind, TaskKind::Work { yields, .. } if yields == how))
    }

    /// Reads scenario JSON, version 1. Task ids are assigned in lane order from 1.
    pub fn from_json(text: &str) -> Result<Self, ScenarioError> {
        let value = super::json::read(text).map_err(ScenarioError::NotJson)?;
        Self::from_value(&value)
    }

    /// Reads an already parsed JSON value (for example a postMessage payload).
    pub fn from_value(value: &super::json::Value) -> Result<Self, ScenarioError> {
        let version = value
            .get("version")
            .ok_or(ScenarioError::MissingVersion)?
            .as_u64()
            .ok_or_else(|| ScenarioError::NotJson("\"version\" must be a whole number".into()))?;
        if version != u64::from(FORMAT_VERSION) {
            return Err(ScenarioError::UnsupportedVersion(version));
        }
        let (lanes, combine) = read(value).map_err(ScenarioError::NotJson)?;
        Ok(Scenario::new(lanes)?.with_combine(combine))
    }

    /// The same scenario with its tasks numbered `ids`, in lane order: a copy rebuilt by `new`
    /// (which numbers them from 1, as the runner's does) given the ids the page's edits kept.
    /// `None` when the counts differ.
    pub fn with_ids(mut self, ids: &[u32]) -> Option<Self> {
        if ids.len() != self.task_count() {
            return None;
        }
        for (task, &id) in self.lanes.iter_mut().flat_map(|l| l.tasks.iter_mut()).zip(ids) {
            task.id = TaskId(id);
        }
        Some(self)
    }

    /// Writes scenario JSON, version 1 (task ids are not part of the format). Optional fields
    /// are written only when they differ from the default, so older scenarios keep their exact
    /// JSON.
    pub fn to_json(&self) -> String {
        use crate::core::json::{number, text};
        // Written piece by piece: `format!` for each piece made this function twice the size.
        let mut out = String::from("{\"version\":");
        out += &number(f64::from(FORMAT_VERSION));
        if self.combine != Combine::Join {
            out += ",\"combine\":\"";
            out += self.combine.as_str();
            out += "\"";
        }
        out += ",\"lanes\":[";
        for (li, lane) in self.lanes.iter().enumerate() {
            if li > 0 {
                out.push(',');
            }
            out += "{\"name\":";
            out += &text(&lane.name);
            out += ",\"tasks\":[";
            for (ti, t) in lane.tasks.iter().enumerate() {
                if ti > 0 {
                    out.push(',');
                }
                out += "{\"kind\":\"";
                out += t.kind.as_str();
                out += "\",\"label\":";
                out += &text(&t.label);
                out += ",\"duration\":";
                out += &number(t.duration);
                let mut field = |name: &str, value: &str| {
                    out += ",\"";
                    out += name;
                    out += "\":";
                    out += value;
                };
                match t.kind {
                    TaskKind::Work { burst_ms, yields, data } => {
                        field("burst_ms", &number(burst_ms));
                        if yields != YieldWith::DEFAULT {
                            field("yield", &text(yields.as_str()));
                        }
                        if data.mb > 0.0 {
                            field("data_mb", &number(data.mb));
                            field("send", if data.transfer { "\"transfer\"" } else { "\"copy\"" });
                        }
                    }
                    TaskKind::Request { fails: true } => field("fails", "true"),
                    TaskKind::Update { locked, read_after } => {
                        if locked {
                            field("lock", "true");
                        }
                        if read_after {
                            field("read_after_wait", "true");
                        }
                    }
                    TaskKind::Wait | TaskKind::Request { fails: false } => {}
                }
                out.push('}');
            }
            out += "]}";
        }
        out += "]}";
        out
    }

    pub fn lanes(&self) -> &[Lane] {
        &self.lanes
    }

    /// Every task with the index of its lane, in lane order.
    pub fn tasks(&self) -> impl Iterator<Item = (usize, &Task)> {
        self.lanes.iter().enumerate().flat_map(|(li, lane)| lane.tasks.iter().map(move |t| (li, t)))
    }

    pub fn task_count(&self) -> usize {
        self.lanes.iter().map(|l| l.tasks.len()).sum()
    }

    pub fn task(&self, id: TaskId) -> Option<(usize, &Task)> {
        self.tasks().find(|(_, t)| t.id == id)
    }
}

/// A number as a message shows it: `-3`, `0.5`, and `1e308` rather than 309 digits.
fn number_text(x: f64) -> String {
    let mut text = super::number::text(x);
    if x.is_finite() && x.abs() >= 1e15 {
        // Past 1e15 the digits are an integer's: as an exponent, `1e308` or `1.5e20`.
        let (sign, digits) = text.split_at(usize::from(x < 0.0));
        let significant = digits.trim_end_matches('0');
        let (first, rest) = significant.split_at(1);
        let point = if rest.is_empty() { "" } else { "." };
        text = format!("{sign}{first}{point}{rest}e{}", digits.len() - 1);
    }
    text
}

fn check_task(lane: &Lane, index: usize, task: &Task) -> Result<(), ScenarioError> {
    if !(task.duration.is_finite() && task.duration > 0.0 && task.duration <= MAX_DURATION) {
        return Err(ScenarioError::BadDuration {
            lane: lane.name.clone(),
            task: index,
            value: number_text(task.duration),
        });
    }
    if let TaskKind::Work { burst_ms, data, .. } = task.kind {
        if !(burst_ms.is_finite() && (0.0..=MAX_BURST_MS).contains(&burst_ms)) {
            return Err(ScenarioError::BadBurst {
                lane: lane.name.clone(),
                task: index,
                value: number_text(burst_ms),
            });
        }
        if !(data.mb.is_finite() && (0.0..=MAX_DATA_MB).contains(&data.mb)) {
            return Err(ScenarioError::BadData {
                lane: lane.name.clone(),
                task: index,
                value: number_text(data.mb),
            });
        }
    }
    if task.label.chars().count() > MAX_LABEL_CHARS {
        return Err(ScenarioError::LabelTooLong { lane: lane.name.clone(), task: index });
    }
    Ok(())
}

/// A JSON value in words, for a message: "a number", "the string \"5\"".
fn what(v: &super::json::Value) -> String {
    use super::json::Value;
    match v {
        Value::Null => "null".into(),
        Value::Bool(_) => "true or false".into(),
        Value::Number(_) => "a number".into(),
        Value::String(s) => format!("the string {}", crate::core::json::text(s)),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// Reads the lanes and how they combine from a scenario's JSON (its version already checked),
/// field by field: a problem comes back in words that say where it is. Fields the format
/// does not define are ignored, and an optional field set to `null` counts as not there.
fn read(value: &super::json::Value) -> Result<(Vec<Lane>, Combine), String> {
    use super::json::{Map, Value};
    // Every value is borrowed from the parsed JSON: a scenario of ten thousand lanes is read
    // without copying any part of it.
    fn object<'a>(v: &'a Value, whose: &str) -> Result<&'a Map, String> {
        v.as_object().ok_or_else(|| format!("{whose} must be an object, not {}", what(v)))
    }
    let top = object(value, "a scenario")?;
    // An optional field: `None` where absent or null.
    fn opt<'a>(o: &'a Map, k: &str) -> Option<&'a Value> {
        o.get(k).filter(|v| !v.is_null())
    }
    fn need<'a>(o: &'a Map, k: &str, whose: &str) -> Result<&'a Value, String> {
        opt(o, k).ok_or_else(|| format!("{whose} has no \"{k}\""))
    }
    fn typed<'a>(v: &'a Value, k: &str, whose: &str, want: &str, ok: bool) -> Result<&'a Value, String> {
        if ok {
            Ok(v)
        } else {
            Err(format!("{whose}: \"{k}\" must be {want}, not {}", what(v)))
        }
    }
    fn one_of<'a>(v: &'a Value, k: &str, whose: &str, names: &[&str]) -> Result<&'a str, String> {
        match v.as_str() {
            Some(s) if names.contains(&s) => Ok(s),
            _ => Err(format!("{whose}: \"{k}\" must be one of {}, not {}", names.join(", "), what(v))),
        }
    }
    let combine = match opt(top, "combine") {
        None => Combine::Join,
        Some(v) => {
            let names: Vec<&str> = Combine::ALL.iter().map(|c| c.as_str()).collect();
            Combine::parse(one_of(v, "combine", "the scenario", &names)?).unwrap_or_default()
        }
    };
    let lanes = need(top, "lanes", "the scenario")?;
    let lanes = typed(lanes, "lanes", "the scenario", "a list", lanes.is_array())?;
    let mut next_id = 1u32;
    let mut out = Vec::new();
    for (li, lane) in lanes.as_array().into_iter().flatten().enumerate() {
        let whose = format!("lane {}", li + 1);
        let lane = object(lane, &whose)?;
        let name = need(lane, "name", &whose)?;
        let name = typed(name, "name", &whose, "a string", name.is_string())?;
        let tasks = need(lane, "tasks", &whose)?;
        let tasks = typed(tasks, "tasks", &whose, "a list", tasks.is_array())?;
        let mut read_tasks = Vec::new();
        for (ti, task) in tasks.as_array().into_iter().flatten().enumerate() {
            let whose = format!("task {} in lane {}", ti + 1, li + 1);
            let t = object(task, &whose)?;
            let string = |k: &str| -> Result<String, String> {
                let v = need(t, k, &whose)?;
                Ok(typed(v, k, &whose, "a string", v.is_string())?.as_str().unwrap_or_default().to_string())
            };
            let number = |k: &str| -> Result<Option<f64>, String> {
                opt(t, k)
                    .map(|v| {
                        let v = typed(v, k, &whose, "a number", v.is_number())?;
                        // Numbers are read from their text, exactly (the reader keeps it): one
                        // too large for a float is refused with it.
                        v.as_f64().ok_or_else(|| {
                            format!(
                                "{whose}: \"{k}\" is {}, a number too large to read",
                                super::json::value(v)
                            )
                        })
                    })
                    .transpose()
            };
            let flag = |k: &str| -> Result<bool, String> {
                Ok(opt(t, k)
                    .map(|v| typed(v, k, &whose, "true or false", v.is_boolean()))
                    .transpose()?
                    .is_some_and(|v| *v == Value::Bool(true)))
            };
            let kind =
                one_of(need(t, "kind", &whose)?, "kind", &whose, &["wait", "request", "work", "update"])?;
            let label = string("label")?;
            let duration = number("duration")?.ok_or_else(|| format!("{whose} has no \"duration\""))?;
            let kind = match kind {
                "request" => TaskKind::Request { fails: flag("fails")? },
                "work" => {
                    let yields = match opt(t, "yield") {
                        None => YieldWith::DEFAULT,
                        Some(v) => {
                            let names: Vec<&str> = YieldWith::ALL.iter().map(|y| y.as_str()).collect();
                            YieldWith::parse(one_of(v, "yield", &whose, &names)?)
                                .unwrap_or(YieldWith::DEFAULT)
                        }
                    };
                    let transfer = match opt(t, "send") {
                        None => false,
                        Some(v) => one_of(v, "send", &whose, &["copy", "transfer"])? == "transfer",
                    };
                    TaskKind::Work {
                        burst_ms: number("burst_ms")?.unwrap_or(DEFAULT_BURST_MS),
                        yields,
                        data: Data { mb: number("data_mb")?.unwrap_or(0.0), transfer },
                    }
                }
                "update" => TaskKind::Update { locked: flag("lock")?, read_after: flag("read_after_wait")? },
                _ => TaskKind::Wait,
            };
            read_tasks.push(Task { id: TaskId(next_id), label, kind, duration });
            next_id = next_id.saturating_add(1);
        }
        out.push(Lane { name: name.as_str().unwrap_or_default().to_string(), tasks: read_tasks });
    }
    Ok((out, combine))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TICKET_QUEUE: &str = r#"{"version": 1,
       "lanes": [
         {"name": "You",   "tasks": [{"kind": "wait", "label": "Wait in the ticket queue", "duration": 5}]},
         {"name": "Phone", "tasks": [{"kind": "work", "label": "Take selfies", "duration": 2, "burst_ms": 8}]}
       ]}"#;

    /// How long a task holds the thread in one go, in async mode, at 1000 ms a unit.
    #[test]
    fn a_task_holds_the_thread_for_a_burst_or_throughout() {
        let task = |kind| Task { id: TaskId(1), kind, label: String::new(), duration: 2.0 };
        for (kind, hold) in [
            (TaskKind::work(8.0), Some(8.0)),
            (TaskKind::work(5000.0), Some(2000.0)),
            (TaskKind::work(0.0), Some(2000.0)),
            (TaskKind::Work { burst_ms: 8.0, yields: YieldWith::Microtask, data: Data::NONE }, Some(2000.0)),
            (TaskKind::Wait, None),
            (TaskKind::REQUEST, None),
        ] {
            assert_eq!(task(kind).hold_ms(1000.0), hold, "{kind:?}");
        }
        assert!(TaskKind::work(0.0).runs_in_one_go() && !TaskKind::work(8.0).runs_in_one_go());
    }

    #[test]
    fn reads_the_contract_example() {
        let s = Scenario::from_json(TICKET_QUEUE).unwrap();
        assert_eq!(s.lanes().len(), 2);
        assert_eq!(s.lanes()[0].name, "You");
        let (lane, selfies) = s.task(TaskId(2)).unwrap();
        assert_eq!(lane, 1);
        assert_eq!(selfies.label, "Take selfies");
        assert_eq!(selfies.kind, TaskKind::work(8.0));
        assert_eq!(selfies.duration, 2.0);
    }

    #[test]
    fn round_trips_through_json() {
        let s = Scenario::from_json(TICKET_QUEUE).unwrap();
        assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
    }

    /// What the runner binary is handed: the JSON and the ids, which edits keep but the JSON
    /// does not carry.
    #[test]
    fn a_copy_from_json_takes_the_ids_back() {
        let ids = [7, 3];
        let mut s = Scenario::from_json(TICKET_QUEUE).unwrap();
        for (task, &id) in s.lanes.iter_mut().flat_map(|l| l.tasks.iter_mut()).zip(&ids) {
            task.id = TaskId(id);
        }
        let copy = Scenario::from_json(&s.to_json()).unwrap();
        assert_ne!(copy, s);
        assert_eq!(copy.clone().with_ids(&ids), Some(s));
        assert_eq!(copy.clone().with_ids(&[7]), None);
        assert_eq!(copy.with_ids(&[7, 3, 4]), None);
    }

    #[test]
    fn work_without_burst_gets_the_default() {
        let s = Scenario::from_json(
            r#"{"version":1,"lanes":[{"name":"A","tasks":[{"kind":"work","label":"x","duration":1}]}]}"#,
        )
        .unwrap();
        assert_eq!(s.lanes()[0].tasks[0].kind, TaskKind::work(DEFAULT_BURST_MS));
    }

    #[test]
    fn reads_and_writes_the_optional_fields() {
        let json = r#"{"version":1,"combine":"select","lanes":[{"name":"A","tasks":[
            {"kind":"work","label":"w","duration":1,"burst_ms":4,"yield":"set-timeout"},
            {"kind":"work","label":"p","duration":1,"data_mb":24,"send":"transfer"},
            {"kind":"work","label":"q","duration":1,"data_mb":0.5},
            {"kind":"request","label":"r","duration":1,"fails":true},
            {"kind":"update","label":"u","duration":1,"lock":true},
            {"kind":"update","label":"v","duration":1,"read_after_wait":true}]}]}"#;
        let s = Scenario::from_json(json).unwrap();
        assert_eq!(s.combine(), Combine::Select);
        let kinds: Vec<TaskKind> = s.tasks().map(|(_, t)| t.kind).collect();
        assert_eq!(
            kinds,
            [
                TaskKind::Work { burst_ms: 4.0, yields: YieldWith::SetTimeout, data: Data::NONE },
                TaskKind::Work {
                    burst_ms: DEFAULT_BURST_MS,
                    yields: YieldWith::DEFAULT,
                    data: Data { mb: 24.0, transfer: true }
                },
                TaskKind::Work {
                    burst_ms: DEFAULT_BURST_MS,
                    yields: YieldWith::DEFAULT,
                    data: Data { mb: 0.5, transfer: false }
                },
                TaskKind::Request { fails: true },
                TaskKind::Update { locked: true, read_after: false },
                TaskKind::Update { locked: false, read_after: true },
            ]
        );
        assert!(s.uses_counter() && s.has_requests());
        assert!(!Scenario::from_json(TICKET_QUEUE).unwrap().has_requests());
        assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
        // Defaults are not written, so a plain scenario's JSON stays as it was.
        let plain = Scenario::from_json(TICKET_QUEUE).unwrap().to_json();
        assert!(!plain.contains("combine") && !plain.contains("yield") && !plain.contains("fails"));
        assert!(!plain.contains("data_mb") && !plain.contains("send"));
        assert_eq!(Data { mb: 24.0, transfer: true }.bytes(), 24_000_000);
        for y in YieldWith::ALL {
            assert_eq!(YieldWith::parse(y.as_str()), Some(y));
        }
        // A work task without "yield" waits for a due frame; one that names "message-channel"
        // keeps the plain message, and says so when written again.
        let explicit = r#"{"version":1,"lanes":[{"name":"A","tasks":[
            {"kind":"work","label":"m","duration":1,"yield":"message-channel"},
            {"kind":"work","label":"d","duration":1}]}]}"#;
        let explicit = Scenario::from_json(explicit).unwrap();
        let yields: Vec<_> = explicit
            .tasks()
            .map(|(_, t)| match t.kind {
                TaskKind::Work { yields, .. } => yields,
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(yields, [YieldWith::MessageChannel, YieldWith::FrameAware]);
        assert!(
            explicit.yields_with(YieldWith::MessageChannel)
                && !explicit.yields_with(YieldWith::SchedulerYield)
        );
        let written = explicit.to_json();
        assert_eq!(written.matches(r#""yield":"message-channel""#).count(), 1, "{written}");
        assert!(!written.contains("frame-aware"), "{written}");
        for c in Combine::ALL {
            assert_eq!(Combine::parse(c.as_str()), Some(c));
        }
        let bad = r#"{"version":1,"combine":"race","lanes":[]}"#;
        let err = Scenario::from_json(bad).unwrap_err().to_string();
        assert!(
            err.contains(r#""combine" must be one of join, try-join, select, not the string "race""#),
            "{err}"
        );
    }

    /// Each bad input is refused with a message that names the problem.
    #[test]
    fn refuses_bad_input_with_a_clear_message() {
        fn check(json: &str, expected: &str) {
            let err = Scenario::from_json(json).expect_err(json).to_string();
            assert!(err.contains(expected), "{json}\n  gave: {err}\n  wanted: {expected}");
        }
        let task = |d: &str| {
            format!(
                r#"{{"version":1,"lanes":[{{"name":"L","tasks":[{{"kind":"wait","label":"t","duration":{d}}}]}}]}}"#
            )
        };
        check("", "not a scenario");
        check("{", "not a scenario");
        check("[]", "no \"version\"");
        check(r#"{"lanes":[]}"#, "no \"version\"");
        check(r#"{"version":"1","lanes":[]}"#, "whole number");
        check(r#"{"version":2,"lanes":[]}"#, "format version 2");
        check(r#"{"version":1}"#, "the scenario has no \"lanes\"");
        check(r#"{"version":1,"lanes":{}}"#, "\"lanes\" must be a list, not an object");
        check(r#"{"version":1,"lanes":[{"tasks":[]}]}"#, "lane 1 has no \"name\"");
        check(
            r#"{"version":1,"lanes":[{"name":5,"tasks":[]}]}"#,
            "lane 1: \"name\" must be a string, not a number",
        );
        check(
            r#"{"version":1,"lanes":[{"name":"A","tasks":[7]}]}"#,
            "task 1 in lane 1 must be an object, not a number",
        );
        // A field the task's kind does not use is ignored, as the contract says.
        assert!(Scenario::from_json(
            r#"{"version":1,"lanes":[{"name":"A","tasks":[{"kind":"wait","label":"t","duration":1,"fails":"yes"}]}]}"#
        )
        .is_ok());
        check(
            r#"{"version":1,"lanes":[{"name":"A","tasks":[{"kind":"request","label":"t","duration":1,"fails":"yes"}]}]}"#,
            "task 1 in lane 1: \"fails\" must be true or false, not the string \"yes\"",
        );
        check(&task("0"), "duration 0");
        check(&task("-1"), "duration -1");
        check(&task("600.5"), "at most 600");
        check(&task("1e308"), "duration 1e308: a duration");
        check(&task("NaN"), "not a scenario");
        check(&task("\"5\""), "\"duration\" must be a number, not the string \"5\"");
        check(
            r#"{"version":1,"lanes":[{"name":"L","tasks":[{"kind":"nap","label":"t","duration":1}]}]}"#,
            "task 1 in lane 1: \"kind\" must be one of wait, request, work, update, not the string \"nap\"",
        );
        check(
            r#"{"version":1,"lanes":[{"name":"L","tasks":[{"kind":"work","label":"t","duration":1,"burst_ms":-3}]}]}"#,
            "burst_ms -3",
        );
        let data = |d: &str| {
            format!(
                r#"{{"version":1,"lanes":[{{"name":"L","tasks":[{{"kind":"work","label":"t","duration":1,{d}}}]}}]}}"#
            )
        };
        check(&data(r#""data_mb":-1"#), "data_mb -1: the data a work task hands its worker");
        check(&data(r#""data_mb":300"#), "from 0 to 256");
        check(&data(r#""data_mb":1e999"#), "\"data_mb\" is 1e999, a number too large to read");
        check(
            &data(r#""data_mb":8,"send":"mail""#),
            "\"send\" must be one of copy, transfer, not the string \"mail\"",
        );
    }

    #[test]
    fn accepts_the_limits_and_refuses_beyond_them() {
        let wait =
            |id| Task { id: TaskId(id), label: "w".into(), kind: TaskKind::Wait, duration: MAX_DURATION };
        let lanes: Vec<Lane> =
            (0..MAX_TASKS as u32).map(|i| Lane { name: "L".into(), tasks: vec![wait(i)] }).collect();
        assert_eq!(Scenario::new(lanes.clone()).unwrap().task_count(), MAX_TASKS);
        let mut too_many = lanes;
        too_many[0].tasks.push(wait(0));
        assert_eq!(Scenario::new(too_many), Err(ScenarioError::TooManyTasks(MAX_TASKS + 1)));
        let long = Lane { name: "x".repeat(MAX_LABEL_CHARS + 1), tasks: vec![] };
        assert_eq!(Scenario::new(vec![long]), Err(ScenarioError::LaneNameTooLong { lane: 0 }));
    }

    #[test]
    fn numbers_in_messages_read_as_before() {
        // Under 1e15 as `{}` writes them; from 1e16 as `{:?}` did (an exponent); never 309 digits.
        for x in [0.5, -3.0, 600.5, 1e-7, 123_456.789, f64::NAN, f64::INFINITY, -f64::INFINITY] {
            assert_eq!(number_text(x), format!("{x}"));
        }
        for x in [1e16, -1.5e20, 1e308, f64::MAX, 123_456_789_012_345_680.0, 2.5e300] {
            assert_eq!(number_text(x), format!("{x:?}"));
        }
        assert_eq!(number_text(1e15), "1e15");
    }

    #[test]
    fn an_empty_timeline_is_a_valid_scenario() {
        let s = Scenario::from_json(r#"{"version":1,"lanes":[]}"#).unwrap();
        assert_eq!(s.task_count(), 0);
    }
}
