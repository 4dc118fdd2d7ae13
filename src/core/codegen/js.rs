//! JavaScript, in three styles that share what they can: callbacks, promise chains and
//! async/await.
//!
//! The code is plain ES2020, for a classic script or the browser console: no imports, and
//! everything inside a function called at once, so no name leaks into the page. It starts when
//! evaluated, ends by itself, and throws nothing uncaught: a failed request is caught, logged
//! as `failed: <label>`, and reported at the end.

use super::literal::{js_number, js_str};
use super::names::{lane_idents, Case, JS_KEYWORDS};
use super::out::Out;
use super::Uses;
use crate::core::scenario::{Combine, Lane, Scenario, Task, TaskKind, YieldWith};

/// The three styles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    Callbacks,
    Promises,
    Async,
}

/// Names the generated code uses for itself (its helpers, locals, the browser's globals), kept
/// off lanes. Callback steps (`step1`, `step2`, ...) are kept off too, see [`is_step`].
const RESERVED: &[&str] = &[
    "burst",
    "burstMs",
    "callback",
    "channel",
    "clearTimeout",
    "console",
    "counter",
    "data",
    "deadline",
    "document",
    "done",
    "err",
    "error",
    "errors",
    "failed",
    "fetch",
    "finish",
    "globalThis",
    "joinAll",
    "label",
    "lane",
    "lanes",
    "left",
    "lock",
    "lockHeld",
    "lockQueue",
    "lockWaiting",
    "main",
    "ms",
    "next",
    "over",
    "pending",
    "performance",
    "queueMicrotask",
    "race",
    "read",
    "request",
    "requestAnimationFrame",
    "requestJson",
    "resolve",
    "response",
    "result",
    "results",
    "run",
    "scheduler",
    "self",
    "setTimeout",
    "sleep",
    "spin",
    "task",
    "tryJoinAll",
    "unlock",
    "update",
    "updateAfterWait",
    "window",
    "withLock",
    "work",
    "yieldNow",
    "yieldWithAnimationFrame",
    "yieldWithMessageChannel",
    "yieldWithMicrotask",
    "yieldWithScheduler",
    "yieldWithSetTimeout",
];

