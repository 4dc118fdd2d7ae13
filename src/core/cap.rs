//! The blocking cap: how long a run may hold the page's only thread in one go, in real
//! milliseconds. A blocking run predicted to take longer does not start, and neither does an
//! async run with work that never yields for longer: nothing could stop either once it holds
//! the thread. Its default, its limits and its clamp live here alone; the reducer, the autosave
//! format and the run settings read them.

/// The cap when the learner has not changed it.
pub const DEFAULT_MS: f64 = 10_000.0;
/// The lowest and highest the learner may set it.
pub const MIN_MS: f64 = 1_000.0;
pub const MAX_MS: f64 = 30_000.0;

/// `ms` as a cap: within the limits, or `None` if it is not a number at all.
pub fn clamp(ms: f64) -> Option<f64> {
    (!ms.is_nan()).then(|| super::number::clamp(ms, MIN_MS, MAX_MS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cap_is_held_within_its_limits() {
        for (ms, cap) in [
            (20_000.0, Some(20_000.0)),
            (1.0, Some(MIN_MS)),
            (1e9, Some(MAX_MS)),
            (f64::INFINITY, Some(MAX_MS)),
            (f64::NAN, None),
        ] {
            assert_eq!(clamp(ms), cap, "{ms}");
        }
    }
}
