//! The timeline as a table: an extra (`shell::extras`), shown in the place the timeline keeps
//! for it (`timeline/table.rs`) once "Tasks as a table" is opened. Its rows come as the page
//! wrote them ([`TableRow`], from `extras::table_arg`): the tasks around the selected one,
//! never thousands. Choosing a task's name selects it, as the keys on the canvas do.

use crate::core::format::Num;
use yew::prelude::*;

/// One task, as the table shows it.
#[derive(Clone, PartialEq)]
pub struct TableRow {
    pub id: u32,
    pub label: String,
    pub lane: String,
    pub kind: String,
    /// When the model says it runs ("0–400 ms", "never starts").
    pub predicted: String,
    pub predicted_end_ms: Option<f64>,
    pub predicted_outcome: String,
    /// When it ran ("0–506 ms", "never started", "not run yet").
    pub measured: String,
    pub measured_outcome: Option<String>,
    /// The selected task.
    pub current: bool,
}

#[derive(Properties, PartialEq)]
pub struct TasksTableProps {
    /// How many of the scenario's tasks the rows are.
    pub caption: String,
    pub rows: Vec<TableRow>,
    /// A task's name chosen: its id.
    pub on_pick: Callback<u32>,
}

#[function_component(TasksTable)]
pub fn tasks_table(props: &TasksTableProps) -> Html {
    let rows = props.rows.iter().map(|row| {
        let id = row.id;
        let on_pick = props.on_pick.reform(move |_: MouseEvent| id);
        html! {
            <tr data-task={id.to_string()} aria-current={row.current.then_some("true")}
                data-predicted-end-ms={row.predicted_end_ms.map(|ms| Num(ms).to_string())}
                data-predicted-outcome={row.predicted_outcome.clone()}
                data-measured-outcome={row.measured_outcome.clone()}>
                <th scope="row"><button type="button" class="link" onclick={on_pick}>{ &row.label }</button></th>
                <td>{ &row.lane }</td>
                <td>{ &row.kind }</td>
                <td>{ &row.predicted }</td>
                <td>{ &row.measured }</td>
            </tr>
        }
    });
    html! {
        <table class="tl-table">
            <caption>{ &props.caption }</caption>
            <thead><tr><th scope="col">{ "Task" }</th><th scope="col">{ "Lane" }</th><th scope="col">{ "Kind" }</th><th scope="col">{ "Predicted" }</th><th scope="col">{ "Measured" }</th></tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
