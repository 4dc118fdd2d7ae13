//! The scenario editor: a palette of task kinds, the lanes with their tasks, and the task
//! inspector. Every edit is an `Action::Edit` for the reducer; this component only turns
//! pointer and keyboard events into those actions.
//!
//! Pointer events (mouse, pen and touch alike), not the HTML5 drag-and-drop API, which touch
//! screens do not support. While a task is dragged only its own `transform` changes; the
//! scenario changes once, on drop. Every pointer action has a keyboard equivalent.

use super::editor_task::EditorTask;
use super::task_inspector::TaskInspector;
use crate::core::edit::{snap, Edit};
use crate::core::format::tick_step;
use crate::core::layout::{axis_units, drop_index, drop_lane, offsets};
use crate::core::lesson::Lesson;
use crate::core::scenario::{Combine, Scenario, TaskId, TaskKind, DEFAULT_BURST_MS};
use crate::core::state::Action;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The height of one lane row, in CSS pixels (style.css `.ed-row` uses the same).
pub(crate) const ROW_PX: f64 = 52.0;
/// How far a pointer must travel before a press becomes a drag, in CSS pixels.
const DRAG_SLOP_PX: f64 = 4.0;

#[derive(Properties, PartialEq)]
pub struct ScenarioEditorProps {
    pub scenario: Rc<Scenario>,
    pub selected: Option<TaskId>,
    pub edit_note: String,
    pub lesson: &'static Lesson,
    pub can_undo: bool,
    pub can_redo: bool,
    /// True during a run: the scenario cannot change.
    pub locked: bool,
    pub on_action: Callback<Action>,
}

/// What the pointer is doing.
#[derive(Clone)]
pub enum Drag {
    /// Moving a task: where the press began, and whether it has moved past the slop. A locked
    /// press (during a run) never moves: it can only select.
    Task { id: TaskId, x0: f64, y0: f64, moved: bool, locked: bool, element: HtmlElement },
    /// Dragging a task's right edge: the width it was rendered with, to put back.
    Resize { id: TaskId, x0: f64, duration: f64, moved: bool, width0: String, element: HtmlElement },
    /// Carrying a new task from the palette.
    Palette { kind: TaskKind, x0: f64, y0: f64, moved: bool },
}

/// A new task of `kind` as the palette makes it.
fn new_task(kind: TaskKind, lane: usize, index: usize) -> Edit {
    let label = match kind {
        TaskKind::Wait => "Wait",
        TaskKind::Request { .. } => "Request",
        TaskKind::Update { .. } => "Update",
        TaskKind::Work { .. } => "Work",
    };
    Edit::AddTask { lane, index, kind, duration: 1.0, label: label.into() }
}

const PALETTE: [(TaskKind, &str, &str); 4] = [
    (TaskKind::Wait, "Wait", "a timer: waiting needs no thread"),
    (TaskKind::REQUEST, "Request", "a real fetch plus network latency"),
    (TaskKind::work(DEFAULT_BURST_MS), "Work", "CPU work in short bursts"),
    (TaskKind::Update { locked: false }, "Update", "read a shared counter, wait, write it back plus one"),
];

fn show_carried(node: &NodeRef, kind: TaskKind, x: f64, y: f64) {
    if let Some(el) = node.cast::<HtmlElement>() {
        el.set_class_name(&format!("carried kind-{}", kind.as_str()));
        el.set_text_content(Some(kind.as_str()));
        let _ = el.style().set_property("left", &format!("{x}px"));
        let _ = el.style().set_property("top", &format!("{y}px"));
        el.set_hidden(false);
    }
}

fn hide_carried(node: &NodeRef) {
    if let Some(el) = node.cast::<HtmlElement>() {
        el.set_hidden(true);
    }
}

/// The latest scenario, its editor axis (units) and the action callback.
type Latest = Rc<RefCell<(Rc<Scenario>, f64, Callback<Action>)>>;

/// What every task and palette chip does with the pointer once a press has begun.
pub struct PointerHandlers {
    pub drag: Rc<RefCell<Option<Drag>>>,
    pub on_move: Callback<PointerEvent>,
    pub on_up: Callback<PointerEvent>,
    pub on_cancel: Callback<PointerEvent>,
    /// The click that ends a palette drag (a mouse sends one; a finger does not) is ignored
    /// until this time (an event timestamp).
    pub suppress_click_until: Rc<Cell<f64>>,
    /// Dispatches to the reducer (always the latest callback).
    pub on_action: Callback<Action>,
    /// Whether a run is going (tasks can then be selected, not moved). A cell rather than a
    /// prop, so that starting a run does not re-render every task.
    pub locked: Rc<Cell<bool>>,
}

