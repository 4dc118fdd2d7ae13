//! `Compare all` in words: which way of running the scenario finished first, which kept the
//! page smoothest, and which froze it, from the latest run of each mode.

use super::format::duration;
use super::report::RunReport;
use super::stats::NOTICEABLE_FREEZE_MS;

/// One sentence or two about `runs` (the latest run of each mode on one scenario); empty for
/// fewer than two runs, when there is nothing to compare.
pub fn summary(runs: &[&RunReport]) -> String {
    if runs.len() < 2 {
        return String::new();
    }
    let by = |key: fn(&RunReport) -> f64| {
        runs.iter().copied().min_by(|a, b| key(a).total_cmp(&key(b))).expect("at least two runs")
    };
    let fastest = by(|r| r.total_ms);
    let smoothest = by(RunReport::longest_freeze_ms);
    let mut text = if fastest.mode == smoothest.mode {
        format!(
            "{} finished first, in {}, and kept the page smoothest: no frame gap over {}.",
            fastest.mode.title(),
            duration(fastest.total_ms),
            duration(fastest.longest_freeze_ms())
        )
    } else {
        format!(
            "{} finished first, in {}; {} kept the page smoothest, with no frame gap over {}.",
            fastest.mode.title(),
            duration(fastest.total_ms),
            smoothest.mode,
            duration(smoothest.longest_freeze_ms())
        )
    };
    let froze: Vec<String> = runs
        .iter()
        .filter(|r| r.longest_freeze_ms() > NOTICEABLE_FREEZE_MS)
        .map(|r| format!("{} for {}", r.mode, duration(r.longest_freeze_ms())))
        .collect();
    if !froze.is_empty() {
        text.push_str(&format!(" The page froze in {}.", join_and(&froze)));
    }
    text
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lesson;
    use crate::core::mode::Mode;
    use crate::core::predict::predict;
    use crate::core::report::Measurements;
    use crate::core::timing::Span;
    use std::rc::Rc;

    /// A run in `mode` that took `total` ms, with frames every 16 ms but for one gap of `gap` ms.
    fn run(mode: Mode, total: f64, gap: f64) -> RunReport {
        let s = Rc::new(lesson::default_lesson().scenario(0));
        let mut frames: Vec<f64> =
            (0..=((total + gap) / 16.0) as usize + 4).map(|i| i as f64 * 16.0).collect();
        frames.retain(|&f| f <= 32.0 || f >= 32.0 + gap);
        frames.insert(0, -16.0);
        let m = Measurements {
            run: Some(Span { start_ms: 0.0, end_ms: total }),
            frames,
            ..Measurements::default()
        };
        RunReport::new(&s, &predict(&s, mode, 1.0, 2), &m)
    }

    #[test]
    fn names_the_fastest_the_smoothest_and_the_frozen() {
        let (b, a, w) = (
            run(Mode::Blocking, 7000.0, 6992.0),
            run(Mode::Async, 5000.0, 2000.0),
            run(Mode::Workers, 5100.0, 16.0),
        );
        assert_eq!(
            summary(&[&b, &a, &w]),
            "Async finished first, in 5.00 s; workers kept the page smoothest, with no frame gap over 16 ms. \
             The page froze in blocking for 6.99 s and async for 2.00 s."
        );
        let w = run(Mode::Workers, 3000.0, 16.0);
        assert_eq!(
            summary(&[&a, &w]),
            "Workers finished first, in 3.00 s, and kept the page smoothest: no frame gap over 16 ms. \
             The page froze in async for 2.00 s."
        );
        assert_eq!(summary(&[&a]), "");
    }
}
