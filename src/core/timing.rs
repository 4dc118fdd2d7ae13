//! The timing types the core and the shell share: a span of time in a run, and how a task's
//! run ended. The prediction produces them, the recording measures them, the report, the
//! exports, the messages and the timeline read them.

/// A span of time, in milliseconds from the start of the run.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Span {
    pub start_ms: f64,
    pub end_ms: f64,
}

/// How a task's run ended.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// It ran to the end.
    #[default]
    Done,
    /// It ended with an error (a failed request), which ended its lane.
    Failed,
    /// It was dropped part way: another lane won a `select`, or failed a `try-join`.
    Cancelled,
    /// It never started: its lane failed or was dropped first.
    Skipped,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [Outcome::Done, Outcome::Failed, Outcome::Cancelled, Outcome::Skipped];

    /// The name used in messages and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Failed => "failed",
            Outcome::Cancelled => "cancelled",
            Outcome::Skipped => "skipped",
        }
    }

    /// Reads [`Outcome::as_str`]'s names back.
    pub fn parse(name: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == name)
    }
}
