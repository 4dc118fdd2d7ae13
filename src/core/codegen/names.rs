//! Identifiers made from lane names: one function per lane, named after it where possible.
//!
//! A lane name is free text. Its identifier keeps only its words in ASCII letters and digits
//! (accents dropped: `Café` is `cafe`), in `snake_case` for Rust and `camelCase` for JavaScript; one that would start with a digit gets a
//! `lane` prefix; one that is a keyword of the language, or a name the generated code already
//! uses, gets a `lane` suffix; one left empty becomes `lane_<n>` / `lane<n>` after its position;
//! and each is made unique with a numeric suffix (`_2` / `2`, then 3, ...).

use std::collections::{HashMap, HashSet};

/// How words are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// `ticket_queue`, for Rust.
    Snake,
    /// `ticketQueue`, for JavaScript.
    Camel,
}

impl Case {
    fn separator(self) -> &'static str {
        match self {
            Case::Snake => "_",
            Case::Camel => "",
        }
    }
}

/// Every keyword of Rust, strict, reserved and contextual, in every edition.
pub const RUST_KEYWORDS: &[&str] = &[
    "abstract",
    "as",
    "async",
    "await",
    "become",
    "box",
    "break",
    "const",
    "continue",
    "crate",
    "do",
    "dyn",
    "else",
    "enum",
    "extern",
    "false",
    "final",
    "fn",
    "for",
    "gen",
    "if",
    "impl",
    "in",
    "let",
    "loop",
    "macro",
    "macro_rules",
    "match",
    "mod",
    "move",
    "mut",
    "override",
    "priv",
    "pub",
    "raw",
    "ref",
    "return",
    "safe",
    "self",
    "static",
    "struct",
    "super",
    "trait",
    "true",
    "try",
    "type",
    "typeof",
    "union",
    "unsafe",
    "unsized",
    "use",
    "virtual",
    "where",
    "while",
    "yield",
];

/// JavaScript's reserved words, strict-mode ones, and names that are not reserved but cannot
/// or should not be rebound (`undefined`, `arguments`, ...).
pub const JS_KEYWORDS: &[&str] = &[
    "arguments",
    "as",
    "async",
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "eval",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "from",
    "function",
    "get",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "interface",
    "let",
    "new",
    "null",
    "of",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "set",
    "static",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "undefined",
    "var",
    "void",
    "while",
    "with",
    "yield",
];

/// One identifier per name, in order: sanitized, never in `reserved` (nor accepted by
/// `also_reserved`), all different.
pub fn lane_idents<'a>(
    names: impl IntoIterator<Item = &'a str>,
    case: Case,
    reserved: &[&str],
    also_reserved: impl Fn(&str) -> bool,
) -> Vec<String> {
    let reserved: HashSet<&str> = reserved.iter().copied().collect();
    let is_reserved = |ident: &str| reserved.contains(ident) || also_reserved(ident);
    let mut taken: HashSet<String> = HashSet::new();
    // The next suffix to try for each base, so many equal names cost no more than different ones.
    let mut next_suffix: HashMap<String, u64> = HashMap::new();
    names
        .into_iter()
        .enumerate()
        .map(|(index, name)| {
            let mut base = words(name, case);
            if base.is_empty() {
                base = format!("lane{}{}", case.separator(), index + 1);
            } else if base.starts_with(|c: char| c.is_ascii_digit()) {
                base = format!("lane{}{base}", case.separator());
            } else if is_reserved(&base) {
                base.push_str(match case {
                    Case::Snake => "_lane",
                    Case::Camel => "Lane",
                });
            }
            let mut ident = base.clone();
            while is_reserved(&ident) || taken.contains(&ident) {
                let n = next_suffix.entry(base.clone()).or_insert(2);
                ident = format!("{base}{}{n}", case.separator());
                *n += 1;
            }
            taken.insert(ident.clone());
            ident
        })
        .collect()
}

/// The words of `name` (runs of letters and digits), in ASCII letters and digits only, joined
/// in `case`. Accented Latin letters lose their accents; other letters are dropped.
fn words(name: &str, case: Case) -> String {
    let words = name
        .split(|c: char| !(c.is_alphanumeric() || is_combining(c)))
        .map(|word| {
            let mut ascii = String::new();
            for c in word.chars() {
                if c.is_ascii_alphanumeric() {
                    ascii.push(c);
                } else if let Some(plain) = unaccented(c) {
                    ascii.push_str(plain);
                }
            }
            ascii
        })
        .filter(|w| !w.is_empty());
    let mut out = String::new();
    for (i, word) in words.enumerate() {
        match case {
            Case::Snake => {
                if i > 0 {
                    out.push('_');
                }
                out.push_str(&word.to_ascii_lowercase());
            }
            Case::Camel if i == 0 => out.push_str(&word.to_ascii_lowercase()),
            Case::Camel => {
                out.push_str(&word[..1].to_ascii_uppercase());
                out.push_str(&word[1..].to_ascii_lowercase());
            }
        }
    }
    out
}

