//! URL parameters (the query string): `lesson=<id>`, `scale=<ms per unit>`, `embed=1`,
//! `controls=<names>`, `theme=light|dark|auto`, `at=<a moment of the run>`, `readonly=1`,
//! `load=click` (read by the boot script, `xtask/src/boot.rs`, before the app loads).
//!
//! These are a stable contract (docs/contracts.md): course pages link to them. A bad value never
//! stops the page: it falls back to the default and says why in a warning.

use super::controls::{Control, Controls};
use super::format::shorten;
use super::format::Num;
use super::lesson::{self, Lesson};

/// Real milliseconds per scenario unit when the URL names none.
pub const DEFAULT_SCALE: f64 = 1000.0;
/// The allowed range of `scale`, in milliseconds per unit.
pub const MIN_SCALE: f64 = 1.0;
pub const MAX_SCALE: f64 = 10_000.0;

/// The colours the URL asks for (`theme=`): an embed can match its course page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// As the system says (`prefers-color-scheme`).
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The name used in `theme=`.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Reads a `theme=` value (any case, spaces around it ignored).
    pub fn parse(value: &str) -> Option<Theme> {
        let value = value.trim().to_ascii_lowercase();
        Theme::ALL.into_iter().find(|t| t.as_str() == value)
    }
}

/// What the URL asks for, with defaults filled in.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    pub lesson: &'static Lesson,
    pub scale: f64,
    pub embed: bool,
    /// The parts of the page to show.
    pub controls: Controls,
    /// Light, dark, or as the system says.
    pub theme: Theme,
    /// Runs, no editing: the editor is hidden and any edit (undo included) is refused with a
    /// message (`readonly=1`).
    pub readonly: bool,
    /// Where the event loop's replay puts its cursor after a run, in ms from the run's start
    /// (`at=1200`, `at=1200ms` or `at=1.2s`); `None` for the run's first event.
    pub at_ms: Option<f64>,
    /// Whether the URL named a usable lesson or scale (rather than leaving the default).
    pub lesson_given: bool,
    pub scale_given: bool,
    /// One sentence per value that could not be used.
    pub warnings: Vec<String>,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            lesson: lesson::default_lesson(),
            scale: DEFAULT_SCALE,
            embed: false,
            controls: Controls::ALL,
            theme: Theme::Auto,
            at_ms: None,
            readonly: false,
            lesson_given: false,
            scale_given: false,
            warnings: vec![],
        }
    }
}

impl Params {
    /// Reads a query string, with or without its leading `?`.
    pub fn from_query(query: &str) -> Params {
        let mut params = Params::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match key {
                "lesson" => match lesson::find(&value) {
                    Some(found) => {
                        params.lesson = found;
                        params.lesson_given = true;
                    }
                    // A lesson that exists but could not be fetched: the shell says why.
                    None if lesson::catalogued(&value) => {}
                    None => params.warnings.push(format!(
                        "There is no lesson called \u{201c}{}\u{201d}; showing \u{201c}{}\u{201d} instead.",
                        shorten(&value),
                        params.lesson.title
                    )),
                },
                "scale" => match parse_scale(&value) {
                    Some(scale) => {
                        params.scale = scale;
                        params.scale_given = true;
                    }
                    None => params.warnings.push(format!(
                        "The time scale \u{201c}{}\u{201d} is not a number of milliseconds from \
                         {} to {}; using {} ms per unit.",
                        shorten(&value),
                        Num(MIN_SCALE),
                        Num(MAX_SCALE),
                        Num(DEFAULT_SCALE)
                    )),
                },
                "embed" => params.embed = matches!(value.as_str(), "1" | "true" | ""),
                "theme" => match Theme::parse(&value) {
                    Some(theme) => params.theme = theme,
                    None => params.warnings.push(format!(
                        "The theme \u{201c}{}\u{201d} is not one of light, dark or auto; \
                         following the system's setting.",
                        shorten(&value)
                    )),
                },
                "readonly" => match value.as_str() {
                    "1" | "true" | "" => params.readonly = true,
                    "0" | "false" => params.readonly = false,
                    other => params.warnings.push(format!(
                        "readonly=\u{201c}{}\u{201d} is not 1 or 0; the scenario can be edited.",
                        shorten(other)
                    )),
                },
                // Read by the boot script before the app loads; known here so it is not unknown.
                "load" if value == "click" => {}
                "load" => params.warnings.push(format!(
                    "load=\u{201c}{}\u{201d} is not click; the playground loaded at once.",
                    shorten(&value)
                )),
                "at" => match parse_moment(&value) {
                    Some(ms) => params.at_ms = Some(ms),
                    None => params.warnings.push(format!(
                        "The moment \u{201c}{}\u{201d} is not a time in the run such as 1200 (ms) \
                         or 1.2s; the replay starts at the run's first event.",
                        shorten(&value)
                    )),
                },
                "controls" => {
                    let (controls, unknown) = Controls::parse(&value);
                    params.controls = controls;
                    if !unknown.is_empty() {
                        let known: Vec<&str> = Control::ALL.iter().map(|c| c.as_str()).collect();
                        params.warnings.push(format!(
                            "The controls {} are not parts of the page; the parts are: {}.",
                            unknown
                                .iter()
                                .map(|u| format!("\u{201c}{}\u{201d}", shorten(u)))
                                .collect::<Vec<_>>()
                                .join(", "),
                            known.join(", ")
                        ));
                    }
                }
                _ => {}
            }
        }
        params
    }
}

