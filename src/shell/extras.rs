//! The extras: what the first view does without, built into a wasm binary of their own
//! (`src/bin/extras.rs`, exporting [`mount`], [`update`], [`unmount`] and [`export`] (as `export_picture`)) that the
//! page loads the first time it needs it (`runtime/extras.rs`, `hooks/use_extra.rs`): the code
//! view with its generator, the order question of "One turn of the event loop", the bar of
//! Share, Embed and Export, the small multiples of Side by side, the selected task's panel, the
//! event loop's replay, the table of the session's runs, the timeline as a table of tasks, and
//! the timeline pictures of a run (SVG, PNG).
//!
//! An extra renders into a host element the page gives it, reads what it shows from a JSON
//! argument, and talks back with DOM events on the host; it shares no memory with the page's
//! app (the turn reads its lesson's file itself).

use crate::core::codegen::Language;
use crate::core::format::{Fixed, Num};
use crate::core::json::{self, number, text, Obj};
use crate::core::json::{read, Value};
use crate::core::lesson::Lesson;
use crate::core::paint::{Kind, Mini};
use crate::core::report::RunReport;
use crate::core::scenario::{Scenario, TaskId};
use crate::core::timing::Span;
use crate::shell::components::code_view::{CodeView, CodeViewProps};
use crate::shell::components::event_loop::{EventLoop, EventLoopProps};
use crate::shell::components::multiples::{Multiples, MultiplesProps, Panel};
use crate::shell::components::run_history::{HistoryRow, RunHistory, RunHistoryProps};
use crate::shell::components::same::Same;
use crate::shell::components::share_bar::{ShareBar, ShareBarProps};
use crate::shell::components::task_inspector::{TaskInspector, TaskInspectorProps};
use crate::shell::components::tasks_table::{TableRow, TasksTable, TasksTableProps};
use crate::shell::components::turn_question::TurnQuestion;
use crate::shell::runtime::lesson_files;
use std::cell::RefCell;
use std::fmt::Write;
use std::rc::Rc;
use web_sys::{CustomEvent, Element};
use yew::prelude::*;

/// The event an extra's host receives after each run of the turn.
pub const TURN_RAN: &str = "playground-turn-ran";

enum Mounted {
    Turn(yew::AppHandle<TurnApp>),
    Code(yew::AppHandle<CodeView>),
    Share(yew::AppHandle<ShareBar>),
    Multiples(yew::AppHandle<Multiples>),
    Inspector(yew::AppHandle<TaskInspector>),
    Replay(yew::AppHandle<EventLoop>),
    History(yew::AppHandle<RunHistory>),
    Table(yew::AppHandle<TasksTable>),
}

/// Sends an extra's host the event `name` with `detail`: how an extra talks back to the page
/// (`hooks::use_extra` relays it).
pub fn tell(host: &Element, name: &str, detail: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail.into());
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// The event the task's panel sends its host for each edit; the detail is the edit's JSON
/// (`Edit::to_json`).
pub const EDIT: &str = "playground-edit";

/// The task panel's argument: `{"task": <a scenario of the selected task, or null>, "id": <its
/// id>, "unit": <the lesson's unit, plural>, "locked": <no edits during a run>}`.
pub fn inspector_arg(task: Option<(TaskId, &Scenario)>, unit: &str, locked: bool) -> String {
    let (json, id) = task.map_or(("null".to_string(), 0), |(id, s)| (s.to_json(), id.0));
    Obj::new()
        .field("task", json)
        .field("id", id.to_string())
        .field("unit", text(unit))
        .field("locked", locked.to_string())
        .end()
}

/// The task panel's props from its argument; its edits become the host's [`EDIT`] events.
fn inspector_props(host: &Element, arg: &str) -> Option<TaskInspectorProps> {
    let value = read(arg).ok()?;
    let id = TaskId(u32::try_from(value.get("id")?.as_u64()?).ok()?);
    let task = match value.get("task")? {
        Value::Null => None,
        v => Scenario::from_value(v)
            .ok()?
            .tasks()
            .next()
            .map(|(_, t)| crate::core::scenario::Task { id, ..t.clone() }),
    };
    let host = host.clone();
    let on_edit = Callback::from(move |edit: crate::core::edit::Edit| {
        if let Some(json) = edit.to_json() {
            tell(&host, EDIT, &json);
        }
    });
    Some(TaskInspectorProps {
        task,
        unit: value.get("unit")?.as_str()?.to_string().into(),
        locked: value.get("locked")?.as_bool()?,
        on_edit,
    })
}

