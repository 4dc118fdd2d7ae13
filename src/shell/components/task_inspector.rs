//! The side panel for the selected task: its label, kind, duration and, for work, how it
//! yields. Each change is one `Action::Edit`; bad values are refused by the core with a message.

use crate::core::edit::{Edit, GRID};
use crate::core::lesson::Lesson;
use crate::core::scenario::{Task, TaskKind, DEFAULT_BURST_MS, MAX_DURATION};
use crate::core::state::Action;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TaskInspectorProps {
    pub task: Option<Task>,
    pub lesson: &'static Lesson,
    pub locked: bool,
    pub on_action: Callback<Action>,
}

fn input_value(e: &Event) -> Option<String> {
    e.target_dyn_into::<HtmlInputElement>().map(|i| i.value())
}

/// A number from a form field; anything unreadable becomes NaN, which the core refuses with a
/// message naming the value.
fn number(text: &str) -> f64 {
    text.trim().parse().unwrap_or(f64::NAN)
}

#[function_component(TaskInspector)]
pub fn task_inspector(props: &TaskInspectorProps) -> Html {
    let Some(task) = props.task.clone() else {
        return html! {
            <aside class="inspector empty" aria-label="Selected task">
                <p>{ "Select a task (click it, or focus it and press Enter) to edit its label, kind and duration." }</p>
            </aside>
        };
    };
    let id = task.id;
    let emit = {
        let on_action = props.on_action.clone();
        move |edit: Edit| on_action.emit(Action::Edit(edit))
    };
    let on_label = {
        let emit = emit.clone();
        Callback::from(move |e: Event| {
            if let Some(label) = input_value(&e) {
                emit(Edit::SetLabel { id, label });
            }
        })
    };
    let current_burst = match task.kind {
        TaskKind::Work { burst_ms } => burst_ms,
        _ => DEFAULT_BURST_MS,
    };
    let on_kind = {
        let emit = emit.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            let kind = match select.value().as_str() {
                "request" => TaskKind::Request,
                "work" => TaskKind::Work {
                    burst_ms: if current_burst > 0.0 { current_burst } else { DEFAULT_BURST_MS },
                },
                _ => TaskKind::Wait,
            };
            emit(Edit::SetKind { id, kind });
        })
    };
    let on_duration = {
        let emit = emit.clone();
        Callback::from(move |e: Event| {
            if let Some(text) = input_value(&e) {
                emit(Edit::ResizeTask { id, duration: number(&text) });
            }
        })
    };
    let on_burst = {
        let emit = emit.clone();
        Callback::from(move |e: Event| {
            if let Some(text) = input_value(&e) {
                emit(Edit::SetKind { id, kind: TaskKind::Work { burst_ms: number(&text) } });
            }
        })
    };
    let on_delete = {
        let emit = emit.clone();
        Callback::from(move |_: MouseEvent| emit(Edit::DeleteTask { id }))
    };
    let locked = props.locked;
    let burst_field = match task.kind {
        TaskKind::Work { burst_ms } => html! {
            <label>
                { "Burst (ms; 0 = never yield)" }
                <input type="number" min="0" max="1000" step="1" value={burst_ms.to_string()} onchange={on_burst} disabled={locked} />
            </label>
        },
        _ => html! {},
    };
    html! {
        <aside class="inspector" aria-label="Selected task">
            <label>
                { "Label" }
                <input type="text" maxlength="120" value={task.label.clone()} onchange={on_label} disabled={locked} />
            </label>
            <label>
                { "Kind" }
                <select onchange={on_kind} disabled={locked}>
                    <option value="wait" selected={task.kind == TaskKind::Wait}>{ "Wait (timer)" }</option>
                    <option value="request" selected={task.kind == TaskKind::Request}>{ "Request (fetch + latency)" }</option>
                    <option value="work" selected={task.kind.is_cpu()}>{ "Work (CPU)" }</option>
                </select>
            </label>
            <label>
                { format!("Duration ({})", props.lesson.unit.1) }
                <input type="number" min={GRID.to_string()} max={MAX_DURATION.to_string()} step={GRID.to_string()} value={task.duration.to_string()} onchange={on_duration} disabled={locked} />
            </label>
            { burst_field }
            <button type="button" class="quiet danger" onclick={on_delete} disabled={locked}>{ "Delete task" }</button>
        </aside>
    }
}
