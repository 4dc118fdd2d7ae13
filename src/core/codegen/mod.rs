//! Code generation: a scenario written out as real code a learner can read and run, in Rust
//! (futures on the browser's event loop) and in three styles of JavaScript (callbacks, promise
//! chains, async/await).
//!
//! The generated code does what the shell's runtime does (see `core::predict` for the model):
//! one async function per lane, all lanes at once, the tasks of a lane in order; a wait is a
//! timer; a request is a real `fetch` of `favicon.svg` alongside a timer for its latency, and one
//! that `fails` then reads the SVG body as JSON, which is a real error that ends its lane; work
//! computes on the main thread in bursts, giving the thread back between bursts the way its
//! `YieldWith` says; an update reads the shared counter, waits, and writes back what it read plus
//! one, under the scenario's one lock when `locked`. Lanes are combined the way
//! [`Scenario::combine`] says.
//!
//! Every task logs one line as it ends, `done: <label>` or `failed: <label>`, and the run ends
//! with `counter: <n>` (when there are updates) and `finished`, so a test can read the order.
//!
//! Labels and lane names are untrusted text: they only ever appear inside string literals,
//! escaped ([`literal`]), never in comments; identifiers are made from them by [`names`].
//!
//! Pure: no I/O, deterministic, never panics for a valid scenario.

pub mod highlight;
mod js;
pub mod literal;
pub mod names;
mod out;
mod rust;
#[cfg(test)]
pub mod samples;
#[cfg(test)]
mod tests;

use super::params::DEFAULT_SCALE;
use super::scenario::{Scenario, TaskKind, YieldWith};

/// A language, or a style of one, the generator writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    /// Rust futures for wasm32: `async fn`, `.await`, `futures::join!` and friends.
    Rust,
    /// JavaScript with callbacks: `setTimeout`, error-first callbacks, a hand-written join.
    JsCallbacks,
    /// JavaScript promise chains: `.then`, `Promise.all` and friends, `.catch`.
    JsPromises,
    /// JavaScript `async function`, `await` and `try`/`catch`.
    JsAsync,
}

impl Language {
    pub const ALL: [Language; 4] =
        [Language::Rust, Language::JsCallbacks, Language::JsPromises, Language::JsAsync];

    /// A stable id, for URLs and file names.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Rust => "rust",
            Language::JsCallbacks => "js-callbacks",
            Language::JsPromises => "js-promises",
            Language::JsAsync => "js-async",
        }
    }

    pub fn parse(id: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.as_str() == id)
    }

    /// How a learner reads it.
    pub fn title(self) -> &'static str {
        match self {
            Language::Rust => "Rust",
            Language::JsCallbacks => "JS callbacks",
            Language::JsPromises => "JS promises",
            Language::JsAsync => "JS async/await",
        }
    }

    /// Whether this is one of the JavaScript styles.
    pub fn is_js(self) -> bool {
        !matches!(self, Language::Rust)
    }
}

/// `scenario` as code in `language`, with `unit_ms` real milliseconds per scenario unit (a
/// negative or non-finite `unit_ms` is taken as the default scale).
pub fn generate(scenario: &Scenario, language: Language, unit_ms: f64) -> String {
    let unit_ms = if unit_ms.is_finite() && unit_ms >= 0.0 { unit_ms + 0.0 } else { DEFAULT_SCALE };
    match language {
        Language::Rust => rust::generate(scenario, unit_ms),
        Language::JsCallbacks => js::generate(scenario, js::Style::Callbacks, unit_ms),
        Language::JsPromises => js::generate(scenario, js::Style::Promises, unit_ms),
        Language::JsAsync => js::generate(scenario, js::Style::Async, unit_ms),
    }
}

/// What a scenario uses, so that only the helpers it needs are written.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Uses {
    /// Any task at all.
    tasks: bool,
    wait: bool,
    /// Any request: lanes can fail.
    request: bool,
    /// Any request that reads its body as JSON (and fails).
    failing_request: bool,
    /// Any work.
    work: bool,
    /// Work in bursts, with a yield between them, by strategy (in `YieldWith::ALL` order).
    yields: [bool; 6],
    update: bool,
    locked_update: bool,
    /// An update that reads the counter before its wait, and one that reads it after.
    early_update: bool,
    late_update: bool,
}

impl Uses {
    fn of(scenario: &Scenario) -> Uses {
        let mut uses = Uses::default();
        for (_, task) in scenario.tasks() {
            uses.tasks = true;
            match task.kind {
                TaskKind::Wait => uses.wait = true,
                TaskKind::Request { fails } => {
                    uses.request = true;
                    uses.failing_request |= fails;
                }
                TaskKind::Work { burst_ms, yields, .. } => {
                    uses.work = true;
                    if burst_ms > 0.0 {
                        uses.yields[yield_index(yields)] = true;
                    }
                }
                TaskKind::Update { locked, read_after } => {
                    uses.update = true;
                    uses.locked_update |= locked;
                    uses.late_update |= read_after;
                    uses.early_update |= !read_after;
                }
            }
        }
        // scheduler.yield() falls back on a MessageChannel message where there is none, and
        // the default yield ends with one.
        if uses.yields[yield_index(YieldWith::SchedulerYield)]
            || uses.yields[yield_index(YieldWith::FrameAware)]
        {
            uses.yields[yield_index(YieldWith::MessageChannel)] = true;
        }
        uses
    }

    /// Whether a lane can end in an error (only requests fail).
    fn fallible(&self) -> bool {
        self.request
    }

    /// Whether a timer helper is needed (waits, requests and updates all wait).
    fn sleep(&self) -> bool {
        self.wait || self.request || self.update
    }

    /// Whether work in bursts is used at all.
    fn bursts(&self) -> bool {
        self.yields.iter().any(|&y| y)
    }

    fn yields(&self, with: YieldWith) -> bool {
        self.yields[yield_index(with)]
    }
}

fn yield_index(with: YieldWith) -> usize {
    YieldWith::ALL.iter().position(|&y| y == with).unwrap_or(0)
}
