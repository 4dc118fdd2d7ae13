//! Predict, then run: the question a lesson asks before its first run, the learner's guess,
//! and the answers the model and the measurement give, set side by side.

use super::format::{units, Unit};
use super::mode::Mode;
use super::predict::{merge_spans, Prediction};
use super::report::RunReport;
use super::scenario::{Scenario, TaskId};
use super::timing::{Outcome, Span};

/// What a lesson asks the learner to predict.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Question {
    /// How long the run in this mode takes.
    Total(Mode),
    /// Which lane finishes first in this mode.
    FirstLane(Mode),
    /// What the shared counter holds at the end of a run in this mode.
    Counter(Mode),
    /// Which task freezes the page in an async run.
    Culprit,
    /// How long the page freezes in one go, at the longest, in a run in this mode (in units).
    Freeze(Mode),
    /// When the task with this label is done in a run in this mode (in units from the start).
    Ends(Mode, &'static str),
    /// In what order a click handler's lines are logged: answered by the lesson's turn of the
    /// event loop (`core::turn`), not by a run of the scenario.
    Order,
    /// Whether the task with this label runs to its end in a run in this mode, so that the
    /// line after its await (the code view's `done: <label>`) is logged: a task dropped part
    /// way never gets there.
    Logged(Mode, &'static str),
}

/// The learner's guess.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Guess {
    Units(f64),
    Lane(usize),
    Count(i64),
    Task(TaskId),
    /// Yes or no.
    Logged(bool),
}

/// An answer to a question, from the model or from a run; `None` where there is none (no lane
/// finished, nothing froze).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Answer {
    Units(f64),
    Lane(Option<usize>),
    Count(Option<i64>),
    Task(Option<TaskId>),
    Logged(bool),
}