/// Whether `ident` is a callback step's name.
fn is_step(ident: &str) -> bool {
    ident.strip_prefix("step").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A lane of callbacks nests one function in another for each task that waits; beyond this
/// many levels (or tasks), its tasks are written as named steps instead.
const MAX_NESTING: usize = 6;

pub(super) fn generate(scenario: &Scenario, style: Style, unit_ms: f64) -> String {
    let uses = Uses::of(scenario);
    let lanes = scenario.lanes();
    let reserved: Vec<&str> = JS_KEYWORDS.iter().chain(RESERVED).copied().collect();
    let idents = lane_idents(lanes.iter().map(|l| l.name.as_str()), Case::Camel, &reserved, is_step);
    let mut out = Out::default();

    header(&mut out, style);
    out.blank();
    out.open(if style == Style::Async { "(async () => {" } else { "(() => {" });
    if uses.tasks {
        out.line("// Real milliseconds per scenario unit.");
        out.line(&format!("const UNIT_MS = {};", js_number(unit_ms)));
    }
    helpers(&mut out, style, &uses, scenario);

    if !lanes.is_empty() {
        out.blank();
        out.line(match style {
            Style::Callbacks => {
                "// The lanes: one function each, running its tasks one after another, then calling back."
            }
            Style::Promises => "// The lanes: one function each, chaining its tasks one after another.",
            Style::Async => "// The lanes: one async function each, running its tasks one after another.",
        });
    }
    for (lane, ident) in lanes.iter().zip(&idents) {
        out.blank();
        match style {
            Style::Callbacks => callback_lane(&mut out, lane, ident),
            Style::Promises => promise_lane(&mut out, lane, ident),
            Style::Async => async_lane(&mut out, lane, ident),
        }
    }

    out.blank();
    main(&mut out, style, scenario, &uses, &idents);
    out.close("})();");
    out.finish()
}

fn header(out: &mut Out, style: Style) {
    let (what, lanes) = match style {
        Style::Callbacks => {
            ("JavaScript with callbacks", "Each lane is a function that calls back when its tasks are over.")
        }
        Style::Promises => {
            ("JavaScript promise chains", "Each lane is a function that returns a chain of promises.")
        }
        Style::Async => ("JavaScript async/await", "Each lane is an async function."),
    };
    out.line(&format!("// Async Playground: this scenario as {what}."));
    out.block(
        "
//
// Paste it into the browser console on the playground's page (its requests fetch the page's
// favicon.svg), or load it as a script: it starts at once and ends by itself.
//",
    );
    out.line(&format!("// {lanes}"));
    out.block(
        "
// The lanes run at once, on the page's one thread; the tasks of a lane run one after
// another. Each task logs \"done: <label>\" as it ends (or \"failed: <label>\"), and the run
// ends with \"finished\".
",
    );
    if style != Style::Callbacks {
        out.block(
            "//
// A promise is eager: its work starts the moment it is made, so calling a lane starts it,
// and Promise.all only waits for lanes already going. (A Rust future is lazy: see the Rust
// tab.)
",
        );
    }
}

fn helpers(out: &mut Out, style: Style, uses: &Uses, scenario: &Scenario) {
    let callbacks = style == Style::Callbacks;
    if uses.update {
        out.blank();
        out.line("// The counter the update tasks share.");
        out.line("let counter = 0;");
    }
    if uses.locked_update {
        out.blank();
        out.block(if callbacks { LOCK_CALLBACKS } else { LOCK_PROMISES });
    }
    if uses.tasks {
        out.blank();
        out.block(DONE);
    }
    if uses.fallible() {
        out.blank();
        out.block(FAILED);
    }
    if uses.sleep() && !callbacks {
        out.blank();
        out.block(SLEEP);
    }
    if uses.request {
        out.blank();
        out.block(match style {
            Style::Callbacks => REQUEST_CALLBACKS,
            Style::Promises => REQUEST_PROMISES,
            Style::Async => REQUEST_ASYNC,
        });
    }
    if uses.failing_request {
        out.blank();
        out.block(match style {
            Style::Callbacks => REQUEST_JSON_CALLBACKS,
            Style::Promises => REQUEST_JSON_PROMISES,
            Style::Async => REQUEST_JSON_ASYNC,
        });
    }
    if uses.work {
        out.blank();
        out.block(SPIN);
    }
    if uses.bursts() {
        out.blank();
        out.block(match style {
            Style::Callbacks => WORK_CALLBACKS,
            Style::Promises => WORK_PROMISES,
            Style::Async => WORK_ASYNC,
        });
    }
    if uses.yields(YieldWith::FrameAware) {
        out.blank();
        out.block(WATCH_FRAMES);
    }
    for with in YieldWith::ALL {
        if uses.yields(with) {
            out.blank();
            out.block(yield_helper(with, callbacks));
        }
    }
    if uses.early_update {
        out.blank();
        out.block(match style {
            Style::Callbacks => UPDATE_CALLBACKS,
            Style::Promises => UPDATE_PROMISES,
            Style::Async => UPDATE_ASYNC,
        });
    }
    if uses.late_update {
        out.blank();
        out.block(match style {
            Style::Callbacks => UPDATE_AFTER_WAIT_CALLBACKS,
            Style::Promises => UPDATE_AFTER_WAIT_PROMISES,
            Style::Async => UPDATE_AFTER_WAIT_ASYNC,
        });
    }
    if callbacks && !scenario.lanes().is_empty() {
        out.blank();
        out.block(match scenario.combine() {
            Combine::Join => JOIN_ALL,
            Combine::TryJoin => TRY_JOIN_ALL,
            Combine::Select => RACE,
        });
    }
}

fn yield_fn(with: YieldWith) -> &'static str {
    match with {
        YieldWith::FrameAware => "yieldFrameAware",
        YieldWith::MessageChannel => "yieldWithMessageChannel",
        YieldWith::Microtask => "yieldWithMicrotask",
        YieldWith::SetTimeout => "yieldWithSetTimeout",
        YieldWith::AnimationFrame => "yieldWithAnimationFrame",
        YieldWith::SchedulerYield => "yieldWithScheduler",
    }
}

