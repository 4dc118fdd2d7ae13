//! Which parts of the page to show: `controls=` in the URL (for embedding one part of the
//! playground in a course page). Every part shows when the URL names none.

use std::fmt;

/// A part of the page that `controls=` can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Control {
    /// The lesson picker, text and scenario switch.
    Lesson,
    /// Predict, then run.
    Predict,
    /// Editing the scenario: the timeline's palette and tools, its tasks by pointer and keys,
    /// and the scenario's settings below the stage (without it the timeline only shows).
    Editor,
    /// "Is the page alive?": the dot, the frame graph, the typing box.
    Pulse,
    /// The run settings (time scale, blocking cap, number of workers) and Stop (which also
    /// comes with any mode's row, or with `compare`).
    Run,
    /// The blocking mode's row in the run strip: its run button, prediction and figures.
    Blocking,
    /// The async mode's row.
    Async,
    /// The workers mode's row.
    Workers,
    /// `Compare all` and the side-by-side small multiples it fills.
    Compare,
    /// The scenario as code.
    Code,
    /// The table of runs.
    History,
    /// The event loop of a finished run, step by step (and runs opened from results files).
    Replay,
    /// Share, Embed and the exports.
    Share,
}

impl Control {
    pub const ALL: [Control; 13] = [
        Control::Lesson,
        Control::Predict,
        Control::Editor,
        Control::Pulse,
        Control::Run,
        Control::Blocking,
        Control::Async,
        Control::Workers,
        Control::Compare,
        Control::Code,
        Control::History,
        Control::Replay,
        Control::Share,
    ];

    /// The name used in `controls=`.
    pub fn as_str(self) -> &'static str {
        match self {
            Control::Lesson => "lesson",
            Control::Predict => "predict",
            Control::Editor => "editor",
            Control::Pulse => "pulse",
            Control::Run => "run",
            Control::Blocking => "blocking",
            Control::Async => "async",
            Control::Workers => "workers",
            Control::Compare => "compare",
            Control::Code => "code",
            Control::History => "history",
            Control::Replay => "replay",
            Control::Share => "share",
        }
    }

    pub fn parse(name: &str) -> Option<Control> {
        Control::ALL.into_iter().find(|c| c.as_str() == name)
    }

    fn bit(self) -> u16 {
        1 << Control::ALL.iter().position(|&c| c == self).unwrap_or(0)
    }
}

/// A set of controls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Controls(u16);

impl Default for Controls {
    /// Every part of the page.
    fn default() -> Self {
        Controls::ALL
    }
}

impl Controls {
    pub const ALL: Controls = Controls((1 << Control::ALL.len()) - 1);

    pub fn has(self, control: Control) -> bool {
        self.0 & control.bit() != 0
    }

    pub fn with(self, control: Control) -> Controls {
        Controls(self.0 | control.bit())
    }

    /// Reads `controls=` (names separated by commas); names it does not know are returned, so
    /// the page can say so. An empty or wholly unknown list shows everything.
    pub fn parse(list: &str) -> (Controls, Vec<String>) {
        let mut set = Controls(0);
        let mut unknown = Vec::new();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match Control::parse(&name.to_ascii_lowercase()) {
                Some(c) => set = set.with(c),
                None => unknown.push(name.to_string()),
            }
        }
        if set.0 == 0 {
            set = Controls::ALL;
        }
        (set, unknown)
    }

    /// The names in the set, comma-separated, as `controls=` takes them.
    pub fn names(self) -> String {
        Control::ALL.into_iter().filter(|&c| self.has(c)).map(Control::as_str).collect::<Vec<_>>().join(",")
    }
}

impl fmt::Display for Controls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.names())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_list_and_reports_unknown_names() {
        let (c, unknown) = Controls::parse("async, pulse,Code");
        assert!(c.has(Control::Async) && c.has(Control::Pulse) && c.has(Control::Code));
        assert!(!c.has(Control::Blocking) && !c.has(Control::Editor));
        assert!(unknown.is_empty());
        assert_eq!(c.names(), "pulse,async,code");
        let (c, unknown) = Controls::parse("async,timeline,<b>");
        assert_eq!(c.names(), "async");
        assert_eq!(unknown, ["timeline", "<b>"]);
    }

    #[test]
    fn nothing_usable_shows_everything() {
        for list in ["", ",,", "nonsense"] {
            assert_eq!(Controls::parse(list).0, Controls::ALL, "{list}");
        }
        assert_eq!(Controls::default(), Controls::ALL);
        assert_eq!(Controls::parse(&Controls::ALL.names()).0, Controls::ALL);
        for c in Control::ALL {
            assert_eq!(Control::parse(c.as_str()), Some(c));
        }
    }
}