/// `query` with `key` set to `value` (replacing any earlier value, keeping the other
/// parameters in order), with its leading `?`.
pub fn query_with(query: &str, key: &str, value: &str) -> String {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(key))
        .map(str::to_string)
        .collect();
    pairs.push(format!("{key}={value}"));
    format!("?{}", pairs.join("&"))
}

/// A time scale read from `value`, if it is one the page can use.
pub fn parse_scale(value: &str) -> Option<f64> {
    let scale = crate::core::number::parse(value.trim())?;
    (scale.is_finite() && (MIN_SCALE..=MAX_SCALE).contains(&scale)).then_some(scale)
}

/// A moment of a run: milliseconds, plain or with `ms`, or seconds with `s`; at most a day.
fn parse_moment(value: &str) -> Option<f64> {
    let value = value.trim();
    let (number, per) = match value.strip_suffix("ms") {
        Some(ms) => (ms, 1.0),
        None => value.strip_suffix('s').map_or((value, 1.0), |s| (s, 1000.0)),
    };
    let ms = crate::core::number::parse(number.trim())? * per;
    (ms.is_finite() && (0.0..=86_400_000.0).contains(&ms)).then_some(ms)
}

/// Decodes `+` and `%XX` escapes; invalid escapes and invalid UTF-8 are kept as they are.
fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match value
                .get(i + 1..i + 3)
                .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                Some(byte) => {
                    out.push(byte);
                    i += 2;
                }
                None => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_when_the_url_names_nothing() {
        for query in ["", "?", "?foo=bar", "&&"] {
            assert_eq!(Params::from_query(query), Params::default(), "{query:?}");
        }
    }

    #[test]
    fn readonly_and_load_are_read_or_explained() {
        for (query, readonly) in
            [("?readonly=1", true), ("?readonly", true), ("?readonly=true", true), ("?readonly=0", false)]
        {
            let p = Params::from_query(query);
            assert_eq!((p.readonly, p.warnings.len()), (readonly, 0), "{query}");
        }
        let p = Params::from_query("?readonly=yes&load=click");
        assert!(!p.readonly);
        assert_eq!(p.warnings, ["readonly=\u{201c}yes\u{201d} is not 1 or 0; the scenario can be edited."]);
        assert!(Params::from_query("?load=later").warnings[0].contains("is not click"));
    }

    #[test]
    fn a_moment_is_read_in_ms_or_s_or_explained() {
        for (query, at) in [
            ("?at=1200", 1200.0),
            ("?at=1200ms", 1200.0),
            ("?at=1.2s", 1200.0),
            ("?at=0", 0.0),
            ("?at=%201.5s", 1500.0),
        ] {
            let p = Params::from_query(query);
            assert_eq!((p.at_ms, p.warnings.len()), (Some(at), 0), "{query}");
        }
        for bad in ["?at=", "?at=soon", "?at=-5", "?at=1e99", "?at=NaN", "?at=5h"] {
            let p = Params::from_query(bad);
            assert_eq!(p.at_ms, None, "{bad}");
            assert!(p.warnings[0].contains("is not a time in the run"), "{bad}: {:?}", p.warnings);
        }
    }

    #[test]
    fn reads_each_parameter() {
        let p = Params::from_query("?lesson=ticket-queue&scale=100&embed=1");
        assert_eq!(p.lesson.id, "ticket-queue");
        assert_eq!(p.scale, 100.0);
        assert!(p.embed);
        assert!(p.warnings.is_empty());
        assert!(!Params::from_query("embed=0").embed);
        assert_eq!(Params::from_query("scale=2.5").scale, 2.5);
        let p = Params::from_query("embed=1&controls=async%2Cpulse");
        assert!(p.controls.has(Control::Async) && !p.controls.has(Control::Editor));
        assert_eq!(Params::from_query("").controls, Controls::ALL);
        let p = Params::from_query("controls=async,graph");
        assert_eq!(p.controls.names(), "async");
        assert!(
            p.warnings[0].contains("\u{201c}graph\u{201d} are not parts of the page"),
            "{:?}",
            p.warnings
        );
    }

    #[test]
    fn bad_values_fall_back_with_a_warning() {
        fn check(query: &str, expected: &str) {
            let p = Params::from_query(query);
            assert_eq!(p.scale, DEFAULT_SCALE, "{query}");
            assert_eq!(p.lesson.id, lesson::DEFAULT_ID, "{query}");
            assert_eq!(p.warnings.len(), 1, "{query}");
            assert!(p.warnings[0].contains(expected), "{query}: {}", p.warnings[0]);
        }
        check("scale=0", "\u{201c}0\u{201d}");
        check("scale=-5", "-5");
        check("scale=NaN", "NaN");
        check("scale=inf", "inf");
        check("scale=1e9", "1e9");
        check("scale=fast", "fast");
        check("scale=", "from 1 to 10000");
        check("lesson=nope", "no lesson called \u{201c}nope\u{201d}");
        check("lesson=%3Cscript%3E", "\u{201c}<script>\u{201d}");
        check(&format!("lesson={}", "x".repeat(100)), "\u{2026}");
    }

    #[test]
    fn reads_the_theme() {
        // (query, theme, a warning containing this, if any)
        let cases: [(&str, Theme, Option<&str>); 9] = [
            ("theme=light", Theme::Light, None),
            ("?theme=dark", Theme::Dark, None),
            ("theme=auto", Theme::Auto, None),
            ("theme=Dark", Theme::Dark, None),
            ("embed=1&theme=light&scale=100", Theme::Light, None),
            ("lesson=ticket-queue", Theme::Auto, None),
            ("", Theme::Auto, None),
            ("theme=sepia", Theme::Auto, Some("The theme \u{201c}sepia\u{201d} is not one of")),
            ("theme=", Theme::Auto, Some("\u{201c}\u{201d} is not one of light, dark or auto")),
        ];
        for (query, theme, warning) in cases {
            let p = Params::from_query(query);
            assert_eq!(p.theme, theme, "{query}");
            match warning {
                None => assert!(p.warnings.is_empty(), "{query}: {:?}", p.warnings),
                Some(expected) => {
                    assert_eq!(p.warnings.len(), 1, "{query}: {:?}", p.warnings);
                    assert!(p.warnings[0].contains(expected), "{query}: {}", p.warnings[0]);
                    assert!(p.warnings[0].ends_with("following the system's setting."), "{query}");
                }
            }
        }
        for theme in Theme::ALL {
            assert_eq!(Theme::parse(theme.as_str()), Some(theme));
        }
        assert_eq!(Theme::default(), Theme::Auto);
    }

    #[test]
    fn query_with_sets_one_parameter_and_keeps_the_rest() {
        assert_eq!(query_with("", "scale", "100"), "?scale=100");
        assert_eq!(
            query_with("?lesson=ticket-queue&scale=5", "scale", "100"),
            "?lesson=ticket-queue&scale=100"
        );
        assert_eq!(query_with("?scale=5&embed=1&scale=6", "scale", "7"), "?embed=1&scale=7");
    }

    #[test]
    fn decodes_escapes_without_panicking() {
        assert_eq!(percent_decode("a+b%20c"), "a b c");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%+1"), "% 1");
        assert_eq!(percent_decode("%E2%80%A6"), "\u{2026}");
        assert_eq!(percent_decode("%FF"), "%FF");
        assert_eq!(percent_decode("é%"), "é%");
    }
}
