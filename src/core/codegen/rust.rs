//! Rust: one `async fn` per lane, combined with `futures::join!`, `try_join!` or `select!`.
//!
//! The file is a module for a wasm32 crate: `start()` spawns `run()` on the browser's event
//! loop. It compiles without warnings under `clippy -D warnings` (the `codegen-check` crate
//! compiles every golden file to make sure).

use super::literal::{looks_like_a_constant, rust_float, rust_str};
use super::names::{lane_idents, Case, RUST_KEYWORDS};
use super::out::Out;
use super::Uses;
use crate::core::scenario::{Combine, Scenario, Task, TaskKind, YieldWith};

/// Names the generated code uses for itself (its helpers, locals, crates), kept off lanes.
const RESERVED: &[&str] = &[
    "alloc",
    "burst",
    "burst_ms",
    "channel",
    "core",
    "counter",
    "deadline",
    "done",
    "drop",
    "err",
    "failed",
    "frame",
    "futures",
    "gloo_timers",
    "guard",
    "js_sys",
    "label",
    "left",
    "lock",
    "log",
    "main",
    "message",
    "ms",
    "now",
    "port",
    "promise",
    "read",
    "request",
    "request_json",
    "resolve",
    "response",
    "result",
    "results",
    "run",
    "scheduler",
    "shared",
    "sleep",
    "spin",
    "start",
    "std",
    "update",
    "update_after_wait",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "web_sys",
    "window",
    "work",
    "yield_fn",
    "yield_now",
    "yield_with_animation_frame",
    "yield_with_message_channel",
    "yield_with_microtask",
    "yield_with_scheduler",
    "yield_with_set_timeout",
];

pub(super) fn generate(scenario: &Scenario, unit_ms: f64) -> String {
    let uses = Uses::of(scenario);
    let lanes = scenario.lanes();
    let reserved: Vec<&str> = RUST_KEYWORDS.iter().chain(RESERVED).copied().collect();
    let idents = lane_idents(lanes.iter().map(|l| l.name.as_str()), Case::Snake, &reserved, |_| false);
    let mut out = Out::default();

    header(&mut out, scenario, &uses, unit_ms);
    imports(&mut out, scenario, &uses);
    if uses.tasks {
        out.blank();
        out.line("/// Real milliseconds per scenario unit.");
        out.line(&format!("const UNIT_MS: f64 = {};", rust_float(unit_ms)));
    }
    helpers(&mut out, &uses);

    if !lanes.is_empty() {
        out.blank();
        out.line("// The lanes: one async fn each, running its tasks one after another.");
    }
    for (lane, ident) in lanes.iter().zip(&idents) {
        out.blank();
        let takes_shared = lane.tasks.iter().any(|t| matches!(t.kind, TaskKind::Update { .. }));
        let params = if takes_shared { "shared: &Shared" } else { "" };
        let returns = if uses.fallible() { " -> Result<(), JsValue>" } else { "" };
        let signature = format!("async fn {ident}({params}){returns}");
        if lane.tasks.is_empty() && !uses.fallible() {
            out.line(&format!("{signature} {{}}"));
            continue;
        }
        out.open(&format!("{signature} {{"));
        for task in &lane.tasks {
            task_lines(&mut out, task);
        }
        if uses.fallible() {
            out.line("Ok(())");
        }
        out.close("}");
    }

    out.blank();
    run(&mut out, scenario, &uses, &idents);
    out.blank();
    out.line("/// Starts the run on the browser's event loop. Call it once, for example from your");
    out.line("/// `#[wasm_bindgen(start)]` function.");
    out.open("pub fn start() {");
    out.line("wasm_bindgen_futures::spawn_local(run());");
    out.close("}");
    out.finish()
}