impl Question {
    /// Reads a question as a lesson file writes it: `total async`, `first-lane async`,
    /// `counter blocking`, `freeze async`, `ends async <a task's label>`,
    /// `logged async <a task's label>`, `culprit`, `order`. A label's text lives as long as the
    /// page.
    pub fn parse(text: &str) -> Option<Question> {
        for (prefix, make) in
            [("ends ", Question::Ends as fn(Mode, &'static str) -> Question), ("logged ", Question::Logged)]
        {
            if let Some(rest) = text.strip_prefix(prefix) {
                let (mode, label) = rest.split_once(' ')?;
                let label = label.trim();
                let mode = Mode::parse(mode).filter(|_| !label.is_empty())?;
                return Some(make(mode, Box::leak(label.to_owned().into_boxed_str())));
            }
        }
        let (kind, mode) = text.split_once(' ').unwrap_or((text, ""));
        let mode = Mode::parse(mode);
        match (kind, mode) {
            ("freeze", Some(m)) => Some(Question::Freeze(m)),
            ("total", Some(m)) => Some(Question::Total(m)),
            ("first-lane", Some(m)) => Some(Question::FirstLane(m)),
            ("counter", Some(m)) => Some(Question::Counter(m)),
            ("culprit", None) => Some(Question::Culprit),
            ("order", None) => Some(Question::Order),
            _ => None,
        }
    }

    /// The mode whose run answers the question.
    pub fn mode(self) -> Mode {
        match self {
            Question::Total(m)
            | Question::FirstLane(m)
            | Question::Counter(m)
            | Question::Freeze(m)
            | Question::Ends(m, _)
            | Question::Logged(m, _) => m,
            Question::Culprit | Question::Order => Mode::Async,
        }
    }

    /// The question in words.
    pub fn ask(self, unit: Unit) -> String {
        match self {
            Question::Total(m) => format!("How long will the {m} run take, in {}?", unit.1),
            Question::FirstLane(m) => format!("Which lane will finish first in the {m} run?"),
            Question::Counter(m) => format!("What will the counter hold at the end of the {m} run?"),
            Question::Culprit => "Which task will freeze the page in the async run?".to_string(),
            Question::Freeze(m) => {
                format!(
                    "How long will the page freeze in one go, at the longest, in the {m} run, in {}?",
                    unit.1
                )
            }
            Question::Ends(m, label) => {
                format!(
                    "When will \u{201c}{label}\u{201d} be done in the {m} run, in {} from the start?",
                    unit.1
                )
            }
            Question::Order => "In what order will the click handler's lines be logged?".to_string(),
            Question::Logged(m, label) => format!(
                "In the {m} run, will \u{201c}{label}\u{201d} get past its await, so that the line after it logs \u{201c}done: {label}\u{201d}?"
            ),
        }
    }

    /// What to do when a guess for this question cannot be read (an empty field, say).
    pub fn unreadable(self) -> &'static str {
        match self {
            Question::Total(_) | Question::Freeze(_) | Question::Ends(..) => {
                "Type a number of units, 0 or more: for example 4.5."
            }
            Question::Counter(_) => "Type a whole number: for example 2.",
            _ => "Choose one of the options first.",
        }
    }

    /// What the model predicts (`None` for the order question: `core::turn` answers it).
    pub fn model(self, prediction: &Prediction, scenario: &Scenario) -> Option<Answer> {
        Some(match self {
            Question::Total(_) => Answer::Units(prediction.total_units()),
            Question::FirstLane(_) => Answer::Lane(prediction.first_lane()),
            Question::Counter(_) => Answer::Count(prediction.counter),
            Question::Culprit => Answer::Task(longest_hold(prediction, scenario)),
            Question::Freeze(_) => Answer::Units(longest_freeze_ms(prediction, scenario) / prediction.scale),
            Question::Ends(_, label) => {
                let (_, task) = scenario.tasks().find(|(_, t)| t.label == label)?;
                Answer::Units(prediction.timing(task.id)?.span.end_ms / prediction.scale)
            }
            Question::Logged(_, label) => {
                let (_, task) = scenario.tasks().find(|(_, t)| t.label == label)?;
                Answer::Logged(prediction.timing(task.id)?.outcome == Outcome::Done)
            }
            Question::Order => return None,
        })
    }

    /// What a run measured (`None` for the order question).
    pub fn measured(self, report: &RunReport) -> Option<Answer> {
        Some(match self {
            Question::Total(_) => Answer::Units(report.total_ms / report.scale),
            Question::FirstLane(_) => Answer::Lane(report.first_lane()),
            Question::Counter(_) => Answer::Count(report.counter),
            Question::Culprit => Answer::Task(freeze_culprit(report)),
            Question::Freeze(_) => Answer::Units(report.longest_freeze_ms() / report.scale),
            Question::Ends(_, label) => {
                Answer::Units(report.tasks.iter().find(|t| t.label == label)?.span.end_ms / report.scale)
            }
            Question::Logged(_, label) => {
                Answer::Logged(report.tasks.iter().find(|t| t.label == label)?.outcome == Outcome::Done)
            }
            Question::Order => return None,
        })
    }
}

/// The task that holds the main thread longest in one go: a work task that never yields, or
/// "yields" only to microtasks. `None` when every task gives the thread back often.
fn longest_hold(prediction: &Prediction, scenario: &Scenario) -> Option<TaskId> {
    // The prediction lists the tasks in lane order, as the scenario does.
    scenario
        .tasks()
        .zip(&prediction.tasks)
        .filter(|(_, t)| t.outcome != Outcome::Skipped)
        .filter(|((_, task), _)| task.kind.holds_throughout())
        .map(|(_, t)| (t.id, t.span.end_ms - t.span.start_ms))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id)
}

/// The longest the model says the main thread is held in one go, in ms: a blocking run holds
/// it throughout; otherwise work that never lets the browser in (joined where such tasks follow
/// each other without a gap), or one burst of work that yields.
fn longest_freeze_ms(prediction: &Prediction, scenario: &Scenario) -> f64 {
    match prediction.mode {
        Mode::Blocking => return prediction.total_ms,
        // Work runs on the workers; the main thread only waits.
        Mode::Workers => return 0.0,
        Mode::Async => {}
    }
    let ran = || scenario.tasks().zip(&prediction.tasks).filter(|(_, t)| t.outcome != Outcome::Skipped);
    let holds: Vec<Span> =
        ran().filter(|((_, task), _)| task.kind.holds_throughout()).map(|(_, t)| t.span).collect();
    let longest_hold = merge_spans(&holds, 0.5).iter().map(|s| s.end_ms - s.start_ms).fold(0.0, f64::max);
    let longest_burst = ran().filter_map(|((_, task), _)| task.hold_ms(prediction.scale)).fold(0.0, f64::max);
    longest_hold.max(longest_burst)
}

/// The work task that overlaps most with the run's longest freeze.
fn freeze_culprit(report: &RunReport) -> Option<TaskId> {
    let freeze =
        report.freezes.iter().max_by(|a, b| (a.end_ms - a.start_ms).total_cmp(&(b.end_ms - b.start_ms)))?;
    let overlap = |s: &Span| (s.end_ms.min(freeze.end_ms) - s.start_ms.max(freeze.start_ms)).max(0.0);
    report
        .tasks
        .iter()
        .filter(|t| t.kind.is_cpu())
        .map(|t| (t.id, overlap(&t.span)))
        .filter(|(_, o)| *o > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id)
}

fn lane_name(scenario: &Scenario, lane: usize) -> String {
    scenario.lanes().get(lane).map_or_else(|| format!("lane {}", lane + 1), |l| l.name.clone())
}

fn task_label(scenario: &Scenario, id: TaskId) -> String {
    scenario
        .task(id)
        .map_or_else(|| format!("task {}", id.0), |(_, t)| format!("\u{201c}{}\u{201d}", t.label))
}

impl Guess {
    /// The guess in words.
    pub fn describe(self, scenario: &Scenario, unit: Unit) -> String {
        match self {
            Guess::Units(n) => units(n, unit),
            Guess::Lane(l) => lane_name(scenario, l),
            Guess::Count(c) => c.to_string(),
            Guess::Task(id) => task_label(scenario, id),
            Guess::Logged(yes) => Answer::Logged(yes).describe(scenario, unit),
        }
    }