fn yield_helper(with: YieldWith, callbacks: bool) -> &'static str {
    match (with, callbacks) {
        (YieldWith::FrameAware, false) => YIELD_FRAME_AWARE,
        (YieldWith::FrameAware, true) => YIELD_FRAME_AWARE_CALLBACKS,
        (YieldWith::MessageChannel, false) => YIELD_MESSAGE_CHANNEL,
        (YieldWith::MessageChannel, true) => YIELD_MESSAGE_CHANNEL_CALLBACKS,
        (YieldWith::Microtask, false) => YIELD_MICROTASK,
        (YieldWith::Microtask, true) => YIELD_MICROTASK_CALLBACKS,
        (YieldWith::SetTimeout, false) => YIELD_SET_TIMEOUT,
        (YieldWith::SetTimeout, true) => YIELD_SET_TIMEOUT_CALLBACKS,
        (YieldWith::AnimationFrame, false) => YIELD_ANIMATION_FRAME,
        (YieldWith::AnimationFrame, true) => YIELD_ANIMATION_FRAME_CALLBACKS,
        (YieldWith::SchedulerYield, false) => YIELD_SCHEDULER,
        (YieldWith::SchedulerYield, true) => YIELD_SCHEDULER_CALLBACKS,
    }
}

fn ms(task: &Task) -> String {
    format!("{} * UNIT_MS", js_number(task.duration))
}

fn done(task: &Task) -> String {
    format!("done({});", js_str(&task.label))
}

fn failed(task: &Task) -> String {
    format!("failed({});", js_str(&task.label))
}

/// The promise a task makes, in the promise and async styles; `None` for work that never
/// yields, which is a plain call.
fn promise(task: &Task) -> Option<String> {
    let ms = ms(task);
    Some(match task.kind {
        TaskKind::Wait => format!("sleep({ms})"),
        TaskKind::Request { fails: false } => format!("request({ms})"),
        TaskKind::Request { fails: true } => format!("requestJson({ms})"),
        TaskKind::Work { .. } if task.kind.runs_in_one_go() => return None,
        TaskKind::Work { burst_ms, yields, .. } => {
            format!("work({ms}, {}, {})", js_number(burst_ms), yield_fn(yields))
        }
        TaskKind::Update { locked: false, read_after } => format!("{}({ms})", update_fn(read_after)),
        TaskKind::Update { locked: true, read_after } => {
            format!("withLock(() => {}({ms}))", update_fn(read_after))
        }
    })
}

fn spin(task: &Task) -> String {
    format!("spin({}); // never yields: holds the thread throughout", ms(task))
}

fn async_lane(out: &mut Out, lane: &Lane, ident: &str) {
    if lane.tasks.is_empty() {
        out.line(&format!("async function {ident}() {{}}"));
        return;
    }
    out.open(&format!("async function {ident}() {{"));
    for task in &lane.tasks {
        match promise(task) {
            None => out.line(&spin(task)),
            Some(promise) if matches!(task.kind, TaskKind::Request { .. }) => {
                out.open("try {");
                out.line(&format!("await {promise};"));
                out.middle("} catch (err) {");
                out.line(&failed(task));
                out.line("throw err; // the lane ends here");
                out.close("}");
            }
            Some(promise) => out.line(&format!("await {promise};")),
        }
        out.line(&done(task));
    }
    out.close("}");
}