fn pointer_handlers(
    drag: Rc<RefCell<Option<Drag>>>,
    carried: NodeRef,
    lanes_ref: NodeRef,
    latest: Latest,
) -> PointerHandlers {
    // Pixels → (lane row as a fraction, x in units), from the lanes area's box.
    let locate = {
        let (lanes_ref, latest) = (lanes_ref.clone(), latest.clone());
        move |client_x: f64, client_y: f64| -> Option<(f64, f64)> {
            let rect = lanes_ref.cast::<HtmlElement>()?.get_bounding_client_rect();
            if rect.width() <= 0.0 {
                return None;
            }
            let axis = latest.borrow().1;
            Some(((client_y - rect.top()) / ROW_PX, (client_x - rect.left()) / rect.width() * axis))
        }
    };
    let units_per_px = {
        let latest = latest.clone();
        move || {
            let axis = latest.borrow().1;
            lanes_ref.cast::<HtmlElement>().map_or(0.0, |el| axis / f64::from(el.client_width().max(1)))
        }
    };

    let on_move = {
        let drag = drag.clone();
        let carried = carried.clone();
        let units_per_px = units_per_px.clone();
        let latest = latest.clone();
        Callback::from(move |e: PointerEvent| {
            let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
            let mut state = drag.borrow_mut();
            match state.as_mut() {
                Some(Drag::Task { x0, y0, moved, locked, element, .. }) => {
                    if *locked || (!*moved && (x - *x0).hypot(y - *y0) < DRAG_SLOP_PX) {
                        return;
                    }
                    *moved = true;
                    let _ = element
                        .style()
                        .set_property("transform", &format!("translate({}px, {}px)", x - *x0, y - *y0));
                    let _ = element.class_list().add_1("dragging");
                }
                Some(Drag::Resize { x0, duration, moved, element, .. }) => {
                    if !*moved && (x - *x0).abs() < DRAG_SLOP_PX {
                        return;
                    }
                    *moved = true;
                    let d = snap(*duration + (x - *x0) * units_per_px());
                    let axis = latest.borrow().1;
                    let _ = element.style().set_property("width", &format!("{:.3}%", d / axis * 100.0));
                }
                Some(Drag::Palette { kind, x0, y0, moved }) => {
                    if !*moved && (x - *x0).hypot(y - *y0) < DRAG_SLOP_PX {
                        return;
                    }
                    *moved = true;
                    show_carried(&carried, *kind, x, y);
                }
                None => {}
            }
        })
    };

    let on_action = {
        let latest = latest.clone();
        Callback::from(move |action: Action| {
            let dispatch = latest.borrow().2.clone();
            dispatch.emit(action);
        })
    };
    let suppress_click_until = Rc::new(Cell::new(f64::NEG_INFINITY));
    let on_up = {
        let drag = drag.clone();
        let carried = carried.clone();
        let suppress = suppress_click_until.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(state) = drag.borrow_mut().take() else {
                return;
            };
            let (scenario, _, on_action) = latest.borrow().clone();
            let edit = |e: Edit| on_action.emit(Action::Edit(e));
            let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
            let target = locate(x, y);
            match state {
                Drag::Task { id, moved, element, .. } => {
                    let _ = element.style().remove_property("transform");
                    let _ = element.class_list().remove_1("dragging");
                    if !moved {
                        on_action.emit(Action::Select(Some(id)));
                        return;
                    }
                    if let Some((row, x_units)) = target {
                        if let Some(lane) = drop_lane(&scenario, row) {
                            let index = drop_index(&scenario.lanes()[lane], x_units, Some(id));
                            edit(Edit::MoveTask { id, lane, index });
                        }
                    }
                }
                Drag::Resize { id, x0, duration, moved, width0, element } => {
                    let _ = element.style().set_property("width", &width0);
                    let d = snap(duration + (x - x0) * units_per_px());
                    if moved && d != duration {
                        edit(Edit::ResizeTask { id, duration: d });
                    }
                }
                Drag::Palette { kind, moved, .. } => {
                    hide_carried(&carried);
                    // A press without a drag is a click, which the button handles.
                    if !moved {
                        return;
                    }
                    // Keep the click that may follow this drag from adding a second task.
                    suppress.set(e.time_stamp() + 500.0);
                    if let Some((row, x_units)) = target {
                        let inside = (0.0..scenario.lanes().len() as f64).contains(&row);
                        if let (true, Some(lane)) = (inside, drop_lane(&scenario, row)) {
                            let index = drop_index(&scenario.lanes()[lane], x_units, None);
                            edit(new_task(kind, lane, index));
                        }
                    }
                }
            }
        })
    };

    let on_cancel = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| {
            match drag.borrow_mut().take() {
                Some(Drag::Task { element, .. }) => {
                    let _ = element.style().remove_property("transform");
                    let _ = element.class_list().remove_1("dragging");
                }
                Some(Drag::Resize { width0, element, .. }) => {
                    let _ = element.style().set_property("width", &width0);
                }
                _ => {}
            }
            hide_carried(&carried);
        })
    };
    PointerHandlers {
        drag,
        on_move,
        on_up,
        on_cancel,
        suppress_click_until,
        on_action,
        locked: Rc::default(),
    }
}

