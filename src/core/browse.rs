//! Moving through a timeline's tasks by keys, and each task in words: how the drawn timeline
//! stays readable without a pointer or sight. Left and right go to the task before or after in
//! the lane, up and down to the lane above or below (the task nearest in time), Home and End to
//! the lane's first and last; each stop is announced in one sentence.

use super::format::Fixed;
use super::predict::Prediction;
use super::report::RunReport;
use super::scenario::{Scenario, TaskId};
use super::timing::{Outcome, Span};

/// A move of the timeline's selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Previous,
    Next,
    LaneUp,
    LaneDown,
    First,
    Last,
}

impl Step {
    /// The step a key makes (`KeyboardEvent.key`), if any.
    pub fn from_key(key: &str) -> Option<Step> {
        Some(match key {
            "ArrowLeft" => Step::Previous,
            "ArrowRight" => Step::Next,
            "ArrowUp" => Step::LaneUp,
            "ArrowDown" => Step::LaneDown,
            "Home" => Step::First,
            "End" => Step::Last,
            _ => return None,
        })
    }
}

/// Where a task is: its lane, its index in the lane, and where it starts in the lane's plan.
fn position(scenario: &Scenario, id: TaskId) -> Option<(usize, usize)> {
    scenario
        .lanes()
        .iter()
        .enumerate()
        .find_map(|(li, lane)| lane.tasks.iter().position(|t| t.id == id).map(|ti| (li, ti)))
}

/// The nearest lane from `lane` going by `delta` that has tasks.
fn lane_with_tasks(scenario: &Scenario, lane: usize, up: bool) -> Option<usize> {
    let lanes = scenario.lanes();
    if up {
        (0..lane).rev().find(|&l| !lanes[l].tasks.is_empty())
    } else {
        (lane + 1..lanes.len()).find(|&l| !lanes[l].tasks.is_empty())
    }
}

/// The task the selection moves to from `from` (the first task of all when there is none);
/// `None` where there is nowhere to go.
pub fn step(scenario: &Scenario, from: Option<TaskId>, step: Step) -> Option<TaskId> {
    let lanes = scenario.lanes();
    let Some((li, ti)) = from.and_then(|id| position(scenario, id)) else {
        return scenario.tasks().next().map(|(_, t)| t.id);
    };
    let lane = &lanes[li].tasks;
    let to = match step {
        Step::Previous => lane.get(ti.checked_sub(1)?)?,
        Step::Next => lane.get(ti + 1)?,
        Step::First => lane.first()?,
        Step::Last => lane.last()?,
        Step::LaneUp | Step::LaneDown => {
            // The task of the other lane whose planned middle is nearest this one's.
            let middle = |tasks: &[crate::core::scenario::Task], i: usize| {
                tasks[..i].iter().map(|t| t.duration).sum::<f64>() + tasks[i].duration / 2.0
            };
            let here = middle(lane, ti);
            let other = &lanes[lane_with_tasks(scenario, li, step == Step::LaneUp)?].tasks;
            let mut at = 0.0;
            let mut best = (f64::INFINITY, 0);
            for (i, t) in other.iter().enumerate() {
                let d = (at + t.duration / 2.0 - here).abs();
                if d < best.0 {
                    best = (d, i);
                }
                at += t.duration;
            }
            &other[best.1]
        }
    };
    Some(to.id)
}

/// A span in words: "0.00–2.01 s"; in milliseconds when it ends within the first second
/// ("12–40 ms", "0.5–1.5 ms" under ten).
pub fn range(span: &Span) -> String {
    let (a, b) = (span.start_ms, span.end_ms);
    if b >= 1000.0 {
        format!("{}\u{2013}{} s", Fixed(a / 1000.0, 2), Fixed(b / 1000.0, 2))
    } else if b >= 10.0 {
        format!("{}\u{2013}{} ms", Fixed(a, 0), Fixed(b, 0))
    } else {
        format!("{}\u{2013}{} ms", Fixed(a, 1), Fixed(b, 1))
    }
}

/// How a task ended, in words after its span ("" when it simply finished).
pub fn ending(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Done => "",
        Outcome::Failed => " (failed)",
        Outcome::Cancelled => " (cancelled: dropped unfinished)",
        Outcome::Skipped => " (never started)",
    }
}

/// The task in one sentence: "Take selfies, lane Phone, task 1 of 1: measured 0.00–2.01 s,
/// predicted 0.00–2.00 s."
pub fn describe(
    scenario: &Scenario,
    id: TaskId,
    prediction: &Prediction,
    report: Option<&RunReport>,
) -> String {
    let Some((li, ti)) = position(scenario, id) else {
        return "No task selected.".into();
    };
    let lane = &scenario.lanes()[li];
    let task = &lane.tasks[ti];
    let mut words = format!("{}, lane {}, task {} of {}: ", task.label, lane.name, ti + 1, lane.tasks.len());
    match report.and_then(|r| r.tasks.iter().find(|t| t.id == id)) {
        Some(m) => {
            words.push_str(&format!("measured {}{}", range(&m.span), ending(m.outcome)));
        }
        None if report.is_some() => words.push_str("never started in the run"),
        None => words.push_str("not run yet"),
    }
    match prediction.timing(id) {
        Some(t) if t.outcome == Outcome::Skipped => words.push_str(", predicted never to start."),
        Some(t) => words.push_str(&format!(", predicted {}.", range(&t.span))),
        None => words.push('.'),
    }
    words
}

