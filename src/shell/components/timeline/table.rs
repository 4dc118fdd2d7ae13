//! The timeline as a table, on demand: the tasks around the selected one (never thousands of
//! hidden rows), each with its lane, kind, prediction and measurement. Built only while it is
//! open. Choosing a task's name selects it, as the keys on the canvas do.

use crate::core::browse::{around, ending, range};
use crate::core::format::Num;
use crate::core::predict::Prediction;
use crate::core::report::RunReport;
use crate::core::scenario::{Scenario, TaskId};
use crate::core::state::Action;
use crate::core::timing::Outcome;
use crate::shell::components::same::Same;
use std::rc::Rc;
use yew::prelude::*;

/// Rows either side of the selected task.
const AROUND: usize = 10;

#[derive(Properties, PartialEq)]
pub struct TaskTableProps {
    pub scenario: Rc<Scenario>,
    pub prediction: Rc<Prediction>,
    pub report: Option<Same<RunReport>>,
    pub selected: Option<TaskId>,
    pub on_action: Callback<Action>,
}

#[function_component(TaskTable)]
pub fn task_table(props: &TaskTableProps) -> Html {
    let open = use_state(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            open.set(e.target_dyn_into::<web_sys::HtmlDetailsElement>().is_some_and(|d| d.open()));
        })
    };
    let rows = (*open).then(|| {
        let s = &props.scenario;
        let ids = around(s, props.selected, AROUND);
        let rows = ids.iter().filter_map(|&id| {
            let (li, task) = s.task(id)?;
            let predicted = props.prediction.timing(id);
            let measured = props.report.as_ref().and_then(|r| r.tasks.iter().find(|t| t.id == id));
            let on_pick = props.on_action.reform(move |_: MouseEvent| Action::Select(Some(id)));
            Some(html! {
                <tr data-task={id.0.to_string()} aria-current={(props.selected == Some(id)).then_some("true")}
                    data-predicted-end-ms={predicted.map(|t| Num(t.span.end_ms).to_string())}
                    data-predicted-outcome={predicted.map_or(Outcome::Skipped, |t| t.outcome).as_str()}
                    data-measured-outcome={measured.map(|m| m.outcome.as_str())}>
                    <th scope="row"><button type="button" class="link" onclick={on_pick}>{ &task.label }</button></th>
                    <td>{ &s.lanes()[li].name }</td>
                    <td>{ task.kind.as_str() }</td>
                    <td>{ match predicted {
                        Some(t) if t.outcome == Outcome::Skipped => "never starts".to_string(),
                        Some(t) => format!("{}{}", range(&t.span), ending(t.outcome)),
                        None => "\u{2014}".to_string(),
                    } }</td>
                    <td>{ match (measured, &props.report) {
                        (Some(m), _) => format!("{}{}", range(&m.span), ending(m.outcome)),
                        (None, Some(_)) => "never started".to_string(),
                        (None, None) => "not run yet".to_string(),
                    } }</td>
                </tr>
            })
        });
        html! {
            <table class="tl-table">
                <caption>{ format!("{} of the {} tasks, around the selected one", ids.len(), s.task_count()) }</caption>
                <thead><tr><th scope="col">{ "Task" }</th><th scope="col">{ "Lane" }</th><th scope="col">{ "Kind" }</th><th scope="col">{ "Predicted" }</th><th scope="col">{ "Measured" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        }
    });
    html! {
        <details class="tl-tasks" ontoggle={on_toggle}>
            <summary>{ "Tasks as a table" }</summary>
            { rows.unwrap_or_default() }
        </details>
    }
}
