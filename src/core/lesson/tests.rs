//! Every lesson file, read and checked: its scenarios are valid, its text never gives the
//! answer before the run, and every claim it makes holds for the model.

use super::*;
use crate::core::mode::Mode;
use crate::core::predict::predict;
use crate::core::question::Answer;
use crate::core::timing::Outcome;
use crate::core::turn;
use serde_json::Value;

/// One thing a lesson's text says the model predicts, in numbers and in the text's own words.
#[derive(Debug)]
struct Claim {
    variant: usize,
    mode: Mode,
    fact: Fact,
    /// Words that appear in the paragraphs or the notice, saying the same.
    words: String,
}

#[derive(Debug)]
enum Fact {
    /// The total, in units.
    Total(f64),
    /// The lane, by name, that finishes first.
    FirstLane(String),
    /// The counter at the end.
    Counter(i64),
    /// The task, by label, that holds the thread longest in one go.
    Culprit(String),
    /// The task, by label, dropped unfinished.
    Cancelled(String),
    /// The task, by label, that runs to its end.
    Done(String),
    /// The task, by label, that fails.
    Failed(String),
    /// The longest the page freezes in one go, in units.
    Freeze(f64),
    /// The task, by label, and when it is done, in units.
    Ends(String, f64),
    /// The lines of the lesson's turn, in the order the model logs them.
    Order(Vec<String>),
}

/// The claims of a lesson's file.
fn claims(id: &str) -> Vec<Claim> {
    let value: Value = serde_json::from_str(built_in(id).unwrap()).unwrap();
    let list = value["claims"].as_array().unwrap_or_else(|| panic!("{id} makes no claims"));
    list.iter()
        .map(|c| {
            let text = |k: &str| c[k].as_str().map(str::to_string);
            let fact = if let Some(n) = c["total"].as_f64() {
                Fact::Total(n)
            } else if let Some(n) = c["counter"].as_i64() {
                Fact::Counter(n)
            } else if let Some(l) = text("first_lane") {
                Fact::FirstLane(l)
            } else if let Some(l) = text("culprit") {
                Fact::Culprit(l)
            } else if let Some(l) = text("cancelled") {
                Fact::Cancelled(l)
            } else if let Some(l) = text("done") {
                Fact::Done(l)
            } else if let Some(l) = text("failed") {
                Fact::Failed(l)
            } else if let Some(n) = c["freeze"].as_f64() {
                Fact::Freeze(n)
            } else if let (Some(label), Some(at)) = (c["ends"][0].as_str(), c["ends"][1].as_f64()) {
                Fact::Ends(label.to_string(), at)
            } else if let Some(lines) = c["order"].as_array() {
                Fact::Order(lines.iter().map(|l| l.as_str().unwrap_or_default().to_string()).collect())
            } else {
                panic!("{id}: a claim of no fact the tests know: {c}")
            };
            Claim {
                variant: c["variant"].as_u64().expect("a claim's variant") as usize,
                mode: Mode::parse(c["mode"].as_str().unwrap_or_default()).expect("a claim's mode"),
                fact,
                words: text("words").expect("a claim's words"),
            }
        })
        .collect()
}

#[test]
fn every_lesson_is_valid_and_well_formed() {
    let mut ids = std::collections::HashSet::new();
    for lesson in all() {
        assert!(ids.insert(lesson.id), "{} twice", lesson.id);
        assert!((2..=5).contains(&lesson.paragraphs.len()), "{}", lesson.id);
        assert!(!claims(lesson.id).is_empty(), "{} makes no checked claim", lesson.id);
        assert_eq!(find(lesson.id), Some(lesson));
        for step in lesson.turn {
            let logs = format!("log(\"{}\")", step.line);
            assert_eq!(
                step.code.matches(&logs).count(),
                1,
                "{}: the code of \u{201c}{}\u{201d} logs it once",
                lesson.id,
                step.line
            );
        }
        for source in lesson.sources {
            assert!(source.url.starts_with("https://"), "{}: {}", lesson.id, source.url);
        }
    }
    assert_eq!(default_lesson().id, DEFAULT_ID);
    assert_eq!(find("no-such-lesson"), None);
}

