//! What a run did, drawn on the timeline: under each lane's planned tasks, the shown mode's
//! prediction as a ghost (outlined) and the measured bar (filled, cut off where dropped, with a
//! red end where failed); below the lanes the main thread (held by the run's work, frames over
//! 50 ms late) and, in workers mode, a row per worker. Plain functions of the prediction and the
//! report; the live canvas draws over the lanes' tracks while a run goes.

use crate::core::format::duration;
use crate::core::mode::Mode;
use crate::core::predict::{Prediction, TaskTiming};
use crate::core::report::RunReport;
use crate::core::scenario::{Scenario, TaskId};
use crate::core::timing::{Outcome, Span};
use std::collections::HashMap;
use yew::prelude::*;

/// The shown mode's prediction and, if it was measured on the scenario as it is, its run.
pub(super) struct Results<'a> {
    pub scenario: &'a Scenario,
    pub prediction: &'a Prediction,
    /// The latest run of the mode, only if it ran this very scenario.
    pub report: Option<&'a RunReport>,
    pub mode: Mode,
    /// The end of the time axis, in milliseconds.
    pub axis_ms: f64,
}

/// How a bar that did not simply finish says so, in its class and its tooltip.
fn ending(outcome: Outcome) -> (&'static str, &'static str) {
    match outcome {
        Outcome::Done => ("", ""),
        Outcome::Failed => ("failed", " (failed)"),
        Outcome::Cancelled => ("cancelled", " (cancelled: dropped unfinished)"),
        Outcome::Skipped => ("skipped", " (never started)"),
    }
}

fn range(span: &Span) -> String {
    format!("{} to {}", duration(span.start_ms), duration(span.end_ms))
}

