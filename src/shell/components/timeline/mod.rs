//! The timeline: one place to author a scenario and to watch it run. Each lane is a row: its
//! tasks where they are planned (dragged, resized and edited by pointer or keyboard), and under
//! them what the shown mode did with each (the model's prediction as a ghost, the measured bar
//! filled, drawn live on a canvas while a run goes). Below the lanes, the main thread (held,
//! frozen) and in workers mode a row per worker, on the same time axis.
//!
//! What the run did is drawn on one canvas (`canvas.rs`, painted from `core::paint`'s columns),
//! and so are planned tasks too thin to hold; the tasks near the window get elements of their
//! own (`window.rs`), which the pointer and the keys edit.
//!
//! Every edit is an `Action::Edit` for the reducer; this component only turns pointer and
//! keyboard events into actions (`drag.rs` holds the pointer state machine, `task.rs` one task,
//! `palette.rs` the kinds to add, `bars.rs` the rows and words around the canvas, `table.rs`
//! where the tasks as a table stand (the table is an extra), `geometry.rs` the sizes).

mod bars;
mod canvas;
mod drag;
mod geometry;
mod palette;
mod table;
mod task;
mod window;

use crate::core::edit::Edit;
use crate::core::format::tick_step;
use crate::core::format::{Fixed, Num};
use crate::core::layout::{axis_units, offsets, VIRTUAL_FROM};
use crate::core::lesson::Lesson;
use crate::core::mode::Mode;
use crate::core::number::clamp;
use crate::core::paint::{has_element, Columns, Sizes, Sources};
use crate::core::predict::Prediction;
use crate::core::report::RunReport;
use crate::core::scenario::{Scenario, Task, TaskId};
use crate::core::state::Action;
use crate::shell::components::raw::raw;
use crate::shell::components::same::Same;
use crate::shell::hooks::Painting;
use bars::Results;
use canvas::RunCanvas;
use drag::{pointer_handlers, Drag};
use geometry::{MAX_ZOOM, ROW_PX, TASK_PX, TASK_TOP_PX, THREAD_PX, TRACK_PX, TRACK_TOP_PX};
use std::cell::RefCell;
use std::rc::Rc;
use table::{table_host, TableHostProps};
use task::EditorTask;
use window::use_shown;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub scenario: Rc<Scenario>,
    pub selected: Option<TaskId>,
    pub edit_note: String,
    pub lesson: &'static Lesson,
    pub can_undo: bool,
    pub can_redo: bool,
    /// True during a run: the scenario cannot change.
    pub locked: bool,
    /// Whether the page lets the learner edit (`controls=` may leave the editor out).
    pub editable: bool,
    /// The mode drawn, its prediction and its latest run (drawn only if it ran this scenario).
    pub mode: Mode,
    pub prediction: Rc<Prediction>,
    pub report: Option<Same<RunReport>>,
    /// The modes the learner may switch the timeline between.
    pub modes: Vec<Mode>,
    /// The longest any mode takes, predicted or measured, in ms: every mode draws on one axis.
    pub axis_ms: f64,
    pub on_action: Callback<Action>,
}

/// A lane of at most this many tasks builds an element for each, however thin (a crowded lane
/// builds only those wide enough to hold).
const FEW_TASKS: usize = 64;

