//! Lessons: scenarios with a short text, written in our own words from the course material,
//! and a question to predict before the first run. One file per lesson, listed in [`ALL`].
//!
//! Each lesson states its claims about totals, order and counters as [`Claim`]s, in numbers
//! and in the words its text uses; the tests check every claim against the prediction and
//! against the text, so the text can never drift from what the model says.

use super::format::Unit;
use super::mode::Mode;
use super::question::Question;
use super::scenario::Scenario;

mod callbacks_promises_await;
mod cpu_trap;
mod debugging;
mod errors;
mod io_waits;
mod network;
mod race;
mod ticket_queue;
mod timeout_cancel;
mod workers;
mod yielding;

/// One lesson as shown on the page.
#[derive(Debug, PartialEq)]
pub struct Lesson {
    /// The id used in `?lesson=<id>`.
    pub id: &'static str,
    pub title: &'static str,
    /// What one scenario unit stands for in the story, singular and plural.
    pub unit: Unit,
    /// Two to five short paragraphs.
    pub paragraphs: &'static [&'static str],
    /// What to look at once a run has finished.
    pub notice: &'static str,
    /// What the learner predicts before the first run.
    pub question: Question,
    /// One scenario or more: a lesson may show a problem, then its fix.
    pub variants: &'static [Variant],
    /// What the lesson says about totals, order and counters (checked by the tests).
    pub claims: &'static [Claim],
    /// The code tab to show first, for a lesson about the code (a `codegen::Language` id).
    pub code_tab: Option<&'static str>,
}

/// One scenario of a lesson.
#[derive(Debug, PartialEq)]
pub struct Variant {
    /// Its name on the variant switch.
    pub name: &'static str,
    /// Scenario JSON, version 1.
    pub scenario_json: &'static str,
}

/// One thing a lesson's text says the model predicts, in numbers and in the text's own words.
#[derive(Debug, PartialEq)]
pub struct Claim {
    pub variant: usize,
    pub mode: Mode,
    pub fact: Fact,
    /// Words that appear in the paragraphs or the notice, saying the same.
    pub words: &'static str,
}

