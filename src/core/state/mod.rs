//! The app's one state and its reducer: `State` + `Action` + [`State::apply`].
//!
//! The reducer is a plain function over an immutable value: it does no I/O and reads no clock,
//! so a test can replay a list of actions and compare the result. Runtime results arrive as
//! past-tense actions (`RunStarted`, `RunFinished`); the shell wraps this in yew's `Reducible`.

use super::cap;
use super::edit::Edit;
use super::format::duration;
use super::format::Num;
use super::lesson::Lesson;
use super::mode::Mode;
use super::number::clamp;
use super::origin::{Origin, Source};
use super::params::Params;
use super::params::{MAX_SCALE, MIN_SCALE};
use super::pool::MAX_WORKERS;
use super::predict::{predict, Prediction};
use super::question::{Guess, Question};
use super::report::RunReport;
use super::scenario::{Scenario, TaskId};
use super::startup::Start;
use std::rc::Rc;

mod announce;
mod history;

use history::UndoHistory;
pub use history::UNDO_DEPTH;

#[derive(Clone, Debug, PartialEq)]
pub enum RunStatus {
    Idle,
    /// `started` is false while the run waits for the runner to load (`RunLoading`): nothing
    /// of it has run yet.
    Running {
        mode: Mode,
        started: bool,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub scenario: Rc<Scenario>,
    /// Where the scenario came from: the lesson beside it, which of its scenarios (or a load,
    /// or a link), edited or not.
    pub origin: Origin,
    pub scale: f64,
    /// How many Web Workers workers mode runs work on.
    pub workers: usize,
    /// The prediction for each mode, in the order of [`Mode::ALL`]; kept in step with
    /// `scenario`, `scale` and `workers` by the reducer.
    predictions: Rc<Vec<Rc<Prediction>>>,
    pub run: RunStatus,
    /// `Compare all` is running the modes one after another.
    pub comparing: bool,
    /// Every finished run of this session, oldest first.
    pub history: Vec<Rc<RunReport>>,
    /// What the status region announces now.
    pub status: String,
    /// Problems to show until dismissed (for example a bad URL parameter).
    pub notices: Vec<String>,
    /// The scenarios before the current one and after it, with where each came from.
    undo: UndoHistory,
    /// The task the side panel edits.
    pub selected: Option<TaskId>,
    /// What the editor's live region announces after each edit.
    pub edit_note: String,
    /// A blocking run predicted to take longer than this does not start.
    pub cap_ms: f64,
    /// The learner's guess for the lesson's question, until the lesson or scenario changes.
    pub guess: Option<Guess>,
    /// Why the last value given to the run settings was not taken, shown beside them (where the
    /// learner is looking) until a setting is taken or another lesson is opened; empty when none.
    pub settings_note: String,
    /// Why the last guess the learner tried to lock in could not be read, until a guess is
    /// locked in or asked afresh (a run going on meanwhile keeps it).
    pub guess_problem: Option<&'static str>,
    /// Whether the lesson's question has had its answer since the lesson opened: a run of the
    /// mode it asks about finished, or for the order question, the turn ran.
    answered: bool,
    /// Runs, no editing (`readonly=1`): every edit is refused with [`READ_ONLY`].
    pub readonly: bool,
    /// The mode whose run the stage's timeline draws, when the learner chose one or a run
    /// started; otherwise [`State::shown_mode`] picks one.
    shown: Option<Mode>,
}

/// What a read-only page (`readonly=1`) says, from the start and to any edit.
pub const READ_ONLY: &str = "Read-only here: this scenario can be run, not changed.";

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A run in this mode was asked for before the runner (what runs it) had loaded: it starts
    /// once it has, and the page is as if running meanwhile.
    RunLoading(Mode),
    RunStarted(Mode),
    RunFinished(Box<RunReport>),
    /// A run could not start; the message says why.
    RunRefused(String),
    /// The learner stopped an async run; its futures were dropped.
    RunStopped,
    /// `Compare all` began: the modes run one after another, and nothing may change between.
    CompareStarted,
    /// `Compare all` ran its last mode.
    CompareFinished,
    DismissNotices,
    /// Something the learner should know, shown until dismissed (once, however often it comes).
    Notice(String),
    Edit(Edit),
    /// Replace the whole scenario (from a `load` message), undoably.
    Load(Rc<Scenario>),
    /// Open a share link's scenario, with its lesson and scale when it names them, undoably.
    OpenShared {
        scenario: Rc<Scenario>,
        lesson: Option<&'static Lesson>,
        scale: Option<f64>,
    },
    Undo,
    Redo,
    Select(Option<TaskId>),
    /// The time scale, in ms per unit: one out of its range (or not a number) is refused, and
    /// the settings' note says why.
    SetScale(f64),
    /// The blocking cap, in ms: held within its limits; not a number, refused, saying why.
    SetCap(f64),
    /// A value typed in the run settings could not be read; the message says why.
    SettingRefused(String),
    /// The size of the worker pool (from 1 to [`MAX_WORKERS`]).
    SetWorkers(usize),
    /// Open a lesson at its first scenario (undoably: the scenario before it is kept).
    ChooseLesson(&'static Lesson),
    /// Load another of the lesson's scenarios (undoably).
    ChooseVariant(usize),
    /// The learner commits to a guess for the lesson's question.
    Guess(Guess),
    /// The learner tried to lock in a guess the page cannot read (an empty field, say).
    GuessUnreadable,
    /// The learner wants to guess again.
    ClearGuess,
    /// The lesson's click handler ran for real and its lines were logged.
    TurnRan,
    /// Draw this mode's prediction and latest run on the timeline.
    Show(Mode),
}

impl State {
    /// The state for `params` alone: the lesson the URL names, at its scale.
    pub fn new(params: &Params) -> State {
        State::starting(Start {
            scenario: params.lesson.scenario(0),
            origin: Origin::variant_of(params.lesson, 0),
            scale: params.scale,
            cap_ms: cap::DEFAULT_MS,
            workers: 1,
            notices: params.warnings.clone(),
            set_aside: false,
            keep_previous: false,
            readonly: params.readonly,
        })
    }

