//! Share links: a scenario, with its lesson and time scale, carried in the URL fragment as
//! `#s=<value>`, versioned (a stable contract: docs/contracts.md).
//!
//! The value is `1.` followed by base64url (RFC 4648 §5, no padding) of the raw-DEFLATE
//! compressed UTF-8 JSON `{"lesson": "<id>", "scale": <ms>, "scenario": <Scenario JSON v1>}`;
//! `lesson` and `scale` are optional. Decoding never panics: a value over [`MAX_LINK_CHARS`]
//! is refused before any work, inflating stops at [`MAX_JSON_BYTES`], the scenario is checked
//! by [`Scenario::from_value`] like any other, and every problem is a [`ShareError`] whose
//! message says the current scenario was kept. A lesson or scale the link cannot use is
//! dropped with a warning instead.

use super::format::quote_json;
use super::format::Num;
use super::json::Value;
use super::lesson::{self, Lesson};
use super::params::{MAX_SCALE, MIN_SCALE};
use super::scenario::{Scenario, ScenarioError};
use std::fmt;

/// The link format this build writes, and the only one it reads.
pub const VERSION: u32 = 1;
/// The longest value (after `s=`) the playground tries to open, in characters (bytes: a link
/// is ASCII, as `location.hash` is percent-encoded).
pub const MAX_LINK_CHARS: usize = 64 * 1024;
/// The most JSON a link may unpack to, in bytes (as much as a `load` message may carry).
pub const MAX_JSON_BYTES: usize = 4 * 1024 * 1024;
/// The DEFLATE level links are written with natively (the best miniz_oxide has short of "uber").
#[cfg(any(test, not(target_arch = "wasm32")))]
const LEVEL: u8 = 9;

/// What a share link holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub scenario: Scenario,
    pub lesson: Option<&'static Lesson>,
    /// Real milliseconds per scenario unit.
    pub scale: Option<f64>,
}

/// A link that opened, with one sentence per part of it that could not be used.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub shared: Shared,
    pub warnings: Vec<String>,
}

/// Why a link did not open. `Display` gives the message shown to the learner.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareError {
    /// The value has this many characters, more than [`MAX_LINK_CHARS`].
    TooLong { chars: usize },
    /// The value names a link format later than [`VERSION`].
    UnknownVersion(u32),
    /// Not `1.` and base64url: characters a link never has, or cut off mid-character.
    Garbled,
    /// The compressed data does not unpack: cut short or changed.
    Damaged,
    /// This browser cannot unpack it (no `DecompressionStream` for raw DEFLATE).
    NoUnpacker,
    /// It would unpack to more than [`MAX_JSON_BYTES`].
    TooLarge,
    /// It unpacks, but not to the JSON object a link holds.
    NotJson(String),
    /// It holds a scenario the scenario model refuses.
    Scenario(ScenarioError),
}

const KEPT: &str = "The current scenario was kept.";

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLong { chars } => write!(
                f,
                "This share link is too long to open: it holds {chars} characters, and the most the \
                 playground reads is {MAX_LINK_CHARS}. {KEPT}"
            ),
            ShareError::UnknownVersion(v) => write!(
                f,
                "This share link was made by a newer version of the playground (link format {v}; \
                 this one reads format {VERSION}). Open it in the newer version. {KEPT}"
            ),
            ShareError::Garbled => write!(
                f,
                "This share link seems damaged: was it cut short or changed? Try copying the whole \
                 link again. {KEPT}"
            ),
            ShareError::Damaged => write!(
                f,
                "This share link seems damaged: its scenario cannot be unpacked, as happens when a \
                 link is cut short or changed. Try copying the whole link again. {KEPT}"
            ),
            ShareError::NoUnpacker => write!(
                f,
                "This browser cannot open share links: it cannot unpack them (DecompressionStream \
                 with raw DEFLATE came in Chrome 103, Firefox 113 and Safari 16.4). Open the link \
                 in a newer browser. {KEPT}"
            ),
            ShareError::TooLarge => write!(
                f,
                "This share link unpacks to more than {} MiB, more than the playground opens. {KEPT}",
                MAX_JSON_BYTES / (1024 * 1024)
            ),
            ShareError::NotJson(detail) => {
                write!(
                    f,
                    "This share link does not hold a scenario the playground can read ({detail}). {KEPT}"
                )
            }
            ShareError::Scenario(e) => {
                write!(f, "This share link holds a scenario the playground cannot use: {e} {KEPT}")
            }
        }
    }
}

