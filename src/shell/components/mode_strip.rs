//! The run strip on the stage: a row per way of running the scenario, each with its run button,
//! the model's prediction and, once it ran, what was measured against it (total and its ratio
//! to the prediction, longest freeze, frames over 50 ms, worst input delay; the counter and
//! what the workers cost where they apply); then `Compare all` and `Stop`. Long tasks are in
//! the pulse and the table of runs. Compact on
//! purpose: the three ways read side by side without scrolling, beside the pulse.

use crate::core::format::{duration, ratio};
use crate::core::lesson::Lesson;
use crate::core::mode::Mode;
use crate::core::predict::Prediction;
use crate::core::report::RunReport;
use crate::core::scenario::{Scenario, TaskKind};
use crate::core::stats::NOTICEABLE_FREEZE_MS;
use crate::core::timing::Outcome;
use crate::shell::components::raw::raw;
use crate::shell::components::same::Same;
use std::rc::Rc;
use yew::prelude::*;

/// One mode's row.
#[derive(Clone, PartialEq)]
pub struct ModeRow {
    pub mode: Mode,
    pub prediction: Rc<Prediction>,
    pub report: Option<Same<RunReport>>,
}

pub struct ModeStripProps {
    pub rows: Vec<ModeRow>,
    pub scenario: Rc<Scenario>,
    pub lesson: &'static Lesson,
    /// The mode running now, if any.
    pub running: Option<Mode>,
    /// `Compare all` is going (Stop ends it).
    pub comparing: bool,
    /// The run waits for the runner to load: nothing has started, so Stop can cancel it, even
    /// a blocking one.
    pub waiting: bool,
    /// Whether `Compare all` is on the page.
    pub compare: bool,
    pub on_run: Callback<Mode>,
    pub on_compare: Callback<()>,
    pub on_stop: Callback<()>,
}

/// What a mode does, in a sentence.
fn blurb(mode: Mode) -> &'static str {
    match mode {
        Mode::Blocking => {
            "One task after another on the main thread. Waiting holds the thread too, so nothing \
             else can happen: no frames, no clicks."
        }
        Mode::Async => {
            "Each lane is a Rust future on the browser's event loop. A wait hands the thread \
             back; work runs in short bursts between frames."
        }
        Mode::Workers => {
            "As async, but each work task is posted to a pool of Web Workers, threads of their \
             own, and computes there in one go while the main thread stays free."
        }
    }
}

// What never changes is written as HTML text (`components/raw.rs`).
const HEADS: &str = "<span></span><span>Predicted</span><span>Measured</span><span><span \
    class=\"wide-text\">Longest freeze</span><span class=\"narrow-text\">Freeze</span></span><span \
    class=\"wide\">Frames &gt; 50 ms</span><span class=\"wide\">Input delay</span>";
const ABOUT_STOP: &str = "<p>Stop cancels an async or workers run (or Compare all) by dropping its futures. A \
    blocking run cannot be stopped: it holds the page's only thread, so not even Stop can be pressed until it \
    ends.</p>";

pub fn mode_strip(props: &ModeStripProps) -> Html {
    let busy = props.running.is_some() || props.comparing;
    let rows = props.rows.iter().map(|row| mode_row(props, row, busy));
    // Not during a blocking run, even within Compare all: a click made while the page is
    // frozen arrives once the run has ended, and would throw its measurement away.
    let stoppable = match props.running {
        Some(_) if props.waiting => true,
        Some(Mode::Blocking) => false,
        Some(Mode::Async | Mode::Workers) => true,
        None => props.comparing,
    };
    let on_stop = props.on_stop.reform(|_: MouseEvent| ());
    let on_compare = props.on_compare.reform(|_: MouseEvent| ());
    html! {
        <section class="modes" aria-labelledby="modes-title">
            <h2 id="modes-title" class="sr-only">{ "Run the scenario" }</h2>
            // One grid for the heads and every row (each a subgrid of it), so a head always
            // stands over its figures whatever their widths.
            <div class="mode-table">
                // Column heads, where each figure's own label is hidden (for screen readers).
                <div class="mode-head" aria-hidden="true" hidden={props.rows.is_empty()}>
                    { raw(HEADS) }
                </div>
                { for rows }
            </div>
            <div class="mode-actions">
                if props.compare {
                    <button type="button" class={if props.comparing { "run compare-run is-running" } else { "run compare-run" }}
                        aria-disabled={busy.to_string()} onclick={on_compare}
                        title="Runs the scenario blocking, then async, then in workers, one after another, and sets the runs side by side. A blocking run longer than the cap is left out.">
                        { "Compare all" }
                    </button>
                }
                <button type="button" class="stop" onclick={on_stop} disabled={!stoppable}>{ "Stop" }</button>
                <details class="modes-about">
                    <summary>{ "What they do" }</summary>
                    <dl>
                        { for props.rows.iter().map(|r| html! {
                            <>
                                <dt>{ r.mode.title() }</dt>
                                <dd>{ blurb(r.mode) }</dd>
                            </>
                        }) }
                    </dl>
                    { raw(ABOUT_STOP) }
                </details>
            </div>
        </section>
    }
}

