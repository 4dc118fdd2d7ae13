//! What the page says in words: the status region's announcement of each run's start and end
//! (a stable contract: `role="status"`, with the measured total) and the editor's note after
//! each edit. Plain functions of the state; the reducer calls them.

use super::{RunReport, State};
use crate::core::edit::Edit;
use crate::core::format::duration;
use crate::core::mode::Mode;
use crate::core::scenario::TaskId;
use crate::core::timing::Outcome;
use std::rc::Rc;

/// A run in `mode` has started.
pub(super) fn run_started(state: &State, mode: Mode) -> String {
    let predicted = duration(state.prediction(mode).total_ms);
    match mode {
        Mode::Blocking => {
            format!("Blocking run started: the page will freeze for about {predicted}.")
        }
        Mode::Async => {
            format!("Async run started: predicted to take {predicted}, with the page responsive.")
        }
        Mode::Workers => format!(
            "Workers run started on {} worker{}: predicted to take {predicted}, plus the workers' start-up.",
            state.workers,
            if state.workers == 1 { "" } else { "s" }
        ),
    }
}

/// A run has finished: the same figures as the `run-finished` message and the run strip.
pub(super) fn run_finished(report: &RunReport) -> String {
    let input = report
        .worst_input_delay_ms
        .map_or_else(String::new, |d| format!(" Worst input delay: {}.", duration(d)));
    let mut status = format!(
        "{} run finished in {} (predicted {}). Longest frame gap: {}; frames over 50 ms: {}; \
     long tasks: {}.{input}",
        report.mode.title(),
        duration(report.total_ms),
        duration(report.predicted_ms),
        duration(report.longest_freeze_ms()),
        report.frames.late_frames,
        report.long_tasks
    );
    if let Some(counter) = report.counter {
        status.push_str(&format!(" Counter at the end: {counter}."));
    }
    let count = |o: Outcome| report.tasks.iter().filter(|t| t.outcome == o).count();
    let (failed, cancelled) = (count(Outcome::Failed), count(Outcome::Cancelled));
    if failed + cancelled > 0 {
        status.push_str(&format!(" Failed: {failed}; cancelled: {cancelled}."));
    }
    status
}

/// A run in `mode` waits for the runner to load (a slow connection, a press just after load).
pub(super) fn run_loading(mode: Mode) -> String {
    format!("{} run: starting as soon as the page has finished loading.", mode.title())
}

/// The learner stopped a run in `mode` (and Compare all, if it was going), once it had
/// `started` or while it still waited for the runner.
pub(super) fn run_stopped(mode: Mode, started: bool, comparing: bool) -> String {
    let mut status = if started {
        format!("{} run stopped: its pending tasks were cancelled.", mode.title())
    } else {
        format!("{} run cancelled before it started: nothing ran.", mode.title())
    };
    if comparing {
        status.push_str(" Compare all stopped with it.");
    }
    status
}

/// Compare all has run each mode: the latest run of each, side by side.
pub(super) fn compared(runs: &[Rc<RunReport>]) -> String {
    let each: Vec<String> = runs
        .iter()
        .map(|r| {
            format!(
                "{} {} (longest frame gap {})",
                r.mode,
                duration(r.total_ms),
                duration(r.longest_freeze_ms())
            )
        })
        .collect();
    format!("Compared on the same scenario: {}.", each.join("; "))
}

/// What an edit did, in words, for the editor's live region (`state` is after the edit).
pub(super) fn edit_note(state: &State, edit: &Edit, task: Option<TaskId>) -> String {
    let q = |label: String| format!("\u{201c}{label}\u{201d}");
    let lane_name = |lane: usize| {
        state
            .scenario
            .lanes()
            .get(lane)
            .map_or_else(|| format!("lane {}", lane + 1), |l| format!("lane {}", l.name))
    };
    let position = |id: TaskId| {
        state.scenario.lanes().iter().find_map(|l| {
            l.tasks.iter().position(|t| t.id == id).map(|i| (l.name.clone(), i + 1, l.tasks.len()))
        })
    };
    match edit {
        Edit::AddTask { kind, duration, .. } => {
            let id = task.expect("an added task has an id");
            let (lane, at, of) = position(id).unwrap_or_default();
            format!(
                "Added {} task {} of {} to lane {lane}, position {at} of {of}.",
                kind.as_str(),
                q(state.label(id)),
                state.units(*duration)
            )
        }
        Edit::MoveTask { id, .. } | Edit::Nudge { id, .. } => {
            let (lane, at, of) = position(*id).unwrap_or_default();
            format!("Moved {} to lane {lane}, position {at} of {of}.", q(state.label(*id)))
        }
        Edit::ResizeTask { id, .. } | Edit::ResizeBy { id, .. } => {
            let lasts = state.scenario.task(*id).map_or(0.0, |(_, t)| t.duration);
            format!("{} now lasts {}.", q(state.label(*id)), state.units(lasts))
        }
        Edit::DeleteTask { .. } => "Deleted the task.".to_string(),
        Edit::SetLabel { id, .. } => format!("Renamed the task to {}.", q(state.label(*id))),
        Edit::SetKind { id, kind } => {
            format!("{} is now a {} task.", q(state.label(*id)), kind.as_str())
        }
        Edit::AddLane { name } => format!("Added lane {name}."),
        Edit::RemoveLane { .. } => "Removed the lane.".to_string(),
        Edit::RenameLane { lane, .. } => format!("Renamed {}.", lane_name(*lane)),
        Edit::Clear => "Cleared the timeline: add a lane to start.".to_string(),
        Edit::SetCombine { combine } => format!("The lanes are now combined with {}.", combine.as_str()),
    }
}
