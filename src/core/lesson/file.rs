//! A lesson's file, `static/lessons/<id>.json`: a JSON object with
//!
//! - `unit`: what one scenario unit stands for, `["minute", "minutes"]`;
//! - `question`: what the learner predicts (`question::Question::parse`: `"total async"`,
//!   `"logged async Fetch the report"`);
//! - `paragraphs`: the text shown before the first run (two to five; never the answer);
//! - `notice`: the note shown once a run has finished;
//! - `variants`: `[{"name": ..., "scenario": <a scenario, version 1>}]`, one or more;
//! - `code_tab` (optional): the code tab to show first;
//! - `turn` (the order question's, and only its): the click handler's steps,
//!   `[{"line": "what it logs", "via": "sync", "code": "the JavaScript"}]` (`core::turn::Via`);
//! - `sources` (optional): `[{"title": ..., "url": ...}]`, where the facts come from;
//! - `claims`: what the text says the model predicts, checked by the tests (`tests.rs`); the
//!   page never reads them.
//!
//! The id is the catalogue's (`mod.rs`); the title is in both (the picker needs it before any
//! file is read, the click-to-load poster reads the file alone) and must agree.

use super::{Entry, Lesson, Source, Variant};
use crate::core::json::Value;
use crate::core::question::Question;
use crate::core::scenario::Scenario;
use crate::core::turn::{Step, Via};
use std::fmt;

/// Why a lesson could not be read.
#[derive(Debug, PartialEq)]
pub enum LessonError {
    NotInCatalogue(String),
    /// The lesson's id, and what is wrong with its file.
    Unreadable(&'static str, String),
}

impl fmt::Display for LessonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LessonError::NotInCatalogue(id) => write!(f, "There is no lesson called \u{201c}{id}\u{201d}."),
            LessonError::Unreadable(id, why) => {
                write!(f, "The lesson \u{201c}{id}\u{201d} could not be read: {why}.")
            }
        }
    }
}

/// Reads the file of the catalogue's `entry`. Its strings live as long as the page.
pub fn read(entry: &Entry, text: &str) -> Result<Lesson, LessonError> {
    let bad = |why: String| LessonError::Unreadable(entry.id, why);
    let value = crate::core::json::read(text).map_err(|e| bad(format!("it is not JSON ({e})")))?;
    let field = |name: &str| value.get(name).ok_or_else(|| bad(format!("it has no \u{201c}{name}\u{201d}")));
    let string = |v: &Value, name: &str| -> Result<&'static str, LessonError> {
        v.as_str().map(leak).ok_or_else(|| bad(format!("\u{201c}{name}\u{201d} must be a string")))
    };
    let strings = |name: &str| -> Result<Vec<&'static str>, LessonError> {
        let list =
            field(name)?.as_array().ok_or_else(|| bad(format!("\u{201c}{name}\u{201d} must be a list")))?;
        list.iter().map(|v| string(v, name)).collect()
    };
    // The title is the catalogue's too (the picker needs it before any file is read); the
    // file holds it for what reads the file alone: the click-to-load poster (static/poster.js).
    if string(field("title")?, "title")? != entry.title {
        return Err(bad(format!(
            "its \u{201c}title\u{201d} is not the catalogue's, \u{201c}{}\u{201d}",
            entry.title
        )));
    }
    let unit = match strings("unit")?[..] {
        [one, many] => (one, many),
        _ => return Err(bad("\u{201c}unit\u{201d} must name the unit, singular and plural".into())),
    };
    let question = field("question")?
        .as_str()
        .and_then(Question::parse)
        .ok_or_else(|| bad("its \u{201c}question\u{201d} is not one the playground asks".into()))?;
    let text = |item: &Value, name: &str| string(item.get(name).unwrap_or(&Value::Null), name);
    let paragraphs = strings("paragraphs")?;
    let notice = string(field("notice")?, "notice")?;
    let variants = field("variants")?
        .as_array()
        .filter(|l| !l.is_empty())
        .ok_or_else(|| bad("\u{201c}variants\u{201d} must list one scenario or more".into()))?
        .iter()
        .map(|v| {
            let name = text(v, "name")?;
            let scenario = Scenario::from_value(v.get("scenario").unwrap_or(&Value::Null))
                .map_err(|e| bad(format!("its scenario \u{201c}{name}\u{201d}: {e}")))?;
            Ok(Variant { name, scenario })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let code_tab = match value.get("code_tab") {
        None | Some(Value::Null) => None,
        Some(v) => Some(string(v, "code_tab")?),
    };
    // An optional list of objects, each read by `item` (a missing list is empty).
    let optional_list = |name: &str| -> Result<&[Value], LessonError> {
        match value.get(name) {
            None => Ok(&[]),
            Some(v) => v
                .as_array()
                .map(Vec::as_slice)
                .ok_or_else(|| bad(format!("\u{201c}{name}\u{201d} must be a list"))),
        }
    };
    let sources = optional_list("sources")?
        .iter()
        .map(|s| Ok(Source { title: text(s, "title")?, url: text(s, "url")? }))
        .collect::<Result<Vec<_>, _>>()?;
    let turn = optional_list("turn")?
        .iter()
        .map(|s| {
            let line = text(s, "line")?;
            let via = s.get("via").and_then(Value::as_str).and_then(Via::parse).ok_or_else(|| {
                bad(format!(
                    "the step \u{201c}{line}\u{201d} has no \u{201c}via\u{201d} the playground knows"
                ))
            })?;
            Ok(Step { line, via, code: text(s, "code")? })
        })
        .collect::<Result<Vec<_>, _>>()?;
    if (question == Question::Order) == turn.is_empty() {
        return Err(bad("the order question needs a \u{201c}turn\u{201d}, and only it has one".into()));
    }
    Ok(Lesson {
        id: entry.id,
        title: entry.title,
        unit,
        paragraphs: Vec::leak(paragraphs),
        notice,
        question,
        variants: Vec::leak(variants),
        code_tab,
        sources: Vec::leak(sources),
        turn: Vec::leak(turn),
    })
}

/// A string that lives as long as the page (a lesson is read once).
pub(super) fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}
