//! The autosave format: the learner's work as one `localStorage` entry under [`KEY`].
//!
//! This is the pure half: [`save`] writes the entry's text and [`load`] reads it back; the shell
//! does the storage I/O. The entry is versioned JSON,
//! `{"version": 1, "lesson": "<id>", "variant": <n>, "scale": <ms>, "cap_ms": <ms>,
//! "scenario": <Scenario JSON v1>}`. Older forms are brought up to [`VERSION`] by a chain of
//! `migrate_vN` steps, one per version, so version 2 only adds a step. Loading never panics:
//! a lesson, variant, scale or cap that cannot be used falls back to its default with a
//! warning, and anything else unreadable (not JSON, the wrong shape, a scenario the model
//! refuses, a newer version) is a [`StorageError`]. The shell sets such an entry aside under
//! [`corrupt_key`] rather than overwriting it.

use super::cap;
use super::format::quote_json;
use super::format::Num;
use super::json::{Map, Value};
use super::lesson::{self, Lesson};
use super::params::{DEFAULT_SCALE, MAX_SCALE, MIN_SCALE};
use super::scenario::{Scenario, ScenarioError, FORMAT_VERSION};
use std::fmt;

/// The `localStorage` key of the saved work.
pub const KEY: &str = "async-playground";
/// Where the work of another lesson is kept when a link opens a different one.
pub const PREVIOUS_KEY: &str = "async-playground.previous";

/// The storage key for a page: the learner's own work on the full page, and one entry per
/// lesson for embedded frames, so a course page's frames never overwrite it or each other.
pub fn key_for(embed: bool, lesson_id: &str) -> String {
    if embed {
        format!("{KEY}.embed.{lesson_id}")
    } else {
        KEY.to_string()
    }
}

/// What the page says when storage cannot be used (also when a write fails later).
pub const NOT_KEPT: &str = "Your changes will not be kept after you leave: this browser does not let the \
                            playground store them here (a sandboxed frame, private browsing or a full \
                            disk).";
/// The storage format this build writes, and the newest it reads.
pub const VERSION: u32 = 1;

/// Where an entry that did not load is set aside, `stamp` telling such entries apart (the
/// shell passes the time).
pub fn corrupt_key(stamp: u64) -> String {
    format!("{KEY}.corrupt.{stamp}")
}

/// The learner's work, as saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub scenario: Scenario,
    pub lesson: &'static Lesson,
    /// Which of the lesson's scenarios was chosen last.
    pub variant: usize,
    /// Real milliseconds per scenario unit.
    pub scale: f64,
    /// The blocking cap, in real milliseconds.
    pub cap_ms: f64,
}

/// What [`load`] found.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub saved: Saved,
    /// The version the entry had when it was older than [`VERSION`].
    pub migrated_from: Option<u32>,
    /// One sentence per value that could not be used and was replaced by its default.
    pub warnings: Vec<String>,
}

/// Why the saved work could not be loaded. `Display` gives the message shown to the learner.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    NotJson(String),
    /// JSON, but not a saved entry; says what is wrong with it.
    WrongShape(String),
    /// Written by a later version of the playground.
    Newer(u64),
    /// The saved scenario is one the scenario model refuses.
    Scenario(ScenarioError),
}

const SET_ASIDE: &str = "It was set aside, not deleted, and the playground opened without it.";

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::NotJson(detail) => {
                write!(
                    f,
                    "The work saved in this browser cannot be read: it is not JSON ({detail}). {SET_ASIDE}"
                )
            }
            StorageError::WrongShape(detail) => {
                write!(f, "The work saved in this browser cannot be read: {detail}. {SET_ASIDE}")
            }
            StorageError::Newer(v) => write!(
                f,
                "The work saved in this browser was written by a newer version of the playground \
                 (storage version {v}; this one reads up to {VERSION}). {SET_ASIDE}"
            ),
            StorageError::Scenario(e) => {
                write!(f, "The scenario saved in this browser cannot be used: {e} {SET_ASIDE}")
            }
        }
    }
}

