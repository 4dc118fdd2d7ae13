//! Where tasks sit in the editor and where a drop lands: pure geometry in scenario units, so
//! the pointer handling in the shell only converts pixels to units and back.
//!
//! In the editor each lane is drawn on its own clock: a task starts where the one before it
//! in the lane ends. (How lanes overlap when run is the prediction's business, not the editor's.)

use super::scenario::{Lane, Scenario, TaskId};

/// The shortest axis the editor shows, in units, so an empty timeline has room to drop into.
pub const MIN_AXIS_UNITS: f64 = 8.0;

/// The editor's axis length in units: the longest lane plus a fifth, for room to grow.
pub fn axis_units(scenario: &Scenario) -> f64 {
    let longest = scenario.lanes().iter().map(lane_length).fold(0.0, f64::max);
    (longest * 1.2).max(MIN_AXIS_UNITS)
}

/// The sum of a lane's durations.
pub fn lane_length(lane: &Lane) -> f64 {
    lane.tasks.iter().map(|t| t.duration).sum()
}

/// Where each task of the lane starts, in units from the lane's start.
pub fn offsets(lane: &Lane) -> Vec<f64> {
    let mut at = 0.0;
    lane.tasks
        .iter()
        .map(|t| {
            let start = at;
            at += t.duration;
            start
        })
        .collect()
}

/// The position a task dropped at `x` units lands in, among the lane's tasks other than
/// `moving`: before the first task whose middle is right of `x`.
pub fn drop_index(lane: &Lane, x: f64, moving: Option<TaskId>) -> usize {
    let mut at = 0.0;
    let mut index = 0;
    for task in lane.tasks.iter().filter(|t| Some(t.id) != moving) {
        if x < at + task.duration / 2.0 {
            return index;
        }
        at += task.duration;
        index += 1;
    }
    index
}

/// The lane a drop at `row` (a lane index as a fraction, from the top) lands in.
pub fn drop_lane(scenario: &Scenario, row: f64) -> Option<usize> {
    let count = scenario.lanes().len();
    if count == 0 || !row.is_finite() {
        return None;
    }
    Some((row.max(0.0) as usize).min(count - 1))
}

/// From this many lanes on, the timeline builds only the lanes near the window.
pub const VIRTUAL_FROM: usize = 64;
/// Lanes built beyond each edge of the window.
const OVERSCAN: usize = 24;
/// The range of built lanes moves by this many lanes, so scrolling rarely re-renders.
const STEP: usize = 16;

/// The lanes the timeline builds when its rows start `top` px from the top of a window
/// `height` px tall, each row `row_px` high: all of them up to [`VIRTUAL_FROM`] lanes, else
/// those in the window and [`OVERSCAN`] more on each side, the edges on multiples of [`STEP`].
pub fn lanes_near(top: f64, height: f64, row_px: f64, lane_count: usize) -> std::ops::Range<usize> {
    if lane_count <= VIRTUAL_FROM {
        return 0..lane_count;
    }
    let first_seen = (-top / row_px).floor().max(0.0) as usize;
    let last_seen = ((height - top) / row_px).ceil().max(0.0) as usize;
    let first = (first_seen.saturating_sub(OVERSCAN) / STEP * STEP).min(lane_count);
    let end = ((last_seen + OVERSCAN).div_ceil(STEP) * STEP).clamp(first, lane_count);
    first..end
}