thread_local! {
    static MOUNTED: RefCell<Vec<(Element, Mounted)>> = const { RefCell::new(Vec::new()) };
    /// The share bar's last scenario, as text and as read.
    static SHARED_SCENARIO: RefCell<Option<(String, Rc<Scenario>)>> = const { RefCell::new(None) };
}

#[derive(Properties, PartialEq)]
pub struct TurnAppProps {
    pub lesson: &'static Lesson,
    pub host: Element,
}

#[function_component(TurnApp)]
fn turn_app(props: &TurnAppProps) -> Html {
    let host = props.host.clone();
    let on_ran = Callback::from(move |()| {
        if let Ok(event) = CustomEvent::new(TURN_RAN) {
            let _ = host.dispatch_event(&event);
        }
    });
    html! { <TurnQuestion lesson={props.lesson} {on_ran} /> }
}

/// The code view's argument: `{"scenario": <scenario>, "scale": <ms per unit>, "tab": <id>}`.
pub fn code_arg(scenario: &Scenario, scale: f64, tab: Option<&str>) -> String {
    let tab = tab.map_or_else(|| "null".to_string(), crate::core::json::text);
    format!("{{\"scenario\":{},\"scale\":{},\"tab\":{tab}}}", scenario.to_json(), number(scale))
}

fn code_props(arg: &str) -> Option<CodeViewProps> {
    let value = read(arg).ok()?;
    let scenario = Scenario::from_value(value.get("scenario")?).ok()?;
    let first_tab = value.get("tab").and_then(Value::as_str).and_then(Language::parse).map(Language::as_str);
    Some(CodeViewProps { scenario: Rc::new(scenario), scale: value.get("scale")?.as_f64()?, first_tab })
}

/// The share bar's argument: `{"lesson": <id>, "own": <the lesson's own scenario>, "scale":
/// <ms per unit>, "ran": <a run to export>, "note": <how the last export went>}`, a line break,
/// then the scenario's JSON ([`Scenario::to_json`], made once per scenario by the caller). The
/// scenario comes apart so that a run or a note, which change only the first part, do not make
/// the bar read the whole scenario again (a megabyte at ten thousand tasks).
pub fn share_arg(scenario_json: &str, lesson: &str, own: bool, scale: f64, ran: bool, note: &str) -> String {
    let small = Obj::new()
        .field("lesson", text(lesson))
        .field("own", own.to_string())
        .field("scale", number(scale))
        .field("ran", ran.to_string())
        .field("note", text(note))
        .end();
    format!("{small}\n{scenario_json}")
}

/// The small multiples' argument: `{"axis_ms": <ms>, "runs": [{"mode", "title", "total_ms",
/// "lanes", "workers", "tasks": [[lane, worker or -1, kind 0–3, start, end], …], "busy": [[start,
/// end], …], "freezes": [[start, end], …]}, …]}`, times in ms to a tenth.
pub fn multiples_arg(runs: &[Same<RunReport>], axis_ms: f64) -> String {
    let spans = |out: &mut String, spans: &[Span]| {
        out.push('[');
        for (i, s) in spans.iter().enumerate() {
            let _ = write!(
                out,
                "{}[{},{}]",
                if i > 0 { "," } else { "" },
                Fixed(s.start_ms, 1),
                Fixed(s.end_ms, 1)
            );
        }
        out.push(']');
    };
    let mut out = format!("{{\"axis_ms\":{},\"runs\":[", Num(axis_ms));
    for (i, r) in runs.iter().enumerate() {
        let _ = write!(
            out,
            "{}{{\"mode\":\"{}\",\"title\":\"{}\",\"total_ms\":{},\"lanes\":{},\"workers\":{},\"tasks\":[",
            if i > 0 { "," } else { "" },
            r.mode.as_str(),
            r.mode.title(),
            Num(r.total_ms),
            r.scenario.lanes().len(),
            r.pool.map_or(0, |p| p.size)
        );
        for (j, t) in r.tasks.iter().enumerate() {
            let worker = t.worker.map_or(-1, |w| w as i64);
            let kind = Kind::from(t.kind) as u8;
            let _ = write!(
                out,
                "{}[{},{worker},{kind},{},{}]",
                if j > 0 { "," } else { "" },
                t.lane,
                Fixed(t.span.start_ms, 1),
                Fixed(t.span.end_ms, 1)
            );
        }
        out.push_str("],\"busy\":");
        spans(&mut out, &r.busy);
        out.push_str(",\"freezes\":");
        spans(&mut out, &r.freezes);
        out.push('}');
    }
    out.push_str("]}");
    out
}

