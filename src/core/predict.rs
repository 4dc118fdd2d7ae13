//! Schedule prediction: what each mode should do with a scenario, task by task.
//!
//! - **Blocking** runs every task in lane order on one thread: the total is the sum.
//! - **Async** is a small discrete-event simulation of a single-threaded executor, mirroring
//!   what the shell's runtime does: all lanes are polled in lane order at the start; a wait or
//!   request arms a timer and gives the thread away; a work task holds the thread for one burst,
//!   then yields to the back of the ready queue (timers that came due during the burst go
//!   first); a task that ends lets its lane start the next task at once. Waits overlap, work
//!   serialises.
//!
//! Times are real milliseconds from the start of the run (`scale` is milliseconds per unit).

use super::mode::Mode;
use super::scenario::{Scenario, TaskId, TaskKind};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// A span of time, in milliseconds from the start of the run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    pub start_ms: f64,
    pub end_ms: f64,
}

/// Spans sorted by start, with those closer than `tolerance` ms joined into one.
pub fn merge_spans(spans: &[Span], tolerance: f64) -> Vec<Span> {
    let mut sorted = spans.to_vec();
    sorted.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
    let mut merged = Busy { spans: Vec::with_capacity(sorted.len()), tolerance };
    for span in sorted {
        merged.add(span);
    }
    merged.spans
}

/// When one task starts and ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TaskTiming {
    pub id: TaskId,
    pub lane: usize,
    pub span: Span,
}

/// The expected schedule of one mode.
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    pub mode: Mode,
    pub scale: f64,
    /// One entry per task, in lane order.
    pub tasks: Vec<TaskTiming>,
    /// When the main thread is busy, merged and in order.
    pub busy: Vec<Span>,
    pub total_ms: f64,
}

impl Prediction {
    pub fn total_units(&self) -> f64 {
        self.total_ms / self.scale
    }

    pub fn timing(&self, id: TaskId) -> Option<&TaskTiming> {
        self.tasks.iter().find(|t| t.id == id)
    }
}

/// Predicts the schedule of `scenario` in `mode` at `scale` milliseconds per unit.
pub fn predict(scenario: &Scenario, mode: Mode, scale: f64) -> Prediction {
    let (tasks, busy) = match mode {
        Mode::Blocking => blocking(scenario, scale),
        Mode::Async => {
            let (tasks, busy, _steps) = AsyncSim::new(scenario, scale).run();
            (tasks, busy)
        }
    };
    let total_ms = tasks.iter().map(|t| t.span.end_ms).fold(0.0, f64::max);
    Prediction { mode, scale, tasks, busy, total_ms }
}

fn blocking(scenario: &Scenario, scale: f64) -> (Vec<TaskTiming>, Vec<Span>) {
    let mut now = 0.0;
    let mut busy = Busy::default();
    let tasks = scenario
        .tasks()
        .map(|(lane, task)| {
            let span = Span { start_ms: now, end_ms: now + task.duration * scale };
            now = span.end_ms;
            busy.add(span);
            TaskTiming { id: task.id, lane, span }
        })
        .collect();
    (tasks, busy.spans)
}

/// Spans added in order of their start, joining each to the last where they touch (within
/// `tolerance` ms): the main thread's busy time, kept small as it grows.
struct Busy {
    spans: Vec<Span>,
    tolerance: f64,
}

impl Default for Busy {
    fn default() -> Self {
        Busy { spans: Vec::new(), tolerance: 1e-9 }
    }
}

