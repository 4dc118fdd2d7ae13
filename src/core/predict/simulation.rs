//! Async and workers mode: a small discrete-event simulation of the shell's single-threaded
//! executor (and, in workers mode, its pool), as the module above describes.

use super::{Busy, TaskTiming, FRAME_MS, NESTED_TIMEOUT_MS, UNCLAMPED_TIMEOUTS};
use crate::core::scenario::{Combine, Scenario, TaskKind, YieldWith};
use crate::core::timing::{Outcome, Span};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    /// The current task has not started yet (or waits for the lock).
    Start,
    /// Its timer is armed.
    Waiting,
    /// Its timer fired; the lane resumes (and the task ends) when next polled.
    Fired,
    /// Work in progress, with this much left, after this many yields. While a `setTimeout`
    /// or animation-frame yield is pending, the lane sits in the timer heap in this phase.
    Working {
        left_ms: f64,
        yields: u32,
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

/// What the simulation produced.
pub(super) struct SimResult {
    pub(super) tasks: Vec<TaskTiming>,
    pub(super) busy: Vec<Span>,
    pub(super) counter: i64,
    /// Simulation steps taken: bounded by tasks and lanes, not by bursts (see the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) steps: u64,
}

pub(super) struct AsyncSim<'a> {
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
    /// The shared counter, and what each lane's current update read from it.
    counter: i64,
    read: Vec<i64>,
    /// The lane holding the scenario's lock, and the lanes waiting for it in order.
    lock_holder: Option<usize>,
    lock_queue: VecDeque<usize>,
    /// Set when the lanes' combination has its answer: nothing more runs.
    finished: bool,
    /// Workers mode: which workers are free, the lanes whose work waits for one (in order),
    /// and the worker each lane's current work runs on.
    free_workers: Vec<bool>,
    worker_queue: VecDeque<usize>,
    on_worker: Vec<Option<usize>>,
    steps: u64,
    /// Whether whole rounds of bursts may be skipped (always, but for the test that checks
    /// skipping against stepping).
    pub(super) skip: bool,
}

/// Whether a yield hands the thread straight back when nobody else is ready, so bursts can be
/// run back to back (and skipped over in rounds).
fn yields_at_once(yields: YieldWith) -> bool {
    matches!(
        yields,
        YieldWith::FrameAware | YieldWith::MessageChannel | YieldWith::SchedulerYield | YieldWith::Microtask
    )
}

impl<'a> AsyncSim<'a> {
    /// `pool`: the number of workers in workers mode, `None` in async mode.
    pub(super) fn new(scenario: &'a Scenario, scale: f64, pool: Option<usize>) -> Self {
        let lanes = scenario.lanes();
        let mut first = Vec::with_capacity(lanes.len());
        let mut count = 0;
        for lane in lanes {
            first.push(count);
            count += lane.tasks.len();
        }
        let out = scenario
            .tasks()
            .map(|(lane, t)| TaskTiming {
                id: t.id,
                lane,
                span: Span { start_ms: 0.0, end_ms: 0.0 },
                outcome: Outcome::Done,
                worker: None,
            })
            .collect();
        AsyncSim {
            scenario,
            scale,
            now: 0.0,
            ready: (0..lanes.len()).filter(|&l| !lanes[l].tasks.is_empty()).collect(),
            timers: BinaryHeap::new(),
            armed: 0,
            phase: (0..lanes.len())
                .map(|l| if lanes[l].tasks.is_empty() { Phase::Done } else { Phase::Start })
                .collect(),
            next_task: vec![0; lanes.len()],
            first,
            out,
            busy: Busy::default(),
            counter: 0,
            read: vec![0; lanes.len()],
            lock_holder: None,
            lock_queue: VecDeque::new(),
            finished: false,
            free_workers: vec![true; pool.unwrap_or(0)],
            worker_queue: VecDeque::new(),
            on_worker: vec![None; lanes.len()],
            steps: 0,
            skip: true,
        }
    }

