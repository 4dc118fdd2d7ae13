//! Literals: user text as string literals that cannot break out, and numbers as literals.
//!
//! Labels and lane names come from whoever wrote the scenario. In generated code they appear
//! only inside string literals made here: quotes, backslashes and line breaks are escaped, and
//! so are control characters, invisible formatting and bidirectional overrides (which could make
//! code read differently from what it does, and which rustc refuses in literals). In
//! JavaScript every `<` is escaped too, so no `</script>` or `<!--` can end a script element the
//! code is pasted into; in Rust, only a `<` before `/` or `!`, for the same peace of mind. Everything
//! else (accents, emoji, other scripts) is kept as it is.

use std::fmt::Write as _;

/// A Rust string literal whose value is exactly `text`.
pub fn rust_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' if matches!(chars.peek(), Some('/' | '!')) => out.push_str("\\u{3c}"),
            c if hidden(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JavaScript string literal whose value is exactly `text`. It is also valid JSON.
pub fn js_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Every character escaped here is in the Basic Multilingual Plane: four hex digits.
            '<' => out.push_str("\\u003C"),
            c if hidden(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters that do not show as themselves: controls, invisible formatting, bidirectional
/// controls, line and paragraph separators, the byte order mark.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFFB}'
        )
}

/// A JavaScript number literal for a finite `x` (no exponent, shortest form that reads back).
pub fn js_number(x: f64) -> String {
    format!("{x}")
}

/// A Rust `f64` literal for a finite `x`: always with a decimal point.
pub fn rust_float(x: f64) -> String {
    let s = format!("{x}");
    if s.contains('.') {
        s
    } else {
        s + ".0"
    }
}

/// Whether clippy's `approx_constant` lint (deny by default) would take this float literal for
/// a rounded mathematical constant, such as `3.14` for π. It is a duration, not π, so the
/// generated file then allows the lint. This mirrors clippy's rule: more digits than the
/// constant's minimum, and a prefix of the constant or the constant rounded to that length.
pub fn looks_like_a_constant(literal: &str) -> bool {
    const KNOWN: [(f64, usize); 19] = [
        (std::f64::consts::E, 4),
        (std::f64::consts::FRAC_1_PI, 4),
        (std::f64::consts::FRAC_1_SQRT_2, 5),
        (std::f64::consts::FRAC_2_PI, 5),
        (std::f64::consts::FRAC_2_SQRT_PI, 5),
        (std::f64::consts::FRAC_PI_2, 5),
        (std::f64::consts::FRAC_PI_3, 5),
        (std::f64::consts::FRAC_PI_4, 5),
        (std::f64::consts::FRAC_PI_6, 5),
        (std::f64::consts::FRAC_PI_8, 5),
        (std::f64::consts::LN_10, 5),
        (std::f64::consts::LN_2, 5),
        (std::f64::consts::LOG10_E, 5),
        (std::f64::consts::LOG2_E, 5),
        (std::f64::consts::LOG2_10, 5),
        (std::f64::consts::LOG10_2, 5),
        (std::f64::consts::PI, 3),
        (std::f64::consts::SQRT_2, 5),
        (std::f64::consts::TAU, 3),
    ];
    let digits = literal.chars().filter(char::is_ascii_digit).count();
    KNOWN.iter().any(|&(constant, min_digits)| {
        // Compared loosely (the digit count rather than clippy's exact length rule), so this
        // may allow the lint where clippy would not have fired, never the other way round.
        digits >= min_digits && literal.len() >= 3 && {
            let full = format!("{constant:.20}");
            full.starts_with(literal) || (2..=20).any(|places| format!("{constant:.places$}") == literal)
        }
    })
}

/// Reads a Rust string literal made by `rust_str` back (only the escapes it writes).
#[cfg(test)]
pub(super) fn unescape_rust(literal: &str) -> String {
    let inner = &literal[1..literal.len() - 1];
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            assert_ne!(c, '"', "a bare quote in {literal}");
            out.push(c);
            continue;
        }
        match chars.next().unwrap() {
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            '"' => out.push('"'),
            '\\' => out.push('\\'),
            'u' => {
                assert_eq!(chars.next(), Some('{'));
                let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            other => panic!("unexpected escape \\{other} in {literal}"),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const AWKWARD: &[&str] = &[
        "",
        "plain",
        "say \"hi\" \\o/",
        "*/ oops /*",
        "two\nlines\r\n\ttab",
        "</script><script>alert(1)</script><!--",
        "{braces} {} {0} ${x} `tick`",
        "\u{202E}bidi\u{2066}\u{2028}\u{2029}\u{FEFF}\u{200B}",
        "Ünïcødé 東京 🎉 e\u{301}",
        "\u{0}\u{1}\u{7f}\u{85}",
        "'single' // comment",
    ];

    #[test]
    fn rust_literals_read_back_exactly_and_hide_nothing() {
        for text in AWKWARD {
            let literal = rust_str(text);
            assert_eq!(unescape_rust(&literal), *text);
            assert!(!literal.chars().any(|c| hidden(c) || c == '\n'), "{literal}");
            assert!(!literal.contains("</") && !literal.contains("<!"), "{literal}");
        }
    }

    #[test]
    fn js_literals_are_json_that_reads_back_exactly() {
        for text in AWKWARD {
            let literal = js_str(text);
            let back: String = serde_json::from_str(&literal).unwrap();
            assert_eq!(back, *text);
            assert!(!literal.contains('<') && !literal.contains('\n'), "{literal}");
            assert!(!literal.chars().any(hidden), "{literal}");
        }
    }

    #[test]
    fn numbers_are_literals() {
        assert_eq!(js_number(5.0), "5");
        assert_eq!(js_number(2.5), "2.5");
        assert_eq!(js_number(0.0001), "0.0001");
        assert_eq!(rust_float(5.0), "5.0");
        assert_eq!(rust_float(2.5), "2.5");
        assert_eq!(rust_float(1e-7), "0.0000001");
        assert_eq!(rust_float(1e21), "1000000000000000000000.0");
    }

    #[test]
    fn spots_what_clippy_takes_for_a_constant() {
        for yes in ["3.14", "3.142", "3.1416", "2.718", "6.28", "1.4142", "0.69315", "0.7071"] {
            assert!(looks_like_a_constant(yes), "{yes}");
        }
        for no in ["3.0", "3.1", "5.0", "2.5", "1000.0", "0.75", "2.71", "1.41", "0.69"] {
            assert!(!looks_like_a_constant(no), "{no}");
        }
    }
}