    /// Whether the lesson's question has had its answer: the order question once the turn
    /// ran, any other once its mode ran (the note with the answer waits until then).
    pub fn question_answered(&self) -> bool {
        self.answered
    }

    /// The state a page opens with (see `core::startup`).
    pub fn starting(start: Start) -> State {
        let scenario = Rc::new(start.scenario);
        let workers = start.workers.clamp(1, MAX_WORKERS);
        State {
            origin: start.origin,
            predictions: Rc::new(predictions(&scenario, start.scale, workers)),
            scenario,
            scale: start.scale,
            workers,
            run: RunStatus::Idle,
            comparing: false,
            history: Vec::new(),
            status: String::new(),
            notices: start.notices,
            undo: UndoHistory::default(),
            selected: None,
            edit_note: if start.readonly { READ_ONLY.into() } else { String::new() },
            readonly: start.readonly,
            cap_ms: cap::clamp(start.cap_ms).unwrap_or(cap::DEFAULT_MS),
            guess: None,
            guess_problem: None,
            settings_note: String::new(),
            answered: false,
            shown: None,
        }
    }

    /// Replaces the scenario undoably, as an edit, a load or a lesson choice does.
    fn replace_scenario(&mut self, scenario: Rc<Scenario>, origin: Origin) {
        self.undo.record((self.scenario.clone(), self.origin));
        self.set_scenario(scenario, origin);
    }

    /// The lesson on the page.
    pub fn lesson(&self) -> &'static Lesson {
        self.origin.lesson
    }

    pub fn can_undo(&self) -> bool {
        self.undo.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.undo.can_redo()
    }

    /// `n` units in the lesson's words ("5 minutes").
    pub fn units(&self, n: f64) -> String {
        self.origin.lesson.units(n)
    }

    fn label(&self, id: TaskId) -> String {
        self.scenario.task(id).map(|(_, t)| t.label.clone()).unwrap_or_default()
    }

    /// Replaces the scenario (not through undo), recomputing the predictions.
    /// Puts `scenario` on the page, from `origin`: another lesson brings its own question, so
    /// the guess and the mode shown start afresh.
    fn set_scenario(&mut self, scenario: Rc<Scenario>, origin: Origin) {
        if origin.lesson.id != self.origin.lesson.id {
            self.guess = None;
            self.guess_problem = None;
            self.answered = false;
            self.shown = None;
        }
        self.origin = origin;
        self.predictions = Rc::new(predictions(&scenario, self.scale, self.workers));
        if let Some(id) = self.selected {
            if scenario.task(id).is_none() {
                self.selected = None;
            }
        }
        self.scenario = scenario;
    }

    pub fn prediction(&self, mode: Mode) -> Rc<Prediction> {
        self.predictions.iter().find(|p| p.mode == mode).expect("one prediction per mode").clone()
    }

    /// The mode the timeline draws: the one running, else the one last chosen or run, else
    /// the mode the lesson's question asks about.
    pub fn shown_mode(&self) -> Mode {
        match self.run {
            RunStatus::Running { mode, .. } => mode,
            RunStatus::Idle => self.shown.unwrap_or_else(|| self.origin.lesson.question.mode()),
        }
    }

    /// The latest finished run in `mode`.
    pub fn last_run(&self, mode: Mode) -> Option<Rc<RunReport>> {
        self.history.iter().rev().find(|r| r.mode == mode).cloned()
    }

    /// Whether a run, or a comparison between its runs, is going on.
    pub fn is_running(&self) -> bool {
        matches!(self.run, RunStatus::Running { .. }) || self.comparing
    }

    /// The latest run of each mode on the scenario as it is now, in the order of [`Mode::ALL`].
    pub fn current_runs(&self) -> Vec<Rc<RunReport>> {
        Mode::ALL
            .into_iter()
            .filter_map(|m| self.last_run(m).filter(|r| Rc::ptr_eq(&r.scenario, &self.scenario)))
            .collect()
    }

    /// The longest the main thread is held in one go in async mode: the longest burst of work
    /// (a whole work task where its burst is 0, "never yield").
    fn longest_hold_ms(&self) -> Option<f64> {
        self.scenario.tasks().filter_map(|(_, t)| t.hold_ms(self.scale)).reduce(f64::max)
    }