fn header(out: &mut Out, scenario: &Scenario, uses: &Uses, unit_ms: f64) {
    out.block(
        "
// Async Playground: this scenario as Rust futures, to run in a browser (wasm32).
//
// Each lane is an async fn. The lanes run at once, on the page's one thread; the tasks of a
// lane run one after another. Each task logs `done: <label>` to the console as it ends (or
// `failed: <label>`), and the run ends with `finished`.
//
// A future is lazy, unlike a JavaScript promise: calling an async fn only builds it, and
// nothing runs until it is polled. The lanes start together because the join (or select)
// polls them together; `let a = lane_a(); let b = lane_b(); a.await; b.await;` would run them
// one after the other.
//
// Dependencies (Cargo.toml):",
    );
    let has_lanes = !scenario.lanes().is_empty();
    if has_lanes || uses.locked_update {
        out.line(
            "//     futures = { version = \"0.3\", default-features = false, features = [\"std\", \"async-await\"] }",
        );
    }
    if uses.sleep() || uses.yields(YieldWith::SetTimeout) {
        out.line("//     gloo-timers = { version = \"0.3\", features = [\"futures\"] }");
    }
    if needs_js_sys(uses) {
        out.line("//     js-sys = \"0.3\"");
    }
    if needs_wasm_bindgen(uses) {
        out.line("//     wasm-bindgen = \"0.2\"");
    }
    out.line("//     wasm-bindgen-futures = \"0.4\"");
    let mut features = vec!["console"];
    if uses.yields(YieldWith::MessageChannel) {
        features.extend(["MessageChannel", "MessagePort"]);
    }
    if uses.work {
        features.push("Performance");
    }
    if uses.request {
        features.push("Response");
    }
    if uses.work || uses.request || uses.yields(YieldWith::AnimationFrame) {
        features.push("Window");
    }
    let features: Vec<String> = features.iter().map(|f| format!("\"{f}\"")).collect();
    let web_sys = format!("//     web-sys = {{ version = \"0.3\", features = [{}] }}", features.join(", "));
    if out.fits(&web_sys) {
        out.line(&web_sys);
    } else {
        out.line("//     web-sys = { version = \"0.3\", features = [");
        out.line(&format!("//         {},", features.join(", ")));
        out.line("//     ] }");
    }
    out.line("//");
    out.line("// Call `start()` once, for example from your `#[wasm_bindgen(start)]` function.");

    // A duration such as 3.14 units is not π, but clippy would take it for a rounded one.
    let mut floats = vec![rust_float(unit_ms)];
    for (_, task) in scenario.tasks() {
        floats.push(rust_float(task.duration));
        if let TaskKind::Work { burst_ms, .. } = task.kind {
            floats.push(rust_float(burst_ms));
        }
    }
    if floats.iter().any(|f| looks_like_a_constant(f)) {
        out.blank();
        out.line(
            "// Some durations look like rounded mathematical constants (3.14...) to clippy; they are not.",
        );
        out.line("#![allow(clippy::approx_constant)]");
    }
}

fn needs_js_sys(uses: &Uses) -> bool {
    uses.work
        || uses.yields(YieldWith::MessageChannel)
        || uses.yields(YieldWith::Microtask)
        || uses.yields(YieldWith::AnimationFrame)
        || uses.yields(YieldWith::SchedulerYield)
}

fn needs_wasm_bindgen(uses: &Uses) -> bool {
    uses.fallible()
        || uses.yields(YieldWith::MessageChannel)
        || uses.yields(YieldWith::Microtask)
        || uses.yields(YieldWith::SchedulerYield)
}

fn imports(out: &mut Out, scenario: &Scenario, uses: &Uses) {
    let mut imports = Vec::new();
    if scenario.combine() == Combine::Select && !scenario.lanes().is_empty() {
        imports.push("use futures::FutureExt;");
    }
    if uses.locked_update {
        imports.push("use futures::lock::Mutex;");
    }
    if uses.sleep() || uses.yields(YieldWith::SetTimeout) {
        imports.push("use gloo_timers::future::TimeoutFuture;");
    }
    if uses.update || uses.yields(YieldWith::FrameAware) {
        imports.push("use std::cell::Cell;");
    }
    if uses.bursts() {
        imports.push("use std::future::Future;");
    }
    if uses.yields(YieldWith::FrameAware) {
        imports.push("use wasm_bindgen::closure::Closure;");
    }
    if uses.request || uses.yields(YieldWith::SchedulerYield) || uses.yields(YieldWith::FrameAware) {
        imports.push("use wasm_bindgen::JsCast;");
    }
    if needs_wasm_bindgen(uses) {
        imports.push("use wasm_bindgen::JsValue;");
    }
    // (The frame-aware yield ends with a MessageChannel message: `Uses` counts that one too.)
    if uses.request
        || uses.yields(YieldWith::MessageChannel)
        || uses.yields(YieldWith::Microtask)
        || uses.yields(YieldWith::AnimationFrame)
        || uses.yields(YieldWith::SchedulerYield)
    {
        imports.push("use wasm_bindgen_futures::JsFuture;");
    }
    if !imports.is_empty() {
        out.blank();
        for import in imports {
            out.line(import);
        }
    }
}

