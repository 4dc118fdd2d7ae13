//! Statistics over measured samples: frame gaps and percentiles.
//!
//! A frame gap is the time between two consecutive `requestAnimationFrame` callbacks. At
//! 60 Hz it is about 16.7 ms; while the main thread is held, no frame is drawn and the gap
//! grows to the length of the hold. That gap is what the playground calls a freeze.

/// A frame later than this counts as a visible stutter.
pub const LATE_FRAME_MS: f64 = 50.0;
/// A frame gap longer than this is a freeze a learner notices: the line the pulse's verdict,
/// the table of runs and Compare all draw.
pub const NOTICEABLE_FREEZE_MS: f64 = 100.0;

/// Frame-gap figures over one window of time.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FrameStats {
    /// How many gaps overlap the window.
    pub gaps: usize,
    pub longest_gap_ms: f64,
    pub p50_gap_ms: f64,
    pub p99_gap_ms: f64,
    /// Gaps longer than [`LATE_FRAME_MS`].
    pub late_frames: usize,
}

/// The gaps between consecutive frame timestamps that overlap `[start, end]`, each counted
/// from `start` at the earliest.
///
/// `frames` must be in ascending order (as `requestAnimationFrame` delivers them). A gap that
/// ends after the window still counts whole: a freeze that spans the end of a run is part of
/// that run. One that begins before the window counts from its start: the window starts at
/// the press, and the time before it is not the run's (WebKit, idle, sometimes drew no frame
/// for 150 ms before a click, which the page once counted as the run's freeze).
pub fn gaps_during(frames: &[f64], start: f64, end: f64) -> Vec<f64> {
    frames.windows(2).filter(|w| w[1] > start && w[0] < end).map(|w| w[1] - w[0].max(start)).collect()
}

/// The gaps longer than [`LATE_FRAME_MS`] that overlap `[start, end]`, as (from, to) pairs
/// counted from `start` at the earliest: the stretches of time in which the page could not draw.
pub fn late_gaps(frames: &[f64], start: f64, end: f64) -> Vec<(f64, f64)> {
    frames
        .windows(2)
        .map(|w| (w[0].max(start), w[1]))
        .filter(|&(from, to)| to > start && from < end && to - from > LATE_FRAME_MS)
        .collect()
}

/// Figures over the gaps that overlap `[start, end]`.
pub fn frame_stats(frames: &[f64], start: f64, end: f64) -> FrameStats {
    let gaps = gaps_during(frames, start, end);
    FrameStats {
        gaps: gaps.len(),
        longest_gap_ms: gaps.iter().copied().fold(0.0, f64::max),
        p50_gap_ms: percentile(&gaps, 50.0),
        p99_gap_ms: percentile(&gaps, 99.0),
        late_frames: gaps.iter().filter(|&&g| g > LATE_FRAME_MS).count(),
    }
}

/// The nearest-rank percentile `p` (0 to 100) of `values`; 0 for no values.
pub fn percentile(values: &[f64], p: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mut sorted = values.to_vec();
    super::sort::sort_by_f64(&mut sorted, |&x| x);
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_freeze_is_the_gap_that_spans_the_hold() {
        // 60 Hz frames, then nothing from 50 to 750 (a 700 ms hold), then 60 Hz again.
        let frames = [0.0, 16.7, 33.4, 50.1, 750.0, 766.7, 783.4];
        let s = frame_stats(&frames, 40.0, 749.0);
        assert_eq!(s.gaps, 2);
        assert!((s.longest_gap_ms - 699.9).abs() < 1e-9);
        assert_eq!(s.late_frames, 1);
        assert_eq!(late_gaps(&frames, 40.0, 749.0), vec![(50.1, 750.0)]);
        // Pressed inside a gap: only the part after the press is the run's.
        let pressed = frame_stats(&frames, 55.0, 749.0);
        assert_eq!(pressed.gaps, 1);
        assert!((pressed.longest_gap_ms - 695.0).abs() < 1e-9);
        assert_eq!(late_gaps(&frames, 55.0, 749.0), vec![(55.0, 750.0)]);
        assert_eq!(late_gaps(&frames, 730.0, 749.0), vec![], "20 ms of a gap is no freeze");
        assert_eq!(late_gaps(&frames, 760.0, 800.0), vec![]);
        let all = frame_stats(&frames, 0.0, 800.0);
        assert_eq!(all.gaps, 6);
        assert!((all.p50_gap_ms - 16.7).abs() < 1e-9);
        assert_eq!(all.p99_gap_ms, all.longest_gap_ms);
    }

    #[test]
    fn no_frames_no_figures() {
        assert_eq!(frame_stats(&[], 0.0, 10.0), FrameStats::default());
        assert_eq!(frame_stats(&[5.0], 0.0, 10.0), FrameStats::default());
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        fn check(values: &[f64], p: f64, expected: f64) {
            assert_eq!(percentile(values, p), expected, "p{p} of {values:?}");
        }
        check(&[], 50.0, 0.0);
        check(&[3.0], 99.0, 3.0);
        check(&[4.0, 1.0, 3.0, 2.0], 50.0, 2.0);
        check(&[4.0, 1.0, 3.0, 2.0], 75.0, 3.0);
        check(&[4.0, 1.0, 3.0, 2.0], 100.0, 4.0);
        check(&[4.0, 1.0, 3.0, 2.0], 0.0, 1.0);
    }
}