/// The table of runs' argument: one array per run, oldest first: `[scenario name, mode title,
/// total ms, predicted ms, ratio, longest freeze ms, frames over 50 ms, worst input delay ms or
/// null, long tasks, counter or null, scale]`.
pub fn history_arg(runs: &[Same<RunReport>]) -> String {
    json::list(runs.iter().map(|r| {
        json::list([
            text(&r.scenario_name),
            text(r.mode.title()),
            number(r.total_ms),
            number(r.predicted_ms),
            number(r.ratio()),
            number(r.longest_freeze_ms()),
            number(r.frames.late_frames as f64),
            json::maybe(r.worst_input_delay_ms),
            number(r.long_tasks as f64),
            json::maybe(r.counter.map(|c| c as f64)),
            number(r.scale),
        ])
    }))
}

/// The event the table of tasks sends its host when a task's name is chosen; the detail is
/// the task's id.
pub const PICK: &str = "playground-pick";

/// The table of tasks' argument: `{"caption": <text>, "rows": [[id, label, lane, kind,
/// predicted, predicted end ms or null, predicted outcome, measured, measured outcome or null,
/// selected], …]}`.
pub fn table_arg(caption: &str, rows: impl Iterator<Item = TableRow>) -> String {
    let rows = json::list(rows.map(|r| {
        json::list([
            r.id.to_string(),
            text(&r.label),
            text(&r.lane),
            text(&r.kind),
            text(&r.predicted),
            json::maybe(r.predicted_end_ms),
            text(&r.predicted_outcome),
            text(&r.measured),
            r.measured_outcome.as_deref().map_or_else(|| "null".into(), text),
            r.current.to_string(),
        ])
    }));
    Obj::new().field("caption", text(caption)).field("rows", rows).end()
}

/// The table of tasks' props from its argument; a chosen name becomes the host's [`PICK`]
/// event.
fn table_props(host: &Element, arg: &str) -> Option<TasksTableProps> {
    let value = read(arg).ok()?;
    let string = |v: &Value| v.as_str().unwrap_or_default().to_string();
    // A row without a readable id is left out: choosing it must never select another task.
    let rows = value
        .get("rows")?
        .as_array()?
        .iter()
        .filter_map(|r| {
            Some(TableRow {
                id: u32::try_from(r[0].as_u64()?).ok()?,
                label: string(&r[1]),
                lane: string(&r[2]),
                kind: string(&r[3]),
                predicted: string(&r[4]),
                predicted_end_ms: r[5].as_f64(),
                predicted_outcome: string(&r[6]),
                measured: string(&r[7]),
                measured_outcome: r[8].as_str().map(str::to_string),
                current: r[9].as_bool().unwrap_or_default(),
            })
        })
        .collect();
    let host = host.clone();
    let on_pick = Callback::from(move |id: u32| tell(&host, PICK, &id.to_string()));
    Some(TasksTableProps { caption: string(value.get("caption")?), rows, on_pick })
}