#[function_component(ScenarioEditor)]
pub fn scenario_editor(props: &ScenarioEditorProps) -> Html {
    let lanes_ref = use_node_ref();
    let drag: Rc<RefCell<Option<Drag>>> = use_mut_ref(|| None);
    // The task being carried from the palette: moved by style writes, not re-renders, so a
    // drag stays smooth however many tasks the timeline holds.
    let carried = use_node_ref();
    // The lane that the palette's buttons add to (chosen beside them).
    let current_lane = use_state(|| 0usize);
    let add_lane_index = (*current_lane).min(props.scenario.lanes().len().saturating_sub(1));
    let on_lane_choice = {
        let current_lane = current_lane.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                current_lane.set(select.value().parse().unwrap_or(0));
            }
        })
    };
    let scenario = props.scenario.clone();
    let axis = axis_units(&scenario);
    let lane_count = scenario.lanes().len();
    let units = |n: f64| props.lesson.units(n);
    let edit = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Edit| on_action.emit(Action::Edit(e)))
    };

    // The pointer handlers are made once and read the latest scenario through `latest`, so
    // they stay the same callbacks across renders and unchanged tasks need no re-render.
    let latest = use_mut_ref(|| (scenario.clone(), axis, props.on_action.clone()));
    *latest.borrow_mut() = (scenario.clone(), axis, props.on_action.clone());
    let handlers = {
        let (drag, carried, lanes_ref, latest) =
            (drag.clone(), carried.clone(), lanes_ref.clone(), latest.clone());
        use_memo((), move |_| pointer_handlers(drag, carried, lanes_ref, latest))
    };
    handlers.locked.set(props.locked);

    let capture = |e: &PointerEvent| {
        if let Some(target) = e.target_dyn_into::<web_sys::Element>() {
            let _ = target.set_pointer_capture(e.pointer_id());
        }
    };

    // The palette: click or Enter adds to the current lane's end; dragging drops anywhere.
    let palette = PALETTE.iter().map(|&(kind, name, hint)| {
        let locked = props.locked;
        let pressed = drag.clone();
        let on_down = Callback::from(move |e: PointerEvent| {
            if locked || e.button() != 0 {
                return;
            }
            capture(&e);
            *pressed.borrow_mut() = Some(Drag::Palette {
                kind,
                x0: f64::from(e.client_x()),
                y0: f64::from(e.client_y()),
                moved: false,
            });
        });
        let on_click = {
            let drag = drag.clone();
            let edit = edit.clone();
            let on_action = props.on_action.clone();
            let scenario = scenario.clone();
            let lane = add_lane_index;
            let suppress = handlers.suppress_click_until.clone();
            Callback::from(move |e: MouseEvent| {
                // A press that never became a drag leaves its state behind: clear it.
                drag.borrow_mut().take();
                if e.time_stamp() < suppress.get() {
                    return; // the end of a drag, already handled
                }
                if scenario.lanes().is_empty() {
                    on_action.emit(Action::Edit(Edit::AddLane { name: "Lane 1".into() }));
                    edit.emit(new_task(kind, 0, 0));
                    return;
                }
                edit.emit(new_task(kind, lane, usize::MAX));
            })
        };
        html! {
            <button
                type="button"
                class={classes!("chip", format!("kind-{}", kind.as_str()))}
                title={format!("{name}: {hint}. Drag onto a lane, or press to add to the end of the chosen lane.")}
                aria-label={format!("Add {} task", kind.as_str())}
                aria-disabled={locked.to_string()}
                onpointerdown={on_down}
                onpointermove={handlers.on_move.clone()}
                onpointerup={handlers.on_up.clone()}
                onpointercancel={handlers.on_cancel.clone()}
                onclick={on_click}
            >
                { name }
            </button>
        }
    });

    let names = scenario.lanes().iter().enumerate().map(|(li, lane)| {
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
            <div class="ed-name" key={li} style={format!("height:{ROW_PX}px")}>
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

    let rows = (0..lane_count).map(|li| {
        html! { <div class="ed-row" key={format!("row-{li}")} style={format!("top:{}px;height:{ROW_PX}px", li as f64 * ROW_PX)}></div> }
    });

    // Every task in one flat list ordered by id, so a task that changes lane or position keeps
    // its element (and the keyboard focus) instead of being re-created.
    let mut placed: Vec<(usize, usize, f64, &crate::core::scenario::Task)> =
        Vec::with_capacity(scenario.task_count());
    for (li, lane) in scenario.lanes().iter().enumerate() {
        for ((ti, task), start) in lane.tasks.iter().enumerate().zip(offsets(lane)) {
            placed.push((li, ti, start, task));
        }
    }
    placed.sort_by_key(|p| p.3.id);
    let tasks = placed.into_iter().map(|(li, ti, start, task)| {
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
                duration_text={AttrValue::from(units(task.duration))}
                handlers={handlers.clone()}
            />
        }
    });

    let undo = props.on_action.reform(|_: MouseEvent| Action::Undo);
    let redo = props.on_action.reform(|_: MouseEvent| Action::Redo);
    let add_lane = {
        let edit = edit.clone();
        let name = format!("Lane {}", lane_count + 1);
        Callback::from(move |_: MouseEvent| edit.emit(Edit::AddLane { name: name.clone() }))
    };

    let clear = {
        let edit = edit.clone();
        Callback::from(move |_: MouseEvent| edit.emit(Edit::Clear))
    };

    let on_combine = {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            let value =
                e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
            if let Some(combine) = Combine::parse(&value) {
                edit.emit(Edit::SetCombine { combine });
            }
        })
    };
    let combine = scenario.combine();

    let selected_task = props.selected.and_then(|id| scenario.task(id)).map(|(_, t)| t.clone());
    let step = tick_step(axis, 12.0);
    let ticks = (0..).map(|i| i as f64 * step).take_while(|u| *u <= axis).map(|u| {
        html! { <span class="tick" style={format!("left:{:.3}%", u / axis * 100.0)}>{ u }</span> }
    });
    html! {
        <section class="editor" aria-labelledby="editor-title">
            <div class="ed-head">
                <h2 id="editor-title">{ "Scenario" }</h2>
                <div class="ed-tools">
                    <button type="button" class="quiet" onclick={undo} disabled={!props.can_undo || props.locked} title="Ctrl+Z">{ "Undo" }</button>
                    <button type="button" class="quiet" onclick={redo} disabled={!props.can_redo || props.locked} title="Ctrl+Shift+Z">{ "Redo" }</button>
                    <button type="button" class="quiet" onclick={add_lane} disabled={props.locked}>{ "Add lane" }</button>
                    <button type="button" class="quiet" onclick={clear} disabled={props.locked || lane_count == 0}>{ "Clear" }</button>
                </div>
            </div>
            <div class="palette" role="group" aria-label="Task kinds">
                <span class="palette-label">{ "Add a task:" }</span>
                { for palette }
                if lane_count > 0 {
                    <label class="palette-lane">
                        { "to " }
                        <select aria-label="Lane to add to" onchange={on_lane_choice} disabled={props.locked}>
                            { for scenario.lanes().iter().enumerate().map(|(li, lane)| html! {
                                <option value={li.to_string()} selected={li == add_lane_index}>{ &lane.name }</option>
                            }) }
                        </select>
                    </label>
                }
            </div>
            <p id="editor-keys" class="hint">
                { "Drag a kind onto a lane, or press it to add to the end of the lane chosen beside it. Drag a task to move it, its right edge to resize it. Keys on a task: arrows move it, Shift+arrows resize, Delete removes, Enter selects. Ctrl+Z undoes." }
            </p>
            <div class="ed-body">
                <div class="ed-names">{ for names }</div>
                <div class="ed-lanes" ref={lanes_ref} data-axis-units={axis.to_string()} style={format!("height:{}px", (lane_count.max(1)) as f64 * ROW_PX)}>
                    { for rows }
                    { for tasks }
                    if lane_count == 0 {
                        <p class="ed-empty">{ "No lanes yet: add one, then drag tasks onto it." }</p>
                    }
                </div>
            </div>
            <div class="ed-axis" aria-hidden="true"><div class="ed-axis-track">{ for ticks }</div></div>
            <label class="ed-combine">
                { "The run ends when" }
                <select onchange={on_combine} disabled={props.locked}>
                    <option value="join" selected={combine == Combine::Join}>{ "every lane has finished (join)" }</option>
                    <option value="try-join" selected={combine == Combine::TryJoin}>{ "every lane has finished, or one fails (try_join)" }</option>
                    <option value="select" selected={combine == Combine::Select}>{ "the first lane finishes; the rest are dropped (select)" }</option>
                </select>
            </label>
            <TaskInspector task={selected_task} lesson={props.lesson} locked={props.locked} on_action={props.on_action.clone()} />
            <p class="edit-note" aria-live="polite">{ &props.edit_note }</p>
            <div class="carried" ref={carried} hidden=true aria-hidden="true"></div>
        </section>
    }
}
