//! A timeline: one row per lane plus the main thread, predicted bars outlined and measured
//! bars filled, on a time axis shared with the other mode.

use crate::core::format::{duration, tick_step};
use crate::core::lesson::Lesson;
use crate::core::mode::Mode;
use crate::core::predict::{Outcome, Prediction, Span, TaskTiming};
use crate::core::report::RunReport;
use crate::core::scenario::Scenario;
use crate::core::scenario::TaskId;
use std::collections::HashMap;
use std::rc::Rc;

/// A bar shows its label only if it spans at least this share of the axis.
const LABEL_MIN_FRACTION: f64 = 0.06;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub scenario: Rc<Scenario>,
    pub prediction: Rc<Prediction>,
    pub report: Option<Rc<RunReport>>,
    pub mode: Mode,
    pub axis_ms: f64,
    pub lesson: &'static Lesson,
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let axis = props.axis_ms.max(1.0);
    let place = |span: &Span| {
        format!(
            "left:{:.3}%;width:{:.3}%",
            span.start_ms / axis * 100.0,
            ((span.end_ms - span.start_ms) / axis * 100.0).max(0.3)
        )
    };
    let range = |span: &Span| format!("{} to {}", duration(span.start_ms), duration(span.end_ms));

    // Bars carry no text for screen readers: the figure is a picture of figures that the
    // caption, the results and the history give in words. Labels only where they fit.
    let predicted: HashMap<TaskId, (Span, Outcome)> =
        props.prediction.tasks.iter().map(|t| (t.id, (t.span, t.outcome))).collect();
    // Measured bars belong to the scenario that was run: after an edit they are not drawn.
    let current = props.report.as_ref().filter(|r| Rc::ptr_eq(&r.scenario, &props.scenario));
    let measured: HashMap<TaskId, (Span, Outcome)> =
        current.iter().flat_map(|r| r.tasks.iter()).map(|t| (t.id, (t.span, t.outcome))).collect();
    // How a bar that did not simply finish says so, in its class and its tooltip.
    let ending = |outcome: Outcome| match outcome {
        Outcome::Done => ("", ""),
        Outcome::Failed => ("failed", " (failed)"),
        Outcome::Cancelled => ("cancelled", " (cancelled: dropped unfinished)"),
        Outcome::Skipped => ("skipped", " (never started)"),
    };
    let lanes = props.scenario.lanes().iter().enumerate().map(|(li, lane)| {
        let bars = lane.tasks.iter().map(|task| {
            let kind = format!("kind-{}", task.kind.as_str());
            // A task the model says never starts has no predicted bar.
            let ghost = predicted.get(&task.id).filter(|(_, o)| *o != Outcome::Skipped).map(|(span, outcome)| {
                let labelled = (span.end_ms - span.start_ms) / axis > LABEL_MIN_FRACTION;
                let (class, note) = ending(*outcome);
                html! {
                    <div class={classes!("bar", "ghost", kind.clone(), class)} style={place(span)} title={format!("{}: predicted {}{note}", task.label, range(span))}
                        data-task={task.id.0.to_string()} data-end-ms={span.end_ms.to_string()} data-outcome={outcome.as_str()}>
                        if labelled { <span class="bar-label">{ &task.label }</span> }
                    </div>
                }
            });
            // Every task has a measured bar, empty until measured.
            let (style, title, outcome) = match measured.get(&task.id) {
                Some((span, outcome)) => {
                    let note = ending(*outcome).1;
                    (place(span), format!("{}: measured {}{note}", task.label, range(span)), Some(*outcome))
                }
                None => ("left:0%;width:0%".to_string(), String::new(), None),
            };
            let class = outcome.map(|o| ending(o).0);
            html! {
                <>
                    { ghost }
                    <div class={classes!("bar", "measured", kind, class)} data-task={task.id.0.to_string()} data-outcome={outcome.map(Outcome::as_str)} {style} {title}></div>
                </>
            }
        });
        html! {
            <div class="tl-row tl-lane" key={li}>
                <div class="tl-name">{ &lane.name }</div>
                <div class="tl-track">{ for bars }</div>
            </div>
        }
    });

    let busy = props.prediction.busy.iter().map(|span| html! {
        <div class="bar ghost busy" style={place(span)} title={format!("Main thread busy (predicted) {}", range(span))}></div>
    });
    let measured_busy = current.iter().flat_map(|r| r.busy.iter()).map(|span| {
        html! {
            <div class="bar measured busy" style={place(span)} title={format!("Main thread busy with the run's work {}", range(span))}></div>
        }
    });
    let freezes = current.iter().flat_map(|r| r.freezes.iter()).map(|span| html! {
        <div class="bar measured frozen" style={place(span)} title={format!("No frame drawn for {}", duration(span.end_ms - span.start_ms))}></div>
    });
    // Workers mode: a row per worker, showing which ran what.
    let worker_count = if props.mode == Mode::Workers {
        props.prediction.workers.max(current.and_then(|r| r.pool).map_or(0, |p| p.size))
    } else {
        0
    };
    // The prediction lists the tasks in lane order, as the scenario does: zipped, each worker's
    // ghost gets its label without a search per task.
    let offloaded: Vec<(&str, &TaskTiming)> = props
        .scenario
        .tasks()
        .zip(&props.prediction.tasks)
        .filter(|(_, t)| t.worker.is_some())
        .map(|((_, task), t)| (task.label.as_str(), t))
        .collect();
    let worker_rows = (0..worker_count).map(|w| {
        let ghosts = offloaded.iter().filter(|(_, t)| t.worker == Some(w)).map(|&(label, t)| {
            let labelled = (t.span.end_ms - t.span.start_ms) / axis > LABEL_MIN_FRACTION;
            html! {
                <div class="bar ghost kind-work" style={place(&t.span)} title={format!("{label}: predicted on worker {} {}", w + 1, range(&t.span))}>
                    if labelled { <span class="bar-label">{ label }</span> }
                </div>
            }
        });
        let bars = current.iter().flat_map(|r| r.tasks.iter()).filter(|t| t.worker == Some(w)).map(|t| {
            html! {
                <div class="bar measured kind-work" style={place(&t.span)} title={format!("{}: ran on worker {} {}", t.label, w + 1, range(&t.span))}></div>
            }
        });
        html! {
            <div class="tl-row tl-worker" key={format!("worker-{w}")}>
                <div class="tl-name">{ format!("Worker {}", w + 1) }</div>
                <div class="tl-track">{ for ghosts }{ for bars }</div>
            </div>
        }
    });
    let mut summary = match current {
        Some(r) => format!(
            "Timeline, {} mode: predicted {}, measured {}; the page went without a frame for up to {}.",
            props.mode,
            duration(props.prediction.total_ms),
            duration(r.total_ms),
            duration(r.longest_freeze_ms())
        ),
        None => format!(
            "Timeline, {} mode: predicted {}; not run yet.",
            props.mode,
            duration(props.prediction.total_ms)
        ),
    };

    if worker_count > 0 {
        let on_workers = current.map_or(0, |r| r.tasks.iter().filter(|t| t.worker.is_some()).count());
        summary.push_str(&format!(
            " A row per worker shows which of the {worker_count} ran each work task{}.",
            if current.is_some() { format!("; {on_workers} ran on a worker") } else { String::new() }
        ));
    }
    // Keys for endings only where they appear, so the usual legend stays short.
    let shown = |o: Outcome| {
        props.prediction.tasks.iter().any(|t| t.outcome == o)
            || current.is_some_and(|r| r.tasks.iter().any(|t| t.outcome == o))
    };
    let cut_key = shown(Outcome::Cancelled)
        .then(|| html! { <span class="key key-cancelled">{ "cancelled (dropped unfinished)" }</span> });
    let failed_key =
        shown(Outcome::Failed).then(|| html! { <span class="key key-failed">{ "failed" }</span> });

    let scale = props.prediction.scale;
    let step = tick_step(axis / scale, 10.0);
    let ticks = (0..)
        .map(|i| i as f64 * step)
        .take_while(|u| u * scale <= axis + 1e-6)
        .map(|u| html! { <span class="tick" style={format!("left:{:.3}%", u * scale / axis * 100.0)}>{ u }</span> });

    html! {
        <figure class="timeline" data-mode={props.mode.as_str()} data-axis-ms={axis.to_string()}>
            <div class="tl-rows" aria-hidden="true">
                <div class="now-cursor" hidden=true aria-hidden="true"></div>
                // The live timeline draws a run's bars here while it runs (runtime/live_timeline.rs).
                <canvas class="tl-live" hidden=true aria-hidden="true"></canvas>
                { for lanes }
                <div class="tl-row tl-main">
                    <div class="tl-name">{ "Main thread" }</div>
                    <div class="tl-track">{ for busy }{ for measured_busy }{ for freezes }</div>
                </div>
                { for worker_rows }
                <div class="tl-row tl-axis" aria-hidden="true">
                    <div class="tl-name">{ props.lesson.unit.1 }</div>
                    <div class="tl-track">{ for ticks }</div>
                </div>
            </div>
            <figcaption class="legend">
                <span class="sr-only">{ summary }</span>
                <span class="key key-ghost">{ "predicted" }</span>
                <span class="key key-measured">{ "measured" }</span>
                <span class="key key-frozen">{ "page frozen (no frame for over 50 ms)" }</span>
                { cut_key }{ failed_key }
            </figcaption>
        </figure>
    }
}