impl std::error::Error for StorageError {}

/// The entry's text, at [`VERSION`].
pub fn save(saved: &Saved) -> String {
    format!(
        "{{\"version\":{VERSION},\"lesson\":{},\"variant\":{},\"scale\":{},\"cap_ms\":{},\"scenario\":{}}}",
        super::json::text(saved.lesson.id),
        saved.variant,
        super::json::number(saved.scale),
        super::json::number(saved.cap_ms),
        saved.scenario.to_json()
    )
}

/// Reads an entry of any version up to [`VERSION`].
pub fn load(text: &str) -> Result<Loaded, StorageError> {
    let value = super::json::read(text).map_err(StorageError::NotJson)?;
    let from = version_of(&value)?;
    let from = match u32::try_from(from) {
        Ok(v) if v <= VERSION => v,
        _ => return Err(StorageError::Newer(from)),
    };
    let value = MIGRATIONS[from as usize..].iter().fold(value, |value, step| step(value));
    let mut warnings = Vec::new();
    let saved = read_current(&value, &mut warnings)?;
    Ok(Loaded { saved, migrated_from: (from < VERSION).then_some(from), warnings })
}

/// Step `n` turns an entry of version `n` into one of version `n + 1`; [`load`] runs every
/// step from the entry's version on. A new version adds its step here.
const MIGRATIONS: [fn(Value) -> Value; VERSION as usize] = [migrate_v0];

/// The version of an entry. An object with `lanes` and no `scenario` is version 0: a bare
/// scenario, as an earlier build could have stored (its own `version`, if any, is the scenario
/// format's).
fn version_of(value: &Value) -> Result<u64, StorageError> {
    let Some(object) = value.as_object() else {
        return Err(StorageError::WrongShape(format!("it is {}, not an object", json_kind(value))));
    };
    if object.contains_key("lanes") && !object.contains_key("scenario") {
        return Ok(0);
    }
    match object.get("version").map(Value::as_u64) {
        None => Err(StorageError::WrongShape("it has no \"version\"".into())),
        Some(Some(0) | None) => {
            Err(StorageError::WrongShape("its \"version\" is not a storage version (1 or more)".into()))
        }
        Some(Some(v)) => Ok(v),
    }
}

/// Version 0, a bare scenario, becomes version 1 with the default lesson, its first variant,
/// the default scale and the default cap. A scenario without a `version` gets the only
/// scenario format there has been.
fn migrate_v0(mut scenario: Value) -> Value {
    if let Some(object) = scenario.as_object_mut() {
        object.insert_missing("version", Value::from(u64::from(FORMAT_VERSION)));
    }
    let mut entry = Map::new();
    entry.insert("version".into(), Value::from(1u64));
    entry.insert("lesson".into(), Value::from(lesson::default_lesson().id));
    entry.insert("variant".into(), Value::from(0u64));
    entry.insert("scale".into(), Value::from(DEFAULT_SCALE));
    entry.insert("cap_ms".into(), Value::from(cap::DEFAULT_MS));
    entry.insert("scenario".into(), scenario);
    Value::Object(entry)
}

