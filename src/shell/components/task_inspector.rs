//! The side panel for the selected task: its label, kind, duration and, for work, how it
//! yields and the data it hands a worker. One of the extras (`shell::extras`): each change is
//! one `Edit`, sent to the page (`inspector_host.rs`) as JSON (`Edit::to_json`); bad values are
//! refused by the core there, with a message.

use crate::core::edit::{Edit, GRID};
use crate::core::scenario::{Data, Task, TaskKind, YieldWith, DEFAULT_BURST_MS, MAX_DURATION};
use crate::shell::runtime::yield_now::has_scheduler_yield;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct TaskInspectorProps {
    pub task: Option<Task>,
    /// The lesson's unit, plural ("minutes").
    pub unit: AttrValue,
    pub locked: bool,
    pub on_edit: Callback<Edit>,
}

fn input_value(e: &Event) -> Option<String> {
    e.target_dyn_into::<HtmlInputElement>().map(|i| i.value())
}

/// A number from a form field; anything unreadable becomes NaN, which the core refuses with a
/// message naming the value.
fn number(text: &str) -> f64 {
    crate::core::number::parse(text.trim()).unwrap_or(f64::NAN)
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
        let on_edit = props.on_edit.clone();
        move |edit: Edit| on_edit.emit(edit)
    };
    let on_label = {
        let emit = emit.clone();
        Callback::from(move |e: Event| {
            if let Some(label) = input_value(&e) {
                emit(Edit::SetLabel { id, label });
            }
        })
    };
    let kind = task.kind;
    let on_kind = {
        let emit = emit.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            let new = match select.value().as_str() {
                "request" => TaskKind::REQUEST,
                "work" => TaskKind::work(DEFAULT_BURST_MS),
                "update" => TaskKind::Update { locked: false, read_after: false },
                _ => TaskKind::Wait,
            };
            emit(Edit::SetKind { id, kind: new });
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
    // The kind-specific options: each change is a `SetKind` with one field changed.
    let set_kind = {
        let emit = emit.clone();
        move |new: TaskKind| emit(Edit::SetKind { id, kind: new })
    };
    let on_burst = {
        let set_kind = set_kind.clone();
        Callback::from(move |e: Event| {
            if let (Some(text), TaskKind::Work { yields, data, .. }) = (input_value(&e), kind) {
                set_kind(TaskKind::Work { burst_ms: number(&text), yields, data });
            }
        })
    };
    let on_yield = {
        let set_kind = set_kind.clone();
        Callback::from(move |e: Event| {
            let value = e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
            if let (Some(yields), TaskKind::Work { burst_ms, data, .. }) = (YieldWith::parse(&value), kind) {
                set_kind(TaskKind::Work { burst_ms, yields, data });
            }
        })
    };
    // The data handed to a worker: its size, and whether it is copied or transferred.
    let set_data = |change: fn(&mut Data, &str)| {
        let set_kind = set_kind.clone();
        Callback::from(move |e: Event| {
            let value = input_value(&e)
                .or_else(|| e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value()))
                .unwrap_or_default();
            if let TaskKind::Work { burst_ms, yields, mut data } = kind {
                change(&mut data, &value);
                set_kind(TaskKind::Work { burst_ms, yields, data });
            }
        })
    };
    let on_data_mb = set_data(|data, text| data.mb = number(text));
    let on_send = set_data(|data, value| data.transfer = value == "transfer");
    let on_fails = {
        let set_kind = set_kind.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                set_kind(TaskKind::Request { fails: input.checked() });
            }
        })
    };
    // The two choices of an update, each kept as the other is changed.
    let update_check = |change: fn(&mut (bool, bool), bool)| {
        let set_kind = set_kind.clone();
        let kind = task.kind;
        Callback::from(move |e: Event| {
            if let (Some(input), TaskKind::Update { locked, read_after }) =
                (e.target_dyn_into::<HtmlInputElement>(), kind)
            {
                let mut both = (locked, read_after);
                change(&mut both, input.checked());
                set_kind(TaskKind::Update { locked: both.0, read_after: both.1 });
            }
        })
    };
    let on_lock = update_check(|both, on| both.0 = on);
    let on_read_after = update_check(|both, on| both.1 = on);
    let on_delete = {
        let emit = emit.clone();
        Callback::from(move |_: MouseEvent| emit(Edit::DeleteTask { id }))
    };
    let locked = props.locked;
    let kind_fields = match kind {
        TaskKind::Work { burst_ms, yields, data } => html! {
            <>
                <label>
                    { "Burst (ms; 0 = never yield)" }
                    <input type="number" min="0" max="1000" step="1" value={burst_ms.to_string()} onchange={on_burst} disabled={locked} />
                </label>
                <label>
                    { "Yield between bursts with" }
                    <select onchange={on_yield} disabled={locked || burst_ms <= 0.0}>
                        { for YieldWith::ALL.into_iter().map(|y| {
                            // Say so where the browser lacks scheduler.yield() and a
                            // MessageChannel message stands in for it.
                            let title = if y == YieldWith::SchedulerYield && !has_scheduler_yield() {
                                format!("{} (not in this browser: MessageChannel instead)", y.title())
                            } else {
                                y.title().to_string()
                            };
                            html! { <option value={y.as_str()} selected={y == yields}>{ title }</option> }
                        }) }
                    </select>
                </label>
                <label title="In workers mode, the data posted to the worker and back: an image's pixels, say">
                    { "Data for its worker (MB)" }
                    <input type="number" min="0" max="256" step="any" value={data.mb.to_string()} onchange={on_data_mb} disabled={locked} />
                </label>
                <label>
                    { "Send the data by" }
                    <select onchange={on_send} disabled={locked || data.mb <= 0.0}>
                        <option value="copy" selected={!data.transfer}>{ "copying it" }</option>
                        <option value="transfer" selected={data.transfer}>{ "transferring it" }</option>
                    </select>
                </label>
            </>
        },
        TaskKind::Request { fails } => html! {
            <label class="check">
                <input type="checkbox" checked={fails} onchange={on_fails} disabled={locked} />
                { "The request fails" }
            </label>
        },
        TaskKind::Update { locked: holds, read_after } => html! {
            <>
                <label class="check">
                    <input type="checkbox" checked={holds} onchange={on_lock} disabled={locked} />
                    { "Hold the lock while updating" }
                </label>
                <label class="check">
                    <input type="checkbox" checked={read_after} onchange={on_read_after} disabled={locked} />
                    { "Read the counter after the wait" }
                </label>
            </>
        },
        TaskKind::Wait => html! {},
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
                    <option value="wait" selected={kind == TaskKind::Wait}>{ "Wait (timer)" }</option>
                    <option value="request" selected={matches!(kind, TaskKind::Request { .. })}>{ "Request (fetch + latency)" }</option>
                    <option value="work" selected={kind.is_cpu()}>{ "Work (CPU)" }</option>
                    <option value="update" selected={matches!(kind, TaskKind::Update { .. })}>{ "Update (shared counter)" }</option>
                </select>
            </label>
            <label>
                { format!("Duration ({})", props.unit) }
                <input type="number" min={GRID.to_string()} max={MAX_DURATION.to_string()} step={GRID.to_string()} value={task.duration.to_string()} onchange={on_duration} disabled={locked} />
            </label>
            { kind_fields }
            <button type="button" class="quiet danger" onclick={on_delete} disabled={locked}>{ "Delete task" }</button>
        </aside>
    }
}