fn history_props(arg: &str) -> Option<RunHistoryProps> {
    let value = read(arg).ok()?;
    let rows = value
        .as_array()?
        .iter()
        .map(|r| {
            let num = |i: usize| r[i].as_f64().unwrap_or(f64::NAN);
            let text = |i: usize| r[i].as_str().unwrap_or_default().to_string();
            HistoryRow {
                scenario_name: text(0),
                mode_title: text(1),
                total_ms: num(2),
                predicted_ms: num(3),
                ratio: num(4),
                longest_freeze_ms: num(5),
                late_frames: r[6].as_u64().unwrap_or(0),
                worst_input_delay_ms: r[7].as_f64(),
                long_tasks: r[8].as_u64().unwrap_or(0),
                counter: r[9].as_f64().map(|c| c as i64),
                scale: num(10),
            }
        })
        .collect();
    Some(RunHistoryProps { rows })
}

fn multiples_props(arg: &str) -> Option<MultiplesProps> {
    let value = read(arg).ok()?;
    let num = |v: &Value| v.as_f64().unwrap_or(0.0);
    let spans = |v: &Value| -> Vec<Span> {
        v.as_array()
            .into_iter()
            .flatten()
            .map(|s| Span { start_ms: num(&s[0]), end_ms: num(&s[1]) })
            .collect()
    };
    let panels = value
        .get("runs")?
        .as_array()?
        .iter()
        .map(|r| Panel {
            mode: r["mode"].as_str().unwrap_or_default().to_string(),
            title: r["title"].as_str().unwrap_or_default().to_string(),
            total_ms: num(&r["total_ms"]),
            mini: Rc::new(Mini {
                lanes: num(&r["lanes"]) as usize,
                workers: num(&r["workers"]) as usize,
                tasks: r["tasks"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|t| {
                        let worker = t[1].as_u64().map(|w| w as usize);
                        let kind = Kind::ALL[(num(&t[2]) as usize).min(3)];
                        (num(&t[0]) as usize, worker, kind, Span { start_ms: num(&t[3]), end_ms: num(&t[4]) })
                    })
                    .collect(),
                busy: spans(&r["busy"]),
                freezes: spans(&r["freezes"]),
            }),
        })
        .collect();
    Some(MultiplesProps { panels, axis_ms: value.get("axis_ms")?.as_f64()? })
}

/// The replay's props from its argument: the moment to open at (`at=`, ms, or empty), a line
/// break, and the page's last run's results file, or nothing before a run.
fn replay_props(arg: &str) -> EventLoopProps {
    let (at, results) = arg.split_once('\n').unwrap_or(("", arg));
    let run =
        (!results.is_empty()).then(|| crate::core::replay::run::Replay::from_results(results).ok()).flatten();
    EventLoopProps { run: run.map(Rc::new), at_ms: crate::core::number::parse(at) }
}

/// The share bar's props from its argument.
fn share_props(host: &Element, arg: &str) -> Option<ShareBarProps> {
    let (small, scenario_json) = arg.split_once('\n')?;
    let value = read(small).ok()?;
    // The scenario is read only when its text changed since the last argument.
    let scenario = SHARED_SCENARIO.with(|last| {
        let mut last = last.borrow_mut();
        match &*last {
            Some((text, scenario)) if text == scenario_json => Some(scenario.clone()),
            _ => {
                let scenario = Rc::new(Scenario::from_json(scenario_json).ok()?);
                *last = Some((scenario_json.to_string(), scenario.clone()));
                Some(scenario)
            }
        }
    })?;
    let lesson = crate::core::lesson::entry(value.get("lesson")?.as_str()?)?;
    Some(ShareBarProps {
        scenario,
        lesson,
        own: value.get("own")?.as_bool()?,
        scale: value.get("scale")?.as_f64()?,
        ran: value.get("ran")?.as_bool()?,
        note: value.get("note")?.as_str()?.to_string(),
        host: host.clone(),
    })
}

/// How many subtree numbers the page's own Yew app may use: its root, and room to spare.
const PAGE_SUBTREES: usize = 16;

#[function_component]
fn Nothing() -> Html {
    html! {}
}