    /// Whether a run in `mode` may start now; if not, a message saying why and what to do.
    pub fn check_run(&self, mode: Mode) -> Result<(), String> {
        if let RunStatus::Running { mode: running, .. } = self.run {
            return Err(format!("A {running} run is still going; wait for it to finish."));
        }
        if self.comparing {
            return Err("Compare all is still going; wait for it to finish.".into());
        }
        let predicted = self.prediction(mode).total_ms;
        if mode == Mode::Async {
            if let Some(hold) = self.longest_hold_ms().filter(|h| *h > self.cap_ms) {
                return Err(format!(
                    "A work task that never yields would hold the page for {} in one go, longer \
                     than the {} cap. Give it a burst size, shorten it, lower the time scale or \
                     raise the cap (up to {}).",
                    duration(hold),
                    duration(self.cap_ms),
                    duration(cap::MAX_MS)
                ));
            }
        }
        if mode == Mode::Blocking && predicted > self.cap_ms {
            return Err(format!(
                "This blocking run would freeze the page for {}, longer than the {} cap. \
                 Lower the time scale (now {} ms per unit), shorten the tasks, or raise the cap \
                 (up to {}).",
                duration(predicted),
                duration(self.cap_ms),
                Num(self.scale),
                duration(cap::MAX_MS)
            ));
        }
        Ok(())
    }

    /// The reducer: the state after `action`.
    pub fn apply(&self, action: Action) -> State {
        let mut next = self.clone();
        match action {
            Action::RunLoading(mode) => {
                // Running already: the scenario, the lesson and the settings stay as they were
                // when Run was pressed, and Stop can cancel.
                next.status = announce::run_loading(mode);
                next.run = RunStatus::Running { mode, started: false };
            }
            Action::RunStarted(mode) => {
                next.shown = Some(mode);
                next.status = announce::run_started(self, mode);
                next.run = RunStatus::Running { mode, started: true };
            }
            Action::RunFinished(report) => {
                let question = self.lesson().question;
                next.answered |= question != Question::Order && report.mode == question.mode();
                next.status = announce::run_finished(&report);
                next.run = RunStatus::Idle;
                let mut report = *report;
                if Rc::ptr_eq(&report.scenario, &self.scenario) {
                    report.scenario_name = self.origin.name();
                }
                next.history.push(Rc::new(report));
            }
            Action::RunRefused(why) => next.status = why,
            Action::SettingRefused(why) => next.settings_note = why,
            Action::RunStopped => {
                if let RunStatus::Running { mode, started } = self.run {
                    next.status = announce::run_stopped(mode, started, self.comparing);
                }
                next.run = RunStatus::Idle;
                next.comparing = false;
            }
            Action::CompareStarted => next.comparing = true,
            Action::CompareFinished => {
                next.comparing = false;
                next.status = announce::compared(&next.current_runs());
            }
            Action::DismissNotices => next.notices.clear(),
            Action::Notice(text) => {
                if !next.notices.contains(&text) {
                    next.notices.push(text);
                }
            }
            Action::Edit(_) | Action::Undo | Action::Redo if self.readonly => {
                next.edit_note = READ_ONLY.into();
            }
            Action::Edit(edit) => {
                if self.is_running() {
                    next.edit_note =
                        "The scenario cannot change during a run; stop it or wait for it to finish.".into();
                    return next;
                }
                match edit.apply(&self.scenario) {
                    Ok(edited) => {
                        next.replace_scenario(Rc::new(edited.scenario), self.origin.edit());
                        if edited.task.is_some() {
                            next.selected = edited.task;
                        }
                        next.edit_note = announce::edit_note(&next, &edit, edited.task);
                    }
                    Err(why) => next.edit_note = why.to_string(),
                }
            }
            Action::Load(scenario) => {
                if self.is_running() {
                    next.edit_note = "A scenario cannot be loaded during a run.".into();
                    return next;
                }
                next.edit_note = format!(
                    "Loaded a scenario of {} tasks in {} lanes.",
                    scenario.task_count(),
                    scenario.lanes().len()
                );
                next.replace_scenario(
                    scenario,
                    Origin { lesson: self.origin.lesson, source: Source::Loaded, edited: false },
                );
            }
            Action::OpenShared { .. } if self.is_running() => {
                next.notices.push(
                    "A share link cannot open during a run: wait for the run to end, then open the link again."
                        .into(),
                );
            }
            Action::OpenShared { scenario, lesson, scale } => {
                if lesson.is_some() {
                    next.guess = None;
                    next.guess_problem = None;
                }
                if let Some(scale) = scale {
                    next.scale = clamp(scale, MIN_SCALE, MAX_SCALE);
                }
                next.edit_note = format!(
                    "Opened a shared scenario of {} tasks in {} lanes. Undo brings back the one before.",
                    scenario.task_count(),
                    scenario.lanes().len()
                );
                let lesson = lesson.unwrap_or(self.origin.lesson);
                next.replace_scenario(scenario, Origin { lesson, source: Source::Shared, edited: false });
            }
            Action::Undo | Action::Redo if self.is_running() => {
                next.edit_note = "The scenario cannot change during a run.".into();
            }
            Action::Undo => match next.undo.undo((self.scenario.clone(), self.origin)) {
                Some((previous, origin)) => {
                    next.set_scenario(previous, origin);
                    next.edit_note = "Undone.".into();
                }
                None => next.edit_note = "Nothing to undo.".into(),
            },
            Action::Redo => match next.undo.redo((self.scenario.clone(), self.origin)) {
                Some((later, origin)) => {
                    next.set_scenario(later, origin);
                    next.edit_note = "Redone.".into();
                }
                None => next.edit_note = "Nothing to redo.".into(),
            },
            Action::ChooseLesson(_) | Action::ChooseVariant(_) if self.is_running() => {
                next.edit_note = "Wait for the run to finish before changing the scenario.".into();
            }
            Action::ChooseLesson(lesson) => {
                next.replace_scenario(Rc::new(lesson.scenario(0)), Origin::variant_of(lesson, 0));
                // Even the same lesson again asks afresh, and opens on its question's mode.
                next.guess = None;
                next.guess_problem = None;
                next.shown = None;
                next.selected = None;
                // A refusal said before is old news in another lesson (the settings stay).
                next.settings_note.clear();
                next.edit_note = format!(
                    "Opened the lesson \u{201c}{}\u{201d}. Undo brings back the scenario before it.",
                    lesson.title
                );
            }
            Action::ChooseVariant(index) => match self.origin.lesson.variants.get(index) {
                Some(variant) => {
                    let lesson = self.origin.lesson;
                    next.replace_scenario(Rc::new(lesson.scenario(index)), Origin::variant_of(lesson, index));
                    next.guess = None;
                    next.guess_problem = None;
                    next.edit_note = format!("Loaded \u{201c}{}\u{201d}.", variant.name);
                }
                None => next.edit_note = format!("This lesson has no scenario {}.", index + 1),
            },
            Action::Guess(guess) => {
                next.guess = Some(guess);
                next.guess_problem = None;
            }
            Action::GuessUnreadable => next.guess_problem = Some(self.lesson().question.unreadable()),
            Action::ClearGuess => {
                next.guess = None;
                next.guess_problem = None;
            }
            Action::TurnRan => next.answered |= self.lesson().question == Question::Order,
            Action::Show(mode) => next.shown = Some(mode),
            Action::Select(id) => next.selected = id.filter(|id| self.scenario.task(*id).is_some()),
            // Not while a run goes (the field is disabled then): nothing changes, nothing is said.
            Action::SetScale(_) if self.is_running() => {}
            Action::SetScale(scale) => {
                if scale.is_finite() && (MIN_SCALE..=MAX_SCALE).contains(&scale) {
                    next.scale = scale;
                    next.predictions = Rc::new(predictions(&next.scenario, scale, self.workers));
                    next.settings_note.clear();
                } else {
                    next.settings_note = format!(
                        "The time scale is a number of milliseconds per unit from {} to {}: it stays at {}.",
                        Num(MIN_SCALE),
                        Num(MAX_SCALE),
                        Num(self.scale)
                    );
                }
            }
            Action::SetWorkers(workers) => {
                if (1..=MAX_WORKERS).contains(&workers) && !self.is_running() {
                    next.workers = workers;
                    next.predictions = Rc::new(predictions(&next.scenario, self.scale, workers));
                    next.settings_note.clear();
                }
            }
            // A cap out of its limits is held at the nearest one.
            Action::SetCap(ms) => match cap::clamp(ms).filter(|_| ms.is_finite()) {
                Some(ms) => {
                    next.cap_ms = ms;
                    next.settings_note.clear();
                }
                None => {
                    next.settings_note = format!(
                        "The blocking cap is a number of seconds from {} to {}: it stays at {} s.",
                        Num(cap::MIN_MS / 1000.0),
                        Num(cap::MAX_MS / 1000.0),
                        Num(self.cap_ms / 1000.0)
                    )
                }
            },
        }
        next
    }
}

