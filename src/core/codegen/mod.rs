//! Code generation: a scenario written out as real code a learner can read and run, in Rust
//! and in three styles of JavaScript. This first part holds the building blocks: identifiers
//! made from lane names ([`names`]), untrusted text as escaped literals ([`literal`]), and a
//! light highlighter ([`highlight`]).

pub mod highlight;
pub mod literal;
pub mod names;

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