/// Reads an entry at [`VERSION`]; what cannot be used becomes its default and a warning.
fn read_current(value: &Value, warnings: &mut Vec<String>) -> Result<Saved, StorageError> {
    let scenario =
        value.get("scenario").ok_or_else(|| StorageError::WrongShape("it has no \"scenario\"".into()))?;
    let scenario = Scenario::from_value(scenario).map_err(StorageError::Scenario)?;
    let default = lesson::default_lesson();
    let named = value.get("lesson").and_then(Value::as_str);
    let found = named.and_then(lesson::find);
    // A lesson that exists but whose file could not be fetched: the work is kept aside whole
    // (lesson and all) rather than opened under another lesson and saved over.
    if let (None, Some(id)) = (found, named.filter(|id| lesson::catalogued(id))) {
        // A catalogued id: short and plain.
        return Err(StorageError::WrongShape(format!("its lesson \u{201c}{id}\u{201d} could not be loaded")));
    }
    let lesson = found.unwrap_or_else(|| {
        warnings.push(format!(
            "The saved lesson \u{201c}{}\u{201d} is not one this playground has; showing \u{201c}{}\u{201d} \
             instead.",
            quote(value.get("lesson")),
            default.title
        ));
        default
    });
    let variant = value
        .get("variant")
        .and_then(Value::as_u64)
        .and_then(|v| usize::try_from(v).ok())
        .filter(|v| *v < lesson.variants.len());
    let variant = variant.unwrap_or_else(|| {
        // A lesson that fell back has its own warning; its variant meant another lesson's.
        if found.is_some() {
            warnings.push(format!(
                "The saved scenario number \u{201c}{}\u{201d} is not one of this lesson's; using its first.",
                quote(value.get("variant"))
            ));
        }
        0
    });
    let scale = number_in(value.get("scale"), MIN_SCALE, MAX_SCALE).unwrap_or_else(|| {
        warnings.push(format!(
            "The saved time scale \u{201c}{}\u{201d} is not a number of milliseconds from {} to \
             {}; using {} ms per unit.",
            quote(value.get("scale")),
            Num(MIN_SCALE),
            Num(MAX_SCALE),
            Num(DEFAULT_SCALE)
        ));
        DEFAULT_SCALE
    });
    let cap_ms = number_in(value.get("cap_ms"), cap::MIN_MS, cap::MAX_MS).unwrap_or_else(|| {
        warnings.push(format!(
            "The saved blocking cap \u{201c}{}\u{201d} is not a number of milliseconds from {} to \
             {}; using {} ms.",
            quote(value.get("cap_ms")),
            Num(cap::MIN_MS),
            Num(cap::MAX_MS),
            Num(cap::DEFAULT_MS)
        ));
        cap::DEFAULT_MS
    });
    Ok(Saved { scenario, lesson, variant, scale, cap_ms })
}

fn number_in(value: Option<&Value>, min: f64, max: f64) -> Option<f64> {
    value.and_then(Value::as_f64).filter(|n| n.is_finite() && (min..=max).contains(n))
}