fn predictions(scenario: &Scenario, scale: f64, workers: usize) -> Vec<Rc<Prediction>> {
    Mode::ALL.into_iter().map(|mode| Rc::new(predict(scenario, mode, scale, workers))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::report::Measurements;
    use crate::core::scenario::TaskKind;

    fn replay(params: &Params, actions: Vec<Action>) -> State {
        actions.into_iter().fold(State::new(params), |s, a| s.apply(a))
    }

    fn finished(state: &State, mode: Mode, total_ms: f64) -> RunReport {
        let mut r = RunReport::new(&state.scenario, &state.prediction(mode), &Measurements::default());
        r.total_ms = total_ms;
        r
    }

    #[test]
    fn a_read_only_page_runs_but_refuses_every_edit_with_a_message() {
        let s = State::new(&Params::from_query("readonly=1"));
        assert_eq!(s.edit_note, READ_ONLY);
        let count = s.scenario.task_count();
        // A course page's load still loads; the learner's edits and undo do not.
        let loaded = s.apply(Action::Load(Rc::new(
            Scenario::from_json(
                r#"{"version":1,"lanes":[{"name":"A","tasks":[{"kind":"wait","label":"x","duration":1}]}]}"#,
            )
            .unwrap(),
        )));
        assert_eq!(loaded.scenario.task_count(), 1);
        for action in [Action::Undo, Action::Redo, Action::Edit(Edit::Clear)] {
            let after = loaded.clone().apply(action);
            assert_eq!((after.scenario.task_count(), after.edit_note.as_str()), (1, READ_ONLY));
        }
        assert!(count > 1);
        assert!(s.check_run(Mode::Async).is_ok());
        assert!(!State::new(&Params::default()).readonly);
    }

    #[test]
    fn the_order_question_is_answered_once_the_turn_ran_until_another_lesson_opens() {
        let s = State::new(&Params::from_query("lesson=event-loop"));
        assert!(!s.question_answered());
        let finished_run = finished(&s, Mode::Async, 200.0);
        let ran = s.apply(Action::RunStarted(Mode::Async)).apply(Action::RunFinished(Box::new(finished_run)));
        assert!(!ran.question_answered(), "a run of the scenario does not answer the order question");
        let turned = ran.apply(Action::TurnRan);
        assert!(turned.question_answered());
        assert!(turned.apply(Action::ChooseVariant(0)).question_answered(), "the same lesson");
        let other = turned.apply(Action::ChooseLesson(crate::core::lesson::find("race").unwrap()));
        assert!(!other.question_answered(), "another lesson's run answers nothing here");
        let raced = other
            .apply(Action::RunStarted(Mode::Async))
            .apply(Action::RunFinished(Box::new(finished(&other, Mode::Async, 100.0))));
        assert!(raced.question_answered());
        assert!(
            !raced.apply(Action::TurnRan).apply(Action::Undo).question_answered(),
            "back to the event loop: not run yet"
        );
    }

    #[test]
    fn the_pool_size_changes_the_workers_prediction_within_its_range() {
        let s = State::new(&Params::from_query("lesson=workers&scale=100"));
        // Two photos of two units each: one worker takes them in turn, two side by side.
        assert_eq!((s.workers, s.prediction(Mode::Workers).total_ms), (1, 400.0));
        let two = s.apply(Action::SetWorkers(2));
        assert_eq!((two.workers, two.prediction(Mode::Workers).total_ms), (2, 200.0));
        assert_eq!(two.prediction(Mode::Async).total_ms, 400.0, "async has no workers");
        for bad in [0, MAX_WORKERS + 1] {
            assert_eq!(two.apply(Action::SetWorkers(bad)).workers, 2, "{bad}");
        }
        let running = two.apply(Action::RunStarted(Mode::Workers));
        assert_eq!(
            running.status,
            "Workers run started on 2 workers: predicted to take 200 ms, plus the workers' start-up."
        );
        assert_eq!(running.apply(Action::SetWorkers(3)).workers, 2, "not during a run");
    }

    #[test]
    fn compare_all_holds_the_scenario_between_its_runs_and_sums_them_up() {
        let s = State::new(&Params::from_query("lesson=workers&scale=100")).apply(Action::SetWorkers(2));
        let comparing = s.apply(Action::CompareStarted);
        let mut at = comparing.clone();
        for (mode, total) in [(Mode::Blocking, 551.0), (Mode::Async, 402.0), (Mode::Workers, 260.0)] {
            let r = finished(&at, mode, total);
            at = at.apply(Action::RunStarted(mode)).apply(Action::RunFinished(Box::new(r)));
            // Between runs nothing may change the scenario.
            assert!(at.is_running());
            assert!(at.check_run(Mode::Async).unwrap_err().contains("Compare all"));
            let edited = at.apply(Action::Edit(Edit::Clear));
            assert!(Rc::ptr_eq(&edited.scenario, &at.scenario));
        }
        let done = at.apply(Action::CompareFinished);
        assert!(!done.is_running());
        assert_eq!(done.current_runs().len(), 3);
        assert!(done.status.starts_with("Compared on the same scenario: blocking 551 ms"), "{}", done.status);
        // Stop ends the comparison too.
        let stopped = comparing.apply(Action::RunStarted(Mode::Async)).apply(Action::RunStopped);
        assert!(!stopped.is_running());
        assert!(stopped.status.ends_with("Compare all stopped with it."));
    }

    #[test]
    fn a_run_goes_from_started_to_finished_into_the_history() {
        let params = Params::from_query("scale=100");
        let s0 = State::new(&params);
        assert_eq!(s0.prediction(Mode::Blocking).total_ms, 700.0);
        assert_eq!(s0.prediction(Mode::Async).total_ms, 500.0);
        let s1 = s0.apply(Action::RunStarted(Mode::Async));
        assert!(s1.is_running());
        assert_eq!(s1.status, "Async run started: predicted to take 500 ms, with the page responsive.");
        assert!(s1.check_run(Mode::Blocking).unwrap_err().contains("still going"));
        let s2 = s1.apply(Action::RunFinished(Box::new(finished(&s1, Mode::Async, 503.0))));
        assert!(!s2.is_running());
        assert_eq!(
            s2.status,
            "Async run finished in 503 ms (predicted 500 ms). Longest frame gap: 0 ms; frames over 50 ms: 0; \
             long tasks: 0."
        );
        let mut typed = finished(&s1, Mode::Async, 503.0);
        typed.worst_input_delay_ms = Some(12.4);
        assert!(s1
            .apply(Action::RunFinished(Box::new(typed)))
            .status
            .ends_with("long tasks: 0. Worst input delay: 12 ms."));
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
                Action::RunFinished(Box::new(a)),
                Action::RunStarted(Mode::Blocking),
                Action::RunFinished(Box::new(b)),
                Action::RunStarted(Mode::Async),
                Action::RunFinished(Box::new(c)),
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
            why.contains("14.00 s") && why.contains("10.00 s cap") && why.contains("time scale"),
            "{why}"
        );
        let raised = slow.apply(Action::SetCap(20_000.0));
        assert_eq!(raised.check_run(Mode::Blocking), Ok(()));
        assert_eq!(slow.apply(Action::SetCap(1e9)).cap_ms, cap::MAX_MS);
        assert_eq!(slow.check_run(Mode::Async), Ok(()));
        let waiting = slow.apply(Action::RunLoading(Mode::Async));
        assert_eq!(waiting.status, "Async run: starting as soon as the page has finished loading.");
        assert!(waiting.is_running() && waiting.check_run(Mode::Blocking).is_err());
        // Stopped before the runner came: nothing ran, and the status says so.
        let cancelled = waiting.apply(Action::RunStopped);
        assert_eq!(cancelled.status, "Async run cancelled before it started: nothing ran.");
        assert!(!cancelled.is_running());
        let compared = slow.apply(Action::CompareStarted).apply(Action::RunLoading(Mode::Async));
        assert_eq!(
            compared.apply(Action::RunStopped).status,
            "Async run cancelled before it started: nothing ran. Compare all stopped with it."
        );
        // Once it has started, Stop cancels what is pending.
        let started = waiting.apply(Action::RunStarted(Mode::Async)).apply(Action::RunStopped);
        assert_eq!(started.status, "Async run stopped: its pending tasks were cancelled.");
        let refused = slow.apply(Action::RunRefused(why.clone()));
        assert_eq!(refused.status, why);
        assert!(!refused.is_running());
        assert_eq!(State::new(&Params::default()).check_run(Mode::Blocking), Ok(()));
    }

    #[test]
    fn choosing_a_lesson_and_its_variants_is_undoable_and_resets_the_guess() {
        use crate::core::lesson;
        use crate::core::question::Guess;
        let race = lesson::find("race").unwrap();
        let s = replay(
            &Params::default(),
            vec![
                Action::Guess(Guess::Units(6.0)),
                Action::ChooseLesson(race),
                Action::Guess(Guess::Count(2)),
            ],
        );
        assert_eq!(s.lesson().id, "race");
        assert_eq!(*s.scenario, race.scenario(0));
        assert_eq!(s.origin.name(), "Lost update");
        assert_eq!(s.guess, Some(Guess::Count(2)));
        // A guess that cannot be read is said, in the question's terms, until the next action.
        let unreadable = s.apply(Action::ClearGuess).apply(Action::GuessUnreadable);
        assert_eq!(unreadable.guess_problem, Some("Type a whole number: for example 2."));
        assert_eq!(unreadable.guess, None);
        let kept = unreadable.apply(Action::RunStarted(Mode::Async)).apply(Action::Notice("later".into()));
        assert_eq!(kept.guess_problem, unreadable.guess_problem, "what happens meanwhile keeps it");
        assert_eq!(unreadable.apply(Action::Guess(Guess::Count(1))).guess_problem, None);
        assert_eq!(unreadable.apply(Action::ChooseLesson(lesson::default_lesson())).guess_problem, None);
        assert_eq!(s.prediction(Mode::Async).counter, Some(1));
        let locked = s.apply(Action::ChooseVariant(1));
        assert_eq!(locked.guess, None, "a new scenario asks afresh");
        assert_eq!((locked.origin.variant(), locked.origin.name().as_str()), (Some(1), "With a lock"));
        assert_eq!(locked.prediction(Mode::Async).counter, Some(2));
        assert_eq!(s.apply(Action::ChooseVariant(9)).edit_note, "This lesson has no scenario 10.");
        // Undo brings back the scenario from before, lesson switches included.
        let back = locked.apply(Action::Undo).apply(Action::Undo);
        assert_eq!(*back.scenario, lesson::default_lesson().scenario(0));
        // An edit marks the scenario as the learner's own, and runs carry the name.
        let edited = locked.apply(edit(Edit::RenameLane { lane: 0, name: "Carol".into() }));
        assert_eq!(edited.origin.name(), "With a lock (edited)");
        let run = finished(&edited, Mode::Async, 4000.0);
        let after = edited.apply(Action::RunStarted(Mode::Async)).apply(Action::RunFinished(Box::new(run)));
        assert_eq!(after.history[0].scenario_name, "With a lock (edited)");
        // No lesson change mid-run.
        let running = s.apply(Action::RunStarted(Mode::Async));
        assert_eq!(running.apply(Action::ChooseVariant(1)).scenario, running.scenario);
    }

    /// Undo after choosing another lesson brings back the lesson with its lanes: its text, its
    /// question and its name in the table of runs, not the new lesson's over the old lanes.
    #[test]
    fn undo_and_redo_restore_the_lesson_with_the_scenario() {
        use crate::core::lesson;
        let race = lesson::find("race").unwrap();
        let start = State::new(&Params::default());
        let raced = start.apply(Action::ChooseLesson(race));
        let back = raced.apply(Action::Undo);
        assert_eq!((back.lesson().id, &*back.scenario), ("ticket-queue", &*start.scenario));
        assert_eq!(back.origin, start.origin);
        assert_eq!(back.origin.name(), "The ticket queue");
        let again = back.apply(Action::Redo);
        assert_eq!((again.lesson().id, &*again.scenario), ("race", &race.scenario(0)));
        assert_eq!(again.origin.name(), "Lost update");
        // An edit, undone, is the lesson's own scenario again; redone, the learner's.
        let edited = again.apply(edit(Edit::RenameLane { lane: 0, name: "Carol".into() }));
        assert_eq!(edited.origin.name(), "Lost update (edited)");
        assert!(edited.apply(Action::Undo).origin.is_lesson_own());
        assert_eq!(edited.apply(Action::Undo).apply(Action::Redo).origin.name(), "Lost update (edited)");
        // A shared scenario undone gives back the lesson it replaced.
        let shared = start.apply(Action::OpenShared {
            scenario: Rc::new(race.scenario(1)),
            lesson: Some(race),
            scale: None,
        });
        assert_eq!(shared.apply(Action::Undo).lesson().id, "ticket-queue");
    }

    #[test]
    fn a_shared_link_opens_with_its_lesson_and_scale_undoably() {
        use crate::core::lesson;
        let race = lesson::find("race").unwrap();
        let s = State::new(&Params::default());
        let opened = s.apply(Action::OpenShared {
            scenario: Rc::new(race.scenario(1)),
            lesson: Some(race),
            scale: Some(250.0),
        });
        assert_eq!(
            (opened.lesson().id, opened.scale, opened.origin.name().as_str()),
            ("race", 250.0, "Shared scenario")
        );
        assert_eq!(opened.prediction(Mode::Async).total_ms, 1000.0, "4 units at 250 ms");
        assert_eq!(*opened.apply(Action::Undo).scenario, *s.scenario);
        let running = s.apply(Action::RunStarted(Mode::Async));
        let refused = running.apply(Action::OpenShared {
            scenario: Rc::new(race.scenario(1)),
            lesson: None,
            scale: None,
        });
        assert_eq!(refused.scenario, running.scenario);
        assert!(refused.notices.last().unwrap().contains("cannot open during a run"));
    }

    #[test]
    fn the_status_tells_the_counter_and_the_dropped_tasks() {
        use crate::core::scenario::TaskId;
        use crate::core::timing::{Outcome, Span};
        let s = State::new(&Params::from_query("lesson=race"));
        let m = Measurements {
            counter: Some(1),
            tasks: vec![(TaskId(1), Span { start_ms: 0.0, end_ms: 5.0 }, Outcome::Cancelled)],
            ..Measurements::default()
        };
        let r = RunReport::new(&s.scenario, &s.prediction(Mode::Async), &m);
        let done = s.apply(Action::RunStarted(Mode::Async)).apply(Action::RunFinished(Box::new(r)));
        assert!(done.status.ends_with("Counter at the end: 1. Failed: 0; cancelled: 1."), "{}", done.status);
    }

    fn edit(e: Edit) -> Action {
        Action::Edit(e)
    }

    fn add_wait(lane: usize, index: usize) -> Edit {
        Edit::AddTask { lane, index, kind: TaskKind::Wait, duration: 1.0, label: "Read a file".into() }
    }

    fn totals(s: &State) -> (f64, f64) {
        (s.prediction(Mode::Blocking).total_ms, s.prediction(Mode::Async).total_ms)
    }

    #[test]
    fn edits_update_the_predictions_and_undo_redo_walk_the_history() {
        let params = Params::default();
        let s0 = State::new(&params);
        let s1 = s0.apply(edit(add_wait(1, 1)));
        assert_eq!(totals(&s1), (8000.0, 5000.0));
        assert_eq!(s1.selected, Some(TaskId(3)));
        assert_eq!(
            s1.edit_note,
            "Added wait task \u{201c}Read a file\u{201d} of 1 minute to lane Phone, position 2 of 2."
        );
        let s2 = s1.apply(edit(Edit::ResizeTask { id: TaskId(3), duration: 4.0 }));
        assert_eq!(totals(&s2), (11000.0, 6000.0));
        assert_eq!(s2.edit_note, "\u{201c}Read a file\u{201d} now lasts 4 minutes.");
        let s3 = s2.apply(edit(Edit::MoveTask { id: TaskId(3), lane: 0, index: 0 }));
        assert_eq!(s3.edit_note, "Moved \u{201c}Read a file\u{201d} to lane You, position 1 of 2.");
        assert_eq!(totals(&s3), (11000.0, 9000.0));

        let undone = replay(
            &params,
            vec![edit(add_wait(1, 1)), edit(Edit::ResizeTask { id: TaskId(3), duration: 4.0 }), Action::Undo],
        );
        assert_eq!(totals(&undone), (8000.0, 5000.0));
        assert!(undone.can_redo());
        let redone = undone.apply(Action::Redo);
        assert_eq!(totals(&redone), (11000.0, 6000.0));
        let back_to_start = redone.apply(Action::Undo).apply(Action::Undo);
        assert_eq!(back_to_start.scenario, s0.scenario);
        assert!(!back_to_start.can_undo());
        assert_eq!(back_to_start.apply(Action::Undo).edit_note, "Nothing to undo.");
        // A new edit after undo drops what could have been redone.
        let branched = undone.apply(edit(Edit::DeleteTask { id: TaskId(1) }));
        assert!(!branched.can_redo());
        assert_eq!(branched.selected, Some(TaskId(3)));
    }

    #[test]
    fn the_timeline_shows_the_running_mode_then_the_one_chosen() {
        let s0 = State::new(&Params::default());
        assert_eq!(s0.shown_mode(), s0.lesson().question.mode());
        let chosen = s0.apply(Action::Show(Mode::Workers));
        assert_eq!(chosen.shown_mode(), Mode::Workers);
        let running = chosen.apply(Action::RunStarted(Mode::Blocking));
        assert_eq!(running.shown_mode(), Mode::Blocking);
        // Choosing another mode during a run does not move the run off the timeline.
        assert_eq!(running.apply(Action::Show(Mode::Async)).shown_mode(), Mode::Blocking);
        assert_eq!(running.apply(Action::RunStopped).shown_mode(), Mode::Blocking);
        let race = crate::core::lesson::find("race").unwrap();
        let other = chosen.apply(Action::ChooseLesson(race));
        assert_eq!(other.shown_mode(), race.question.mode());
    }

    #[test]
    fn a_loaded_scenario_replaces_the_current_one_undoably() {
        let s0 = State::new(&Params::default());
        let empty = Rc::new(Scenario::new(vec![]).unwrap());
        let s1 = s0.apply(Action::Load(empty.clone()));
        assert_eq!(s1.scenario, empty);
        assert_eq!(s1.edit_note, "Loaded a scenario of 0 tasks in 0 lanes.");
        assert_eq!(totals(&s1), (0.0, 0.0));
        assert_eq!(s1.apply(Action::Undo).scenario, s0.scenario);
    }

    #[test]
    fn a_refused_edit_explains_and_keeps_the_scenario() {
        let s0 = State::new(&Params::default());
        let s1 = s0.apply(edit(Edit::ResizeTask { id: TaskId(1), duration: -2.0 }));
        assert_eq!(s1.scenario, s0.scenario);
        assert!(s1.edit_note.contains("duration -2"), "{}", s1.edit_note);
        assert!(!s1.can_undo());
    }

    #[test]
    fn the_scenario_is_frozen_during_a_run() {
        let s = State::new(&Params::default()).apply(Action::RunStarted(Mode::Async));
        let s2 = s.apply(edit(Edit::DeleteTask { id: TaskId(1) })).apply(Action::Undo);
        assert_eq!(s2.scenario, s.scenario);
        assert!(s2.edit_note.contains("during a run"));
        let stopped = s2.apply(Action::RunStopped);
        assert!(!stopped.is_running());
        assert_eq!(stopped.status, "Async run stopped: its pending tasks were cancelled.");
    }

    #[test]
    fn selection_follows_the_tasks_that_exist() {
        let s = State::new(&Params::default()).apply(Action::Select(Some(TaskId(2))));
        assert_eq!(s.selected, Some(TaskId(2)));
        assert_eq!(s.apply(Action::Select(Some(TaskId(99)))).selected, None);
        assert_eq!(s.apply(edit(Edit::DeleteTask { id: TaskId(2) })).selected, None);
    }

    #[test]
    fn scale_changes_the_predictions_within_its_range() {
        let s = State::new(&Params::default()).apply(Action::SetScale(100.0));
        assert_eq!(totals(&s), (700.0, 500.0));
        // Refused, saying why and what it stays at.
        for refused in [0.0, 10_001.0, f64::NAN, f64::INFINITY] {
            let next = s.apply(Action::SetScale(refused));
            assert_eq!(next.scale, 100.0, "{refused}");
            assert_eq!(
                next.settings_note,
                "The time scale is a number of milliseconds per unit from 1 to 10000: it stays at 100."
            );
            // Until a setting is taken.
            assert_eq!(next.apply(Action::SetScale(250.0)).settings_note, "");
            assert_eq!(next.apply(Action::SetCap(5_000.0)).settings_note, "");
            assert_eq!(next.apply(Action::SetWorkers(2)).settings_note, "");
            assert_eq!(next.apply(Action::DismissNotices).settings_note, next.settings_note);
            // Or another lesson is opened; the scale stays.
            let opened = next.apply(Action::ChooseLesson(crate::core::lesson::find("race").unwrap()));
            assert_eq!((opened.settings_note.as_str(), opened.scale), ("", 100.0));
        }
        // Not while a run goes (the field is disabled then): nothing changes, nothing is said.
        let running = s.apply(Action::RunStarted(Mode::Async));
        let ignored = running.apply(Action::SetScale(250.0));
        assert_eq!((ignored.scale, &ignored.settings_note), (100.0, &running.settings_note));
        let why = "The number of workers must be a whole number from 1 to 16.";
        assert_eq!(s.apply(Action::SettingRefused(why.into())).settings_note, why);
    }

    #[test]
    fn the_cap_is_held_within_its_limits_and_a_cap_that_is_no_number_is_refused() {
        let s = State::new(&Params::default());
        assert_eq!(s.apply(Action::SetCap(99_000.0)).cap_ms, cap::MAX_MS);
        assert_eq!(s.apply(Action::SetCap(0.0)).cap_ms, cap::MIN_MS);
        assert_eq!(s.apply(Action::SetCap(12_500.0)).cap_ms, 12_500.0);
        for refused in [f64::NAN, f64::INFINITY] {
            let next = s.apply(Action::SetCap(refused));
            assert_eq!(next.cap_ms, s.cap_ms);
            assert_eq!(
                next.settings_note,
                "The blocking cap is a number of seconds from 1 to 30: it stays at 10 s."
            );
        }
    }

    #[test]
    fn an_async_run_with_work_that_never_yields_past_the_cap_is_refused() {
        let s = State::new(&Params::default())
            .apply(edit(Edit::SetKind { id: TaskId(2), kind: TaskKind::work(0.0) }));
        assert_eq!(s.check_run(Mode::Async), Ok(()), "2 s in one go is under the 10 s cap");
        let long = s.apply(edit(Edit::ResizeTask { id: TaskId(2), duration: 11.0 }));
        let why = long.check_run(Mode::Async).unwrap_err();
        assert!(why.contains("11.00 s in one go") && why.contains("burst size"), "{why}");
        assert_eq!(long.apply(Action::SetCap(20_000.0)).check_run(Mode::Async), Ok(()));
        // With bursts, the same work holds the thread 8 ms at a time.
        let bursty = long.apply(edit(Edit::SetKind { id: TaskId(2), kind: TaskKind::work(8.0) }));
        assert_eq!(bursty.check_run(Mode::Async), Ok(()));
    }

    #[test]
    fn url_warnings_become_notices_until_dismissed() {
        let s = State::new(&Params::from_query("scale=zero"));
        assert_eq!(s.notices.len(), 1);
        assert!(s.apply(Action::DismissNotices).notices.is_empty());
    }
}