impl std::error::Error for ShareError {}

/// The value to put after `s=`: `1.` and the compressed JSON in base64url.
///
/// A value longer than [`MAX_LINK_CHARS`] (a scenario of thousands of tasks with long, varied
/// labels) will not open; the caller checks the length before offering the link.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn encode(shared: &Shared) -> String {
    let json = payload(shared);
    wrap(&miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL))
}

/// The value for `payload(shared)` compressed elsewhere with raw DEFLATE. The browser shell
/// compresses with the browser's own `CompressionStream("deflate-raw")`, so the bundle carries
/// no compressor; [`encode`] does the same here, and the tests check both read back alike.
pub fn wrap(deflated: &[u8]) -> String {
    format!("{VERSION}.{}", base64url_encode(deflated))
}

/// The compressed payload of the value found after `s=`: checked for length and version,
/// base64url decoded, still to be inflated (at most [`MAX_JSON_BYTES`]) and read with
/// [`read_inflated`]. The page inflates with the browser's `DecompressionStream`, so its
/// bundle carries no inflater; natively [`decode`] does it all.
pub fn unwrap(value: &str) -> Result<Vec<u8>, ShareError> {
    if value.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong { chars: value.len() });
    }
    let (version, data) = value.split_once('.').ok_or(ShareError::Garbled)?;
    check_version(version)?;
    base64url_decode(data).ok_or(ShareError::Garbled)
}

/// The value after `s=` in `location.hash` (`""`, `"#"`, `"#s=…"`, or `&`-separated
/// parameters, with or without the `#`). `None` when it has no `s` parameter; the last one
/// counts when there are several.
pub fn link_value(hash: &str) -> Option<&str> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    hash.split('&').rev().find_map(|pair| match pair.split_once('=') {
        Some(("s", value)) => Some(value),
        None if pair == "s" => Some(""),
        _ => None,
    })
}

/// Opens the value found after `s=`.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn decode(value: &str) -> Result<Decoded, ShareError> {
    read_inflated(&inflate(&unwrap(value)?)?)
}

/// Opens the link in `location.hash`, if it has one ([`link_value`]).
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn from_fragment(hash: &str) -> Option<Result<Decoded, ShareError>> {
    link_value(hash).map(decode)
}

/// Version 1 passes; a later one is [`ShareError::UnknownVersion`]; anything else is garbled.
fn check_version(version: &str) -> Result<(), ShareError> {
    let number = version.bytes().all(|b| b.is_ascii_digit()).then(|| version.parse::<u32>().ok()).flatten();
    match number {
        Some(VERSION) => Ok(()),
        Some(v) if v > VERSION => Err(ShareError::UnknownVersion(v)),
        _ => Err(ShareError::Garbled),
    }
}

/// Raw DEFLATE, unpacked to at most [`MAX_JSON_BYTES`].
#[cfg(any(test, not(target_arch = "wasm32")))]
fn inflate(deflated: &[u8]) -> Result<Vec<u8>, ShareError> {
    use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
    decompress_to_vec_with_limit(deflated, MAX_JSON_BYTES).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => ShareError::TooLarge,
        _ => ShareError::Damaged,
    })
}

/// The JSON a link holds before it is compressed: lesson and scale first, the scenario as its
/// own JSON text.
pub fn payload(shared: &Shared) -> String {
    payload_of(&shared.scenario, shared.lesson.map(|l| l.id), shared.scale)
}

