//! Side by side: once two or more modes have run the scenario (one by one, or all at once by
//! `Compare all`), which finished first, which kept the page smoothest and which froze it, in
//! one sentence, and the runs as small multiples (one miniature timeline per mode, one axis).

use crate::core::compare::summary;
use crate::core::format::duration;
use crate::core::mode::Mode;
use crate::core::report::{MeasuredTask, RunReport};
use crate::core::timing::Span;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareAllProps {
    /// The latest run of each mode on the scenario as it is now.
    pub runs: Vec<Rc<RunReport>>,
    /// The end of the time axis all modes share, in milliseconds.
    pub axis_ms: f64,
}

/// Nothing until two modes have run the scenario as it is; then one sentence and the runs as
/// small multiples (their figures stand in the run strip, row by row).
#[function_component(CompareAll)]
pub fn compare_all(props: &CompareAllProps) -> Html {
    let runs: Vec<&RunReport> = props.runs.iter().map(|r| r.as_ref()).collect();
    if runs.len() < 2 {
        return Html::default();
    }
    html! {
        <section class="side-by-side" aria-labelledby="compare-title">
            <h2 id="compare-title">{ "Side by side" }</h2>
            <p class="compare-summary">{ summary(&runs) }</p>
            { multiples(&runs, props.axis_ms) }
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
                html! { <div class={classes!("sm-bar", format!("kind-{}", t.kind.as_str()))} style={place(&t.span)}></div> }
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
