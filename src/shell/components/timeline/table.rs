//! Where the timeline as a table stands, on demand: the tasks around the selected one (never
//! thousands of hidden rows), each with its lane, kind, prediction and measurement. The page
//! writes the rows; the table itself (`tasks_table.rs`) comes with the extras, loaded when it
//! is first opened, and sends back the id of a task whose name is chosen.

use crate::core::browse::{around, ending, range};
use crate::core::predict::Prediction;
use crate::core::report::RunReport;
use crate::core::scenario::{Scenario, TaskId};
use crate::core::state::Action;
use crate::core::timing::Outcome;
use crate::shell::components::extra_host::{Answer, Arg, ExtraHost};
use crate::shell::components::memo::Inputs;
use crate::shell::components::same::Same;
use crate::shell::components::tasks_table::TableRow;
use crate::shell::extras::table_arg;
use std::rc::Rc;
use yew::prelude::*;

/// Rows either side of the selected task.
const AROUND: usize = 10;

pub struct TableHostProps {
    pub scenario: Rc<Scenario>,
    pub prediction: Rc<Prediction>,
    pub report: Option<Same<RunReport>>,
    pub selected: Option<TaskId>,
    pub on_action: Callback<Action>,
}

/// The table's argument: the tasks around the selection, as rows.
fn arg(props: &TableHostProps) -> String {
    let s = &props.scenario;
    let ids = around(s, props.selected, AROUND);
    let rows = ids.iter().filter_map(|&id| {
        let (li, task) = s.task(id)?;
        let predicted = props.prediction.timing(id);
        let measured = props.report.as_ref().and_then(|r| r.tasks.iter().find(|t| t.id == id));
        Some(TableRow {
            id: id.0,
            label: task.label.clone(),
            lane: s.lanes()[li].name.clone(),
            kind: task.kind.as_str().into(),
            predicted: match predicted {
                Some(t) if t.outcome == Outcome::Skipped => "never starts".into(),
                Some(t) => format!("{}{}", range(&t.span), ending(t.outcome)),
                None => "\u{2014}".into(),
            },
            predicted_end_ms: predicted.map(|t| t.span.end_ms),
            predicted_outcome: predicted.map_or(Outcome::Skipped, |t| t.outcome).as_str().into(),
            measured: match (measured, &props.report) {
                (Some(m), _) => format!("{}{}", range(&m.span), ending(m.outcome)),
                (None, Some(_)) => "never started".into(),
                (None, None) => "not run yet".into(),
            },
            measured_outcome: measured.map(|m| m.outcome.as_str().into()),
            current: props.selected == Some(id),
        })
    });
    let caption = format!("{} of the {} tasks, around the selected one", ids.len(), s.task_count());
    table_arg(&caption, rows)
}

pub fn table_host(props: TableHostProps) -> Html {
    // Made again only for another scenario, prediction, run or selection: not when the
    // timeline is drawn again for a scroll or a zoom.
    let inputs = Inputs::default()
        .shared(&props.scenario)
        .shared(&props.prediction)
        .value(props.selected.map_or(u64::MAX, |id| u64::from(id.0)));
    let inputs = props.report.iter().fold(inputs, |i, r| i.shared(&r.0));
    let on_action = props.on_action.clone();
    let arg = Arg::new(inputs, move || arg(&props));
    // The extra loads when the table is first shown: a closed `<details>` shows nothing of it.
    html! {
        <details class="tl-tasks">
            <summary>{ "Tasks as a table" }</summary>
            <ExtraHost kind="table" class="tl-table-host" {arg} when_near=true answer={Some((Answer::Pick, on_action))}>
                <p class="booting-extra">{ "Loading the table\u{2026}" }</p>
            </ExtraHost>
        </details>
    }
}