fn promise_lane(out: &mut Out, lane: &Lane, ident: &str) {
    out.open(&format!("function {ident}() {{"));
    let mut chained = false;
    for task in &lane.tasks {
        let fails = matches!(task.kind, TaskKind::Request { .. });
        match (promise(task), chained) {
            // Work that never yields, before anything waits: plain statements.
            (None, false) => {
                out.line(&spin(task));
                out.line(&done(task));
            }
            (None, true) => {
                out.open(".then(() => {");
                out.line(&spin(task));
                out.line(&done(task));
                out.close("})");
            }
            (Some(promise), false) => {
                chained = true;
                out.line(&format!("return {promise}"));
                out.indent_in();
                if fails {
                    out.open(".catch((err) => {");
                    out.line(&failed(task));
                    out.line("throw err; // the lane ends here");
                    out.close("})");
                }
                out.line(&format!(".then(() => {})", done(task).trim_end_matches(';')));
            }
            (Some(promise), true) => {
                if fails {
                    out.open(".then(() =>");
                    out.open(&format!("{promise}.catch((err) => {{"));
                    out.line(&failed(task));
                    out.line("throw err; // the lane ends here");
                    out.close("}),");
                    out.close(")");
                } else {
                    out.line(&format!(".then(() => {promise})"));
                }
                out.line(&format!(".then(() => {})", done(task).trim_end_matches(';')));
            }
        }
    }
    if chained {
        out.append(";");
        out.indent_out();
    } else {
        out.line("return Promise.resolve();");
    }
    out.close("}");
}

fn callback_lane(out: &mut Out, lane: &Lane, ident: &str) {
    out.open(&format!("function {ident}(callback) {{"));
    let tasks = &lane.tasks;
    let nesting: usize = tasks.iter().map(nesting).sum();
    if tasks.len() <= MAX_NESTING + 2 && nesting <= MAX_NESTING {
        callback_chain(out, tasks);
    } else {
        out.line("// Too many tasks to nest callbacks readably: each task is a named step that");
        out.line("// starts the next one.");
        for (i, task) in tasks.iter().enumerate() {
            out.open(&format!("function step{}() {{", i + 1));
            let next =
                if i + 1 < tasks.len() { format!("step{}();", i + 2) } else { "callback(null);".into() };
            callback_task(out, task, &mut |out| out.line(&next));
            out.close("}");
            out.blank();
        }
        out.line("step1();");
    }
    out.close("}");
}

/// How many levels of callbacks a task nests.
fn nesting(task: &Task) -> usize {
    match task.kind {
        TaskKind::Work { .. } if task.kind.runs_in_one_go() => 0,
        TaskKind::Update { locked: true, .. } => 2,
        _ => 1,
    }
}

/// `tasks` one inside the other's callback, then `callback(null)`.
fn callback_chain(out: &mut Out, tasks: &[Task]) {
    match tasks.split_first() {
        None => out.line("callback(null);"),
        Some((task, rest)) => callback_task(out, task, &mut |out| callback_chain(out, rest)),
    }
}

/// One task in the callback style; `then` writes what comes after it, once it is done.
fn callback_task(out: &mut Out, task: &Task, then: &mut dyn FnMut(&mut Out)) {
    let ms = ms(task);
    match task.kind {
        TaskKind::Wait => {
            out.open("setTimeout(() => {");
            out.line(&done(task));
            then(out);
            out.close(&format!("}}, {ms});"));
        }
        TaskKind::Request { fails } => {
            let call = if fails { "requestJson" } else { "request" };
            out.open(&format!("{call}({ms}, (err) => {{"));
            out.open("if (err) {");
            out.line(&failed(task));
            out.line("callback(err); // the lane ends here");
            out.line("return;");
            out.close("}");
            out.line(&done(task));
            then(out);
            out.close("});");
        }
        TaskKind::Work { .. } if task.kind.runs_in_one_go() => {
            out.line(&spin(task));
            out.line(&done(task));
            then(out);
        }
        TaskKind::Work { burst_ms, yields, .. } => {
            out.open(&format!("work({ms}, {}, {}, () => {{", js_number(burst_ms), yield_fn(yields)));
            out.line(&done(task));
            then(out);
            out.close("});");
        }
        TaskKind::Update { locked: false, read_after } => {
            out.open(&format!("{}({ms}, () => {{", update_fn(read_after)));
            out.line(&done(task));
            then(out);
            out.close("});");
        }
        TaskKind::Update { locked: true, read_after } => {
            out.open("lock(() => {");
            out.open(&format!("{}({ms}, () => {{", update_fn(read_after)));
            out.line("unlock();");
            out.line(&done(task));
            then(out);
            out.close("});");
            out.close("});");
        }
    }
}

