//! How times read on the page: one place, so the page, the status region and the tests agree.

/// A duration for people: `"17 ms"` under a second, `"5.03 s"` from a second up.
pub fn duration(ms: f64) -> String {
    if !ms.is_finite() {
        return "\u{2014}".to_string();
    }
    if ms.abs() < 999.5 {
        format!("{} ms", ms.round())
    } else {
        format!("{:.2} s", ms / 1000.0)
    }
}

/// A ratio such as measured over predicted: `"1.02×"`.
pub fn ratio(value: f64) -> String {
    if value.is_finite() {
        format!("{value:.2}\u{d7}")
    } else {
        "\u{2014}".to_string()
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
    fn ratios_have_two_decimals() {
        assert_eq!(ratio(1.0234), "1.02\u{d7}");
        assert_eq!(ratio(f64::INFINITY), "\u{2014}");
    }
}