/// Keeps the extras' subtree numbers apart from the page's, once, before the first extra.
///
/// The extras are a second Yew app in the page, with a wasm of their own and so their own count
/// of subtrees, from 1 like the page's. Yew tells which app an event belongs to by that number
/// (each element carries it), and the page's app sees every event first: an extra numbered as
/// the page's root had its clicks handled by the page as well, by the page's listener of the
/// same number. Pressing "Results (JSON)" added a wait task to the scenario. Roots made and
/// dropped here use up the numbers the page can have.
fn number_apart() {
    thread_local!(static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if DONE.with(|d| d.replace(true)) {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    for _ in 0..PAGE_SUBTREES {
        if let Ok(spare) = document.create_element("div") {
            yew::Renderer::<Nothing>::with_root(spare).render().destroy();
        }
    }
}

/// Renders the extra `kind` (`"code"`, `"turn"`, `"share"`, `"multiples"`, `"history"`, …) into
/// `host`: the code view of the scenario in `arg` ([`code_arg`]), the order question of the
/// lesson whose id is `arg`, the share bar ([`share_arg`]), the small multiples
/// ([`multiples_arg`]), the table of runs ([`history_arg`]) or the table of tasks
/// ([`table_arg`]).
pub fn mount(host: Element, kind: String, arg: String) {
    number_apart();
    match kind.as_str() {
        "code" => {
            let Some(props) = code_props(&arg) else { return };
            host.set_inner_html("");
            let handle = yew::Renderer::<CodeView>::with_root_and_props(host.clone(), props).render();
            MOUNTED.with(|m| m.borrow_mut().push((host, Mounted::Code(handle))));
        }
        "turn" => wasm_bindgen_futures::spawn_local(async move {
            match lesson_files::fetch(&arg).await {
                // The page may have left the lesson while its file was fetched.
                Ok(_) if !host.is_connected() => {}
                Ok(lesson) if !lesson.turn.is_empty() => {
                    host.set_inner_html("");
                    let props = TurnAppProps { lesson, host: host.clone() };
                    let handle = yew::Renderer::<TurnApp>::with_root_and_props(host.clone(), props).render();
                    MOUNTED.with(|m| m.borrow_mut().push((host, Mounted::Turn(handle))));
                }
                Ok(_) => host.set_text_content(Some("This lesson has no turn of the event loop to run.")),
                Err(why) => host.set_text_content(Some(&why)),
            }
        }),
        "inspector" => {
            let Some(props) = inspector_props(&host, &arg) else { return };
            host.set_inner_html("");
            let handle = yew::Renderer::<TaskInspector>::with_root_and_props(host.clone(), props).render();
            MOUNTED.with(|m| m.borrow_mut().push((host, Mounted::Inspector(handle))));
        }
        "multiples" => {
            let Some(props) = multiples_props(&arg) else { return };
            host.set_inner_html("");
            let handle = yew::Renderer::<Multiples>::with_root_and_props(host.clone(), props).render();
            MOUNTED.with(|m| m.borrow_mut().push((host, Mounted::Multiples(handle))));
        }
        "replay" => {
            host.set_inner_html("");
            let handle =
                yew::Renderer::<EventLoop>::with_root_and_props(host.clone(), replay_props(&arg)).render();
            MOUNTED.with(|m| m.borrow_mut().push((host, Mounted::Replay(handle))));
        }
        "history" => {
            let Some(props) = history_props(&arg) else { return };
            host.set_inner_html("");
            let handle = yew::Renderer::<RunHistory>::with_root_and_props(host.clone(), props).render();
            MOUNTED.with(|m| m.borrow_mut().push((host, Mounted::History(handle))));
        }
        "table" => {
            let Some(props) = table_props(&host, &arg) else { return };
            host.set_inner_html("");
            let handle = yew::Renderer::<TasksTable>::with_root_and_props(host.clone(), props).render();
            MOUNTED.with(|m| m.borrow_mut().push((host, Mounted::Table(handle))));
        }
        "share" => {
            let Some(props) = share_props(&host, &arg) else { return };
            host.set_inner_html("");
            let handle = yew::Renderer::<ShareBar>::with_root_and_props(host.clone(), props).render();
            MOUNTED.with(|m| m.borrow_mut().push((host, Mounted::Share(handle))));
        }
        _ => {}
    }
}

/// Shows `arg` in what is mounted into `host` (the code view and the share bar follow the
/// scenario).
pub fn update(host: &Element, arg: String) {
    MOUNTED.with(|m| {
        for (h, mounted) in m.borrow_mut().iter_mut() {
            match (h == host, mounted) {
                (true, Mounted::Code(handle)) => {
                    if let Some(props) = code_props(&arg) {
                        handle.update(props);
                    }
                }
                (true, Mounted::Share(handle)) => {
                    if let Some(props) = share_props(host, &arg) {
                        handle.update(props);
                    }
                }
                (true, Mounted::Inspector(handle)) => {
                    if let Some(props) = inspector_props(host, &arg) {
                        handle.update(props);
                    }
                }
                (true, Mounted::Replay(handle)) => handle.update(replay_props(&arg)),
                (true, Mounted::Multiples(handle)) => {
                    if let Some(props) = multiples_props(&arg) {
                        handle.update(props);
                    }
                }
                (true, Mounted::History(handle)) => {
                    if let Some(props) = history_props(&arg) {
                        handle.update(props);
                    }
                }
                (true, Mounted::Table(handle)) => {
                    if let Some(props) = table_props(host, &arg) {
                        handle.update(props);
                    }
                }
                _ => {}
            }
        }
    });
}

/// Saves a run's export as `kind`: `"json"`, its results laid out for reading; `"trace"`, its
/// event loop as a Chrome trace (`core::replay::trace`); or the timeline picture, `"svg"` or
/// `"png"`. `arg` is `{"results": <results JSON text>, "title": <the
/// lesson's title>, "unit": <its unit, plural>, "name": <the file's name>}`. Says how it went,
/// for the learner.
pub async fn export(kind: String, arg: String) -> String {
    use crate::core::export::{picture_from_results, pretty, timeline_svg};
    use crate::shell::runtime::download::{save_svg_as_png, save_text, svg_size};
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
    let Ok(v) = read(&arg) else { return "The export could not be read.".into() };
    let name = text(&v, "name");
    let refused = "The browser did not allow the download.";
    if kind == "trace" {
        let replay = match crate::core::replay::run::Replay::from_results(&text(&v, "results")) {
            Ok(r) => r,
            Err(why) => return why,
        };
        let trace = crate::core::replay::trace::trace_json(&replay);
        return match save_text(&trace, &name, "application/json") {
            Ok(()) => format!(
                "Saved {name}: open it in Perfetto UI (ui.perfetto.dev) or DevTools' Performance panel."
            ),
            Err(_) => refused.into(),
        };
    }
    if kind == "json" {
        let Some(results) = pretty(&text(&v, "results")) else {
            return "The results could not be read.".into();
        };
        return match save_text(&results, &name, "application/json") {
            Ok(()) => format!("Saved {name}."),
            Err(_) => refused.into(),
        };
    }
    let svg = match picture_from_results(&text(&v, "results"), &text(&v, "title"), &text(&v, "unit")) {
        Ok(p) => timeline_svg(&p),
        Err(why) => return format!("The run could not be drawn ({why})."),
    };
    let saved = if kind == "png" {
        let (w, h) = svg_size(&svg);
        save_svg_as_png(&svg, w, h, &name)
            .await
            .map_err(|_| "The browser could not draw the PNG; try the SVG.")
    } else {
        save_text(&svg, &name, "image/svg+xml").map_err(|_| refused)
    };
    match saved {
        Ok(()) => format!("Saved {name}."),
        Err(why) => why.into(),
    }
}

/// Removes what was mounted into `host`.
pub fn unmount(host: &Element) {
    let mounted = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        let at = m.iter().position(|(h, _)| h == host)?;
        Some(m.remove(at).1)
    });
    match mounted {
        Some(Mounted::Turn(handle)) => handle.destroy(),
        Some(Mounted::Code(handle)) => handle.destroy(),
        Some(Mounted::Share(handle)) => handle.destroy(),
        Some(Mounted::Multiples(handle)) => handle.destroy(),
        Some(Mounted::Inspector(handle)) => handle.destroy(),
        Some(Mounted::Replay(handle)) => handle.destroy(),
        Some(Mounted::History(handle)) => handle.destroy(),
        Some(Mounted::Table(handle)) => handle.destroy(),
        None => {}
    }
}