/// The end of the script: starts the lanes, combined as the scenario says, and reports.
fn main(out: &mut Out, style: Style, scenario: &Scenario, uses: &Uses, idents: &[String]) {
    let lanes = scenario.lanes();
    let fallible = uses.fallible();
    let combine = scenario.combine();
    let ending = |out: &mut Out| {
        if uses.update {
            out.line("console.log(`counter: ${counter}`);");
        }
        out.line("console.log(\"finished\");");
    };
    if lanes.is_empty() {
        out.line("// No lanes: nothing to wait for.");
        ending(out);
        return;
    }
    // What is said of the lanes that are not waited for, where there can be any.
    let unstoppable =
        (combine == Combine::Select && lanes.len() > 1) || (combine == Combine::TryJoin && fallible);
    match combine {
        Combine::Join => {
            out.line("// Run every lane at once, and wait for all of them whatever happens in the others.")
        }
        Combine::TryJoin => {
            out.line("// Run every lane at once, and wait for all of them, unless one fails first.")
        }
        Combine::Select => out.line("// Run every lane at once, until the first one finishes (or fails)."),
    }
    if unstoppable {
        if style == Style::Callbacks {
            out.line("// Unlike Rust, which drops the futures it no longer waits for, nothing here stops");
            out.line("// the other lanes: they run on to their end (timers, work and all), so their lines");
            out.line("// can still appear after \"finished\".");
        } else {
            out.line("// JavaScript cannot drop a promise the way Rust drops a future: the other lanes");
            out.line("// run on to their end (timers, work and all), so their lines can still appear");
            out.line("// after \"finished\".");
        }
    }
    let items: Vec<String> = match style {
        Style::Callbacks => idents.to_vec(),
        _ => idents.iter().map(|i| format!("{i}()")).collect(),
    };
    // The lanes in an array: in the statement where it fits, else in a constant of its own.
    let mut list = format!("[{}]", items.join(", "));
    if !out.fits(&format!("const results = await Promise.allSettled({list});")) {
        out.list("const lanes = [", &items, "];");
        list = "lanes".into();
    }
    match style {
        Style::Async => {
            let all = match combine {
                Combine::Join => "Promise.allSettled",
                Combine::TryJoin => "Promise.all",
                Combine::Select => "Promise.race",
            };
            match (combine, fallible) {
                (_, false) => out.line(&format!("await {all}({list});")),
                (Combine::Join, true) => {
                    out.line(&format!("const results = await {all}({list});"));
                    out.open("for (const result of results) {");
                    out.open("if (result.status === \"rejected\") {");
                    out.line("console.log(`error: ${result.reason}`);");
                    out.close("}");
                    out.close("}");
                }
                (_, true) => {
                    out.open("try {");
                    out.line(&format!("await {all}({list});"));
                    out.middle("} catch (err) {");
                    out.line("console.log(`error: ${err}`);");
                    out.close("}");
                }
            }
            ending(out);
        }
        Style::Promises => {
            let all = match combine {
                Combine::Join => "Promise.allSettled",
                Combine::TryJoin => "Promise.all",
                Combine::Select => "Promise.race",
            };
            out.line(&format!("{all}({list})"));
            out.indent_in();
            match (combine, fallible) {
                (_, false) => {}
                (Combine::Join, true) => {
                    out.open(".then((results) => {");
                    out.open("for (const result of results) {");
                    out.open("if (result.status === \"rejected\") {");
                    out.line("console.log(`error: ${result.reason}`);");
                    out.close("}");
                    out.close("}");
                    out.close("})");
                }
                (_, true) => {
                    out.open(".catch((err) => {");
                    out.line("console.log(`error: ${err}`);");
                    out.close("})");
                }
            }
            out.open(".then(() => {");
            ending(out);
            out.close("});");
            out.indent_out();
        }
        Style::Callbacks => {
            let (helper, param) = match combine {
                Combine::Join => ("joinAll", "errors"),
                Combine::TryJoin => ("tryJoinAll", "err"),
                Combine::Select => ("race", "err"),
            };
            out.open(&format!("{helper}({list}, ({}) => {{", if fallible { param } else { "" }));
            match (combine, fallible) {
                (_, false) => {}
                (Combine::Join, true) => {
                    out.open("for (const err of errors) {");
                    out.line("console.log(`error: ${err}`);");
                    out.close("}");
                }
                (_, true) => {
                    out.open("if (err) {");
                    out.line("console.log(`error: ${err}`);");
                    out.close("}");
                }
            }
            ending(out);
            out.close("});");
        }
    }
}