    /// Runs to the end.
    pub(super) fn run(mut self) -> SimResult {
        let mut since_check = 0;
        while !self.finished {
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
        SimResult { tasks: self.out, busy: self.busy.spans, counter: self.counter, steps: self.steps }
    }

    fn burst_of(&self, lane: usize) -> Option<(f64, YieldWith)> {
        match self.scenario.lanes()[lane].tasks[self.next_task[lane]].kind {
            TaskKind::Work { burst_ms, yields, .. } => Some((burst_ms, yields)),
            _ => None,
        }
    }

    /// When every ready lane is in the middle of work that yields straight back, the executor
    /// takes one burst from each in turn, round after round, until a lane is about to finish
    /// or a timer comes due. Those rounds are skipped in one step: the result is the same as
    /// stepping burst by burst, and the cost no longer grows with the number of bursts.
    fn skip_full_rounds(&mut self) {
        if !self.skip || self.ready.len() < 2 {
            return; // one lane alone has its own shortcut in `poll`
        }
        let mut round = 0.0;
        let mut rounds = f64::INFINITY;
        for &lane in &self.ready {
            let Phase::Working { left_ms, .. } = self.phase[lane] else { return };
            let Some((burst_ms, yields)) = self.burst_of(lane) else { return };
            if burst_ms <= 0.0 || !yields_at_once(yields) {
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
        for i in 0..self.ready.len() {
            let lane = self.ready[i];
            if let (Phase::Working { left_ms, yields }, Some((burst_ms, _))) =
                (self.phase[lane], self.burst_of(lane))
            {
                let n = rounds as u32;
                self.phase[lane] =
                    Phase::Working { left_ms: left_ms - rounds * burst_ms, yields: yields.saturating_add(n) };
            }
        }
    }

    fn slot(&mut self, lane: usize) -> &mut TaskTiming {
        let i = self.first[lane] + self.next_task[lane];
        &mut self.out[i]
    }

    fn arm(&mut self, lane: usize, due: f64) {
        self.armed += 1;
        self.timers.push(Reverse((Ms(due), self.armed, lane)));
    }

    /// Runs one lane until it waits, yields or finishes.
    fn poll(&mut self, lane: usize) {
        let scenario = self.scenario;
        let tasks = &scenario.lanes()[lane].tasks;
        loop {
            if self.finished {
                return;
            }
            match self.phase[lane] {
                Phase::Done | Phase::Waiting => return,
                Phase::Fired => {
                    let now = self.now;
                    let task = &tasks[self.next_task[lane]];
                    self.slot(lane).span.end_ms = now;
                    if let Some(worker) = self.on_worker[lane].take() {
                        self.release(worker);
                    }
                    match task.kind {
                        TaskKind::Request { fails: true } => {
                            self.slot(lane).outcome = Outcome::Failed;
                            self.fail(lane);
                            return;
                        }
                        TaskKind::Update { locked, read_after } => {
                            // Read at the end, with no await before the write: nothing interleaves.
                            let read = if read_after { self.counter } else { self.read[lane] };
                            self.counter = read + 1;
                            if locked {
                                self.unlock();
                            }
                        }
                        _ => {}
                    }
                    self.advance(lane);
                }
                Phase::Start => {
                    let task = &tasks[self.next_task[lane]];
                    if let TaskKind::Update { locked: true, .. } = task.kind {
                        if self.lock_holder.is_some() {
                            self.lock_queue.push_back(lane);
                            return;
                        }
                        self.lock_holder = Some(lane);
                    }
                    let now = self.now;
                    self.slot(lane).span.start_ms = now;
                    let length = task.duration * self.scale;
                    match task.kind {
                        TaskKind::Wait | TaskKind::Request { .. } | TaskKind::Update { .. } => {
                            if let TaskKind::Update { .. } = task.kind {
                                self.read[lane] = self.counter;
                            }
                            self.arm(lane, now + length);
                            self.phase[lane] = Phase::Waiting;
                            return;
                        }
                        TaskKind::Work { .. } if !self.free_workers.is_empty() => {
                            match self.free_workers.iter().position(|&free| free) {
                                Some(worker) => self.offload(lane, worker),
                                None => self.worker_queue.push_back(lane),
                            }
                            return;
                        }
                        TaskKind::Work { .. } => {
                            self.phase[lane] = Phase::Working { left_ms: length, yields: 0 }
                        }
                    }
                }
                Phase::Working { left_ms, yields: yielded } => {
                    let (burst_ms, yields) = self.burst_of(lane).expect("only work tasks are working");
                    let burst = if burst_ms <= 0.0 { left_ms } else { burst_ms.min(left_ms) };
                    // With nobody else ready, a yield that hands the thread straight back lets
                    // bursts run back to back until the next timer is due (a microtask or
                    // scheduler.yield() yield even past it: timers wait behind both).
                    let mut ran = burst;
                    if self.ready.is_empty() && burst < left_ms && yields_at_once(yields) {
                        let horizon = match yields {
                            YieldWith::Microtask | YieldWith::SchedulerYield => f64::INFINITY,
                            _ => self.timers.peek().map_or(f64::INFINITY, |t| t.0 .0 .0),
                        };
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
                        continue;
                    }
                    let yielded = yielded.saturating_add((ran / burst).round() as u32);
                    self.phase[lane] = Phase::Working { left_ms, yields: yielded };
                    match yields {
                        // A wait for a due frame is a frame, which the model leaves out.
                        YieldWith::FrameAware | YieldWith::MessageChannel => {
                            self.fire_due_timers();
                            self.ready.push_back(lane);
                        }
                        // The browser runs no timer, frame or input until microtasks drain. A
                        // scheduler.yield() continuation lets frames and input in (which the
                        // model leaves out), but outranks tasks of the same priority, timers
                        // among them: a timer that falls due waits until the work is done.
                        YieldWith::Microtask | YieldWith::SchedulerYield => self.ready.push_back(lane),
                        YieldWith::SetTimeout => {
                            let delay = if yielded <= UNCLAMPED_TIMEOUTS { 0.0 } else { NESTED_TIMEOUT_MS };
                            self.fire_due_timers();
                            let now = self.now;
                            self.arm(lane, now + delay);
                        }
                        YieldWith::AnimationFrame => {
                            self.fire_due_timers();
                            let next = ((self.now / FRAME_MS).floor() + 1.0) * FRAME_MS;
                            self.arm(lane, next);
                        }
                    }
                    return;
                }
            }
        }
    }

    /// Workers mode: the lane's work starts now on `worker`, and its lane waits for the reply.
    fn offload(&mut self, lane: usize, worker: usize) {
        self.free_workers[worker] = false;
        self.on_worker[lane] = Some(worker);
        let now = self.now;
        let length = self.scenario.lanes()[lane].tasks[self.next_task[lane]].duration * self.scale;
        let slot = self.slot(lane);
        slot.span.start_ms = now;
        slot.worker = Some(worker);
        self.arm(lane, now + length);
        self.phase[lane] = Phase::Waiting;
    }

    /// A worker has finished its work: the first lane waiting for one takes it at once.
    fn release(&mut self, worker: usize) {
        match self.worker_queue.pop_front() {
            Some(lane) => self.offload(lane, worker),
            None => self.free_workers[worker] = true,
        }
    }

    /// The lane's current task is over: start the next, or finish the lane.
    fn advance(&mut self, lane: usize) {
        self.next_task[lane] += 1;
        if self.next_task[lane] < self.scenario.lanes()[lane].tasks.len() {
            self.phase[lane] = Phase::Start;
        } else {
            self.phase[lane] = Phase::Done;
            if self.scenario.combine() == Combine::Select {
                self.finish();
            }
        }
    }

    /// The lane's current task failed: the rest of the lane never runs.
    fn fail(&mut self, lane: usize) {
        self.next_task[lane] += 1;
        self.skip_rest(lane);
        self.phase[lane] = Phase::Done;
        if matches!(self.scenario.combine(), Combine::TryJoin | Combine::Select) {
            self.finish();
        }
    }

    fn skip_rest(&mut self, lane: usize) {
        let now = self.now;
        let count = self.scenario.lanes()[lane].tasks.len();
        while self.next_task[lane] < count {
            *self.slot(lane) = TaskTiming {
                span: Span { start_ms: now, end_ms: now },
                outcome: Outcome::Skipped,
                ..*self.slot(lane)
            };
            self.next_task[lane] += 1;
        }
    }

    /// The combination has its answer: every lane still going is dropped now.
    fn finish(&mut self) {
        self.finished = true;
        let now = self.now;
        for lane in 0..self.phase.len() {
            let started = match self.phase[lane] {
                Phase::Done => continue,
                Phase::Start => false,
                Phase::Waiting | Phase::Fired | Phase::Working { .. } => true,
            };
            if started {
                let slot = self.slot(lane);
                slot.span.end_ms = now;
                slot.outcome = Outcome::Cancelled;
                self.next_task[lane] += 1;
            }
            self.skip_rest(lane);
            self.phase[lane] = Phase::Done;
        }
    }

    /// The lock holder lets go: the first lane waiting for it may try again.
    fn unlock(&mut self) {
        self.lock_holder = None;
        if let Some(next) = self.lock_queue.pop_front() {
            self.ready.push_back(next);
        }
    }

    /// Moves every lane whose timer is due by now to the ready queue, earliest first.
    fn fire_due_timers(&mut self) {
        while let Some(Reverse((Ms(due), _, lane))) = self.timers.peek().copied() {
            if due > self.now {
                break;
            }
            self.timers.pop();
            if self.phase[lane] == Phase::Waiting {
                self.phase[lane] = Phase::Fired;
            }
            if self.phase[lane] != Phase::Done {
                self.ready.push_back(lane);
            }
        }
    }
}
