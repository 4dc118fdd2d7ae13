//! How times read on the page: one place, so the page, the status region and the tests agree.

use super::number;
use std::fmt;

/// A number as `{}` writes it, written by `core::number` (the first view carries no float
/// formatting of the standard library's): `format!("{} ms", Num(x))`. No width or padding.
#[derive(Clone, Copy)]
pub struct Num(pub f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&number::text(self.0))
    }
}

/// A number to a fixed count of decimals, as `{:.N}` writes it: `Fixed(x, 2)`.
#[derive(Clone, Copy)]
pub struct Fixed(pub f64, pub usize);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        number::write_fixed(&mut text, self.0, self.1);
        f.write_str(&text)
    }
}

/// A duration for people: `"17 ms"` under a second, `"5.03 s"` from a second up.
pub fn duration(ms: f64) -> String {
    if !ms.is_finite() {
        return "\u{2014}".to_string();
    }
    if ms.abs() < 999.5 {
        format!("{} ms", Num(ms.round()))
    } else {
        format!("{} s", Fixed(ms / 1000.0, 2))
    }
}

/// At most 40 characters of a value, for quoting it back in a message ("…" where cut).
pub fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        short.push('\u{2026}');
    }
    short
}

/// A JSON value as a learner reads it in a message: strings without their quotes, shortened.
pub fn quote_json(value: &super::json::Value) -> String {
    match value {
        super::json::Value::String(s) => shorten(s),
        other => shorten(&super::json::value(other)),
    }
}

/// What one scenario unit stands for in a story, singular and plural ("minute", "minutes").
pub type Unit = (&'static str, &'static str);

/// `n` units in the story's words, e.g. "5 minutes" (to two decimals, "1 minute" for one).
pub fn units(n: f64, unit: Unit) -> String {
    let n = (n * 100.0).round() / 100.0;
    let word = if n == 1.0 { unit.0 } else { unit.1 };
    format!("{} {word}", Num(n))
}

/// A ratio such as measured over predicted: `"1.02×"`.
pub fn ratio(value: f64) -> String {
    if value.is_finite() {
        format!("{}\u{d7}", Fixed(value, 2))
    } else {
        "\u{2014}".to_string()
    }
}

/// A step for axis ticks of 1, 2 or 5 × 10ⁿ units, so that `span` holds at most `max_ticks`.
pub fn tick_step(span: f64, max_ticks: f64) -> f64 {
    if !(span.is_finite() && span > 0.0 && max_ticks >= 1.0) {
        return 1.0;
    }
    let mut magnitude = 1.0;
    loop {
        for m in [1.0, 2.0, 5.0] {
            if span / (m * magnitude) <= max_ticks {
                return m * magnitude;
            }
        }
        magnitude *= 10.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        fn check(ms: f64, expected: &str) {
            assert_eq!(duration(ms), expected, "{ms}");
        }
        check(0.0, "0 ms");
        check(16.7, "17 ms");
        check(503.4, "503 ms");
        check(999.4, "999 ms");
        check(999.6, "1.00 s");
        check(5012.0, "5.01 s");
        check(f64::NAN, "\u{2014}");
    }

    #[test]
    fn ticks_step_by_one_two_five() {
        fn check(span: f64, expected: f64) {
            assert_eq!(tick_step(span, 10.0), expected, "{span}");
        }
        check(7.0, 1.0);
        check(10.0, 1.0);
        check(11.0, 2.0);
        check(45.0, 5.0);
        check(60.0, 10.0);
        check(600.0, 100.0);
        check(0.5, 1.0);
        check(f64::NAN, 1.0);
    }

    #[test]
    fn ratios_have_two_decimals() {
        assert_eq!(ratio(1.0234), "1.02\u{d7}");
        assert_eq!(ratio(f64::INFINITY), "\u{2014}");
    }
}
