//! What a run measured, turned into the figures the page and the messages show.
//!
//! The shell hands over raw browser timestamps (all on the page's `performance.now()` clock);
//! [`RunReport::new`] makes them relative to the run's start and computes the statistics.

use super::by_id::ById;
use super::mode::Mode;
use super::pool::{PoolCost, PoolTimes};
use super::predict::{first_lane, merge_spans, Prediction};
use super::replay::Event;
use super::scenario::{Scenario, TaskId, TaskKind};
use super::stats::{frame_stats, late_gaps, FrameStats};
use super::timing::{Outcome, Span};
use std::rc::Rc;

/// One task as measured, in milliseconds from the run's start.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasuredTask {
    pub id: TaskId,
    pub label: String,
    pub kind: TaskKind,
    pub lane: usize,
    pub span: Span,
    pub outcome: Outcome,
    /// The worker (from 0) it ran on, for work in a workers run.
    pub worker: Option<usize>,
}

/// The raw measurements of one run, as the browser gave them (absolute timestamps).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measurements {
    pub run: Option<Span>,
    /// When the learner pressed Run (or the `run` message came), if before the run's start:
    /// the page's own start-up for the run (its render, a frame) is part of what the learner
    /// waits through, so frame gaps count from here.
    pub pressed_ms: Option<f64>,
    /// Start and end of each task that started, by id, with how it ended.
    pub tasks: Vec<(TaskId, Span, Outcome)>,
    /// The shared counter at the end, when the scenario has one.
    pub counter: Option<i64>,
    /// `requestAnimationFrame` timestamps around the run, ascending.
    pub frames: Vec<f64>,
    /// Long tasks reported by PerformanceObserver during the run.
    pub long_tasks: Vec<Span>,
    /// Inputs on the page: (when the event happened, how long until its handler ran).
    pub inputs: Vec<(f64, f64)>,
    /// When the run's own work held the main thread (work bursts, blocking tasks).
    pub busy: Vec<Span>,
    /// The worker each offloaded task ran on (workers mode).
    pub workers: Vec<(TaskId, usize)>,
    /// The pool's own times (workers mode).
    pub pool: Option<PoolTimes>,
    /// The event loop's events as recorded (`core::replay`), in time order, with the frames
    /// drawn and the long tasks reported during the run.
    pub events: Vec<Event>,
}

/// Everything a finished run shows.
#[derive(Clone, Debug, PartialEq)]
pub struct RunReport {
    /// The scenario that was run: measured bars belong to it and to no later edit of it.
    pub scenario: Rc<Scenario>,
    /// What that scenario was called when it ran (a lesson variant's name), for the table of
    /// runs; empty until the reducer names it.
    pub scenario_name: String,
    pub mode: Mode,
    pub scale: f64,
    pub total_ms: f64,
    pub predicted_ms: f64,
    pub frames: FrameStats,
    pub long_tasks: usize,
    pub longest_long_task_ms: f64,
    /// When the page could not draw (frame gaps over 50 ms), clipped to the run.
    pub freezes: Vec<Span>,
    /// When the run's work held the main thread, merged where under 1 ms apart.
    pub busy: Vec<Span>,
    /// The longest an input made during the run waited for its handler; `None` if the learner
    /// gave no input during the run.
    pub worst_input_delay_ms: Option<f64>,
    /// The tasks that started, in lane order.
    pub tasks: Vec<MeasuredTask>,
    /// The shared counter at the end, and what the model predicted, when there is one.
    pub counter: Option<i64>,
    pub predicted_counter: Option<i64>,
    /// What starting and talking to the workers cost (workers mode).
    pub pool: Option<PoolCost>,
    /// The run's event loop (`core::replay`), in time order, from the run's start.
    pub events: Events,
}

/// A run's events, shared: two reports hold the same run's events only when they share them.
#[derive(Clone, Debug, Default)]
pub struct Events(pub Rc<Vec<Event>>);