impl Busy {
    fn add(&mut self, span: Span) {
        match self.spans.last_mut() {
            Some(last) if span.start_ms <= last.end_ms + self.tolerance => {
                last.end_ms = last.end_ms.max(span.end_ms)
            }
            _ => self.spans.push(span),
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    /// The current task has not started yet.
    Start,
    /// Its timer is armed.
    Waiting,
    /// Its timer fired; the lane resumes (and the task ends) when next polled.
    Fired,
    /// Work in progress, with this much left.
    Working {
        left_ms: f64,
    },
    Done,
}

/// Milliseconds that can be ordered in a heap (never NaN: scenarios are validated).
#[derive(Clone, Copy, PartialEq)]
struct Ms(f64);
impl Eq for Ms {}
impl PartialOrd for Ms {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ms {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

struct AsyncSim<'a> {
    scenario: &'a Scenario,
    scale: f64,
    now: f64,
    ready: VecDeque<usize>,
    /// (due, arming order, lane): equal deadlines fire in the order they were armed.
    timers: BinaryHeap<Reverse<(Ms, u64, usize)>>,
    armed: u64,
    phase: Vec<Phase>,
    next_task: Vec<usize>,
    /// Index of each lane's first task in `out`.
    first: Vec<usize>,
    out: Vec<TaskTiming>,
    busy: Busy,
    /// Simulation steps taken: bounded by tasks and lanes, not by bursts (see the tests).
    steps: u64,
    /// Whether whole rounds of bursts may be skipped (always, but for the test that checks
    /// skipping against stepping).
    skip: bool,
}

impl<'a> AsyncSim<'a> {
    fn new(scenario: &'a Scenario, scale: f64) -> Self {
        let lanes = scenario.lanes();
        let mut first = Vec::with_capacity(lanes.len());
        let mut count = 0;
        for lane in lanes {
            first.push(count);
            count += lane.tasks.len();
        }
        let out = scenario
            .tasks()
            .map(|(lane, t)| TaskTiming { id: t.id, lane, span: Span { start_ms: 0.0, end_ms: 0.0 } })
            .collect();
        AsyncSim {
            scenario,
            scale,
            now: 0.0,
            ready: (0..lanes.len()).filter(|&l| !lanes[l].tasks.is_empty()).collect(),
            timers: BinaryHeap::new(),
            armed: 0,
            phase: vec![Phase::Start; lanes.len()],
            next_task: vec![0; lanes.len()],
            first,
            out,
            busy: Busy::default(),
            steps: 0,
            skip: true,
        }
    }

    /// Runs to the end; returns the timings, the busy spans and the steps taken.
    fn run(mut self) -> (Vec<TaskTiming>, Vec<Span>, u64) {
        let mut since_check = 0;
        loop {
            // Once per trip round the ready queue, skip whole rounds of interleaved bursts.
            since_check += 1;
            if since_check >= self.ready.len() {
                since_check = 0;
                self.skip_full_rounds();
            }
            self.steps += 1;
            if let Some(lane) = self.ready.pop_front() {
                self.poll(lane);
            } else if let Some(Reverse((Ms(due), _, _))) = self.timers.peek() {
                self.now = self.now.max(*due);
                self.fire_due_timers();
            } else {
                break;
            }
        }
        (self.out, self.busy.spans, self.steps)
    }

    /// When every ready lane is in the middle of work that yields, the executor takes one
    /// burst from each in turn, round after round, until a lane is about to finish or a timer
    /// comes due. Those rounds are skipped in one step: the result is the same as stepping
    /// burst by burst, and the cost no longer grows with the number of bursts.
    fn skip_full_rounds(&mut self) {
        if !self.skip || self.ready.len() < 2 {
            return; // one lane alone has its own shortcut in `poll`
        }
        let lanes = self.scenario.lanes();
        let mut round = 0.0;
        let mut rounds = f64::INFINITY;
        for &lane in &self.ready {
            let Phase::Working { left_ms } = self.phase[lane] else { return };
            let TaskKind::Work { burst_ms, .. } = lanes[lane].tasks[self.next_task[lane]].kind else {
                return;
            };
            if burst_ms <= 0.0 {
                return;
            }
            round += burst_ms;
            // Keep at least one burst per lane for the ordinary steps, which end the task.
            rounds = rounds.min((left_ms / burst_ms).floor() - 1.0);
        }
        if let Some(Reverse((Ms(due), _, _))) = self.timers.peek() {
            // Stop a round short of the next timer, so it fires exactly as it would have.
            rounds = rounds.min(((due - self.now) / round).floor() - 1.0);
        }
        if rounds < 1.0 {
            return;
        }
        let start = self.now;
        self.now += rounds * round;
        self.busy.add(Span { start_ms: start, end_ms: self.now });
        for &lane in &self.ready {
            if let (Phase::Working { left_ms }, TaskKind::Work { burst_ms, .. }) =
                (self.phase[lane], lanes[lane].tasks[self.next_task[lane]].kind)
            {
                self.phase[lane] = Phase::Working { left_ms: left_ms - rounds * burst_ms };
            }
        }
    }

    fn slot(&mut self, lane: usize) -> &mut TaskTiming {
        let i = self.first[lane] + self.next_task[lane];
        &mut self.out[i]
    }

    /// Runs one lane until it waits, yields or finishes.
    fn poll(&mut self, lane: usize) {
        let scenario = self.scenario;
        let tasks = &scenario.lanes()[lane].tasks;
        loop {
            match self.phase[lane] {
                Phase::Done | Phase::Waiting => return,
                Phase::Fired => {
                    let now = self.now;
                    self.slot(lane).span.end_ms = now;
                    self.advance(lane);
                }
                Phase::Start => {
                    let task = &tasks[self.next_task[lane]];
                    let now = self.now;
                    self.slot(lane).span.start_ms = now;
                    let length = task.duration * self.scale;
                    match task.kind {
                        TaskKind::Wait | TaskKind::Request { .. } | TaskKind::Update { .. } => {
                            self.armed += 1;
                            self.timers.push(Reverse((Ms(now + length), self.armed, lane)));
                            self.phase[lane] = Phase::Waiting;
                            return;
                        }
                        TaskKind::Work { .. } => self.phase[lane] = Phase::Working { left_ms: length },
                    }
                }
                Phase::Working { left_ms } => {
                    let TaskKind::Work { burst_ms, .. } = tasks[self.next_task[lane]].kind else {
                        unreachable!("only work tasks are in the working phase")
                    };
                    let burst = if burst_ms <= 0.0 { left_ms } else { burst_ms.min(left_ms) };
                    // With nobody else ready, yielding hands the thread straight back: run
                    // bursts back to back until the next timer is due (same result, fewer steps).
                    let mut ran = burst;
                    if self.ready.is_empty() && burst < left_ms {
                        let horizon = self.timers.peek().map_or(f64::INFINITY, |t| t.0 .0 .0);
                        let bursts = ((horizon - self.now) / burst).ceil().max(1.0);
                        ran = (bursts * burst).min(left_ms);
                    }
                    let start = self.now;
                    self.now += ran;
                    self.busy.add(Span { start_ms: start, end_ms: self.now });
                    let left_ms = left_ms - ran;
                    if left_ms <= 1e-9 {
                        let now = self.now;
                        self.slot(lane).span.end_ms = now;
                        self.advance(lane);
                    } else {
                        self.phase[lane] = Phase::Working { left_ms };
                        self.fire_due_timers();
                        self.ready.push_back(lane);
                        return;
                    }
                }
            }
        }
    }

    fn advance(&mut self, lane: usize) {
        self.next_task[lane] += 1;
        self.phase[lane] = if self.next_task[lane] < self.scenario.lanes()[lane].tasks.len() {
            Phase::Start
        } else {
            Phase::Done
        };
    }

    /// Moves every lane whose timer is due by now to the ready queue, earliest first.
    fn fire_due_timers(&mut self) {
        while let Some(Reverse((Ms(due), _, lane))) = self.timers.peek().copied() {
            if due > self.now {
                break;
            }
            self.timers.pop();
            self.phase[lane] = Phase::Fired;
            self.ready.push_back(lane);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scenario::{Lane, Task};

    /// Builds a scenario from lanes written as `"w5 c2/8"`: `w` wait, `r` request, `c` work
    /// (`/burst` in ms, default whole), then the duration in units.
    fn scenario(lanes: &[&str]) -> Scenario {
        let mut id = 0;
        let lanes = lanes
            .iter()
            .enumerate()
            .map(|(i, spec)| Lane {
                name: format!("L{i}"),
                tasks: spec
                    .split_whitespace()
                    .map(|t| {
                        id += 1;
                        let (head, burst) = t.split_once('/').unwrap_or((t, "0"));
                        let duration = head[1..].parse().unwrap();
                        let kind = match &head[..1] {
                            "w" => TaskKind::Wait,
                            "r" => TaskKind::REQUEST,
                            "c" => TaskKind::work(burst.parse().unwrap()),
                            other => panic!("unknown kind {other}"),
                        };
                        Task { id: TaskId(id), label: t.into(), kind, duration }
                    })
                    .collect(),
            })
            .collect();
        Scenario::new(lanes).unwrap()
    }

    /// Checks the total and each task's `(start, end)` in units, in lane order.
    fn check(lanes: &[&str], mode: Mode, total: f64, spans: &[(f64, f64)]) {
        let p = predict(&scenario(lanes), mode, 1000.0);
        let got: Vec<(f64, f64)> = p
            .tasks
            .iter()
            .map(|t| (round(t.span.start_ms / 1000.0), round(t.span.end_ms / 1000.0)))
            .collect();
        assert_eq!(got, spans, "{lanes:?} {mode}");
        assert_eq!(round(p.total_units()), total, "{lanes:?} {mode}");
    }

    fn round(x: f64) -> f64 {
        (x * 1000.0).round() / 1000.0
    }

    #[test]
    fn blocking_is_the_sum_in_lane_order() {
        use Mode::Blocking as B;
        check(&["w5", "c2/8"], B, 7.0, &[(0.0, 5.0), (5.0, 7.0)]);
        check(&["w1 r2", "c3", "w4"], B, 10.0, &[(0.0, 1.0), (1.0, 3.0), (3.0, 6.0), (6.0, 10.0)]);
        check(&["w600"], B, 600.0, &[(0.0, 600.0)]);
        check(&[], B, 0.0, &[]);
        check(&["", ""], B, 0.0, &[]);
    }

    #[test]
    fn async_overlaps_waits_and_serialises_work() {
        use Mode::Async as A;
        // The ticket queue: the selfies happen while waiting in line.
        check(&["w5", "c2/8"], A, 5.0, &[(0.0, 5.0), (0.0, 2.0)]);
        // Waits in separate lanes all overlap; in one lane they add up.
        check(&["w3", "w1", "w2"], A, 3.0, &[(0.0, 3.0), (0.0, 1.0), (0.0, 2.0)]);
        check(&["w1 w2 r3"], A, 6.0, &[(0.0, 1.0), (1.0, 3.0), (3.0, 6.0)]);
        // Two lanes of work share one thread: they interleave burst by burst and both end late.
        check(&["c1/100", "c1/100"], A, 2.0, &[(0.0, 1.9), (0.1, 2.0)]);
        // Work that never yields holds the thread: the other lane cannot even start its wait.
        check(&["c2", "w1"], A, 3.0, &[(0.0, 2.0), (2.0, 3.0)]);
        // A wait that comes due during a long burst resumes only when the burst ends.
        check(&["w1 w1", "c3"], A, 4.0, &[(0.0, 3.0), (3.0, 4.0), (0.0, 3.0)]);
        // Work after a wait starts when the wait ends, while other lanes wait on.
        check(&["w1 c1/10", "w5"], A, 5.0, &[(0.0, 1.0), (1.0, 2.0), (0.0, 5.0)]);
    }

    #[test]
    fn async_busy_spans_are_the_work() {
        let p = predict(&scenario(&["w5", "c2/8"]), Mode::Async, 1000.0);
        assert_eq!(p.busy, vec![Span { start_ms: 0.0, end_ms: 2000.0 }]);
        let p = predict(&scenario(&["w5", "c2/8"]), Mode::Blocking, 1000.0);
        assert_eq!(p.busy, vec![Span { start_ms: 0.0, end_ms: 7000.0 }]);
    }

    #[test]
    fn spans_merge_when_close() {
        let s = |a, b| Span { start_ms: a, end_ms: b };
        assert_eq!(
            merge_spans(&[s(5.0, 6.0), s(0.0, 2.0), s(2.5, 3.0)], 1.0),
            vec![s(0.0, 3.0), s(5.0, 6.0)]
        );
        assert_eq!(merge_spans(&[s(0.0, 10.0), s(2.0, 3.0)], 0.0), vec![s(0.0, 10.0)]);
        assert_eq!(merge_spans(&[], 1.0), vec![]);
    }

    #[test]
    fn scale_stretches_every_time() {
        let p = predict(&scenario(&["w5", "c2/8"]), Mode::Async, 100.0);
        assert_eq!(p.total_ms, 500.0);
        assert_eq!(p.total_units(), 5.0);
        assert_eq!(p.timing(TaskId(2)).unwrap().span.end_ms, 200.0);
    }

    /// Many lanes of long work in tiny bursts: stepping burst by burst would take 10⁸ steps.
    #[test]
    fn interleaved_work_costs_steps_per_task_not_per_burst() {
        let lanes = vec!["c600/1"; 20];
        let s = scenario(&lanes);
        let (_, _, steps) = AsyncSim::new(&s, 10_000.0).run();
        assert!(steps < 10_000, "{steps} steps");
        let p = predict(&s, Mode::Async, 10_000.0);
        // 20 lanes share one thread: everything ends together at the sum of the work.
        assert_eq!(round(p.total_ms / 1000.0), 20.0 * 6_000.0);
        assert_eq!(p.busy, vec![Span { start_ms: 0.0, end_ms: p.total_ms }]);
    }

    /// Skipping rounds gives exactly what stepping burst by burst gives.
    #[test]
    fn skipping_rounds_changes_nothing() {
        use Mode::Async as A;
        check(&["c1/100", "c1/100", "c1/100"], A, 3.0, &[(0.0, 2.8), (0.1, 2.9), (0.2, 3.0)]);
        check(&["c1/100", "c0.5/100", "w0.35"], A, 1.5, &[(0.0, 1.5), (0.1, 1.0), (0.2, 0.7)]);
        for lanes in [
            &["c2/100", "c2/100", "w1.05 c0.1/100"][..],
            &["c3/7", "c2/13", "w0.5 c1/3 w0.2", "r1.7 c0.4/9"],
            &["c5/16", "c5/16", "c5/16", "c5/16", "w2.5", "w0.01 c1/1"],
        ] {
            let s = scenario(lanes);
            let fast = AsyncSim::new(&s, 1000.0).run();
            let mut slow = AsyncSim::new(&s, 1000.0);
            slow.skip = false;
            let slow = slow.run();
            let rounded = |t: &[TaskTiming]| -> Vec<(f64, f64)> {
                t.iter().map(|t| (round(t.span.start_ms), round(t.span.end_ms))).collect()
            };
            assert_eq!(rounded(&fast.0), rounded(&slow.0), "{lanes:?}");
            assert!(fast.2 < slow.2, "{lanes:?}: {} steps, stepping took {}", fast.2, slow.2);
        }
    }

    #[test]
    fn ten_thousand_concurrent_waits_predict_quickly() {
        let lanes: Vec<String> = (0..10_000).map(|i| format!("w{}", 1 + i % 600)).collect();
        let lanes: Vec<&str> = lanes.iter().map(String::as_str).collect();
        let p = predict(&scenario(&lanes), Mode::Async, 1.0);
        assert_eq!(p.tasks.len(), 10_000);
        assert_eq!(p.total_ms, 600.0);
    }
}
