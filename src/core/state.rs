//! The app's one state and its reducer: `State` + `Action` + [`State::apply`].
//!
//! The reducer is a plain function over an immutable value: it does no I/O and reads no clock,
//! so a test can replay a list of actions and compare the result. Runtime results arrive as
//! past-tense actions (`RunStarted`, `RunFinished`); the shell wraps this in yew's `Reducible`.

use super::format::duration;
use super::lesson::Lesson;
use super::mode::Mode;
use super::params::Params;
use super::predict::{predict, Prediction};
use super::report::RunReport;
use super::scenario::Scenario;
use std::rc::Rc;

/// The longest a blocking run may hold the page, in real milliseconds.
pub const BLOCKING_CAP_MS: f64 = 10_000.0;

#[derive(Clone, Debug, PartialEq)]
pub enum RunStatus {
    Idle,
    Running { mode: Mode },
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lesson: &'static Lesson,
    pub scenario: Rc<Scenario>,
    pub scale: f64,
    /// The prediction for each mode, in the order of [`Mode::ALL`]; kept in step with
    /// `scenario` and `scale` by the reducer.
    predictions: Rc<Vec<Rc<Prediction>>>,
    pub run: RunStatus,
    /// Every finished run of this session, oldest first.
    pub history: Vec<Rc<RunReport>>,
    /// What the status region announces now.
    pub status: String,
    /// Problems to show until dismissed (for example a bad URL parameter).
    pub notices: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    RunStarted(Mode),
    RunFinished(RunReport),
    /// A run could not start; the message says why.
    RunRefused(String),
    DismissNotices,
}

impl State {
    pub fn new(params: &Params) -> State {
        let scenario = Rc::new(params.lesson.scenario());
        State {
            lesson: params.lesson,
            predictions: Rc::new(predictions(&scenario, params.scale)),
            scenario,
            scale: params.scale,
            run: RunStatus::Idle,
            history: Vec::new(),
            status: String::new(),
            notices: params.warnings.clone(),
        }
    }

    pub fn prediction(&self, mode: Mode) -> Rc<Prediction> {
        self.predictions
            .iter()
            .find(|p| p.mode == mode)
            .expect("one prediction per mode")
            .clone()
    }

    /// The latest finished run in `mode`.
    pub fn last_run(&self, mode: Mode) -> Option<Rc<RunReport>> {
        self.history.iter().rev().find(|r| r.mode == mode).cloned()
    }

    pub fn is_running(&self) -> bool {
        matches!(self.run, RunStatus::Running { .. })
    }

    /// Whether a run in `mode` may start now; if not, a message saying why and what to do.
    pub fn check_run(&self, mode: Mode) -> Result<(), String> {
        if let RunStatus::Running { mode: running } = self.run {
            return Err(format!(
                "A {running} run is still going; wait for it to finish."
            ));
        }
        let predicted = self.prediction(mode).total_ms;
        if mode == Mode::Blocking && predicted > BLOCKING_CAP_MS {
            return Err(format!(
                "This blocking run would freeze the page for {}, longer than the {} cap. \
                 Lower the time scale (?scale=, now {} ms per unit) or shorten the tasks.",
                duration(predicted),
                duration(BLOCKING_CAP_MS),
                self.scale
            ));
        }
        Ok(())
    }

    /// The reducer: the state after `action`.
    pub fn apply(&self, action: Action) -> State {
        let mut next = self.clone();
        match action {
            Action::RunStarted(mode) => {
                let predicted = duration(self.prediction(mode).total_ms);
                next.status = match mode {
                    Mode::Blocking => format!(
                        "Blocking run started: the page will freeze for about {predicted}."
                    ),
                    Mode::Async => format!(
                        "Async run started: predicted to take {predicted}, with the page responsive."
                    ),
                };
                next.run = RunStatus::Running { mode };
            }
            Action::RunFinished(report) => {
                next.status = format!(
                    "{} run finished in {} (predicted {}). Longest frame gap: {}.",
                    report.mode.title(),
                    duration(report.total_ms),
                    duration(report.predicted_ms),
                    duration(report.longest_freeze_ms())
                );
                next.run = RunStatus::Idle;
                next.history.push(Rc::new(report));
            }
            Action::RunRefused(why) => next.status = why,
            Action::DismissNotices => next.notices.clear(),
        }
        next
    }
}

