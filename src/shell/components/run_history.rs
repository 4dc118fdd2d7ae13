//! Every run of this session, side by side, oldest first: an extra (`shell::extras`), shown in
//! the place `history_host.rs` keeps for it once there is a run. Its rows come as the figures
//! the page measured ([`HistoryRow`], from `extras::history_arg`).

use crate::core::format::Num;
use crate::core::format::{duration, ratio};
use crate::core::stats::NOTICEABLE_FREEZE_MS;
use yew::prelude::*;

/// One run, as the table shows it.
#[derive(Clone, PartialEq)]
pub struct HistoryRow {
    pub scenario_name: String,
    pub mode_title: String,
    pub total_ms: f64,
    pub predicted_ms: f64,
    pub ratio: f64,
    pub longest_freeze_ms: f64,
    pub late_frames: u64,
    pub worst_input_delay_ms: Option<f64>,
    pub long_tasks: u64,
    pub counter: Option<i64>,
    pub scale: f64,
}

/// The table's columns, in order.
const HEADINGS: [&str; 12] = [
    "#",
    "Scenario",
    "Mode",
    "Measured",
    "Predicted",
    "Ratio",
    "Longest frame gap",
    "Frames over 50 ms",
    "Worst input delay",
    "Long tasks",
    "Counter",
    "Scale",
];

#[derive(Properties, PartialEq)]
pub struct RunHistoryProps {
    pub rows: Vec<HistoryRow>,
}

#[function_component(RunHistory)]
pub fn run_history(props: &RunHistoryProps) -> Html {
    let rows = props.rows.iter().enumerate().map(|(i, r)| {
        html! {
            <tr key={i}>
                <th scope="row">{ i + 1 }</th>
                <td>{ if r.scenario_name.is_empty() { "\u{2014}" } else { r.scenario_name.as_str() } }</td>
                <td>{ r.mode_title.as_str() }</td>
                <td>{ duration(r.total_ms) }</td>
                <td>{ duration(r.predicted_ms) }</td>
                <td>{ ratio(r.ratio) }</td>
                <td class={classes!((r.longest_freeze_ms > NOTICEABLE_FREEZE_MS).then_some("bad"))}>{ duration(r.longest_freeze_ms) }</td>
                <td>{ r.late_frames }</td>
                <td>{ r.worst_input_delay_ms.map_or_else(|| "\u{2014}".to_string(), duration) }</td>
                <td>{ r.long_tasks }</td>
                <td>{ r.counter.map_or_else(|| "\u{2014}".to_string(), |c| c.to_string()) }</td>
                <td>{ format!("{} ms", Num(r.scale)) }</td>
            </tr>
        }
    });
    html! {
        // Focusable, so a keyboard user can scroll it when it is wider than the page.
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="history-title">
            <table>
                <thead>
                    <tr>{ for HEADINGS.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
