//! Lessons: scenarios with a short text, written in our own words from the course material,
//! and a question to predict before the first run.
//!
//! Each lesson is a file, `static/lessons/<id>.json` (its format: `file.rs`). The page's first
//! view carries only the default lesson; the shell fetches another lesson's file when it is
//! first needed and [`add`]s it, and from then on [`find`] has it. Natively (and in tests) every
//! lesson is built in, so the core's tests check every file: its scenarios, and each claim its
//! text makes about totals, order and counters against the model.
//!
//! **Invariant:** [`CATALOGUE`] is the one list of lessons (id, title, course order); a file
//! holds everything else. A lesson, once read, lives as long as the page (`&'static`).

use super::format::Unit;
use super::json;
use super::question::Question;
use super::scenario::Scenario;
use super::turn::Step;
use std::cell::RefCell;

mod file;
#[cfg(test)]
mod tests;

pub use file::LessonError;

/// One lesson as shown on the page.
#[derive(Debug, PartialEq)]
pub struct Lesson {
    /// The id used in `?lesson=<id>`, and the file's name.
    pub id: &'static str,
    pub title: &'static str,
    /// What one scenario unit stands for in the story, singular and plural.
    pub unit: Unit,
    /// Two to five short paragraphs, shown before the first run: they never give the answer.
    pub paragraphs: &'static [&'static str],
    /// What to look at once a run has finished.
    pub notice: &'static str,
    /// What the learner predicts before the first run.
    pub question: Question,
    /// One scenario or more: a lesson may show a problem, then its fix.
    pub variants: &'static [Variant],
    /// The code tab to show first, for a lesson about the code (a `codegen::Language` id).
    pub code_tab: Option<&'static str>,
    /// Where the lesson's facts come from: specifications and documentation.
    pub sources: &'static [Source],
    /// For the order question: the callbacks a click schedules (`core::turn`); else empty.
    pub turn: &'static [Step],
}

/// One scenario of a lesson.
#[derive(Debug, PartialEq)]
pub struct Variant {
    /// Its name on the variant switch.
    pub name: &'static str,
    pub scenario: Scenario,
}

/// A page a lesson's facts rest on.
#[derive(Debug, PartialEq)]
pub struct Source {
    pub title: &'static str,
    pub url: &'static str,
}

impl Lesson {
    /// The scenario of variant `index` (the first if there is no such variant).
    pub fn scenario(&self, index: usize) -> Scenario {
        self.variants.get(index).unwrap_or(&self.variants[0]).scenario.clone()
    }

    /// `n` units in the story's words, e.g. "5 minutes".
    pub fn units(&self, n: f64) -> String {
        super::format::units(n, self.unit)
    }
}

/// A lesson as the picker lists it, before its file is read.
#[derive(Debug, PartialEq)]
pub struct Entry {
    pub id: &'static str,
    pub title: &'static str,
}

/// The default lesson's file, built in without its indentation.
const DEFAULT_FILE: &str = {
    const TEXT: &str = include_str!("../../../static/lessons/ticket-queue.json");
    const BYTES: [u8; json::compact_len(TEXT)] = json::compact(TEXT);
    match std::str::from_utf8(&BYTES) {
        Ok(text) => text,
        Err(_) => panic!("the default lesson's file is UTF-8"),
    }
};

/// Declares the catalogue and, natively, builds every file in.
macro_rules! catalogue {
    ($($id:literal => $title:literal,)*) => {
        /// Every lesson, in course order.
        pub const CATALOGUE: &[Entry] = &[$(Entry { id: $id, title: $title },)*];

        /// The text of a lesson's file, where it is built in: the default lesson's always,
        /// every lesson's natively and in tests.
        fn built_in(id: &str) -> Option<&'static str> {
            if id == DEFAULT_ID {
                return Some(DEFAULT_FILE);
            }
            #[cfg(any(test, not(target_arch = "wasm32")))]
            {
                match id {
                    $($id => return Some(include_str!(concat!("../../../static/lessons/", $id, ".json"))),)*
                    _ => {}
                }
            }
            None
        }
    };
}

