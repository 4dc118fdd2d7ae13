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
    "Frames over 50\u{a0}ms",
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
        let none = || "\u{2014}".to_string();
        let frozen = r.longest_freeze_ms > NOTICEABLE_FREEZE_MS;
        let cells = [
            (if r.scenario_name.is_empty() { none() } else { r.scenario_name.clone() }, false),
            (r.mode_title.clone(), false),
            (duration(r.total_ms), false),
            (duration(r.predicted_ms), false),
            (ratio(r.ratio), false),
            (duration(r.longest_freeze_ms), frozen),
            (r.late_frames.to_string(), false),
            (r.worst_input_delay_ms.map_or_else(none, duration), false),
            (r.long_tasks.to_string(), false),
            (r.counter.map_or_else(none, |c| c.to_string()), false),
            (format!("{} ms", Num(r.scale)), false),
        ];
        // Each cell carries its column's heading: a phone shows every run as a card of labelled
        // figures, not a table twelve columns wide (extras.css).
        let cells = cells.into_iter().zip(&HEADINGS[1..]).map(|((text, bad), heading)| {
            html! { <td data-label={*heading} class={classes!(bad.then_some("bad"))}>{ text }</td> }
        });
        html! {
            <tr key={i}>
                <th scope="row" data-label="Run">{ i + 1 }</th>
                { for cells }
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