/// The ids the course pages link to.
#[test]
fn the_course_lessons_are_all_there_in_order() {
    let ids: Vec<&str> = CATALOGUE.iter().map(|l| l.id).collect();
    assert_eq!(
        ids,
        [
            "ticket-queue",
            "io-waits",
            "callbacks-promises-await",
            "network",
            "cpu-trap",
            "event-loop",
            "yielding",
            "workers",
            "race",
            "timeout-cancel",
            "errors",
            "debugging"
        ]
    );
}

/// A bad file is refused with a message that names the lesson and the fault; nothing panics.
#[test]
fn a_bad_file_is_refused_with_a_clear_message() {
    let entry = &CATALOGUE[1];
    let good: Value = serde_json::from_str(built_in(entry.id).unwrap()).unwrap();
    assert!(file::read(entry, &good.to_string()).is_ok());
    let cases: [(&str, Value); 5] = [
        ("not JSON", Value::String("{".into())),
        ("has no \u{201c}notice\u{201d}", Value::Null),
        ("question", serde_json::json!("how long?")),
        ("scenario", serde_json::json!([{"name": "x", "scenario": {"version": 9}}])),
        ("unit", serde_json::json!(["minute"])),
    ];
    for (expected, bad) in cases {
        let text = match expected {
            "not JSON" => "{".to_string(),
            _ => {
                let mut v = good.clone();
                let key = match expected {
                    "scenario" => "variants",
                    "has no \u{201c}notice\u{201d}" => "notice",
                    k => k,
                };
                if bad.is_null() {
                    v.as_object_mut().unwrap().remove(key);
                } else {
                    v[key] = bad;
                }
                v.to_string()
            }
        };
        let err = file::read(entry, &text).unwrap_err().to_string();
        assert!(err.contains(entry.id) && err.contains(expected), "{err}");
    }
    assert_eq!(add("nope", "{}"), Err(LessonError::NotInCatalogue("nope".into())));
}

/// What the shell relies on: a lesson not read yet is reported missing once, then found once
/// added.
#[test]
fn a_lesson_not_read_yet_is_reported_and_then_found() {
    take_missing();
    assert!(find("not-catalogued").is_none());
    assert_eq!(take_missing(), Vec::<&str>::new(), "only catalogued lessons are fetched");
    let lesson = add("race", built_in("race").unwrap()).unwrap();
    assert_eq!(find("race"), Some(lesson));
    assert_eq!(add("race", "not read again"), Ok(lesson));
}

