//! A timeline: one row per lane plus the main thread, predicted bars outlined and measured
//! bars filled, on a time axis shared with the other mode.

use crate::core::format::{duration, tick_step};
use crate::core::lesson::Lesson;
use crate::core::mode::Mode;
use crate::core::predict::{Prediction, Span};
use crate::core::report::RunReport;
use crate::core::scenario::Scenario;
use std::rc::Rc;
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

    let lanes = props.scenario.lanes().iter().enumerate().map(|(li, lane)| {
        let bars = lane.tasks.iter().map(|task| {
            let kind = format!("kind-{}", task.kind.as_str());
            let ghost = props.prediction.timing(task.id).map(|t| html! {
                <div class={classes!("bar", "ghost", kind.clone())} style={place(&t.span)} title={format!("{}: predicted {}", task.label, range(&t.span))}>
                    <span class="bar-label">{ &task.label }</span>
                    <span class="sr-only">{ format!(", predicted {}", range(&t.span)) }</span>
                </div>
            });
            // Every task has a measured bar, empty until measured, so the live timeline can
            // draw into it during a run.
            let measured = props.report.as_ref().and_then(|r| r.tasks.iter().find(|m| m.id == task.id));
            let measured = match measured {
                Some(m) => html! {
                    <div class={classes!("bar", "measured", kind.clone())} data-task={task.id.0.to_string()} style={place(&m.span)} title={format!("{}: measured {}", task.label, range(&m.span))}>
                        <span class="sr-only">{ format!("{}, measured {}", task.label, range(&m.span)) }</span>
                    </div>
                },
                None => html! {
                    <div class={classes!("bar", "measured", kind.clone())} data-task={task.id.0.to_string()} style="left:0%;width:0%" aria-hidden="true"></div>
                },
            };
            html! { <>{ ghost }{ measured }</> }
        });
        html! {
            <div class="tl-row" key={li}>
                <div class="tl-name">{ &lane.name }</div>
                <div class="tl-track">{ for bars }</div>
            </div>
        }
    });

    let busy = props.prediction.busy.iter().map(|span| html! {
        <div class="bar ghost busy" style={place(span)} title={format!("Main thread busy (predicted) {}", range(span))}>
            <span class="sr-only">{ format!("busy, predicted {}", range(span)) }</span>
        </div>
    });
    let measured_busy = props.report.iter().flat_map(|r| r.busy.iter()).map(|span| {
        html! {
            <div class="bar measured busy" style={place(span)} title={format!("Main thread busy with the run's work {}", range(span))}>
                <span class="sr-only">{ format!("busy, measured {}", range(span)) }</span>
            </div>
        }
    });
    let freezes = props.report.iter().flat_map(|r| r.freezes.iter()).map(|span| html! {
        <div class="bar measured frozen" style={place(span)} title={format!("No frame drawn for {}", duration(span.end_ms - span.start_ms))}>
            <span class="sr-only">{ format!("frozen, measured {}", range(span)) }</span>
        </div>
    });

    let scale = props.prediction.scale;
    let step = tick_step(axis / scale, 10.0);
    let ticks = (0..)
        .map(|i| i as f64 * step)
        .take_while(|u| u * scale <= axis + 1e-6)
        .map(|u| html! { <span class="tick" style={format!("left:{:.3}%", u * scale / axis * 100.0)}>{ u }</span> });

    html! {
        <figure class="timeline" data-mode={props.mode.as_str()} data-axis-ms={axis.to_string()}>
            <div class="tl-rows">
                <div class="now-cursor" hidden=true aria-hidden="true"></div>
                { for lanes }
                <div class="tl-row tl-main">
                    <div class="tl-name">{ "Main thread" }</div>
                    <div class="tl-track">{ for busy }{ for measured_busy }{ for freezes }</div>
                </div>
                <div class="tl-row tl-axis" aria-hidden="true">
                    <div class="tl-name">{ props.lesson.unit.1 }</div>
                    <div class="tl-track">{ for ticks }</div>
                </div>
            </div>
            <figcaption class="legend">
                <span class="key key-ghost">{ "predicted" }</span>
                <span class="key key-measured">{ "measured" }</span>
                <span class="key key-frozen">{ "page frozen (no frame for over 50 ms)" }</span>
            </figcaption>
        </figure>
    }
}