/// The part of the axis (as shares of its width, 0 to 1) whose tasks the timeline builds when
/// `from` to `to` of it is in view (zoomed in, the lanes scroll sideways), given the part
/// `built` now: kept while half a view's width either side of the view is still in it, else
/// the view and a whole view's width either side. So scrolling sideways re-renders once per
/// half a screen or so, not every frame.
pub fn span_near(built: (f64, f64), from: f64, to: f64) -> (f64, f64) {
    let width = to - from;
    if !(width > 0.0 && width < 1.0) {
        return (0.0, 1.0);
    }
    let need = ((from - width / 2.0).max(0.0), (to + width / 2.0).min(1.0));
    if built.0 <= need.0 && need.1 <= built.1 {
        return built;
    }
    ((from - width).max(0.0), (to + width).min(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lesson;

    #[test]
    fn sideways_the_view_and_as_much_again_each_side_is_built() {
        let all = (0.0, 1.0);
        assert_eq!(span_near(all, 0.0, 1.0), all, "not zoomed: all of it");
        assert_eq!(span_near((0.2, 0.3), 0.5, 0.5), all, "not measured yet: all of it");
        // Zoomed 8×, an eighth in view: all was built, and still covers it.
        assert_eq!(span_near(all, 0.5, 0.625), all);
        // From a narrower span that no longer covers it: the view and a view either side.
        let built = span_near((0.0, 0.25), 0.5, 0.625);
        assert_eq!(built, (0.375, 0.75));
        // A small scroll keeps it; half a view's scroll moves it.
        assert_eq!(span_near(built, 0.51, 0.635), built);
        assert_eq!(span_near(built, 0.5625, 0.6875), built);
        assert_eq!(span_near(built, 0.625, 0.75), (0.5, 0.875));
        assert_eq!(span_near(built, 0.875, 1.0), (0.75, 1.0));
    }

    #[test]
    fn offsets_follow_the_lane_order() {
        let s = Scenario::from_json(
            r#"{"version":1,"lanes":[{"name":"A","tasks":[
                {"kind":"wait","label":"a","duration":2},
                {"kind":"wait","label":"b","duration":1},
                {"kind":"wait","label":"c","duration":3}]}]}"#,
        )
        .unwrap();
        let lane = &s.lanes()[0];
        assert_eq!(offsets(lane), vec![0.0, 2.0, 3.0]);
        assert_eq!(lane_length(lane), 6.0);
        assert_eq!(axis_units(&s), MIN_AXIS_UNITS);
        // Drops: before a's middle → 0; between a and b's middle → 1; past everything → 3.
        fn check(lane: &Lane, x: f64, moving: Option<TaskId>, expected: usize) {
            assert_eq!(drop_index(lane, x, moving), expected, "x={x} moving={moving:?}");
        }
        check(lane, 0.5, None, 0);
        check(lane, 1.5, None, 1);
        check(lane, 2.6, None, 2);
        check(lane, 100.0, None, 3);
        check(lane, -5.0, None, 0);
        // Moving a itself: the others are b (0..1) and c (1..4).
        check(lane, 0.4, Some(TaskId(1)), 0);
        check(lane, 0.6, Some(TaskId(1)), 1);
        check(lane, 4.0, Some(TaskId(1)), 2);
    }

    #[test]
    fn drops_land_in_an_existing_lane() {
        let s = lesson::default_lesson().scenario(0);
        assert_eq!(drop_lane(&s, -1.0), Some(0));
        assert_eq!(drop_lane(&s, 0.7), Some(0));
        assert_eq!(drop_lane(&s, 1.2), Some(1));
        assert_eq!(drop_lane(&s, 9.0), Some(1));
        assert_eq!(drop_lane(&s, f64::NAN), None);
        let empty = Scenario::new(vec![]).unwrap();
        assert_eq!(drop_lane(&empty, 0.0), None);
        assert_eq!(axis_units(&empty), MIN_AXIS_UNITS);
    }

    #[test]
    fn only_the_lanes_near_the_window_are_built_in_a_long_timeline() {
        // A short timeline builds every lane wherever it is.
        assert_eq!(lanes_near(-5000.0, 800.0, 64.0, 10), 0..10);
        assert_eq!(lanes_near(0.0, 800.0, 64.0, VIRTUAL_FROM), 0..VIRTUAL_FROM);
        // Rows starting 300 px down an 800 px window: lanes 0 to 7 are seen.
        assert_eq!(lanes_near(300.0, 800.0, 64.0, 10_000), 0..32);
        // Scrolled to lane 5,000 (its top at the window's top): 5,000 to 5,013 seen.
        let r = lanes_near(-5000.0 * 64.0, 800.0, 64.0, 10_000);
        assert!(r.start <= 5000 - 16 && r.end >= 5013 + 16, "{r:?}");
        assert!(r.len() <= 80, "a few screens, not thousands: {r:?}");
        assert_eq!((r.start % 16, r.end % 16), (0, 0), "edges on steps");
        // Small moves keep the same range; a step's worth changes it.
        assert_eq!(lanes_near(-5000.0 * 64.0 - 100.0, 800.0, 64.0, 10_000), r);
        // The rows far below the window: the first lanes, ready; scrolled past: the last.
        assert_eq!(lanes_near(1e7, 800.0, 64.0, 10_000), 0..32);
        assert!(lanes_near(-1e9, 800.0, 64.0, 10_000).is_empty());
    }
}
