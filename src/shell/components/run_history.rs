//! Every run of this session, side by side, oldest first.

use crate::core::format::Num;
use crate::core::format::{duration, ratio};
use crate::core::report::RunReport;
use crate::core::stats::NOTICEABLE_FREEZE_MS;
use crate::shell::components::same::Same;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RunHistoryProps {
    pub runs: Vec<Same<RunReport>>,
}

#[function_component(RunHistory)]
pub fn run_history(props: &RunHistoryProps) -> Html {
    if props.runs.is_empty() {
        return html! {};
    }
    let rows = props.runs.iter().enumerate().map(|(i, r)| {
        html! {
            <tr key={i}>
                <th scope="row">{ i + 1 }</th>
                <td>{ if r.scenario_name.is_empty() { "\u{2014}" } else { r.scenario_name.as_str() } }</td>
                <td>{ r.mode.title() }</td>
                <td>{ duration(r.total_ms) }</td>
                <td>{ duration(r.predicted_ms) }</td>
                <td>{ ratio(r.ratio()) }</td>
                <td class={classes!((r.longest_freeze_ms() > NOTICEABLE_FREEZE_MS).then_some("bad"))}>{ duration(r.longest_freeze_ms()) }</td>
                <td>{ r.frames.late_frames }</td>
                <td>{ r.worst_input_delay_ms.map_or_else(|| "\u{2014}".to_string(), duration) }</td>
                <td>{ r.long_tasks }</td>
                <td>{ r.counter.map_or_else(|| "\u{2014}".to_string(), |c| c.to_string()) }</td>
                <td>{ format!("{} ms", Num(r.scale)) }</td>
            </tr>
        }
    });
    html! {
        <section class="history" aria-labelledby="history-title">
            <h2 id="history-title">{ "Runs this session" }</h2>
            // Focusable, so a keyboard user can scroll it when it is wider than the page.
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="history-title">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ "#" }</th>
                            <th scope="col">{ "Scenario" }</th>
                            <th scope="col">{ "Mode" }</th>
                            <th scope="col">{ "Measured" }</th>
                            <th scope="col">{ "Predicted" }</th>
                            <th scope="col">{ "Ratio" }</th>
                            <th scope="col">{ "Longest frame gap" }</th>
                            <th scope="col">{ "Frames over 50 ms" }</th>
                            <th scope="col">{ "Worst input delay" }</th>
                            <th scope="col">{ "Long tasks" }</th>
                            <th scope="col">{ "Counter" }</th>
                            <th scope="col">{ "Scale" }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