/// Up to `n` tasks before `id` and `n` after it, in the scenario's order (lane by lane), with
/// `id` among them: the rows of the table shown on demand.
pub fn around(scenario: &Scenario, id: Option<TaskId>, n: usize) -> Vec<TaskId> {
    let all: Vec<TaskId> = scenario.tasks().map(|(_, t)| t.id).collect();
    let at = id.and_then(|id| all.iter().position(|&t| t == id)).unwrap_or(0);
    let from = at.saturating_sub(n);
    all[from..(at + n + 1).min(all.len())].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lesson;
    use crate::core::mode::Mode;
    use crate::core::predict::predict;
    use crate::core::report::Measurements;
    use std::rc::Rc;

    fn scenario() -> Scenario {
        Scenario::from_json(
            r#"{"version":1,"lanes":[
            {"name":"A","tasks":[{"kind":"wait","label":"a1","duration":1},{"kind":"wait","label":"a2","duration":3}]},
            {"name":"Empty","tasks":[]},
            {"name":"B","tasks":[{"kind":"wait","label":"b1","duration":2},{"kind":"wait","label":"b2","duration":2}]}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn keys_move_through_lanes_and_tasks() {
        let s = scenario();
        let go =
            |from: u32, key: &str| step(&s, Some(TaskId(from)), Step::from_key(key).unwrap()).map(|t| t.0);
        assert_eq!(step(&s, None, Step::Next), Some(TaskId(1)), "the first task when none is selected");
        assert_eq!(go(1, "ArrowRight"), Some(2));
        assert_eq!(go(2, "ArrowRight"), None, "the end of the lane");
        assert_eq!(go(2, "ArrowLeft"), Some(1));
        assert_eq!(go(1, "ArrowLeft"), None);
        // Down skips the empty lane, to the task nearest in time: a1's middle is 0.5, b1's 1.
        assert_eq!(go(1, "ArrowDown"), Some(3));
        // a2's middle is 2.5: b1 (1) or b2 (3)? b2 is nearer.
        assert_eq!(go(2, "ArrowDown"), Some(4));
        assert_eq!(go(4, "ArrowUp"), Some(2));
        assert_eq!(go(3, "ArrowDown"), None, "the last lane");
        assert_eq!(go(4, "Home"), Some(3));
        assert_eq!(go(3, "End"), Some(4));
        assert_eq!(Step::from_key("Enter"), None);
    }

    #[test]
    fn each_stop_is_said_in_one_sentence() {
        let l = lesson::default_lesson();
        let s = Rc::new(l.scenario(0));
        let p = predict(&s, Mode::Async, 1000.0, 1);
        let selfies = s.tasks().find(|(_, t)| t.label == "Take selfies").unwrap().1.id;
        assert_eq!(
            describe(&s, selfies, &p, None),
            "Take selfies, lane Phone, task 1 of 1: not run yet, predicted 0.00\u{2013}2.00 s."
        );
        let span = |a: f64, b: f64| Span { start_ms: a, end_ms: b };
        let m = Measurements {
            run: Some(span(0.0, 5000.0)),
            tasks: vec![
                (TaskId(1), span(0.0, 5000.0), Outcome::Done),
                (selfies, span(0.0, 2010.0), Outcome::Cancelled),
            ],
            frames: vec![0.0, 16.0, 5000.0],
            ..Measurements::default()
        };
        let r = crate::core::report::RunReport::new(&s, &p, &m);
        assert_eq!(
            describe(&s, selfies, &p, Some(&r)),
            "Take selfies, lane Phone, task 1 of 1: measured 0.00\u{2013}2.01 s (cancelled: dropped unfinished), predicted 0.00\u{2013}2.00 s."
        );
        assert_eq!(describe(&s, TaskId(99), &p, None), "No task selected.");
    }

    #[test]
    fn spans_are_said_in_seconds_or_milliseconds() {
        let span = |a: f64, b: f64| Span { start_ms: a, end_ms: b };
        assert_eq!(range(&span(0.0, 2010.0)), "0.00\u{2013}2.01 s");
        assert_eq!(range(&span(12.4, 40.0)), "12\u{2013}40 ms");
        assert_eq!(range(&span(0.5, 1.5)), "0.5\u{2013}1.5 ms");
    }

    #[test]
    fn the_table_holds_the_tasks_around_the_selection() {
        let s = scenario();
        let ids = |v: Vec<TaskId>| v.into_iter().map(|t| t.0).collect::<Vec<_>>();
        assert_eq!(ids(around(&s, Some(TaskId(3)), 1)), [2, 3, 4]);
        assert_eq!(ids(around(&s, Some(TaskId(1)), 1)), [1, 2]);
        assert_eq!(ids(around(&s, None, 10)), [1, 2, 3, 4]);
    }
}
