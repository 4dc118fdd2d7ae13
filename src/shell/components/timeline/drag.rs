//! The timeline's pointer state machine: moving a task, resizing it by its right edge, and
//! carrying a new one from the palette. Pointer events (mouse, pen and touch alike), not the
//! HTML5 drag-and-drop API, which touch screens do not support. While a task is dragged only
//! its own `transform` (or width) changes; the scenario changes once, on drop, as one
//! `Action::Edit`.

use super::geometry::ROW_PX;
use crate::core::edit::{snap, Edit};
use crate::core::format::{Fixed, Num};
use crate::core::layout::{drop_index, drop_lane};
use crate::core::scenario::{Scenario, TaskId, TaskKind};
use crate::core::state::Action;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// How far a pointer must travel before a press becomes a drag, in CSS pixels.
const DRAG_SLOP_PX: f64 = 4.0;

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
pub(super) fn new_task(kind: TaskKind, lane: usize, index: usize) -> Edit {
    let label = match kind {
        TaskKind::Wait => "Wait",
        TaskKind::Request { .. } => "Request",
        TaskKind::Update { .. } => "Update",
        TaskKind::Work { .. } => "Work",
    };
    Edit::AddTask { lane, index, kind, duration: 1.0, label: label.into() }
}

fn show_carried(node: &NodeRef, kind: TaskKind, x: f64, y: f64) {
    if let Some(el) = node.cast::<HtmlElement>() {
        el.set_class_name(&format!("carried kind-{}", kind.as_str()));
        el.set_text_content(Some(kind.as_str()));
        let _ = el.style().set_property("left", &format!("{}px", Num(x)));
        let _ = el.style().set_property("top", &format!("{}px", Num(y)));
        el.set_hidden(false);
    }
}

fn hide_carried(node: &NodeRef) {
    if let Some(el) = node.cast::<HtmlElement>() {
        el.set_hidden(true);
    }
}

/// The latest scenario, its editor axis (units) and the action callback.
pub(super) type Latest = Rc<RefCell<(Rc<Scenario>, f64, Callback<Action>)>>;

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

pub(super) fn pointer_handlers(
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
                    let _ = element.style().set_property(
                        "transform",
                        &format!("translate({}px, {}px)", Num(x - *x0), Num(y - *y0)),
                    );
                    let _ = element.class_list().add_1("dragging");
                }
                Some(Drag::Resize { x0, duration, moved, element, .. }) => {
                    if !*moved && (x - *x0).abs() < DRAG_SLOP_PX {
                        return;
                    }
                    *moved = true;
                    let d = snap(*duration + (x - *x0) * units_per_px());
                    let axis = latest.borrow().1;
                    let _ =
                        element.style().set_property("width", &format!("{}%", Fixed(d / axis * 100.0, 3)));
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