impl Results<'_> {
    fn place(&self, span: &Span) -> String {
        let axis = self.axis_ms.max(1.0);
        format!(
            "left:{:.3}%;width:{:.3}%",
            span.start_ms / axis * 100.0,
            ((span.end_ms - span.start_ms) / axis * 100.0).max(0.3)
        )
    }

    /// One track per lane: each task's predicted ghost and its measured bar (empty until
    /// measured, so the live canvas and the report fill the same places).
    /// The rows of the lanes in `lanes` (the others are not built).
    pub fn lane_tracks(&self, lanes: std::ops::Range<usize>) -> Vec<Html> {
        let built = |lane: &usize| lanes.contains(lane);
        let predicted: HashMap<TaskId, (Span, Outcome)> = self
            .prediction
            .tasks
            .iter()
            .filter(|t| built(&t.lane))
            .map(|t| (t.id, (t.span, t.outcome)))
            .collect();
        let measured: HashMap<TaskId, (Span, Outcome)> = self
            .report
            .iter()
            .flat_map(|r| r.tasks.iter())
            .filter(|t| built(&t.lane))
            .map(|t| (t.id, (t.span, t.outcome)))
            .collect();
        self.scenario
            .lanes()
            .iter()
            .enumerate()
            .skip(lanes.start)
            .take(lanes.len())
            .map(|(li, lane)| {
                let bars = lane.tasks.iter().map(|task| {
                    let kind = format!("kind-{}", task.kind.as_str());
                    // A task the model says never starts has no predicted bar.
                    let ghost = predicted.get(&task.id).filter(|(_, o)| *o != Outcome::Skipped).map(|(span, outcome)| {
                        let (class, note) = ending(*outcome);
                        html! {
                            <div class={classes!("bar", "ghost", kind.clone(), class)} style={self.place(span)}
                                title={format!("{}: predicted {}{note}", task.label, range(span))}
                                data-task={task.id.0.to_string()} data-end-ms={span.end_ms.to_string()} data-outcome={outcome.as_str()}></div>
                        }
                    });
                    let (style, title, outcome) = match measured.get(&task.id) {
                        Some((span, outcome)) => (
                            self.place(span),
                            format!("{}: measured {}{}", task.label, range(span), ending(*outcome).1),
                            Some(*outcome),
                        ),
                        None => ("left:0%;width:0%".to_string(), String::new(), None),
                    };
                    html! {
                        <>
                            { ghost }
                            <div class={classes!("bar", "measured", kind, outcome.map(|o| ending(o).0))}
                                data-task={task.id.0.to_string()} data-outcome={outcome.map(Outcome::as_str)} {style} {title}></div>
                        </>
                    }
                });
                html! {
                    <div class="tl-lane" key={li}><div class="tl-track">{ for bars }</div></div>
                }
            })
            .collect()
    }

    /// The main thread: when the model says the run's work holds it, when it measurably did,
    /// and where no frame was drawn for over 50 ms.
    pub fn main_track(&self) -> Html {
        let busy = self.prediction.busy.iter().map(|span| html! {
            <div class="bar ghost busy" style={self.place(span)} title={format!("Main thread busy (predicted) {}", range(span))}></div>
        });
        let measured_busy = self.report.iter().flat_map(|r| r.busy.iter()).map(|span| html! {
            <div class="bar measured busy" style={self.place(span)} title={format!("Main thread busy with the run's work {}", range(span))}></div>
        });
        let freezes = self.report.iter().flat_map(|r| r.freezes.iter()).map(|span| html! {
            <div class="bar measured frozen" style={self.place(span)} title={format!("No frame drawn for {}", duration(span.end_ms - span.start_ms))}></div>
        });
        html! {
            <div class="tl-main"><div class="tl-track">{ for busy }{ for measured_busy }{ for freezes }</div></div>
        }
    }

    /// How many worker rows workers mode shows: the pool predicted, or the one that ran.
    pub fn worker_count(&self) -> usize {
        if self.mode != Mode::Workers {
            return 0;
        }
        self.prediction.workers.max(self.report.and_then(|r| r.pool).map_or(0, |p| p.size))
    }

    /// A row per worker: which worker the model gives each work task, and which ran it.
    pub fn worker_tracks(&self) -> Vec<Html> {
        // The prediction lists the tasks in lane order, as the scenario does: zipped, each
        // worker's ghost gets its label without a search per task.
        let offloaded: Vec<(&str, &TaskTiming)> = self
            .scenario
            .tasks()
            .zip(&self.prediction.tasks)
            .filter(|(_, t)| t.worker.is_some())
            .map(|((_, task), t)| (task.label.as_str(), t))
            .collect();
        (0..self.worker_count())
            .map(|w| {
                let ghosts = offloaded.iter().filter(|(_, t)| t.worker == Some(w)).map(|&(label, t)| html! {
                    <div class="bar ghost kind-work" style={self.place(&t.span)} title={format!("{label}: predicted on worker {} {}", w + 1, range(&t.span))}></div>
                });
                let bars = self.report.iter().flat_map(|r| r.tasks.iter()).filter(|t| t.worker == Some(w)).map(|t| html! {
                    <div class="bar measured kind-work" style={self.place(&t.span)} title={format!("{}: ran on worker {} {}", t.label, w + 1, range(&t.span))}></div>
                });
                html! {
                    <div class="tl-worker" key={format!("worker-{w}")}><div class="tl-track">{ for ghosts }{ for bars }</div></div>
                }
            })
            .collect()
    }

    /// The timeline in words, for screen readers.
    pub fn summary(&self) -> String {
        let lanes = self.scenario.lanes().len();
        let mut summary = format!(
            "{lanes} lane{} of {} task{}, showing {} mode: predicted {}",
            if lanes == 1 { "" } else { "s" },
            self.scenario.task_count(),
            if self.scenario.task_count() == 1 { "" } else { "s" },
            self.mode,
            duration(self.prediction.total_ms)
        );
        match self.report {
            Some(r) => summary.push_str(&format!(
                ", measured {}; the page went without a frame for up to {}.",
                duration(r.total_ms),
                duration(r.longest_freeze_ms())
            )),
            None => summary.push_str("; not run yet."),
        }
        let workers = self.worker_count();
        if workers > 0 {
            let on_workers = self.report.map_or(0, |r| r.tasks.iter().filter(|t| t.worker.is_some()).count());
            summary.push_str(&format!(
                " A row per worker shows which of the {workers} ran each work task{}.",
                if self.report.is_some() { format!("; {on_workers} ran on a worker") } else { String::new() }
            ));
        }
        summary
    }

    /// The keys for what the bars show; endings only where they appear.
    pub fn legend(&self) -> Html {
        let shown = |o: Outcome| {
            self.prediction.tasks.iter().any(|t| t.outcome == o)
                || self.report.is_some_and(|r| r.tasks.iter().any(|t| t.outcome == o))
        };
        html! {
            <>
                <span class="key key-planned">{ "planned" }</span>
                <span class="key key-ghost">{ format!("predicted ({})", self.mode) }</span>
                <span class="key key-measured">{ "measured" }</span>
                <span class="key key-frozen">{ "page frozen (no frame for over 50 ms)" }</span>
                if shown(Outcome::Cancelled) { <span class="key key-cancelled">{ "cancelled (dropped unfinished)" }</span> }
                if shown(Outcome::Failed) { <span class="key key-failed">{ "failed" }</span> }
            </>
        }
    }
}