fn mode_row(props: &ModeStripProps, row: &ModeRow, busy: bool) -> Html {
    let mode = row.mode;
    let lesson = props.lesson;
    let prediction = &row.prediction;
    let predicted = prediction.total_ms;
    let on_click = props.on_run.reform(move |_: MouseEvent| mode);
    // Once a run measured the counter, its line says both (and this one would only repeat it).
    let measured_counter =
        row.report.as_ref().is_some_and(|r| r.counter.is_some() && Rc::ptr_eq(&r.scenario, &props.scenario));
    let counter = prediction.counter.filter(|_| !measured_counter).map(|c| {
        // The prediction lists the tasks in lane order, as the scenario does.
        let updates = props
            .scenario
            .tasks()
            .zip(&prediction.tasks)
            .filter(|((_, task), t)| {
                matches!(task.kind, TaskKind::Update { .. }) && t.outcome == Outcome::Done
            })
            .count();
        html! {
            <p class="predicted-counter">
                { "Predicted counter at the end: " }<strong>{ c }</strong>
                { format!(" after {updates} update{}", if updates == 1 { "" } else { "s" }) }
            </p>
        }
    });
    html! {
        <div class={format!("mode-row mode-{mode}")} role="group" aria-labelledby={format!("mode-{mode}-title")}>
            <span id={format!("mode-{mode}-title")} class="sr-only">{ mode.title() }</span>
            <button
                type="button"
                class={if props.running == Some(mode) { "run is-running" } else { "run" }}
                aria-disabled={busy.to_string()}
                title={blurb(mode)}
                onclick={on_click}
            >
                { mode.run_label() }
            </button>
            <div class="mode-figures">
                <p class="predicted">
                    <span class="cell-label">{ "Predicted total: " }</span>
                    <strong>{ lesson.units(predicted / prediction.scale) }</strong>
                    <span class="cell-ms">{ format!(" ({})", duration(predicted)) }</span>
                    if mode == Mode::Workers {
                        <span class="cell-note">{ format!(
                            " on {} worker{}, before start-up",
                            prediction.workers,
                            if prediction.workers == 1 { "" } else { "s" }
                        ) }</span>
                    }
                </p>
                { counter }
                { row.report.as_ref().map(|r| results(r, lesson, !Rc::ptr_eq(&r.scenario, &props.scenario), prediction.counter)).unwrap_or_default() }
            </div>
        </div>
    }
}

#[inline(never)] // not in the first view, so not in its wasm (ARCHITECTURE.md, Invariants)
fn results(r: &RunReport, lesson: &Lesson, stale: bool, predicted_counter: Option<i64>) -> Html {
    let updates = r
        .tasks
        .iter()
        .filter(|t| matches!(t.kind, TaskKind::Update { .. }) && t.outcome == Outcome::Done)
        .count() as i64;
    let counter = r.counter.map(|c| {
        let lost = updates - c;
        let mut note = match lost {
            0 => format!("every one of {updates} updates counted"),
            1 => format!("1 of {updates} updates lost"),
            n => format!("{n} of {updates} updates lost"),
        };
        if let Some(p) = predicted_counter.filter(|_| !stale) {
            note.push_str(&format!(" (predicted {p})"));
        }
        html! {
            <div class="more">
                <dt>{ "Counter at the end" }</dt>
                <dd class={if lost > 0 { "counter lost" } else { "counter" }}><strong>{ c }</strong>{ format!(" \u{00b7} {note}") }</dd>
            </div>
        }
    });
    let frozen = r.longest_freeze_ms() > NOTICEABLE_FREEZE_MS;
    html! {
        <>
        if stale {
            <p class="stale">{ "Measured before the scenario last changed: run it again to compare." }</p>
        }
        <dl class="results" aria-label={format!("Measured, {} run", r.mode)}>
            <div class="cell-measured">
                <dt>{ "Measured" }</dt>
                <dd class="measured-total">
                    <strong>{ duration(r.total_ms) }</strong>
                    <span class="cell-ratio" title={format!("{} of the predicted total; {} in the story", ratio(r.ratio()), lesson.units(r.total_ms / r.scale))}>
                        { format!(" \u{00b7} {}", ratio(r.ratio())) }
                    </span>
                </dd>
            </div>
            <div class="cell-freeze">
                <dt>{ "Longest freeze" }</dt>
                <dd class={if frozen { "longest-gap bad" } else { "longest-gap" }}>{ duration(r.longest_freeze_ms()) }</dd>
            </div>
            <div class="cell-late minor">
                <dt>{ "Frames > 50 ms" }</dt>
                <dd class="late-frames">{ r.frames.late_frames }</dd>
            </div>
            <div class="cell-input">
                <dt title="The longest an input made during the run waited for its handler">{ "Input delay" }</dt>
                <dd class="input-delay">{ r.worst_input_delay_ms.map_or_else(|| "no input".to_string(), duration) }</dd>
            </div>
            { counter }
        </dl>
        </>
    }
}