/// How to edit, as HTML text (`components/raw.rs`): it never changes.
const HOW_TO_EDIT: &str = "<details class=\"hint\"><summary>How to edit</summary><p id=\"editor-keys\">Drag a \
    kind onto a lane, or press it to add to the end of the lane chosen beside it. Drag a task to move it, its right \
    edge to resize it. Keys on a task: arrows move it, Shift+arrows resize, Delete removes, Enter selects (to edit \
    it below). Ctrl+Z undoes. Under each task, after a run: the prediction outlined, the measurement \
    filled.</p></details>";

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let lanes_ref = use_node_ref();
    let drag: Rc<RefCell<Option<Drag>>> = use_mut_ref(|| None);
    // The task being carried from the palette: moved by style writes, not re-renders, so a
    // drag stays smooth however many tasks the timeline holds.
    let carried = use_node_ref();
    let zoom = use_state(|| 1u32);
    // Zooms by a factor (2 in, 0.5 out) within 1× to MAX_ZOOM×: the buttons, and the canvas's
    // wheel, pinch and keys.
    let on_zoom = {
        let zoom = zoom.clone();
        Callback::from(move |factor: f64| {
            zoom.set(clamp((f64::from(*zoom) * factor).round(), 1.0, f64::from(MAX_ZOOM)) as u32);
        })
    };
    // The lane that the palette's buttons add to (chosen beside them).
    let current_lane = use_state(|| 0usize);
    let scenario = props.scenario.clone();
    let lane_count = scenario.lanes().len();
    let add_lane_index = (*current_lane).min(lane_count.saturating_sub(1));
    let scale = props.prediction.scale;
    // One axis for planning and running, in units: room to drop a task after the longest lane,
    // and for the longest run of any mode.
    let axis = axis_units(&scenario).max(props.axis_ms / scale * 1.05);
    let locked = props.locked || !props.editable;
    // A long timeline builds only the lanes near the window, zoomed in only the tasks near the
    // part of the axis in view, and always the task that has the focus.
    let shown = use_shown(lanes_ref.clone(), lane_count, *zoom);
    let focused = use_mut_ref(|| None::<TaskId>);
    let on_focus_in = {
        let focused = focused.clone();
        Callback::from(move |e: FocusEvent| {
            let id = e.target_dyn_into::<web_sys::Element>().and_then(|t| t.get_attribute("data-task-id"));
            *focused.borrow_mut() = id.and_then(|id| id.parse().ok()).map(TaskId);
        })
    };
    // The lanes not built keep their room: padding above and below the built ones.
    let unbuilt = format!(
        "padding-top:{}px;padding-bottom:{}px",
        Num(shown.lanes.start as f64 * ROW_PX),
        Num((lane_count - shown.lanes.end) as f64 * ROW_PX)
    );

    // The pointer handlers are made once and read the latest scenario through `latest`, so
    // they stay the same callbacks across renders and unchanged tasks need no re-render.
    let latest = use_mut_ref(|| (scenario.clone(), axis, props.on_action.clone()));
    *latest.borrow_mut() = (scenario.clone(), axis, props.on_action.clone());
    let handlers = {
        let (drag, carried, lanes_ref, latest) =
            (drag.clone(), carried.clone(), lanes_ref.clone(), latest.clone());
        use_memo((), move |_| pointer_handlers(drag, carried, lanes_ref, latest))
    };
    handlers.locked.set(locked);
    let edit = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Edit| on_action.emit(Action::Edit(e)))
    };

    let report = props.report.clone().filter(|r| Rc::ptr_eq(&r.scenario, &scenario));
    let results = Results {
        scenario: &scenario,
        prediction: &props.prediction,
        report: report.as_deref(),
        mode: props.mode,
    };
    let workers = results.worker_count();
    // What the canvas draws, made again only when the scenario, the prediction or the run change.
    let columns = use_memo(
        (Same(scenario.clone()), Same(props.prediction.clone()), report.clone(), workers),
        |(s, p, r, workers)| {
            let sizes = Sizes {
                row_px: ROW_PX,
                task_top_px: TASK_TOP_PX,
                task_px: TASK_PX,
                track_top_px: TRACK_TOP_PX,
                track_px: TRACK_PX,
                thread_px: THREAD_PX,
            };
            Columns::new(
                &sizes,
                &Sources {
                    scenario: &s.0,
                    scale: p.0.scale,
                    prediction: &p.0,
                    report: r.as_ref().map(|r| &*r.0),
                    workers: *workers,
                },
            )
        },
    );
    let painting = Painting {
        columns: columns.clone(),
        axis_ms: axis * scale,
        live: props.locked,
        selected: props.selected,
        zoom: *zoom,
    };

    let names = scenario.lanes().iter().enumerate().skip(shown.lanes.start).take(shown.lanes.len()).map(|(li, lane)| {
        if !props.editable {
            return html! { <div class="tl-name" key={li}><span>{ &lane.name }</span></div> };
        }
        let on_rename = {
            let edit = edit.clone();
            Callback::from(move |e: Event| {
                if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                    edit.emit(Edit::RenameLane { lane: li, name: input.value() });
                }
            })
        };
        let on_remove = {
            let edit = edit.clone();
            Callback::from(move |_: MouseEvent| edit.emit(Edit::RemoveLane { lane: li }))
        };
        html! {
            <div class="tl-name" key={li}>
                <input
                    type="text"
                    value={lane.name.clone()}
                    aria-label={format!("Name of lane {}", li + 1)}
                    maxlength="120"
                    onchange={on_rename}
                    disabled={props.locked}
                />
                <button type="button" class="icon" aria-label={format!("Remove lane {}", lane.name)} onclick={on_remove} disabled={props.locked}>{ "\u{d7}" }</button>
            </div>
        }
    });

    // Every task in one flat list ordered by id, so a task that changes lane or position keeps
    // its element (and the keyboard focus) instead of being re-created.
    let mut placed: Vec<(usize, usize, f64, &Task)> = Vec::with_capacity(scenario.task_count());
    for (li, lane) in scenario.lanes().iter().enumerate() {
        for ((ti, task), start) in lane.tasks.iter().enumerate().zip(offsets(lane)) {
            placed.push((li, ti, start, task));
        }
    }
    crate::core::sort::sort_by(&mut placed, |a, b| a.3.id < b.3.id);
    // A task near the window, wide enough to hold or in a lane of few tasks; and the selected
    // and the focused, always. (Thin tasks of a crowded lane are drawn on the canvas.)
    let near = |li: usize, start: f64, task: &Task| {
        let (from, to) = (start / axis, (start + task.duration) / axis);
        shown.lanes.contains(&li)
            && to >= shown.across.0
            && from <= shown.across.1
            && (has_element((to - from) * shown.width_px) || scenario.lanes()[li].tasks.len() <= FEW_TASKS)
    };
    let keep = |&(li, _, start, task): &(usize, usize, f64, &Task)| {
        near(li, start, task) || Some(task.id) == props.selected || Some(task.id) == *focused.borrow()
    };
    let tasks = placed.into_iter().filter(keep).map(|(li, ti, start, task)| {
        let lane = &scenario.lanes()[li];
        html! {
            <EditorTask
                key={task.id.0}
                task={task.clone()}
                lane={li}
                index={ti}
                lane_len={lane.tasks.len()}
                {lane_count}
                lane_name={AttrValue::from(lane.name.clone())}
                {start}
                {axis}
                selected={props.selected == Some(task.id)}
                editable={props.editable}
                duration_text={AttrValue::from(props.lesson.units(task.duration))}
                handlers={handlers.clone()}
            />
        }
    });

    let tools = props.editable.then(|| {
        let undo = props.on_action.reform(|_: MouseEvent| Action::Undo);
        let redo = props.on_action.reform(|_: MouseEvent| Action::Redo);
        let add_lane = {
            let edit = edit.clone();
            let name = format!("Lane {}", lane_count + 1);
            Callback::from(move |_: MouseEvent| edit.emit(Edit::AddLane { name: name.clone() }))
        };
        let clear = edit.reform(|_: MouseEvent| Edit::Clear);
        let on_lane_choice = {
            let current_lane = current_lane.clone();
            Callback::from(move |e: Event| {
                if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                    current_lane.set(select.value().parse().unwrap_or(0));
                }
            })
        };
        let on_lane_number = {
            let current_lane = current_lane.clone();
            Callback::from(move |e: Event| {
                if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                    let n: usize = input.value().trim().parse().unwrap_or(1);
                    current_lane.set(n.clamp(1, lane_count) - 1);
                }
            })
        };
        html! {
            <div class="tl-tools">
                <div class="palette" role="group" aria-label="Task kinds">
                    <span class="palette-label">{ "Add:" }</span>
                    { palette::chips(&scenario, add_lane_index, props.locked, &handlers, &props.on_action) }
                    if lane_count > 0 {
                        <label class="palette-lane">
                            { "to " }
                            // A list of lanes up to a few dozen; past that, a lane's number (a list of
                            // thousands of options weighs on every style pass of the page).
                            if lane_count <= VIRTUAL_FROM {
                                <select aria-label="Lane to add to" onchange={on_lane_choice} disabled={props.locked}>
                                    { for scenario.lanes().iter().enumerate().map(|(li, lane)| html! {
                                        <option value={li.to_string()} selected={li == add_lane_index}>{ &lane.name }</option>
                                    }) }
                                </select>
                            } else {
                                <input type="number" aria-label="Number of the lane to add to" min="1" max={lane_count.to_string()}
                                    value={(add_lane_index + 1).to_string()} onchange={on_lane_number} disabled={props.locked} />
                            }
                        </label>
                    }
                </div>
                <div class="ed-tools">
                    <button type="button" class="quiet" onclick={undo} disabled={!props.can_undo || props.locked} title="Ctrl+Z">{ "Undo" }</button>
                    <button type="button" class="quiet" onclick={redo} disabled={!props.can_redo || props.locked} title="Ctrl+Shift+Z">{ "Redo" }</button>
                    <button type="button" class="quiet" onclick={add_lane} disabled={props.locked}>{ "Add lane" }</button>
                    <button type="button" class="quiet" onclick={clear} disabled={props.locked || lane_count == 0}>{ "Clear" }</button>
                </div>
            </div>
        }
    });

    // Which mode's run the tracks show; a run shows its own.
    let switch = (props.modes.len() > 1).then(|| {
        let buttons = props.modes.iter().map(|&mode| {
            let on_click = props.on_action.reform(move |_: MouseEvent| Action::Show(mode));
            html! {
                <button type="button" class="variant" aria-pressed={(mode == props.mode).to_string()} onclick={on_click} disabled={props.locked}>
                    { mode.title() }
                </button>
            }
        });
        html! {
            <div class="tl-show" role="group" aria-label="Show the run of">
                <span class="variants-label">{ "Show:" }</span>
                { for buttons }
            </div>
        }
    });
    let zoom_by = |factor: f64| on_zoom.reform(move |_: MouseEvent| factor);
    // Ctrl+wheel (and a trackpad's pinch, which browsers send as one) zooms the timeline, not
    // the page.
    // A pinch sends many small steps: one zoom step per 100 px of them.
    let wheeled = use_mut_ref(|| 0.0f64);
    let on_wheel = {
        let on_zoom = on_zoom.clone();
        Callback::from(move |e: web_sys::WheelEvent| {
            if e.ctrl_key() {
                e.prevent_default();
                let mut sum = wheeled.borrow_mut();
                *sum += e.delta_y();
                if sum.abs() >= 100.0 {
                    on_zoom.emit(if *sum < 0.0 { 2.0 } else { 0.5 });
                    *sum = 0.0;
                }
            }
        })
    };
    let zooms = html! {
        <div class="tl-zoom" role="group" aria-label="Zoom">
            <button type="button" class="quiet" aria-label="Zoom out" onclick={zoom_by(0.5)} disabled={*zoom <= 1}>{ "\u{2212}" }</button>
            <span class="tl-zoom-level" aria-live="polite">{ format!("{}\u{00d7}", *zoom) }</span>
            <button type="button" class="quiet" aria-label="Zoom in" onclick={zoom_by(2.0)} disabled={*zoom >= MAX_ZOOM}>{ "+" }</button>
        </div>
    };

    let step = tick_step(axis, 10.0 * f64::from(*zoom));
    let ticks = (0..).map(|i| i as f64 * step).take_while(|u| *u <= axis + 1e-9).map(|u| {
        html! { <span class="tick" style={format!("left:{}%", Fixed(u / axis * 100.0, 3))}>{ Num(u).to_string() }</span> }
    });
    let geometry = format!(
        "--row:{}px;--task-top:{}px;--task-h:{}px;--track-top:{}px;--track-h:{}px;--thread:{}px",
        Num(ROW_PX),
        Num(TASK_TOP_PX),
        Num(TASK_PX),
        Num(TRACK_TOP_PX),
        Num(TRACK_PX),
        Num(THREAD_PX)
    );
    let rows_height = lane_count.max(1) as f64 * ROW_PX + (1 + workers) as f64 * THREAD_PX;

    html! {
        <section
            class="timeline"
            aria-labelledby="timeline-title"
            aria-describedby="timeline-summary"
            data-mode={props.mode.as_str()}
            data-axis-ms={Num(axis * scale).to_string()}
            data-task-count={scenario.task_count().to_string()}
            style={geometry}
        >
            <div class="tl-head">
                <h2 id="timeline-title">{ "Timeline" }</h2>
                { switch.unwrap_or_default() }
                { zooms }
            </div>
            { tools.unwrap_or_default() }
            <div class="tl-body">
                <div class="tl-names">
                    <div class="tl-built" style={unbuilt.clone()}>{ for names }</div>
                    if lane_count == 0 { <div class="tl-name"></div> }
                    <div class="tl-name tl-thread">{ "Main thread" }</div>
                    { for (0..workers).map(|w| html! { <div class="tl-name tl-thread">{ format!("Worker {}", w + 1) }</div> }) }
                    <div class="tl-name tl-unit" aria-hidden="true">{ props.lesson.unit.1 }</div>
                </div>
                <div class="tl-scroll">
                    <div class="tl-rows" ref={lanes_ref.clone()} onfocusin={on_focus_in} onwheel={on_wheel} data-axis-units={Num(axis).to_string()} data-row-px={Num(ROW_PX).to_string()}
                        style={format!("width:{}%;height:{}px", 100 * *zoom, Num(rows_height))}>
                        <canvas class="now-cursor" hidden=true aria-hidden="true"></canvas>
                        <RunCanvas
                            rows={lanes_ref.clone()}
                            {painting}
                            scenario={scenario.clone()}
                            prediction={props.prediction.clone()}
                            report={report.clone()}
                            on_action={props.on_action.clone()}
                            on_zoom={on_zoom.clone()}
                        />
                        // The live timeline draws a run's bars here while it runs (runtime/live_timeline.rs).
                        <canvas class="tl-live" hidden=true aria-hidden="true"></canvas>
                        <div class="tl-built" style={unbuilt}>{ for results.lane_rows(shown.lanes.clone()) }</div>
                        if lane_count == 0 {
                            <div class="tl-lane tl-empty"><p class="ed-empty">{ "No lanes yet: add one, then drag tasks onto it." }</p></div>
                        }
                        { results.thread_rows() }
                        // One child of the rows, however many tasks it holds: a task built or dropped
                        // must not shift the children before it (and remake the canvas).
                        <>{ for tasks }</>
                    </div>
                    <div class="tl-axis" aria-hidden="true" style={format!("width:{}%", 100 * *zoom)}>{ for ticks }</div>
                </div>
            </div>
            <p class="legend">
                <span id="timeline-summary" class="sr-only">{ results.summary() }</span>
                { results.legend() }
            </p>
            // Under the lanes, not in the run strip above them: a line that appears when a run
            // ends must not push the lanes out of the window (the stage).
            if let Some(pool) = report.as_ref().and_then(|r| r.pool) {
                <p class="pool-cost"><strong>{ "Cost of the workers: " }</strong>{ pool.describe() }</p>
            }
            { table_host(TableHostProps {
                scenario: scenario.clone(),
                prediction: props.prediction.clone(),
                report: report.clone(),
                selected: props.selected,
                on_action: props.on_action.clone(),
            }) }
            if props.editable {
                { raw(HOW_TO_EDIT) }
            }
            <p class="edit-note" aria-live="polite">{ &props.edit_note }</p>
            <div class="carried" ref={carried} hidden=true aria-hidden="true"></div>
        </section>
    }
}