#[derive(Debug, PartialEq)]
pub enum Fact {
    /// The total, in units.
    Total(f64),
    /// The lane, by name, that finishes first.
    FirstLane(&'static str),
    /// The counter at the end.
    Counter(i64),
    /// The task, by label, that holds the thread longest in one go.
    Culprit(&'static str),
    /// The task, by label, dropped unfinished.
    Cancelled(&'static str),
    /// The task, by label, that fails.
    Failed(&'static str),
}

impl Lesson {
    /// The scenario of variant `index` (the first if there is no such variant). Every
    /// lesson's JSON is checked by the tests, so this cannot fail.
    pub fn scenario(&self, index: usize) -> Scenario {
        let variant = self.variants.get(index).unwrap_or(&self.variants[0]);
        Scenario::from_json(variant.scenario_json).expect("lesson scenarios are valid")
    }

    /// `n` units in the story's words, e.g. "5 minutes".
    pub fn units(&self, n: f64) -> String {
        super::format::units(n, self.unit)
    }
}

/// The lesson shown when the URL names none.
pub const DEFAULT_ID: &str = "ticket-queue";

/// Every lesson, in course order.
pub const ALL: &[Lesson] = &[
    ticket_queue::LESSON,
    io_waits::LESSON,
    callbacks_promises_await::LESSON,
    network::LESSON,
    cpu_trap::LESSON,
    yielding::LESSON,
    workers::LESSON,
    race::LESSON,
    timeout_cancel::LESSON,
    errors::LESSON,
    debugging::LESSON,
];

/// The lesson with this id.
pub fn find(id: &str) -> Option<&'static Lesson> {
    ALL.iter().find(|l| l.id == id)
}

/// The lesson shown when none is named.
pub fn default_lesson() -> &'static Lesson {
    find(DEFAULT_ID).expect("the default lesson exists")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::predict::predict;
    use crate::core::question::Answer;
    use crate::core::timing::Outcome;

    #[test]
    fn every_lesson_is_valid_and_well_formed() {
        let mut ids = std::collections::HashSet::new();
        for lesson in ALL {
            assert!(ids.insert(lesson.id), "{} twice", lesson.id);
            assert!(!lesson.variants.is_empty(), "{}", lesson.id);
            for v in lesson.variants {
                let s = Scenario::from_json(v.scenario_json);
                assert!(s.is_ok(), "{} / {}: {:?}", lesson.id, v.name, s.err());
            }
            assert!((2..=5).contains(&lesson.paragraphs.len()), "{}", lesson.id);
            assert!(!lesson.claims.is_empty(), "{} makes no checked claim", lesson.id);
            assert_eq!(find(lesson.id), Some(lesson));
        }
        assert_eq!(default_lesson().id, DEFAULT_ID);
        assert_eq!(find("no-such-lesson"), None);
    }

    /// The ids the course pages link to.
    #[test]
    fn the_course_lessons_are_all_there_in_order() {
        let ids: Vec<&str> = ALL.iter().map(|l| l.id).collect();
        assert_eq!(
            ids,
            [
                "ticket-queue",
                "io-waits",
                "callbacks-promises-await",
                "network",
                "cpu-trap",
                "yielding",
                "workers",
                "race",
                "timeout-cancel",
                "errors",
                "debugging"
            ]
        );
    }

    /// Every claim holds for the prediction, and the text says it in the claim's words.
    #[test]
    fn every_claim_holds_for_the_prediction_and_is_in_the_text() {
        for lesson in ALL {
            let text = format!("{} {}", lesson.paragraphs.join(" "), lesson.notice);
            for claim in lesson.claims {
                let where_ =
                    format!("{} variant {} {}: {:?}", lesson.id, claim.variant, claim.mode, claim.fact);
                assert!(claim.variant < lesson.variants.len(), "{where_}");
                assert!(
                    text.contains(claim.words),
                    "{where_}: the text never says \u{201c}{}\u{201d}",
                    claim.words
                );
                let s = lesson.scenario(claim.variant);
                let p = predict(&s, claim.mode, 1000.0, 4);
                let outcome_of = |label: &str| {
                    let (_, task) = s
                        .tasks()
                        .find(|(_, t)| t.label == label)
                        .unwrap_or_else(|| panic!("{where_}: no task {label}"));
                    p.timing(task.id).unwrap().outcome
                };
                match claim.fact {
                    Fact::Total(units) => {
                        assert!(
                            (p.total_units() - units).abs() < 0.01,
                            "{where_}: predicted {}",
                            p.total_units()
                        )
                    }
                    Fact::FirstLane(name) => {
                        let lane = p.first_lane().map(|l| s.lanes()[l].name.as_str());
                        assert_eq!(lane, Some(name), "{where_}");
                    }
                    Fact::Counter(n) => assert_eq!(p.counter, Some(n), "{where_}"),
                    Fact::Culprit(label) => {
                        let culprit = match Question::Culprit.model(&p, &s) {
                            Answer::Task(Some(id)) => s.task(id).map(|(_, t)| t.label.clone()),
                            _ => None,
                        };
                        assert_eq!(culprit.as_deref(), Some(label), "{where_}");
                    }
                    Fact::Cancelled(label) => assert_eq!(outcome_of(label), Outcome::Cancelled, "{where_}"),
                    Fact::Failed(label) => assert_eq!(outcome_of(label), Outcome::Failed, "{where_}"),
                }
            }
        }
    }

    /// Whether `claim` is an answer to the lesson's question (in any of its scenarios).
    fn answers(question: Question, claim: &Claim) -> bool {
        match (question, &claim.fact) {
            (Question::Total(mode), Fact::Total(_))
            | (Question::FirstLane(mode), Fact::FirstLane(_))
            | (Question::Counter(mode), Fact::Counter(_)) => claim.mode == mode,
            (Question::Culprit, Fact::Culprit(_)) => true,
            _ => false,
        }
    }

    /// Predict, then run: the text shown before the first run never gives the answer away. An
    /// answer's words are in the note shown once the run is done, never in the paragraphs.
    #[test]
    fn no_lesson_states_its_answer_before_the_run() {
        for lesson in ALL {
            let before = lesson.paragraphs.join(" ");
            let answers: Vec<&Claim> = lesson.claims.iter().filter(|c| answers(lesson.question, c)).collect();
            assert!(!answers.is_empty(), "{}: no claim answers its question", lesson.id);
            for claim in answers {
                assert!(
                    !before.contains(claim.words),
                    "{}: the text before the run says \u{201c}{}\u{201d}, the answer",
                    lesson.id,
                    claim.words
                );
                assert!(
                    lesson.notice.contains(claim.words),
                    "{}: the note after the run never says \u{201c}{}\u{201d}",
                    lesson.id,
                    claim.words
                );
            }
        }
    }

    /// Each lesson's question has an answer on its first variant.
    #[test]
    fn every_question_can_be_answered() {
        for lesson in ALL {
            let s = lesson.scenario(0);
            let p = predict(&s, lesson.question.mode(), 1000.0, 4);
            let answer = lesson.question.model(&p, &s);
            assert!(
                !matches!(answer, Answer::Lane(None) | Answer::Count(None) | Answer::Task(None)),
                "{}: {answer:?}",
                lesson.id
            );
        }
    }

    #[test]
    fn units_read_as_the_story_says() {
        let lesson = default_lesson();
        assert_eq!(lesson.units(1.0), "1 minute");
        assert_eq!(lesson.units(5.0), "5 minutes");
        assert_eq!(lesson.units(4.996), "5 minutes");
        assert_eq!(lesson.units(5.123), "5.12 minutes");
    }
}