/// Every claim holds for the prediction, and the text says it in the claim's words.
#[test]
fn every_claim_holds_for_the_prediction_and_is_in_the_text() {
    for lesson in all() {
        let text = format!("{} {}", lesson.paragraphs.join(" "), lesson.notice);
        for claim in claims(lesson.id) {
            let where_ = format!("{} variant {} {}: {:?}", lesson.id, claim.variant, claim.mode, claim.fact);
            assert!(claim.variant < lesson.variants.len(), "{where_}");
            assert!(
                text.contains(&claim.words),
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
            match &claim.fact {
                Fact::Total(units) => {
                    assert!((p.total_units() - units).abs() < 0.01, "{where_}: predicted {}", p.total_units())
                }
                Fact::FirstLane(name) => {
                    let lane = p.first_lane().map(|l| s.lanes()[l].name.as_str());
                    assert_eq!(lane, Some(name.as_str()), "{where_}");
                }
                Fact::Counter(n) => assert_eq!(p.counter, Some(*n), "{where_}"),
                Fact::Culprit(label) => {
                    let culprit = match Question::Culprit.model(&p, &s) {
                        Some(Answer::Task(Some(id))) => s.task(id).map(|(_, t)| t.label.clone()),
                        _ => None,
                    };
                    assert_eq!(culprit.as_deref(), Some(label.as_str()), "{where_}");
                }
                Fact::Cancelled(label) => assert_eq!(outcome_of(label), Outcome::Cancelled, "{where_}"),
                Fact::Failed(label) => assert_eq!(outcome_of(label), Outcome::Failed, "{where_}"),
                Fact::Done(label) => assert_eq!(outcome_of(label), Outcome::Done, "{where_}"),
                Fact::Freeze(units) => {
                    let model = Question::Freeze(claim.mode).model(&p, &s);
                    assert!(
                        matches!(model, Some(Answer::Units(u)) if (u - units).abs() < 0.01),
                        "{where_}: {model:?}"
                    );
                }
                Fact::Ends(label, units) => {
                    let model = Question::Ends(claim.mode, file::leak(label)).model(&p, &s);
                    assert!(
                        matches!(model, Some(Answer::Units(u)) if (u - units).abs() < 0.01),
                        "{where_}: {model:?}"
                    );
                }
                Fact::Order(lines) => {
                    let model: Vec<&str> =
                        turn::model_order(lesson.turn).iter().map(|&i| lesson.turn[i].line).collect();
                    assert_eq!(&model, lines, "{where_}");
                }
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
        (Question::Freeze(mode), Fact::Freeze(_)) => claim.mode == mode,
        (Question::Ends(mode, label), Fact::Ends(l, _)) => claim.mode == mode && label == l,
        (Question::Logged(mode, label), Fact::Cancelled(l) | Fact::Done(l)) => {
            claim.mode == mode && label == l
        }
        (Question::Culprit, Fact::Culprit(_)) | (Question::Order, Fact::Order(_)) => true,
        _ => false,
    }
}

/// Predict, then run: the text shown before the first run never gives the answer away. An
/// answer's words are in the note shown once the run is done, never in the paragraphs.
#[test]
fn no_lesson_states_its_answer_before_the_run() {
    for lesson in all() {
        let before = lesson.paragraphs.join(" ");
        // The order question's lines are the puzzle: the text before the run names none.
        for step in lesson.turn {
            assert!(
                !before.contains(step.line),
                "{}: the text before the run says \u{201c}{}\u{201d}",
                lesson.id,
                step.line
            );
        }
        let claims = claims(lesson.id);
        let answers: Vec<&Claim> = claims.iter().filter(|c| answers(lesson.question, c)).collect();
        assert!(!answers.is_empty(), "{}: no claim answers its question", lesson.id);
        for claim in answers {
            assert!(
                !before.contains(&claim.words),
                "{}: the text before the run says \u{201c}{}\u{201d}, the answer",
                lesson.id,
                claim.words
            );
            assert!(
                lesson.notice.contains(&claim.words),
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
    for lesson in all() {
        let s = lesson.scenario(0);
        let p = predict(&s, lesson.question.mode(), 1000.0, 4);
        match lesson.question.model(&p, &s) {
            None => assert!(lesson.question == Question::Order && !lesson.turn.is_empty(), "{}", lesson.id),
            Some(answer) => assert!(
                !matches!(answer, Answer::Lane(None) | Answer::Count(None) | Answer::Task(None)),
                "{}: {answer:?}",
                lesson.id
            ),
        }
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

/// Every claim with its source: each lesson names where its facts come from, by address.
#[test]
fn every_lesson_cites_its_sources() {
    for lesson in all() {
        assert!(lesson.sources.len() >= 2, "{}: cites {} source(s)", lesson.id, lesson.sources.len());
        for source in lesson.sources {
            assert!(
                source.url.starts_with("https://") && !source.title.is_empty(),
                "{}: {source:?}",
                lesson.id
            );
        }
    }
}