/// A combining mark (as in a decomposed `é`), which belongs to the word it is in.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}')
}

/// A Latin-1 letter without its accent.
fn unaccented(c: char) -> Option<&'static str> {
    Some(match c {
        'à'..='å' => "a",
        'À'..='Å' => "A",
        'æ' => "ae",
        'Æ' => "AE",
        'ç' => "c",
        'Ç' => "C",
        'è'..='ë' => "e",
        'È'..='Ë' => "E",
        'ì'..='ï' => "i",
        'Ì'..='Ï' => "I",
        'ð' => "d",
        'Ð' => "D",
        'ñ' => "n",
        'Ñ' => "N",
        'ò'..='ö' | 'ø' => "o",
        'Ò'..='Ö' | 'Ø' => "O",
        'ù'..='ü' => "u",
        'Ù'..='Ü' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' => "Y",
        'þ' => "th",
        'Þ' => "TH",
        'ß' => "ss",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rust(names: &[&str]) -> Vec<String> {
        lane_idents(names.iter().copied(), Case::Snake, RUST_KEYWORDS, |_| false)
    }

    fn js(names: &[&str]) -> Vec<String> {
        lane_idents(names.iter().copied(), Case::Camel, JS_KEYWORDS, |_| false)
    }

    #[test]
    fn words_become_snake_or_camel_case() {
        assert_eq!(rust(&["You", "Ticket queue", "HTTP client-2"]), ["you", "ticket_queue", "http_client_2"]);
        assert_eq!(js(&["You", "Ticket queue", "HTTP client-2"]), ["you", "ticketQueue", "httpClient2"]);
    }

    #[test]
    fn keywords_get_a_suffix() {
        assert_eq!(
            rust(&["fn", "await", "class", "Self", "self"]),
            ["fn_lane", "await_lane", "class", "self_lane", "self_lane_2"]
        );
        assert_eq!(
            js(&["fn", "await", "class", "new", "Undefined"]),
            ["fn", "awaitLane", "classLane", "newLane", "undefinedLane"]
        );
        // Names the generated code uses are reserved the same way.
        let ids = lane_idents(["done", "Done!"], Case::Snake, &["done"], |_| false);
        assert_eq!(ids, ["done_lane", "done_lane_2"]);
        let ids = lane_idents(["step 3"], Case::Camel, &[], |id| id == "step3");
        assert_eq!(ids, ["step3Lane"]);
    }

    #[test]
    fn duplicates_are_numbered() {
        assert_eq!(rust(&["You", "you", "YOU!", "you 2"]), ["you", "you_2", "you_3", "you_2_2"]);
        assert_eq!(js(&["You", "you", "you 2"]), ["you", "you2", "you22"]);
    }

    #[test]
    fn empty_unicode_and_digits_fall_back() {
        assert_eq!(
            rust(&["", "東京", "3 lanes", "Café", "Ünïcødé 東京 🎉", "re\u{301}sume\u{301} ok"]),
            ["lane_1", "lane_2", "lane_3_lanes", "cafe", "unicode", "resume_ok"]
        );
        assert_eq!(js(&["", "🎉", "3 lanes", "lane 1"]), ["lane1", "lane2", "lane3Lanes", "lane12"]);
    }

    #[test]
    fn every_identifier_is_plain_ascii_and_unique() {
        let names: Vec<String> = (0..500).map(|i| ["", "a", "A!", "fn", "1"][i % 5].repeat(i % 7)).collect();
        for case in [Case::Snake, Case::Camel] {
            let ids = lane_idents(names.iter().map(String::as_str), case, RUST_KEYWORDS, |_| false);
            let unique: HashSet<&String> = ids.iter().collect();
            assert_eq!(unique.len(), ids.len());
            for id in &ids {
                assert!(id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'), "{id}");
                assert!(!id.starts_with(|c: char| c.is_ascii_digit()), "{id}");
                assert!(!RUST_KEYWORDS.contains(&id.as_str()), "{id}");
            }
        }
    }
}