const DONE: &str = include_str!("templates/js/done.js");

const FAILED: &str = include_str!("templates/js/failed.js");

const SLEEP: &str = include_str!("templates/js/sleep.js");

const REQUEST_ASYNC: &str = include_str!("templates/js/request-async.js");

const REQUEST_PROMISES: &str = include_str!("templates/js/request-promises.js");

const REQUEST_CALLBACKS: &str = include_str!("templates/js/request-callbacks.js");

const REQUEST_JSON_ASYNC: &str = include_str!("templates/js/request-json-async.js");

const REQUEST_JSON_PROMISES: &str = include_str!("templates/js/request-json-promises.js");

const REQUEST_JSON_CALLBACKS: &str = include_str!("templates/js/request-json-callbacks.js");

const SPIN: &str = include_str!("templates/js/spin.js");

const WORK_ASYNC: &str = include_str!("templates/js/work-async.js");

const WORK_PROMISES: &str = include_str!("templates/js/work-promises.js");

const WORK_CALLBACKS: &str = include_str!("templates/js/work-callbacks.js");

const WATCH_FRAMES: &str = include_str!("templates/js/watch-frames.js");

const YIELD_FRAME_AWARE: &str = include_str!("templates/js/yield-frame-aware.js");

const YIELD_FRAME_AWARE_CALLBACKS: &str = include_str!("templates/js/yield-frame-aware-callbacks.js");

const YIELD_MESSAGE_CHANNEL: &str = include_str!("templates/js/yield-message-channel.js");

const YIELD_MESSAGE_CHANNEL_CALLBACKS: &str = include_str!("templates/js/yield-message-channel-callbacks.js");

const YIELD_MICROTASK: &str = include_str!("templates/js/yield-microtask.js");

const YIELD_MICROTASK_CALLBACKS: &str = include_str!("templates/js/yield-microtask-callbacks.js");

const YIELD_SET_TIMEOUT: &str = include_str!("templates/js/yield-set-timeout.js");

const YIELD_SET_TIMEOUT_CALLBACKS: &str = include_str!("templates/js/yield-set-timeout-callbacks.js");

const YIELD_ANIMATION_FRAME: &str = include_str!("templates/js/yield-animation-frame.js");

const YIELD_ANIMATION_FRAME_CALLBACKS: &str = include_str!("templates/js/yield-animation-frame-callbacks.js");

const YIELD_SCHEDULER: &str = include_str!("templates/js/yield-scheduler.js");

const YIELD_SCHEDULER_CALLBACKS: &str = include_str!("templates/js/yield-scheduler-callbacks.js");

const UPDATE_ASYNC: &str = include_str!("templates/js/update-async.js");

const UPDATE_PROMISES: &str = include_str!("templates/js/update-promises.js");

const UPDATE_CALLBACKS: &str = include_str!("templates/js/update-callbacks.js");

const UPDATE_AFTER_WAIT_ASYNC: &str = include_str!("templates/js/update-after-wait-async.js");

const UPDATE_AFTER_WAIT_PROMISES: &str = include_str!("templates/js/update-after-wait-promises.js");

const UPDATE_AFTER_WAIT_CALLBACKS: &str = include_str!("templates/js/update-after-wait-callbacks.js");

/// The helper an update calls: reading before its wait, or after.
fn update_fn(read_after: bool) -> &'static str {
    if read_after {
        "updateAfterWait"
    } else {
        "update"
    }
}

const LOCK_PROMISES: &str = include_str!("templates/js/lock-promises.js");

const LOCK_CALLBACKS: &str = include_str!("templates/js/lock-callbacks.js");

const JOIN_ALL: &str = include_str!("templates/js/join-all.js");

const TRY_JOIN_ALL: &str = include_str!("templates/js/try-join-all.js");

const RACE: &str = include_str!("templates/js/race.js");