fn predictions(scenario: &Scenario, scale: f64) -> Vec<Rc<Prediction>> {
    Mode::ALL
        .into_iter()
        .map(|mode| Rc::new(predict(scenario, mode, scale)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::report::Measurements;

    fn replay(params: &Params, actions: Vec<Action>) -> State {
        actions
            .into_iter()
            .fold(State::new(params), |s, a| s.apply(a))
    }

    fn finished(state: &State, mode: Mode, total_ms: f64) -> RunReport {
        let mut r = RunReport::new(&state.scenario, mode, state.scale, &Measurements::default());
        r.total_ms = total_ms;
        r
    }

    #[test]
    fn a_run_goes_from_started_to_finished_into_the_history() {
        let params = Params::from_query("scale=100");
        let s0 = State::new(&params);
        assert_eq!(s0.prediction(Mode::Blocking).total_ms, 700.0);
        assert_eq!(s0.prediction(Mode::Async).total_ms, 500.0);
        let s1 = s0.apply(Action::RunStarted(Mode::Async));
        assert!(s1.is_running());
        assert_eq!(
            s1.status,
            "Async run started: predicted to take 500 ms, with the page responsive."
        );
        assert!(s1
            .check_run(Mode::Blocking)
            .unwrap_err()
            .contains("still going"));
        let s2 = s1.apply(Action::RunFinished(finished(&s1, Mode::Async, 503.0)));
        assert!(!s2.is_running());
        assert_eq!(
            s2.status,
            "Async run finished in 503 ms (predicted 500 ms). Longest frame gap: 0 ms."
        );
        assert_eq!(s2.last_run(Mode::Async).unwrap().total_ms, 503.0);
        assert!(s2.last_run(Mode::Blocking).is_none());
        // The earlier states are untouched.
        assert!(s0.history.is_empty() && !s0.is_running());
    }

    #[test]
    fn history_keeps_every_run_in_order() {
        let params = Params::default();
        let s = State::new(&params);
        let a = finished(&s, Mode::Async, 5010.0);
        let b = finished(&s, Mode::Blocking, 7020.0);
        let c = finished(&s, Mode::Async, 5004.0);
        let s = replay(
            &params,
            vec![
                Action::RunStarted(Mode::Async),
                Action::RunFinished(a),
                Action::RunStarted(Mode::Blocking),
                Action::RunFinished(b),
                Action::RunStarted(Mode::Async),
                Action::RunFinished(c),
            ],
        );
        let totals: Vec<f64> = s.history.iter().map(|r| r.total_ms).collect();
        assert_eq!(totals, vec![5010.0, 7020.0, 5004.0]);
        assert_eq!(s.last_run(Mode::Async).unwrap().total_ms, 5004.0);
    }

    #[test]
    fn a_blocking_run_over_the_cap_is_refused_with_advice() {
        let slow = State::new(&Params::from_query("scale=2000"));
        let why = slow.check_run(Mode::Blocking).unwrap_err();
        assert!(
            why.contains("14.00 s") && why.contains("10.00 s cap") && why.contains("?scale="),
            "{why}"
        );
        assert_eq!(slow.check_run(Mode::Async), Ok(()));
        let refused = slow.apply(Action::RunRefused(why.clone()));
        assert_eq!(refused.status, why);
        assert!(!refused.is_running());
        assert_eq!(
            State::new(&Params::default()).check_run(Mode::Blocking),
            Ok(())
        );
    }

    #[test]
    fn url_warnings_become_notices_until_dismissed() {
        let s = State::new(&Params::from_query("scale=zero"));
        assert_eq!(s.notices.len(), 1);
        assert!(s.apply(Action::DismissNotices).notices.is_empty());
    }
}