fn helpers(out: &mut Out, uses: &Uses) {
    out.blank();
    out.block(LOG);
    if uses.tasks {
        out.blank();
        out.block(DONE);
    }
    if uses.fallible() {
        out.blank();
        out.block(FAILED);
    }
    if uses.sleep() {
        out.blank();
        out.block(SLEEP);
    }
    if uses.request {
        out.blank();
        out.block(REQUEST);
    }
    if uses.failing_request {
        out.blank();
        out.block(REQUEST_JSON);
    }
    if uses.work {
        out.blank();
        out.block(SPIN);
    }
    if uses.bursts() {
        out.blank();
        out.block(WORK);
    }
    let yields = [
        (YieldWith::FrameAware, YIELD_FRAME_AWARE),
        (YieldWith::MessageChannel, YIELD_MESSAGE_CHANNEL),
        (YieldWith::Microtask, YIELD_MICROTASK),
        (YieldWith::SetTimeout, YIELD_SET_TIMEOUT),
        (YieldWith::AnimationFrame, YIELD_ANIMATION_FRAME),
        (YieldWith::SchedulerYield, YIELD_SCHEDULER),
    ];
    for (with, code) in yields {
        if uses.yields(with) {
            out.blank();
            out.block(code);
        }
    }
    if uses.update {
        out.blank();
        out.line("/// What the update tasks share: a counter that starts at 0, and the one async lock.");
        out.line("#[derive(Default)]");
        out.open("struct Shared {");
        out.line("counter: Cell<u32>,");
        if uses.locked_update {
            out.line("lock: Mutex<()>,");
        }
        out.close("}");
        if uses.early_update {
            out.blank();
            out.block(UPDATE);
        }
        if uses.late_update {
            out.blank();
            out.block(UPDATE_AFTER_WAIT);
        }
    }
}

fn yield_fn(with: YieldWith) -> &'static str {
    match with {
        YieldWith::FrameAware => "yield_frame_aware",
        YieldWith::MessageChannel => "yield_with_message_channel",
        YieldWith::Microtask => "yield_with_microtask",
        YieldWith::SetTimeout => "yield_with_set_timeout",
        YieldWith::AnimationFrame => "yield_with_animation_frame",
        YieldWith::SchedulerYield => "yield_with_scheduler",
    }
}

/// The lines of one task, inside its lane's fn.
fn task_lines(out: &mut Out, task: &Task) {
    let label = rust_str(&task.label);
    let ms = format!("{} * UNIT_MS", rust_float(task.duration));
    match task.kind {
        TaskKind::Wait => out.line(&format!("sleep({ms}).await;")),
        TaskKind::Request { fails } => {
            let call = if fails { "request_json" } else { "request" };
            out.line(&format!("{call}({ms}).await.map_err(|err| failed({label}, err))?;"));
        }
        TaskKind::Work { .. } if task.kind.runs_in_one_go() => {
            out.line(&format!("spin({ms}); // never yields: holds the thread throughout"));
        }
        TaskKind::Work { burst_ms, yields, .. } => {
            out.line(&format!("work({ms}, {}, {}).await;", rust_float(burst_ms), yield_fn(yields)));
        }
        TaskKind::Update { locked: false, read_after } => {
            out.line(&format!("{}(&shared.counter, {ms}).await;", update_fn(read_after)))
        }
        TaskKind::Update { locked: true, read_after } => {
            out.line("let guard = shared.lock.lock().await;");
            out.line(&format!("{}(&shared.counter, {ms}).await;", update_fn(read_after)));
            out.line("drop(guard);");
        }
    }
    out.line(&format!("done({label});"));
}