impl PartialEq for Events {
    fn eq(&self, other: &Events) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl RunReport {
    /// Builds the report of a run of `scenario`, predicted as `prediction` (which names the mode
    /// and scale), from what was measured.
    pub fn new(scenario: &Rc<Scenario>, prediction: &Prediction, m: &Measurements) -> RunReport {
        let (mode, scale) = (prediction.mode, prediction.scale);
        let run = m.run.unwrap_or(Span { start_ms: 0.0, end_ms: 0.0 });
        let origin = run.start_ms;
        let measured: ById<(Span, Outcome)> =
            m.tasks.iter().map(|&(id, span, outcome)| (id, (span, outcome))).collect();
        let workers: ById<usize> = m.workers.iter().copied().collect();
        let tasks = scenario
            .tasks()
            .filter_map(|(lane, task)| {
                let (span, outcome) = measured.get(task.id)?;
                Some(MeasuredTask {
                    outcome: *outcome,
                    id: task.id,
                    label: task.label.clone(),
                    kind: task.kind,
                    lane,
                    span: Span { start_ms: span.start_ms - origin, end_ms: span.end_ms - origin },
                    worker: workers.get(task.id).copied(),
                })
            })
            .collect();
        let during: Vec<&Span> =
            m.long_tasks.iter().filter(|t| t.end_ms > run.start_ms && t.start_ms < run.end_ms).collect();
        // Frames count from the press: a freeze while the page gets the run going is the run's.
        let pressed = m.pressed_ms.map_or(run.start_ms, |p| p.min(run.start_ms));
        RunReport {
            scenario: scenario.clone(),
            scenario_name: String::new(),
            mode,
            scale,
            total_ms: run.end_ms - run.start_ms,
            predicted_ms: prediction.total_ms,
            frames: frame_stats(&m.frames, pressed, run.end_ms),
            long_tasks: during.len(),
            longest_long_task_ms: during.iter().map(|t| t.end_ms - t.start_ms).fold(0.0, f64::max),
            busy: merge_spans(&m.busy, 1.0)
                .into_iter()
                .map(|b| Span { start_ms: b.start_ms - origin, end_ms: b.end_ms - origin })
                .collect(),
            worst_input_delay_ms: m
                .inputs
                .iter()
                .filter(|(at, _)| (run.start_ms..=run.end_ms).contains(at))
                .map(|(_, delay)| *delay)
                .reduce(f64::max),
            // Drawn on the run's own axis: the part of a freeze before the run's start is left out.
            freezes: late_gaps(&m.frames, pressed, run.end_ms)
                .into_iter()
                .map(|(from, to)| Span {
                    start_ms: (from.max(run.start_ms) - origin),
                    end_ms: (to.min(run.end_ms) - origin),
                })
                .filter(|f| f.end_ms > f.start_ms)
                .collect(),
            tasks,
            counter: m.counter,
            predicted_counter: prediction.counter,
            pool: m.pool.as_ref().map(PoolTimes::cost),
            events: Events(Rc::new(m.events.iter().map(|e| e.relative_to(origin)).collect())),
        }
    }

    /// The lane that finished first, as measured.
    pub fn first_lane(&self) -> Option<usize> {
        first_lane(self.tasks.iter().map(|t| (t.lane, t.span.end_ms, t.outcome)))
    }

    /// The longest time the page could not draw a frame during the run.
    pub fn longest_freeze_ms(&self) -> f64 {
        self.frames.longest_gap_ms
    }

    /// Measured total over predicted total (1.0 is a perfect prediction).
    pub fn ratio(&self) -> f64 {
        self.total_ms / self.predicted_ms
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lesson;
    use crate::core::predict::predict;
    use crate::core::replay::What;

    #[test]
    fn times_become_relative_to_the_run_and_frames_give_the_freeze() {
        let s = Rc::new(lesson::default_lesson().scenario(0));
        let m = Measurements {
            run: Some(Span { start_ms: 1000.0, end_ms: 1702.0 }),
            tasks: vec![
                (TaskId(1), Span { start_ms: 1000.0, end_ms: 1501.0 }, Outcome::Done),
                (TaskId(2), Span { start_ms: 1501.0, end_ms: 1702.0 }, Outcome::Done),
            ],
            frames: vec![950.0, 966.0, 983.0, 1710.0, 1727.0],
            long_tasks: vec![Span { start_ms: 10.0, end_ms: 90.0 }, Span { start_ms: 999.0, end_ms: 1703.0 }],
            inputs: vec![(900.0, 3.0), (1200.0, 505.0), (1400.0, 305.0), (1800.0, 2.0)],
            busy: vec![Span { start_ms: 1000.0, end_ms: 1501.0 }, Span { start_ms: 1501.2, end_ms: 1702.0 }],
            counter: None,
            ..Measurements::default()
        };
        let r = RunReport::new(&s, &predict(&s, Mode::Blocking, 100.0, 4), &m);
        assert_eq!(r.total_ms, 702.0);
        assert_eq!(r.predicted_ms, 700.0);
        // From the run's start (no press here), not from the frame before it.
        assert_eq!(r.longest_freeze_ms(), 710.0);
        assert_eq!(r.frames.late_frames, 1);
        assert_eq!(r.freezes, vec![Span { start_ms: 0.0, end_ms: 702.0 }]);
        assert_eq!(r.long_tasks, 1);
        assert_eq!(r.worst_input_delay_ms, Some(505.0));
        assert_eq!(r.busy, vec![Span { start_ms: 0.0, end_ms: 702.0 }]);
        assert_eq!(r.longest_long_task_ms, 704.0);
        assert_eq!(r.tasks[1].span, Span { start_ms: 501.0, end_ms: 702.0 });
        assert_eq!(
            (r.tasks[1].lane, r.tasks[1].kind.as_str(), r.tasks[1].label.as_str()),
            (1, "work", "Take selfies")
        );
        assert!((r.ratio() - 702.0 / 700.0).abs() < 1e-12);
    }

    #[test]
    fn the_events_are_kept_from_the_run_s_start_with_the_times_they_carry() {
        let s = Rc::new(lesson::default_lesson().scenario(0));
        let e = |at_ms, task: u32, what| Event { at_ms, task: (task > 0).then_some(TaskId(task)), what };
        let m = Measurements {
            run: Some(Span { start_ms: 1000.0, end_ms: 1100.0 }),
            events: vec![
                e(1000.0, 1, What::Started),
                e(1000.0, 1, What::TimerSet { due_ms: 1100.0 }),
                e(1016.0, 0, What::Frame),
                e(1040.0, 0, What::LongTask { end_ms: 1095.0 }),
            ],
            ..Measurements::default()
        };
        let r = RunReport::new(&s, &predict(&s, Mode::Async, 100.0, 4), &m);
        assert_eq!(
            *r.events.0,
            [
                e(0.0, 1, What::Started),
                e(0.0, 1, What::TimerSet { due_ms: 100.0 }),
                e(16.0, 0, What::Frame),
                e(40.0, 0, What::LongTask { end_ms: 95.0 }),
            ]
        );
        assert_eq!(r.clone(), r, "a report equals its clone: they share the events");
    }

    #[test]
    fn a_freeze_between_the_press_and_the_run_s_start_is_the_run_s() {
        let s = Rc::new(lesson::default_lesson().scenario(0));
        let prediction = predict(&s, Mode::Async, 100.0, 4);
        // Pressed at 900; the page's start-up held it until a frame at 1,200; the run started
        // at 1,201 and drew every frame after.
        let mut frames = vec![880.0, 897.0, 1200.0];
        frames.extend((0..31).map(|i| 1216.0 + 16.0 * f64::from(i)));
        let m = Measurements {
            run: Some(Span { start_ms: 1201.0, end_ms: 1701.0 }),
            pressed_ms: Some(900.0),
            frames,
            ..Measurements::default()
        };
        let r = RunReport::new(&s, &prediction, &m);
        assert_eq!(r.total_ms, 500.0, "the run itself is timed from its start");
        assert_eq!(r.longest_freeze_ms(), 300.0, "from the press, not the frame before it");
        assert_eq!(r.frames.late_frames, 1);
        assert!(r.freezes.is_empty(), "before the run's start: nothing to draw on its axis");
        // Without the press, the same frames show no freeze.
        let unpressed = RunReport::new(&s, &prediction, &Measurements { pressed_ms: None, ..m });
        assert_eq!(unpressed.longest_freeze_ms(), 16.0);
    }

    #[test]
    fn a_run_with_nothing_measured_reports_zeroes() {
        let s = Rc::new(lesson::default_lesson().scenario(0));
        let r = RunReport::new(&s, &predict(&s, Mode::Async, 1000.0, 4), &Measurements::default());
        assert_eq!((r.total_ms, r.longest_freeze_ms(), r.long_tasks), (0.0, 0.0, 0));
        assert!(r.tasks.is_empty());
        assert_eq!(r.worst_input_delay_ms, None);
    }
}
