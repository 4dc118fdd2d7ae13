//! One task on the timeline, where it is planned. A component of its own so that an edit re-renders only
//! the tasks whose props changed, which keeps a 1,000-task timeline responsive.
//!
//! Pointer: a press starts a move (or, on the right-edge grip, a resize) handled by the
//! timeline's shared pointer handlers. Keys: arrows move, Shift+arrows resize, Delete removes,
//! Enter or Space selects.

use super::drag::{Drag, PointerHandlers};
use super::geometry::{ROW_PX, TASK_TOP_PX};
use crate::core::edit::{Edit, GRID};
use crate::core::format::{Fixed, Num};
use crate::core::scenario::Task;
use crate::core::state::Action;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct EditorTaskProps {
    pub task: Task,
    pub lane: usize,
    pub index: usize,
    pub lane_len: usize,
    pub lane_count: usize,
    pub lane_name: AttrValue,
    /// Where the task starts in its lane, and the axis length, in units.
    pub start: f64,
    pub axis: f64,
    pub selected: bool,
    /// Whether the learner may edit: otherwise the task only shows where it is planned.
    pub editable: bool,
    /// The duration in the lesson's words ("2 minutes").
    pub duration_text: AttrValue,
    pub handlers: Rc<PointerHandlers>,
}

impl PartialEq for EditorTaskProps {
    fn eq(&self, other: &Self) -> bool {
        self.task == other.task
            && (self.lane, self.index, self.lane_len, self.lane_count)
                == (other.lane, other.index, other.lane_len, other.lane_count)
            && self.lane_name == other.lane_name
            && self.start == other.start
            && self.axis == other.axis
            && self.selected == other.selected
            && self.editable == other.editable
            && self.duration_text == other.duration_text
            && Rc::ptr_eq(&self.handlers, &other.handlers)
    }
}

#[function_component(EditorTask)]
pub fn editor_task(props: &EditorTaskProps) -> Html {
    let task = &props.task;
    let (id, duration) = (task.id, task.duration);
    let (li, ti, lane_len, lane_count) = (props.lane, props.index, props.lane_len, props.lane_count);
    let h = &props.handlers;
    let on_down = {
        let drag = h.drag.clone();
        let locked = h.locked.clone();
        Callback::from(move |e: PointerEvent| {
            let locked = locked.get();
            if e.button() != 0 {
                return;
            }
            // Yew delegates events to the app's root, so `current_target` is not the task:
            // find it from the element under the pointer.
            let Some(target) = e.target_dyn_into::<web_sys::Element>() else { return };
            let on_grip = target.class_list().contains("grip");
            let Some(element) = target
                .closest(".ed-task")
                .ok()
                .flatten()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(t).ok())
            else {
                return;
            };
            let _ = element.set_pointer_capture(e.pointer_id());
            let (x0, y0) = (f64::from(e.client_x()), f64::from(e.client_y()));
            *drag.borrow_mut() = Some(if on_grip && !locked {
                let width0 = element.style().get_property_value("width").unwrap_or_default();
                Drag::Resize { id, x0, duration, moved: false, width0, element }
            } else {
                // During a run (locked) a press only selects: it never moves the task.
                Drag::Task { id, x0, y0, moved: false, locked, element }
            });
        })
    };
    let editable = props.editable;
    let on_key = {
        let on_action = h.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            if !editable {
                return;
            }
            let shift = e.shift_key();
            let edit = match e.key().as_str() {
                // Relative edits, applied to the scenario as it is by then: presses faster than
                // the page redraws all count.
                "ArrowLeft" if shift => Some(Edit::ResizeBy { id, by: -GRID }),
                "ArrowRight" if shift => Some(Edit::ResizeBy { id, by: GRID }),
                "ArrowLeft" if ti > 0 => Some(Edit::Nudge { id, lanes: 0, places: -1 }),
                "ArrowRight" if ti + 1 < lane_len => Some(Edit::Nudge { id, lanes: 0, places: 1 }),
                "ArrowUp" if li > 0 => Some(Edit::Nudge { id, lanes: -1, places: 0 }),
                "ArrowDown" if li + 1 < lane_count => Some(Edit::Nudge { id, lanes: 1, places: 0 }),
                "Delete" | "Backspace" => Some(Edit::DeleteTask { id }),
                "Enter" | " " => {
                    e.prevent_default();
                    on_action.emit(Action::Select(Some(id)));
                    None
                }
                _ => return,
            };
            e.prevent_default();
            if let Some(edit) = edit {
                on_action.emit(Action::Edit(edit));
            }
        })
    };
    html! {
        <div
            role="button"
            data-task-id={id.0.to_string()}
            tabindex={if editable { "0" } else { "-1" }}
            aria-pressed={props.selected.to_string()}
            class={format!("ed-task kind-{}{}", task.kind.as_str(), if props.selected { " selected" } else { "" })}
            style={format!(
                "left:{}%;width:{}%;top:{}px",
                Fixed(props.start / props.axis * 100.0, 3),
                Fixed(duration / props.axis * 100.0, 3),
                Num(li as f64 * ROW_PX + TASK_TOP_PX)
            )}
            aria-label={format!(
                "{}: {}, {}, lane {}, {} of {}",
                task.label, task.kind.as_str(), props.duration_text, props.lane_name, ti + 1, lane_len
            )}
            aria-describedby={editable.then_some("editor-keys")}
            onpointerdown={on_down}
            onpointermove={h.on_move.clone()}
            onpointerup={h.on_up.clone()}
            onpointercancel={h.on_cancel.clone()}
            onkeydown={on_key}
        >
            <span class="ed-label">{ &task.label }</span>
            <span class="grip" aria-hidden="true" title="Drag to change the duration"></span>
        </div>
    }
}