/// The same, from the scenario, the lesson's id and the scale.
pub fn payload_of(scenario: &Scenario, lesson: Option<&str>, scale: Option<f64>) -> String {
    let mut json = String::from("{");
    if let Some(lesson) = lesson {
        json.push_str(&format!("\"lesson\":{},", super::json::text(lesson)));
    }
    if let Some(scale) = scale {
        // A scale that is not finite is written as `null`, which a reader ignores.
        json.push_str(&format!("\"scale\":{},", super::json::number(scale)));
    }
    json.push_str(&format!("\"scenario\":{}}}", scenario.to_json()));
    json
}

/// Reads a link's payload once inflated.
pub fn read_inflated(json: &[u8]) -> Result<Decoded, ShareError> {
    let value = super::json::read_bytes(json).map_err(ShareError::NotJson)?;
    let Some(object) = value.as_object() else {
        return Err(ShareError::NotJson("it is not a JSON object".into()));
    };
    let scenario =
        object.get("scenario").ok_or_else(|| ShareError::NotJson("it has no \"scenario\"".into()))?;
    let scenario = Scenario::from_value(scenario).map_err(ShareError::Scenario)?;
    let mut warnings = Vec::new();
    let lesson = match object.get("lesson") {
        None | Some(Value::Null) => None,
        Some(id) => {
            let found = id.as_str().and_then(lesson::find);
            // A lesson that exists but could not be fetched: the shell says why.
            if found.is_none() && !id.as_str().is_some_and(lesson::catalogued) {
                warnings.push(format!(
                    "This link names a lesson, \u{201c}{}\u{201d}, that this playground does not have; \
                     the scenario opens without it.",
                    quote_json(id)
                ));
            }
            found
        }
    };
    let scale = match object.get("scale") {
        None | Some(Value::Null) => None,
        Some(scale) => {
            let usable = scale.as_f64().filter(|s| s.is_finite() && (MIN_SCALE..=MAX_SCALE).contains(s));
            if usable.is_none() {
                warnings.push(format!(
                    "This link's time scale, \u{201c}{}\u{201d}, is not a number of milliseconds from \
                     {} to {}; the current scale is kept.",
                    quote_json(scale),
                    Num(MIN_SCALE),
                    Num(MAX_SCALE)
                ));
            }
            usable
        }
    };
    Ok(Decoded { shared: Shared { scenario, lesson, scale }, warnings })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// Reads what [`base64url_encode`] writes, and only that: no padding, no other alphabet, no
/// stray bits after the last byte. `None` for anything else.
fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= u32::from(sextet(c)?) << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let (used, stray) = bytes.split_at(chunk.len() - 1);
        if stray.iter().any(|&b| b != 0) {
            return None;
        }
        out.extend_from_slice(used);
    }
    Some(out)
}

fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

