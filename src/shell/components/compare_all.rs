//! `Compare all`: runs every mode one after another on the scenario, then sets the latest run
//! of each side by side, as one table and as small multiples (one miniature timeline per mode,
//! on one time axis).

use crate::core::compare::summary;
use crate::core::format::duration;
use crate::core::lesson::Lesson;
use crate::core::mode::Mode;
use crate::core::predict::Span;
use crate::core::report::{MeasuredTask, RunReport};
use crate::core::stats::NOTICEABLE_FREEZE_MS;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareAllProps {
    /// The latest run of each mode on the scenario as it is now.
    pub runs: Vec<Rc<RunReport>>,
    /// The end of the time axis all modes share, in milliseconds.
    pub axis_ms: f64,
    pub lesson: &'static Lesson,
    pub running: bool,
    pub on_compare: Callback<()>,
}

#[function_component(CompareAll)]
pub fn compare_all(props: &CompareAllProps) -> Html {
    let on_click = props.on_compare.reform(|_: MouseEvent| ());
    let runs: Vec<&RunReport> = props.runs.iter().map(|r| r.as_ref()).collect();
    let compared = (runs.len() >= 2).then(|| {
        let rows = runs.iter().map(|r| {
            let frozen = r.longest_freeze_ms() > NOTICEABLE_FREEZE_MS;
            html! {
                <tr data-mode={r.mode.as_str()}>
                    <th scope="row">{ r.mode.title() }</th>
                    <td>
                        { duration(r.total_ms) }
                        // In the story's units too, where they are not plain seconds.
                        if props.lesson.unit.0 != "second" {
                            <span class="units">{ format!(" \u{2248} {}", props.lesson.units(r.total_ms / r.scale)) }</span>
                        }
                    </td>
                    <td class={classes!(frozen.then_some("bad"))}>{ duration(r.longest_freeze_ms()) }</td>
                    <td>{ r.frames.late_frames }</td>
                    <td>{ r.worst_input_delay_ms.map_or_else(|| "no input".to_string(), duration) }</td>
                </tr>
            }
        });
        html! {
            <>
                <p class="compare-summary">{ summary(&runs) }</p>
                <table class="compare-table">
                    <caption class="sr-only">{ "The latest run of each mode on this scenario" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Mode" }</th>
                            <th scope="col">{ "Total" }</th>
                            <th scope="col">{ "Longest frame gap" }</th>
                            <th scope="col">{ "Frames over 50 ms" }</th>
                            <th scope="col">{ "Worst input delay" }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
                { multiples(&runs, props.axis_ms) }
            </>
        }
    });
    html! {
        <section class="compare" aria-labelledby="compare-title">
            <div class="compare-head">
                <h2 id="compare-title">{ "Side by side" }</h2>
                <button type="button" class="run compare-run" aria-disabled={props.running.to_string()} onclick={on_click}>
                    { "Compare all" }
                </button>
            </div>
            <p class="fine">
                { "Runs the scenario blocking, then async, then in workers, one after another, and sets the three runs side by side. A blocking run longer than the cap is left out." }
            </p>
            { compared.unwrap_or_else(|| html! {
                <p class="compare-empty">{ "Nothing to compare yet: press Compare all, or run this scenario in two modes." }</p>
            }) }
        </section>
    }
}

/// One miniature timeline per run, on one axis: a thin line per lane, the main thread (red
/// where no frame was drawn) and, for workers, a line per worker.
fn multiples(runs: &[&RunReport], axis_ms: f64) -> Html {
    let axis = runs.iter().map(|r| r.total_ms).fold(axis_ms, f64::max).max(1.0);
    let place = |span: &Span| {
        format!(
            "left:{:.3}%;width:{:.3}%",
            span.start_ms / axis * 100.0,
            ((span.end_ms - span.start_ms) / axis * 100.0).max(0.4)
        )
    };
    let panels = runs.iter().map(|r| {
        // Tasks grouped by lane and by worker in one pass (a filter per lane would be
        // quadratic on a scenario of thousands of one-task lanes).
        let workers = r.pool.map(|p| p.size).unwrap_or(0);
        let mut by_lane: Vec<Vec<&MeasuredTask>> = vec![Vec::new(); r.scenario.lanes().len()];
        let mut by_worker: Vec<Vec<&MeasuredTask>> = vec![Vec::new(); workers];
        for t in &r.tasks {
            if let Some(lane) = by_lane.get_mut(t.lane) {
                lane.push(t);
            }
            if let Some(worker) = t.worker.and_then(|w| by_worker.get_mut(w)) {
                worker.push(t);
            }
        }
        let lanes = by_lane.iter().map(|tasks| {
            let bars = tasks.iter().map(|t| {
                html! { <div class={classes!("sm-bar", format!("kind-{}", t.kind))} style={place(&t.span)}></div> }
            });
            html! { <div class="sm-line">{ for bars }</div> }
        });
        let frozen = r.freezes.iter().map(|span| html! { <div class="sm-bar frozen" style={place(span)}></div> });
        let busy = r.busy.iter().map(|span| html! { <div class="sm-bar busy" style={place(span)}></div> });
        let worker_lines = by_worker.iter().map(|tasks| {
            let bars = tasks.iter().map(|t| {
                html! { <div class={classes!("sm-bar", "kind-work")} style={place(&t.span)}></div> }
            });
            html! { <div class="sm-line sm-worker">{ for bars }</div> }
        });
        html! {
            <div class="sm-panel" data-mode={r.mode.as_str()}>
                <div class="sm-name"><strong>{ r.mode.title() }</strong><span>{ duration(r.total_ms) }</span></div>
                <div class="sm-plot">
                    { for lanes }
                    <div class="sm-line sm-main">{ for busy }{ for frozen }</div>
                    { for worker_lines }
                </div>
            </div>
        }
    });
    let mode_list = runs.iter().map(|r| r.mode.as_str()).collect::<Vec<_>>().join(", ");
    html! {
        <figure class="multiples">
            <div aria-hidden="true">{ for panels }</div>
            <figcaption>
                { format!("The {mode_list} runs on one time axis of {}: a thin line per lane, then the main thread (", duration(axis)) }
                <span class="key key-frozen">{ "red: no frame drawn" }</span>
                { ")" }
                { if runs.iter().any(|r| r.mode == Mode::Workers) { ", then each worker." } else { "." } }
            </figcaption>
        </figure>
    }
}