catalogue! {
    "ticket-queue" => "The ticket queue",
    "io-waits" => "Waiting for the disk",
    "callbacks-promises-await" => "Callbacks, promises and async/await",
    "network" => "Async is not concurrent by itself",
    "cpu-trap" => "The CPU trap",
    "event-loop" => "One turn of the event loop",
    "yielding" => "Six ways to give the thread back",
    "workers" => "More hands for the work",
    "race" => "The lost update",
    "timeout-cancel" => "Timeouts and cancellation",
    "errors" => "When a request fails",
    "debugging" => "Finding what froze the page",
}

/// The lesson shown when the URL names none.
pub const DEFAULT_ID: &str = "ticket-queue";

thread_local! {
    /// The lessons read so far.
    static LOADED: RefCell<Vec<&'static Lesson>> = const { RefCell::new(Vec::new()) };
    /// Lessons asked for by [`find`] whose files have not been read yet.
    static MISSING: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// The lesson with this id, if it is in the catalogue and its file has been read (a built-in
/// file is read here). A catalogued lesson not read yet is noted for [`take_missing`].
pub fn find(id: &str) -> Option<&'static Lesson> {
    let entry = CATALOGUE.iter().find(|e| e.id == id)?;
    if let Some(lesson) = LOADED.with(|l| l.borrow().iter().copied().find(|l| l.id == id)) {
        return Some(lesson);
    }
    match built_in(id) {
        // Built-in lessons are valid (tested); the message is its Display (no Debug in the first view).
        Some(text) => {
            Some(add(entry.id, text).unwrap_or_else(|e| panic!("a built-in lesson is invalid: {e}")))
        }
        None => {
            MISSING.with(|m| m.borrow_mut().push(entry.id));
            None
        }
    }
}

/// Reads a lesson's file and keeps the lesson for [`find`]. Reading the same lesson twice
/// keeps the first.
pub fn add(id: &str, text: &str) -> Result<&'static Lesson, LessonError> {
    let entry =
        CATALOGUE.iter().find(|e| e.id == id).ok_or_else(|| LessonError::NotInCatalogue(id.into()))?;
    if let Some(lesson) = LOADED.with(|l| l.borrow().iter().copied().find(|l| l.id == id)) {
        return Ok(lesson);
    }
    let lesson: &'static Lesson = Box::leak(Box::new(file::read(entry, text)?));
    LOADED.with(|l| l.borrow_mut().push(lesson));
    MISSING.with(|m| m.borrow_mut().retain(|&m| m != id));
    Ok(lesson)
}

/// The catalogued lessons [`find`] was asked for but does not have yet, each once; the list
/// is emptied. The shell fetches them and tries again.
pub fn take_missing() -> Vec<&'static str> {
    let mut ids = MISSING.with(|m| std::mem::take(&mut *m.borrow_mut()));
    crate::core::sort::sort_by(&mut ids, |a, b| a < b);
    ids.dedup();
    ids
}

/// Whether the catalogue lists a lesson with this id (its file may not be read yet).
pub fn catalogued(id: &str) -> bool {
    entry(id).is_some()
}

/// The catalogue's entry for `id`: its title, without reading its file.
pub fn entry(id: &str) -> Option<&'static Entry> {
    CATALOGUE.iter().find(|e| e.id == id)
}

/// The lesson shown when none is named.
pub fn default_lesson() -> &'static Lesson {
    find(DEFAULT_ID).expect("the default lesson is built in")
}

/// Every lesson, in course order (natively, where all are built in).
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn all() -> Vec<&'static Lesson> {
    CATALOGUE.iter().map(|e| find(e.id).unwrap_or_else(|| panic!("{} is built in for tests", e.id))).collect()
}

/// Where the shell fetches a lesson's file, relative to the folder of the files loaded after the
/// first view (`shell::runtime::parts`).
pub fn file_url(id: &str) -> String {
    format!("lessons/{id}.json")
}