// The property tests use proptest, a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    use super::*;
    use crate::core::scenario::{Combine, Data, Lane, Task, TaskId, TaskKind, YieldWith, MAX_DURATION};
    use proptest::prelude::*;

    /// A link holding exactly these bytes as its JSON.
    fn pack(json: &[u8]) -> String {
        format!("1.{}", base64url_encode(&miniz_oxide::deflate::compress_to_vec(json, LEVEL)))
    }

    fn ticket_queue() -> Shared {
        let lesson = lesson::default_lesson();
        Shared { scenario: lesson.scenario(0), lesson: Some(lesson), scale: Some(1000.0) }
    }

    /// `lanes` lanes of `per_lane` waits, each labelled differently.
    fn waits(lanes: usize, per_lane: usize) -> Scenario {
        let mut id = 0;
        let lanes = (0..lanes)
            .map(|l| Lane {
                name: format!("Lane {}", l + 1),
                tasks: (0..per_lane)
                    .map(|_| {
                        id += 1;
                        Task {
                            id: TaskId(id),
                            label: format!("Wait {id}"),
                            kind: TaskKind::Wait,
                            duration: 1.0,
                        }
                    })
                    .collect(),
            })
            .collect();
        Scenario::new(lanes).unwrap()
    }

    /// The browser compresses with its own DEFLATE: any raw DEFLATE stream of the payload,
    /// wrapped, opens the same as `encode` (here: another compression level, and no
    /// compression at all).
    #[test]
    fn a_payload_compressed_elsewhere_opens_alike() {
        let lesson = crate::core::lesson::find("race").unwrap();
        let shared = Shared { scenario: lesson.scenario(1), lesson: Some(lesson), scale: Some(250.0) };
        let json = payload(&shared);
        for level in [0, 1, 6] {
            let value = wrap(&miniz_oxide::deflate::compress_to_vec(json.as_bytes(), level));
            assert_eq!(decode(&value).unwrap().shared, shared, "level {level}");
        }
        assert_eq!(decode(&encode(&shared)).unwrap().shared, shared);
    }

    #[test]
    fn base64url_matches_the_rfc_vectors() {
        let vectors: [(&[u8], &str); 8] = [
            (b"", ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (b"foobar", "Zm9vYmFy"),
            (&[0xfb, 0xff, 0xbf], "-_-_"),
        ];
        for (bytes, text) in vectors {
            assert_eq!(base64url_encode(bytes), text);
            assert_eq!(base64url_decode(text).as_deref(), Some(bytes), "{text}");
        }
    }

    #[test]
    fn base64url_refuses_anything_else() {
        for text in ["Z", "Zm9vY", "Zh", "Zm9", "Zm9vYmF=", "Zm9v====", "Zm+v", "Zm/v", "Zm9v\n", "Zm9é"] {
            assert_eq!(base64url_decode(text), None, "{text:?}");
        }
        assert_eq!(base64url_decode("Zm8"), Some(b"fo".to_vec()));
    }

    #[test]
    fn the_ticket_queue_link_is_short_and_opens() {
        let shared = ticket_queue();
        let value = encode(&shared);
        println!("ticket-queue link value: {} characters: {value}", value.len());
        assert!(value.starts_with("1."), "{value}");
        assert!(value.len() < 250, "{} characters", value.len());
        assert!(value.bytes().skip(2).all(|b| ALPHABET.contains(&b)), "{value}");
        assert_eq!(decode(&value), Ok(Decoded { shared, warnings: vec![] }));
    }

    #[test]
    fn a_thousand_tasks_fit_in_a_link() {
        let shared = Shared { scenario: waits(8, 125), lesson: None, scale: None };
        let value = encode(&shared);
        println!("1,000-task link value: {} characters", value.len());
        assert!(value.len() <= MAX_LINK_CHARS, "{} characters", value.len());
        assert_eq!(decode(&value).unwrap().shared, shared_with_json_ids(&shared));
        let most = encode(&Shared { scenario: waits(10, 1000), lesson: None, scale: None });
        println!("10,000-task link value: {} characters", most.len());
    }

    /// `shared` as it comes back from a link: task ids renumbered in lane order from 1.
    fn shared_with_json_ids(shared: &Shared) -> Shared {
        Shared { scenario: Scenario::from_json(&shared.scenario.to_json()).unwrap(), ..shared.clone() }
    }

    #[test]
    fn lesson_and_scale_are_optional() {
        let scenario = lesson::default_lesson().scenario(0);
        for (lesson, scale) in [(None, None), (Some(lesson::default_lesson()), None), (None, Some(2.5))] {
            let shared = Shared { scenario: scenario.clone(), lesson, scale };
            assert_eq!(decode(&encode(&shared)), Ok(Decoded { shared, warnings: vec![] }));
        }
        let plain = pack(br#"{"scenario":{"version":1,"lanes":[]},"lesson":null,"scale":null}"#);
        let decoded = decode(&plain).unwrap();
        assert_eq!((decoded.shared.lesson, decoded.shared.scale, decoded.warnings.len()), (None, None, 0));
    }

    /// Each refused value gives its own error, and a message that says what to do.
    #[test]
    fn refuses_bad_values_with_a_clear_message() {
        fn check(value: &str, expected: ShareError, words: &str) {
            let err = decode(value).expect_err(value);
            assert_eq!(err, expected, "{value:.80}");
            let message = err.to_string();
            assert!(message.contains(words), "{value:.80}\n  gave: {message}\n  wanted: {words}");
            assert!(message.ends_with(KEPT), "{message}");
        }
        let too_long = format!("1.{}", "A".repeat(MAX_LINK_CHARS));
        check(&too_long, ShareError::TooLong { chars: MAX_LINK_CHARS + 2 }, "65538 characters");
        check(&too_long, ShareError::TooLong { chars: MAX_LINK_CHARS + 2 }, "reads is 65536");
        check("2.eNrt", ShareError::UnknownVersion(2), "made by a newer version");
        check("17.", ShareError::UnknownVersion(17), "link format 17");
        for garbled in ["", "1", "eNrtAA", "0.AAAA", "+2.AAAA", "v1.AAAA", "1.@@@@", "1.A", "1.Zh", "1.AA=="]
        {
            check(garbled, ShareError::Garbled, "cut short or changed?");
        }
        // Said only where the browser cannot unpack links at all: what it lacks, and what to do.
        let no_unpacker = ShareError::NoUnpacker.to_string();
        assert!(no_unpacker.contains("cannot open share links") && no_unpacker.contains("Safari 16.4"));
        assert!(no_unpacker.ends_with("Open the link in a newer browser. The current scenario was kept."));
        check("1.AAAA", ShareError::Damaged, "cannot be unpacked");
        check("1.", ShareError::Damaged, "cut short or changed");
        check(&format!("1.{}", base64url_encode(b"not deflate at all")), ShareError::Damaged, "unpacked");
        let valid = encode(&ticket_queue());
        // Cut after whole characters, so only the compressed data is short.
        check(&valid[..2 + (valid.len() - 2) / 8 * 4], ShareError::Damaged, "unpacked");
        let bomb = pack(&vec![b' '; MAX_JSON_BYTES + 1]);
        assert!(bomb.len() < 10_000, "{}", bomb.len());
        check(&bomb, ShareError::TooLarge, "more than 4 MiB");
        let not_json = |detail: &str| ShareError::NotJson(detail.into());
        check(&pack(b"[]"), not_json("it is not a JSON object"), "does not hold a scenario");
        check(&pack(br#"{"lesson":"race"}"#), not_json("it has no \"scenario\""), "no \"scenario\"");
        let err = decode(&pack(b"{\"scenario\":")).unwrap_err();
        assert!(matches!(err, ShareError::NotJson(_)), "{err:?}");
        let err = decode(&pack(b"{\"lesson\":\"\xff\",\"scenario\":{}}")).unwrap_err();
        assert!(matches!(err, ShareError::NotJson(_)), "{err:?}");
        let scenario = |json: &str| pack(format!(r#"{{"scenario":{json}}}"#).as_bytes());
        let task = |d: &str| {
            let task = format!(r#"{{"kind":"wait","label":"t","duration":{d}}}"#);
            scenario(&format!(r#"{{"version":1,"lanes":[{{"name":"L","tasks":[{task}]}}]}}"#))
        };
        let refused = |json: &str| ShareError::Scenario(Scenario::from_json(json).unwrap_err());
        check(&scenario("{}"), refused("{}"), "no \"version\"");
        check(&scenario(r#"{"version":2,"lanes":[]}"#), refused(r#"{"version":2,"lanes":[]}"#), "version 2");
        check(&task("-1"), ShareError::Scenario(bad_duration("-1")), "duration -1");
        check(&task("1e308"), ShareError::Scenario(bad_duration("1e308")), "at most 600");
        check(&task("0"), ShareError::Scenario(bad_duration("0")), "greater than 0");
        let err = decode(&task("NaN")).unwrap_err();
        assert!(matches!(err, ShareError::NotJson(_)), "{err:?}");
        let err = decode(&task("\"5\"")).unwrap_err();
        assert!(matches!(err, ShareError::Scenario(ScenarioError::NotJson(_))), "{err:?}");
    }

    /// The error the scenario model gives for this duration (as the model writes it: `-1`,
    /// `1e308`).
    fn bad_duration(value: &str) -> ScenarioError {
        let json = format!(
            r#"{{"version":1,"lanes":[{{"name":"L","tasks":[{{"kind":"wait","label":"t","duration":{value}}}]}}]}}"#
        );
        Scenario::from_json(&json).unwrap_err()
    }

    #[test]
    fn an_unusable_lesson_or_scale_is_dropped_with_a_warning() {
        fn check(fields: &str, lesson: Option<&str>, scale: Option<f64>, warning: &str) {
            let value = pack(format!(r#"{{{fields},"scenario":{{"version":1,"lanes":[]}}}}"#).as_bytes());
            let decoded = decode(&value).expect(fields);
            assert_eq!(decoded.shared.lesson.map(|l| l.id), lesson, "{fields}");
            assert_eq!(decoded.shared.scale, scale, "{fields}");
            assert_eq!(decoded.warnings.len(), 1, "{fields}: {:?}", decoded.warnings);
            assert!(decoded.warnings[0].contains(warning), "{fields}: {}", decoded.warnings[0]);
        }
        check(r#""lesson":"nope","scale":5"#, None, Some(5.0), "\u{201c}nope\u{201d}, that this playground");
        check(r#""lesson":3,"scale":5"#, None, Some(5.0), "\u{201c}3\u{201d}");
        check(&format!(r#""lesson":"{}""#, "x".repeat(100)), None, None, "x\u{2026}\u{201d}");
        check(r#""lesson":"race","scale":0"#, Some("race"), None, "\u{201c}0\u{201d}, is not a number");
        check(r#""scale":-5"#, None, None, "from 1 to 10000");
        check(r#""scale":1e9"#, None, None, "“1e9”");
        check(r#""scale":"NaN""#, None, None, "\u{201c}NaN\u{201d}");
        check(r#""scale":"100""#, None, None, "\u{201c}100\u{201d}");
        check(r#""scale":[1]"#, None, None, "current scale is kept");
    }

    #[test]
    fn reads_the_link_from_the_fragment() {
        let value = encode(&ticket_queue());
        for hash in ["", "#", "#x=1", "#embed=1&lesson=race", "#ss=1&s_=2&S=1", "#=s"] {
            assert_eq!(from_fragment(hash), None, "{hash}");
        }
        for hash in ["#s", "s", "#s=", "#x=1&s"] {
            assert_eq!(from_fragment(hash), Some(Err(ShareError::Garbled)), "{hash}");
        }
        for hash in [
            format!("#s={value}"),
            format!("s={value}"),
            format!("#a=1&s={value}&b"),
            format!("#s=2.x&s={value}"),
            format!("#&&s={value}&"),
        ] {
            assert_eq!(from_fragment(&hash), Some(decode(&value)), "{hash}");
            assert!(from_fragment(&hash).unwrap().is_ok(), "{hash}");
        }
        assert_eq!(from_fragment("#s=2.AAAA&x=1"), Some(Err(ShareError::UnknownVersion(2))));
    }

    /// Proptest settings for this module: few cases, and no regression files in the tree.
    pub(crate) fn config(cases: u32) -> ProptestConfig {
        ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
    }

    /// Labels and lane names: up to 120 characters of anything, with quotes, backslashes, a
    /// closing script tag and emoji thrown in.
    pub(crate) fn label() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => any::<char>().prop_map(String::from),
            1 => Just("\"".to_string()),
            1 => Just("\\".to_string()),
            1 => Just("</script>".to_string()),
            1 => Just("\u{1f980}".to_string()),
            1 => Just("\u{1f469}\u{200d}\u{1f467}".to_string()),
            1 => Just(" ".to_string()),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat().chars().take(120).collect())
    }

    /// Any valid task kind, with every option.
    pub(crate) fn kind() -> impl Strategy<Value = TaskKind> {
        let burst = prop_oneof![Just(0.0), Just(1000.0), 0.0..=1000.0f64];
        prop_oneof![
            Just(TaskKind::Wait),
            any::<bool>().prop_map(|fails| TaskKind::Request { fails }),
            (
                burst,
                prop::sample::select(YieldWith::ALL.to_vec()),
                prop_oneof![Just(0.0), 0.0..=256.0f64],
                any::<bool>()
            )
                .prop_map(|(burst_ms, yields, mb, transfer)| TaskKind::Work {
                    burst_ms,
                    yields,
                    data: Data { mb, transfer }
                }),
            (any::<bool>(), any::<bool>())
                .prop_map(|(locked, read_after)| TaskKind::Update { locked, read_after }),
        ]
    }

    /// Any valid scenario of up to 5 lanes of up to 6 tasks.
    pub(crate) fn scenario() -> impl Strategy<Value = Scenario> {
        let duration = prop_oneof![Just(MAX_DURATION), Just(f64::MIN_POSITIVE), 0.0..=MAX_DURATION]
            .prop_filter("durations are positive", |d| *d > 0.0);
        let task = (label(), kind(), duration).prop_map(|(label, kind, duration)| Task {
            id: TaskId(0),
            label,
            kind,
            duration,
        });
        let lane =
            (label(), prop::collection::vec(task, 0..6)).prop_map(|(name, tasks)| Lane { name, tasks });
        (prop::collection::vec(lane, 0..5), prop::sample::select(Combine::ALL.to_vec())).prop_map(
            |(lanes, combine)| {
                Scenario::new(lanes).expect("generated scenarios are valid").with_combine(combine)
            },
        )
    }

    fn shared() -> impl Strategy<Value = Shared> {
        let lesson = prop::option::of(prop::sample::select(lesson::all()));
        let scale = prop::option::of(prop_oneof![Just(MIN_SCALE), Just(MAX_SCALE), MIN_SCALE..=MAX_SCALE]);
        (scenario(), lesson, scale).prop_map(|(scenario, lesson, scale)| Shared { scenario, lesson, scale })
    }

    proptest! {
        #![proptest_config(config(64))]

        #[test]
        fn any_scenario_round_trips(shared in shared()) {
            let value = encode(&shared);
            let decoded = decode(&value).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(decoded.shared.scenario.to_json(), shared.scenario.to_json());
            prop_assert_eq!(decoded.shared.lesson.map(|l| l.id), shared.lesson.map(|l| l.id));
            prop_assert_eq!(decoded.shared.scale, shared.scale);
            prop_assert!(decoded.warnings.is_empty(), "{:?}", decoded.warnings);
        }

        #[test]
        fn base64url_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            prop_assert_eq!(base64url_decode(&base64url_encode(&bytes)), Some(bytes));
        }

        #[test]
        fn any_string_is_refused_or_opened_without_panicking(text in any::<String>()) {
            let _ = from_fragment(&text);
            let _ = from_fragment(&format!("#s={text}"));
            let _ = decode(&text);
            let _ = decode(&format!("1.{text}"));
        }

        #[test]
        fn any_bytes_are_refused_or_opened_without_panicking(
            bytes in prop::collection::vec(any::<u8>(), 0..256)
        ) {
            let _ = decode(&format!("1.{}", base64url_encode(&bytes)));
            // The same bytes as the JSON inside a well-formed link reach the JSON and scenario checks.
            let _ = decode(&pack(&bytes));
        }

        #[test]
        fn any_json_like_text_is_refused_or_opened_without_panicking(
            text in concat!(
                r#"\{("(scenario|lesson|scale|version|lanes|tasks|kind|duration)""#,
                r#"|[:,\[\]{}0-9.e-]|"[a-z]*"){0,40}"#
            )
        ) {
            let _ = decode(&pack(text.as_bytes()));
        }
    }

    proptest! {
        // Each case decodes every prefix of a link: a few hundred decodes.
        #![proptest_config(config(16))]

        #[test]
        fn every_truncation_is_refused_or_valid(shared in shared()) {
            let value = encode(&shared);
            for end in 0..value.len() {
                if let Ok(decoded) = decode(&value[..end]) {
                    // Whatever opens went through the scenario checks.
                    let json = decoded.shared.scenario.to_json();
                    prop_assert_eq!(Scenario::from_json(&json).map(|s| s.to_json()), Ok(json));
                }
            }
        }
    }
}
