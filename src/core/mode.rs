//! The ways a scenario can be run.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Every task in lane order on the main thread; a wait becomes a busy-wait.
    Blocking,
    /// Each lane a future on the browser's event loop, all lanes joined.
    Async,
    /// As async, but each work task runs on a pool of Web Workers, off the main thread.
    Workers,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Blocking, Mode::Async, Mode::Workers];

    /// The name used in messages and URLs (`blocking`, `async`, `workers`).
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Blocking => "blocking",
            Mode::Async => "async",
            Mode::Workers => "workers",
        }
    }

    /// Reads a mode name; `None` for anything else.
    pub fn parse(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == name)
    }

    /// The name shown to a learner, capitalised.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Blocking => "Blocking",
            Mode::Async => "Async",
            Mode::Workers => "Workers",
        }
    }

    /// The label of the button that runs this mode (a stable accessible name).
    pub fn run_label(self) -> &'static str {
        match self {
            Mode::Blocking => "Run blocking",
            Mode::Async => "Run async",
            Mode::Workers => "Run in workers",
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for mode in Mode::ALL {
            assert_eq!(Mode::parse(mode.as_str()), Some(mode));
        }
        assert_eq!(Mode::parse("worker"), None);
        assert_eq!(Mode::parse("Async"), None);
    }
}