fn run(out: &mut Out, scenario: &Scenario, uses: &Uses, idents: &[String]) {
    let lanes = scenario.lanes();
    let calls: Vec<String> = lanes
        .iter()
        .zip(idents)
        .map(|(lane, ident)| {
            let takes_shared = lane.tasks.iter().any(|t| matches!(t.kind, TaskKind::Update { .. }));
            format!("{ident}({})", if takes_shared { "&shared" } else { "" })
        })
        .collect();
    let fallible = uses.fallible();
    match (lanes.is_empty(), scenario.combine()) {
        (true, _) => out.line("/// Runs the scenario: it has no lanes, so there is nothing to wait for."),
        (false, Combine::Join) => {
            out.line("/// Runs every lane at once, and waits for all of them whatever happens in the others.")
        }
        (false, Combine::TryJoin) => {
            out.line("/// Runs every lane at once, and waits for all of them, unless one fails first.")
        }
        (false, Combine::Select) => out.line("/// Runs every lane at once, until the first one finishes."),
    }
    out.open("pub async fn run() {");
    if uses.update {
        out.line("let shared = Shared::default();");
    }
    if !lanes.is_empty() {
        match scenario.combine() {
            Combine::Join if fallible => {
                join_into_results(out, idents, &calls);
                out.line("// join! waited for every lane; now report the errors, if any.");
                out.list("for result in [", idents, "] {");
                out.indent_in();
                out.open("if let Err(err) = result {");
                out.line("web_sys::console::log_2(&\"error:\".into(), &err);");
                out.close("}");
                out.close("}");
            }
            Combine::Join => out.list("futures::join!(", &calls, ");"),
            Combine::TryJoin if fallible => {
                out.line("// try_join! stops at the first error: the other lanes are dropped, mid-task,");
                out.line("// which cancels them (a dropped timer is cleared), so they log nothing more.");
                out.list("if let Err(err) = futures::try_join!(", &calls, ") {");
                out.indent_in();
                out.line("web_sys::console::log_2(&\"error:\".into(), &err);");
                out.close("}");
            }
            Combine::TryJoin => {
                out.line("// try_join! would stop at the first error, but no task here can fail.");
                out.list("futures::join!(", &calls, ");");
            }
            Combine::Select => {
                for (ident, call) in idents.iter().zip(&calls) {
                    out.line(&format!("let {ident} = {call}.fuse();"));
                }
                out.list("futures::pin_mut!(", idents, ");");
                out.line("// select! takes the first lane to finish (if several are ready at once, it picks");
                if lanes.len() > 1 {
                    out.line(
                        "// one at random); the others are dropped, mid-task, which cancels them (a dropped",
                    );
                    out.line("// timer is cleared), so they log nothing more.");
                } else {
                    out.line("// one at random).");
                }
                if fallible {
                    out.open("let result = futures::select! {");
                    for ident in idents {
                        out.line(&format!("result = {ident} => result,"));
                    }
                    out.close("};");
                    out.open("if let Err(err) = result {");
                    out.line("web_sys::console::log_2(&\"error:\".into(), &err);");
                    out.close("}");
                } else {
                    out.open("futures::select! {");
                    for ident in idents {
                        out.line(&format!("() = {ident} => {{}},"));
                    }
                    out.close("}");
                }
            }
        }
    }
    if uses.update {
        out.line("log(&format!(\"counter: {}\", shared.counter.get()));");
    }
    out.line("log(\"finished\");");
    out.close("}");
}

/// `let (a, b) = futures::join!(a(), b());`, wrapped the way rustfmt would where it is long.
fn join_into_results(out: &mut Out, idents: &[String], calls: &[String]) {
    // A tuple of one needs its comma.
    let pattern = if idents.len() == 1 { format!("{},", idents[0]) } else { idents.join(", ") };
    let inline = format!("let ({pattern}) = futures::join!({});", calls.join(", "));
    if out.fits(&inline) {
        out.line(&inline);
        return;
    }
    let head = format!("let ({pattern}) = futures::join!(");
    if out.fits(&head) {
        out.open(&head);
    } else {
        out.list("let (", idents, ") = futures::join!(");
        out.indent_in();
    }
    for call in calls {
        out.line(&format!("{call},"));
    }
    out.close(");");
}

const LOG: &str = include_str!("templates/rust/log.rs");

const DONE: &str = include_str!("templates/rust/done.rs");

const FAILED: &str = include_str!("templates/rust/failed.rs");

const SLEEP: &str = include_str!("templates/rust/sleep.rs");

const REQUEST: &str = include_str!("templates/rust/request.rs");

const REQUEST_JSON: &str = include_str!("templates/rust/request-json.rs");

const SPIN: &str = include_str!("templates/rust/spin.rs");

const WORK: &str = include_str!("templates/rust/work.rs");

const YIELD_FRAME_AWARE: &str = include_str!("templates/rust/yield-frame-aware.rs");

const YIELD_MESSAGE_CHANNEL: &str = include_str!("templates/rust/yield-message-channel.rs");

const YIELD_MICROTASK: &str = include_str!("templates/rust/yield-microtask.rs");

const YIELD_SET_TIMEOUT: &str = include_str!("templates/rust/yield-set-timeout.rs");

const YIELD_ANIMATION_FRAME: &str = include_str!("templates/rust/yield-animation-frame.rs");

const YIELD_SCHEDULER: &str = include_str!("templates/rust/yield-scheduler.rs");

const UPDATE: &str = include_str!("templates/rust/update.rs");

const UPDATE_AFTER_WAIT: &str = include_str!("templates/rust/update-after-wait.rs");

/// The helper an update calls: reading before its wait, or after.
fn update_fn(read_after: bool) -> &'static str {
    if read_after {
        "update_after_wait"
    } else {
        "update"
    }
}