    /// Whether the guess agrees with an answer: a total within a tenth (or a quarter unit).
    pub fn agrees(self, answer: Answer) -> bool {
        match (self, answer) {
            (Guess::Units(g), Answer::Units(a)) => (g - a).abs() <= (a * 0.1).max(0.25),
            (Guess::Lane(g), Answer::Lane(a)) => a == Some(g),
            (Guess::Count(g), Answer::Count(a)) => a == Some(g),
            (Guess::Task(g), Answer::Task(a)) => a == Some(g),
            (Guess::Logged(g), Answer::Logged(a)) => g == a,
            _ => false,
        }
    }
}

impl Answer {
    /// The answer in words.
    pub fn describe(self, scenario: &Scenario, unit: Unit) -> String {
        match self {
            Answer::Units(n) => units(n, unit),
            Answer::Lane(Some(l)) => lane_name(scenario, l),
            Answer::Lane(None) => "no lane finished".to_string(),
            Answer::Count(Some(c)) => c.to_string(),
            Answer::Count(None) => "no counter".to_string(),
            Answer::Task(Some(id)) => task_label(scenario, id),
            Answer::Task(None) => "no task froze the page".to_string(),
            Answer::Logged(true) => "yes: it runs to its end".to_string(),
            Answer::Logged(false) => "no: it is dropped before".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_freeze_is_the_longest_hold_joined_with_holds_that_follow_it() {
        use crate::core::predict::predict;
        let freeze = |json: &str, mode: Mode| {
            let s = Scenario::from_json(json).unwrap();
            let p = predict(&s, mode, 1000.0, 2);
            Question::Freeze(mode).model(&p, &s)
        };
        let trap = r#"{"version": 1, "lanes": [
            {"name": "A", "tasks": [{"kind": "wait", "label": "w", "duration": 3}]},
            {"name": "B", "tasks": [{"kind": "work", "label": "r", "duration": 2, "burst_ms": 0}]}]}"#;
        assert_eq!(freeze(trap, Mode::Async), Some(Answer::Units(2.0)));
        assert_eq!(freeze(trap, Mode::Blocking), Some(Answer::Units(5.0)), "a blocking run is one freeze");
        assert_eq!(freeze(trap, Mode::Workers), Some(Answer::Units(0.0)), "work on workers holds nothing");
        // Two holds back to back in a lane: the thread is never given back between them.
        let two = r#"{"version": 1, "lanes": [{"name": "A", "tasks": [
            {"kind": "work", "label": "a", "duration": 1, "burst_ms": 0},
            {"kind": "work", "label": "b", "duration": 0.5, "burst_ms": 0}]}]}"#;
        assert_eq!(freeze(two, Mode::Async), Some(Answer::Units(1.5)));
        // Work in 8 ms bursts freezes the page for a burst at most.
        let bursts = r#"{"version": 1, "lanes": [{"name": "A", "tasks": [
            {"kind": "work", "label": "a", "duration": 1, "burst_ms": 8}]}]}"#;
        assert_eq!(freeze(bursts, Mode::Async), Some(Answer::Units(0.008)));
    }

    #[test]
    fn when_a_task_ends_is_read_from_the_model_and_the_run_by_its_label() {
        use crate::core::predict::predict;
        let s = Scenario::from_json(
            r#"{"version": 1, "lanes": [{"name": "A", "tasks": [{"kind": "wait", "label": "w", "duration": 3}]}]}"#,
        )
        .unwrap();
        let p = predict(&s, Mode::Async, 1000.0, 1);
        assert_eq!(Question::Ends(Mode::Async, "w").model(&p, &s), Some(Answer::Units(3.0)));
        assert_eq!(
            Question::Ends(Mode::Async, "gone").model(&p, &s),
            None,
            "a task no longer there asks nothing"
        );
    }

    #[test]
    fn whether_a_task_s_done_line_is_logged_is_whether_it_ran_to_its_end() {
        let s = Rc::new(
            Scenario::from_json(
                r#"{"version": 1, "combine": "select", "lanes": [
                {"name": "Download", "tasks": [{"kind": "request", "label": "Fetch", "duration": 5}]},
                {"name": "Timeout", "tasks": [{"kind": "wait", "label": "Give up", "duration": 3}]}]}"#,
            )
            .unwrap(),
        );
        let p = predict(&s, Mode::Async, 1000.0, 1);
        let fetch = Question::Logged(Mode::Async, "Fetch");
        assert_eq!(fetch.model(&p, &s), Some(Answer::Logged(false)), "the loser of a select is dropped");
        assert_eq!(Question::Logged(Mode::Async, "Give up").model(&p, &s), Some(Answer::Logged(true)));
        assert_eq!(Question::Logged(Mode::Async, "gone").model(&p, &s), None);
        // The run says what happened to it, whatever the model said.
        let span = |a: f64, b: f64| Span { start_ms: a, end_ms: b };
        let ran = |outcome| {
            let m = Measurements {
                run: Some(span(0.0, 3000.0)),
                tasks: vec![
                    (TaskId(1), span(0.0, 3000.0), outcome),
                    (TaskId(2), span(0.0, 3000.0), Outcome::Done),
                ],
                frames: vec![0.0, 16.0, 3000.0],
                ..Measurements::default()
            };
            fetch.measured(&RunReport::new(&s, &p, &m))
        };
        assert_eq!(ran(Outcome::Cancelled), Some(Answer::Logged(false)));
        assert_eq!(ran(Outcome::Done), Some(Answer::Logged(true)));
        assert!(Guess::Logged(false).agrees(Answer::Logged(false)));
        assert!(!Guess::Logged(true).agrees(Answer::Logged(false)));
        assert!(fetch.ask(("second", "seconds")).contains("\u{201c}done: Fetch\u{201d}"));
    }

    #[test]
    fn questions_read_as_lesson_files_write_them() {
        use Mode::*;
        for (text, q) in [
            ("total async", Some(Question::Total(Async))),
            ("first-lane blocking", Some(Question::FirstLane(Blocking))),
            ("counter workers", Some(Question::Counter(Workers))),
            ("culprit", Some(Question::Culprit)),
            ("culprit async", None),
            ("order", Some(Question::Order)),
            ("freeze async", Some(Question::Freeze(Async))),
            ("freeze", None),
            ("ends async A timer due at 0.5 s", Some(Question::Ends(Async, "A timer due at 0.5 s"))),
            ("ends async ", None),
            ("ends soon Timer", None),
            ("logged async Fetch the report", Some(Question::Logged(Async, "Fetch the report"))),
            ("logged async", None),
            ("logged sometimes Fetch", None),
            ("total", None),
            ("total sideways", None),
            ("", None),
        ] {
            assert_eq!(Question::parse(text), q, "{text}");
        }
    }
    use crate::core::lesson;
    use crate::core::predict::predict;
    use crate::core::report::Measurements;
    use std::rc::Rc;

    #[test]
    fn the_model_answers_each_kind_of_question() {
        let l = lesson::default_lesson();
        let s = l.scenario(0);
        let p = predict(&s, Mode::Async, 1000.0, 4);
        assert_eq!(Question::Total(Mode::Async).model(&p, &s), Some(Answer::Units(5.0)));
        assert_eq!(Question::FirstLane(Mode::Async).model(&p, &s), Some(Answer::Lane(Some(1))));
        assert_eq!(Question::Counter(Mode::Async).model(&p, &s), Some(Answer::Count(None)));
        // The selfies yield every 8 ms: nothing holds the thread for long.
        assert_eq!(Question::Culprit.model(&p, &s), Some(Answer::Task(None)));
        assert_eq!(Question::Total(Mode::Async).ask(l.unit), "How long will the async run take, in minutes?");
    }

    #[test]
    fn guesses_agree_within_reason() {
        assert!(Guess::Units(5.0).agrees(Answer::Units(5.02)));
        assert!(Guess::Units(5.4).agrees(Answer::Units(5.0)));
        assert!(!Guess::Units(7.0).agrees(Answer::Units(5.0)));
        assert!(Guess::Lane(1).agrees(Answer::Lane(Some(1))));
        assert!(!Guess::Lane(0).agrees(Answer::Lane(None)));
        assert!(!Guess::Count(2).agrees(Answer::Count(Some(1))));
        assert!(!Guess::Lane(1).agrees(Answer::Count(Some(1))));
    }

    #[test]
    fn the_measured_culprit_is_the_work_under_the_longest_freeze() {
        let s = Rc::new(
            Scenario::from_json(
                r#"{"version":1,"lanes":[
                {"name":"A","tasks":[{"kind":"work","label":"Short","duration":0.1,"burst_ms":0}]},
                {"name":"B","tasks":[{"kind":"work","label":"Long","duration":1,"burst_ms":0}]}]}"#,
            )
            .unwrap(),
        );
        let p = predict(&s, Mode::Async, 1000.0, 4);
        assert_eq!(Question::Culprit.model(&p, &s), Some(Answer::Task(Some(TaskId(2)))));
        let span = |a: f64, b: f64| Span { start_ms: a, end_ms: b };
        let m = Measurements {
            run: Some(span(0.0, 1100.0)),
            tasks: vec![
                (TaskId(1), span(0.0, 100.0), Outcome::Done),
                (TaskId(2), span(100.0, 1100.0), Outcome::Done),
            ],
            frames: vec![-16.0, 0.0, 110.0, 1110.0, 1126.0],
            ..Measurements::default()
        };
        let r = RunReport::new(&s, &p, &m);
        assert_eq!(Question::Culprit.measured(&r), Some(Answer::Task(Some(TaskId(2)))));
        assert_eq!(
            Answer::Task(Some(TaskId(2))).describe(&s, lesson::default_lesson().unit),
            "\u{201c}Long\u{201d}"
        );
    }
}