/// A saved value as a learner reads it in a warning: strings without their quotes, at most 40
/// characters, "nothing" when it is missing.
fn quote(value: Option<&Value>) -> String {
    value.map_or_else(|| "nothing".to_string(), quote_json)
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

// The property tests use proptest, a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::edit::Edit;
    use crate::core::params::Params;
    use crate::core::scenario::{Data, Lane, Task, TaskId, TaskKind, YieldWith, MAX_TASKS};
    use crate::core::share::tests::{config, scenario};
    use crate::core::state::{Action, State};
    use proptest::prelude::*;

    fn saved(lesson: &'static Lesson, variant: usize) -> Saved {
        Saved { scenario: lesson.scenario(variant), lesson, variant, scale: 250.0, cap_ms: 20_000.0 }
    }

    /// What `load` gives for a clean entry at this version.
    fn fresh(saved: Saved) -> Loaded {
        Loaded { saved, migrated_from: None, warnings: vec![] }
    }

    #[test]
    fn keys() {
        assert_eq!(KEY, "async-playground");
        assert_eq!(corrupt_key(1_700_000_000_000), "async-playground.corrupt.1700000000000");
    }

    #[test]
    fn every_lesson_scenario_round_trips() {
        for lesson in lesson::all() {
            for variant in 0..lesson.variants.len() {
                let saved = saved(lesson, variant);
                assert_eq!(load(&save(&saved)), Ok(fresh(saved)), "{} {variant}", lesson.id);
            }
        }
    }

    #[test]
    fn an_edited_scenario_round_trips() {
        let lesson = lesson::find("race").unwrap();
        let mut state = State::new(&Params { lesson, ..Params::default() });
        for action in [
            Action::ChooseVariant(1),
            Action::Edit(Edit::SetLabel {
                id: TaskId(1),
                label: "\u{201c}Read\u{201d} \\ </script> \u{1f980}".into(),
            }),
            Action::Edit(Edit::ResizeTask { id: TaskId(2), duration: 0.125 }),
            Action::SetScale(12.5),
            Action::SetCap(29_999.5),
            Action::Edit(Edit::AddLane { name: "Third".into() }),
            Action::Edit(Edit::AddTask {
                lane: 2,
                index: 0,
                kind: TaskKind::Work { burst_ms: 0.0, yields: YieldWith::AnimationFrame, data: Data::NONE },
                duration: 600.0,
                label: String::new(),
            }),
        ] {
            state = state.apply(action);
        }
        let saved = Saved {
            scenario: (*state.scenario).clone(),
            lesson: state.lesson(),
            variant: state.origin.variant().unwrap_or(0),
            scale: state.scale,
            cap_ms: state.cap_ms,
        };
        let before = lesson.scenario(1);
        assert_eq!(saved.scenario.lanes().len(), before.lanes().len() + 1, "every edit took");
        assert_eq!(saved.scenario.task_count(), before.task_count() + 1);
        assert_eq!((saved.variant, saved.scale, saved.cap_ms), (1, 12.5, 29_999.5));
        assert_eq!(load(&save(&saved)), Ok(fresh(saved)));
    }

    #[test]
    fn migrates_a_bare_scenario() {
        let ticket_queue = &lesson::default_lesson().scenario(0).to_json();
        let without_version = ticket_queue.replacen("\"version\":1,", "", 1);
        assert!(!without_version.contains("version"), "{without_version}");
        for v0 in [ticket_queue, without_version.as_str()] {
            let loaded = load(v0).expect(v0);
            assert_eq!(loaded.migrated_from, Some(0));
            assert_eq!(loaded.warnings, Vec::<String>::new());
            let expected = Saved {
                scenario: Scenario::from_json(ticket_queue).unwrap(),
                lesson: lesson::default_lesson(),
                variant: 0,
                scale: DEFAULT_SCALE,
                cap_ms: cap::DEFAULT_MS,
            };
            assert_eq!(loaded.saved, expected);
            // Saved again, it is a current entry.
            assert_eq!(load(&save(&loaded.saved)), Ok(fresh(expected)));
        }
        let newer_scenario = load(r#"{"version":2,"lanes":[]}"#).unwrap_err();
        assert_eq!(newer_scenario, StorageError::Scenario(ScenarioError::UnsupportedVersion(2)));
    }

    #[test]
    fn refuses_a_newer_version() {
        for (text, version) in [
            (r#"{"version":2,"scenario":{"version":1,"lanes":[]}}"#, 2),
            (r#"{"version":99,"whatever":true}"#, 99),
            (r#"{"version":18446744073709551615}"#, u64::MAX),
        ] {
            let err = load(text).unwrap_err();
            assert_eq!(err, StorageError::Newer(version), "{text}");
            assert!(err.to_string().contains("newer version"), "{err}");
        }
    }

    /// Each unreadable entry gives its own error, and a message that names the problem.
    #[test]
    fn refuses_corrupt_entries_with_a_clear_message() {
        fn check(text: &str, words: &str) {
            let err = load(text).expect_err(text);
            let message = err.to_string();
            assert!(message.contains(words), "{text:.80}\n  gave: {message}\n  wanted: {words}");
            assert!(message.ends_with(SET_ASIDE), "{message}");
        }
        let entry = save(&saved(lesson::default_lesson(), 0));
        check("", "not JSON");
        check(&entry[..entry.len() - 1], "not JSON (EOF");
        check(&entry[..entry.len() / 2], "not JSON");
        check("{\"version\":1,\"scale\":NaN}", "not JSON");
        check("null", "it is null, not an object");
        check("[]", "it is a list, not an object");
        check("42", "it is a number");
        check("\"async\"", "it is a string");
        check("true", "true or false");
        check("{}", "no \"version\"");
        check(r#"{"version":"1","scenario":{}}"#, "not a storage version");
        check(r#"{"version":1.5,"scenario":{}}"#, "not a storage version");
        check(r#"{"version":-1,"scenario":{}}"#, "not a storage version");
        check(r#"{"version":0,"scenario":{}}"#, "not a storage version");
        check(r#"{"version":1,"lesson":"race"}"#, "no \"scenario\"");
        check(r#"{"version":1,"scenario":null}"#, "no \"version\" field");
        check(r#"{"version":1,"scenario":[]}"#, "no \"version\" field");
        check(
            r#"{"version":1,"scenario":{"version":1,"lanes":{}}}"#,
            "\"lanes\" must be a list, not an object",
        );
        let task =
            |d: &str| format!(r#"{{"name":"L","tasks":[{{"kind":"wait","label":"t","duration":{d}}}]}}"#);
        let entry = |d: &str| format!(r#"{{"version":1,"scenario":{{"version":1,"lanes":[{}]}}}}"#, task(d));
        check(&entry("\"NaN\""), "\"duration\" must be a number, not the string \"NaN\"");
        check(&entry("-1"), "duration -1");
        check(&entry("0"), "greater than 0");
        check(
            &format!(r#"{{"lanes":[{}]}}"#, task("1e999")),
            "\"duration\" is 1e999, a number too large to read",
        );
        check(&format!(r#"{{"lanes":[{}]}}"#, task("601")), "at most 600");
        check(r#"{"lanes":"none"}"#, "\"lanes\" must be a list, not the string \"none\"");
        check(&"[".repeat(10_000), "recursion limit");
    }

    #[test]
    fn unusable_settings_fall_back_with_a_warning() {
        fn check(fields: &str, expected: (&str, usize, f64, f64), warning: &str) {
            let text = format!(r#"{{"version":1,{fields},"scenario":{{"version":1,"lanes":[]}}}}"#);
            let loaded = load(&text).expect(&text);
            let s = &loaded.saved;
            assert_eq!((s.lesson.id, s.variant, s.scale, s.cap_ms), expected, "{fields}");
            assert_eq!(loaded.warnings.len(), 1, "{fields}: {:?}", loaded.warnings);
            assert!(loaded.warnings[0].contains(warning), "{fields}: {}", loaded.warnings[0]);
        }
        let ok = r#""variant":1,"scale":5,"cap_ms":2000"#;
        check(
            &format!(r#""lesson":"gone",{ok}"#),
            ("ticket-queue", 0, 5.0, 2000.0),
            "\u{201c}gone\u{201d} is not",
        );
        check(&format!(r#""lesson":7,{ok}"#), ("ticket-queue", 0, 5.0, 2000.0), "\u{201c}7\u{201d}");
        check(ok, ("ticket-queue", 0, 5.0, 2000.0), "\u{201c}nothing\u{201d}");
        check(
            &format!(r#""lesson":"{}",{ok}"#, "y".repeat(50)),
            ("ticket-queue", 0, 5.0, 2000.0),
            "y\u{2026}",
        );
        let race = r#""lesson":"race""#;
        check(
            &format!(r#"{race},"variant":3,"scale":5,"cap_ms":2000"#),
            ("race", 0, 5.0, 2000.0),
            "number \u{201c}3\u{201d}",
        );
        check(
            &format!(r#"{race},"variant":-1,"scale":5,"cap_ms":2000"#),
            ("race", 0, 5.0, 2000.0),
            "\u{201c}-1\u{201d}",
        );
        check(
            &format!(r#"{race},"scale":5,"cap_ms":2000"#),
            ("race", 0, 5.0, 2000.0),
            "\u{201c}nothing\u{201d}",
        );
        check(
            &format!(r#"{race},"variant":1,"scale":0,"cap_ms":2000"#),
            ("race", 1, DEFAULT_SCALE, 2000.0),
            "scale \u{201c}0\u{201d}",
        );
        check(
            &format!(r#"{race},"variant":1,"scale":"NaN","cap_ms":2000"#),
            ("race", 1, DEFAULT_SCALE, 2000.0),
            "\u{201c}NaN\u{201d}",
        );
        check(
            &format!(r#"{race},"variant":1,"scale":1e9,"cap_ms":2000"#),
            ("race", 1, DEFAULT_SCALE, 2000.0),
            "from 1 to 10000",
        );
        check(
            &format!(r#"{race},"variant":1,"scale":null,"cap_ms":2000"#),
            ("race", 1, DEFAULT_SCALE, 2000.0),
            "\u{201c}null\u{201d}",
        );
        check(
            &format!(r#"{race},"variant":1,"scale":5,"cap_ms":999"#),
            ("race", 1, 5.0, cap::DEFAULT_MS),
            "cap \u{201c}999\u{201d}",
        );
        check(
            &format!(r#"{race},"variant":1,"scale":5,"cap_ms":"Infinity""#),
            ("race", 1, 5.0, cap::DEFAULT_MS),
            "from 1000 to 30000",
        );
        check(
            &format!(r#"{race},"variant":1,"scale":5,"cap_ms":[]"#),
            ("race", 1, 5.0, cap::DEFAULT_MS),
            "using 10000 ms",
        );
        // A value that does not fit warns too: the shell saved whatever the state held.
        let nan = Saved { scale: f64::NAN, ..saved(lesson::default_lesson(), 0) };
        let loaded = load(&save(&nan)).unwrap();
        assert_eq!((loaded.saved.scale, loaded.warnings.len()), (DEFAULT_SCALE, 1));
    }

    /// The cap's range is the reducer's.
    #[test]
    fn cap_limits_match_the_reducer() {
        let state = State::new(&Params::default());
        assert_eq!(state.apply(Action::SetCap(0.0)).cap_ms, cap::MIN_MS);
        assert_eq!(state.apply(Action::SetCap(1e12)).cap_ms, cap::MAX_MS);
        assert_eq!(state.cap_ms, cap::DEFAULT_MS);
    }

    #[test]
    fn the_largest_scenario_loads() {
        let lanes: Vec<Lane> = (0..100)
            .map(|l| Lane {
                name: format!("Lane {l}"),
                tasks: (0..MAX_TASKS / 100)
                    .map(|t| Task {
                        id: TaskId(0),
                        label: format!("Task {t} of lane {l}"),
                        kind: TaskKind::work(8.0),
                        duration: 0.5,
                    })
                    .collect(),
            })
            .collect();
        let scenario = Scenario::new(lanes).unwrap();
        assert_eq!(scenario.task_count(), MAX_TASKS);
        let saved = Saved { scenario, ..saved(lesson::default_lesson(), 0) };
        let loaded = load(&save(&saved)).unwrap();
        assert_eq!(loaded.saved.scenario.to_json(), saved.scenario.to_json());
        assert!(loaded.warnings.is_empty());
    }

    proptest! {
        #![proptest_config(config(64))]

        #[test]
        fn any_string_loads_or_is_refused_without_panicking(text in any::<String>()) {
            let _ = load(&text);
        }

        #[test]
        fn any_json_like_text_loads_or_is_refused_without_panicking(
            text in concat!(
                r#"\{("(version|scenario|lesson|variant|scale|cap_ms|lanes|race)""#,
                r#"|[:,\[\]{}0-9.e-]|"[a-z]*"){0,40}"#
            )
        ) {
            let _ = load(&text);
        }

        #[test]
        fn any_scenario_round_trips(
            scenario in scenario(),
            lesson in prop::sample::select(lesson::all()),
            variant in 0..3usize,
            scale in MIN_SCALE..=MAX_SCALE,
            cap_ms in cap::MIN_MS..=cap::MAX_MS,
        ) {
            let variant = variant % lesson.variants.len();
            let saved = Saved { scenario, lesson, variant, scale, cap_ms };
            let loaded = load(&save(&saved)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(loaded.saved.scenario.to_json(), saved.scenario.to_json());
            prop_assert_eq!(
                (loaded.saved.lesson.id, loaded.saved.variant, loaded.saved.scale, loaded.saved.cap_ms),
                (lesson.id, variant, scale, cap_ms)
            );
            prop_assert!(loaded.warnings.is_empty() && loaded.migrated_from.is_none());
        }
    }
}
