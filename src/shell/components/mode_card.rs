//! One way of running the scenario: what it does, its prediction, its run button, its
//! timeline (predicted and measured) and its measured figures.

use super::timeline::Timeline;
use crate::core::format::{duration, ratio};
use crate::core::lesson::Lesson;
use crate::core::mode::Mode;
use crate::core::predict::{Outcome, Prediction};
use crate::core::report::RunReport;
use crate::core::scenario::{Scenario, TaskKind};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ModeCardProps {
    pub mode: Mode,
    pub scenario: Rc<Scenario>,
    pub prediction: Rc<Prediction>,
    pub report: Option<Rc<RunReport>>,
    /// The end of the shared time axis, in milliseconds.
    pub axis_ms: f64,
    pub lesson: &'static Lesson,
    /// The mode running now, if any.
    pub running: Option<Mode>,
    pub on_run: Callback<Mode>,
}

fn blurb(mode: Mode) -> &'static str {
    match mode {
        Mode::Blocking => {
            "One task after another on the main thread. Waiting holds the thread \
                           too, so nothing else can happen: no frames, no clicks."
        }
        Mode::Async => {
            "Each lane is a Rust future on the browser's event loop. A wait hands the \
                        thread back; work runs in short bursts between frames."
        }
        Mode::Workers => {
            "As async, but each work task is posted to a pool of Web Workers, threads of their \
             own, and computes there in one go while the main thread stays free."
        }
    }
}

#[function_component(ModeCard)]
pub fn mode_card(props: &ModeCardProps) -> Html {
    let mode = props.mode;
    let lesson = props.lesson;
    let scale = props.prediction.scale;
    let busy = props.running.is_some();
    let on_click = props.on_run.reform(move |_: MouseEvent| mode);
    let title_id = format!("mode-{mode}-title");
    let predicted = props.prediction.total_ms;
    let counter = props.prediction.counter.map(|c| {
        // The prediction lists the tasks in lane order, as the scenario does.
        let updates = props
            .scenario
            .tasks()
            .zip(&props.prediction.tasks)
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
        <article class={classes!("mode-card", format!("mode-{mode}"))} aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>{ mode.title() }</h3>
            <p class="blurb">{ blurb(mode) }</p>
            <p class="predicted">
                { "Predicted total: " }
                <strong>{ lesson.units(predicted / scale) }</strong>
                { format!(" ({})", duration(predicted)) }
                if mode == Mode::Workers {
                    { format!(
                        " on {} worker{}, before start-up",
                        props.prediction.workers,
                        if props.prediction.workers == 1 { "" } else { "s" }
                    ) }
                }
            </p>
            { counter }
            <button
                type="button"
                class={classes!("run", (props.running == Some(mode)).then_some("is-running"))}
                aria-disabled={busy.to_string()}
                onclick={on_click}
            >
                { mode.run_label() }
            </button>
            <Timeline
                scenario={props.scenario.clone()}
                prediction={props.prediction.clone()}
                report={props.report.clone()}
                {mode}
                axis_ms={props.axis_ms}
                {lesson}
            />
            { props.report.as_ref().map(|r| results(r, lesson, !Rc::ptr_eq(&r.scenario, &props.scenario))).unwrap_or_default() }
        </article>
    }
}

fn results(r: &RunReport, lesson: &Lesson, stale: bool) -> Html {
    let updates = r.tasks.iter().filter(|t| t.kind == "update" && t.outcome == Outcome::Done).count() as i64;
    let counter = r.counter.map(|c| {
        let lost = updates - c;
        let note = match lost {
            0 => format!("every one of {updates} updates counted"),
            1 => format!("1 of {updates} updates lost"),
            n => format!("{n} of {updates} updates lost"),
        };
        html! {
            <div>
                <dt>{ "Counter at the end" }</dt>
                <dd class={classes!("counter", (lost > 0).then_some("lost"))}><strong>{ c }</strong>{ format!(" \u{00b7} {note}") }</dd>
            </div>
        }
    });
    let long_tasks = match r.long_tasks {
        0 => "none".to_string(),
        n => format!("{n} (longest {})", duration(r.longest_long_task_ms)),
    };
    html! {
        <>
        if stale {
            <p class="stale">{ "Measured before the scenario last changed: run it again to compare." }</p>
        }
        <dl class="results" aria-label={format!("Measured, {} run", r.mode)}>
            <div>
                <dt>{ "Measured total" }</dt>
                <dd class="measured-total">
                    <strong>{ duration(r.total_ms) }</strong>
                    { format!(" \u{2248} {} \u{00b7} {} of predicted", lesson.units(r.total_ms / r.scale), ratio(r.ratio())) }
                </dd>
            </div>
            <div>
                <dt>{ "Longest frame gap" }</dt>
                <dd class="longest-gap"><strong>{ duration(r.longest_freeze_ms()) }</strong></dd>
            </div>
            <div>
                <dt>{ "Frames over 50 ms" }</dt>
                <dd>{ r.frames.late_frames }</dd>
            </div>
            <div>
                <dt>{ "Worst input delay" }</dt>
                <dd class="input-delay">{ r.worst_input_delay_ms.map_or_else(|| "no input during the run".to_string(), duration) }</dd>
            </div>
            <div>
                <dt>{ "Long tasks" }</dt>
                <dd>{ long_tasks }</dd>
            </div>
            { counter }
            { r.pool.map(|p| html! {
                <div>
                    <dt>{ "Cost of the workers" }</dt>
                    <dd class="pool-cost">
                        { format!(
                            "{} to start {}; {}a result took {} to come back (medians).",
                            duration(p.startup_ms),
                            if p.ready == p.size {
                                format!("{} worker{}", p.size, if p.size == 1 { "" } else { "s" })
                            } else {
                                // Only a worker that ran a job says when it was ready.
                                format!("the {} of {} workers that ran a job", p.ready, p.size)
                            },
                            p.send_ms.map_or_else(String::new, |ms| format!("a job took {} to reach a worker, ", duration(ms))),
                            duration(p.reply_ms)
                        ) }
                    </dd>
                </div>
            }) }
        </dl>
        </>
    }
}
