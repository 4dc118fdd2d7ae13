//! The event loop at one instant of a recorded run: what holds the main thread, what each
//! lane is doing or waiting on, which timers are pending, what waits in the task queue and in
//! the microtask queue, what each worker runs. Worked out from the recording alone, up to the
//! event the cursor is on, so a replayed file gives the same picture as the live run.

use super::{Event, What};
use crate::core::by_id::ById;
use crate::core::paint::Kind;
use crate::core::scenario::{Scenario, TaskId, YieldWith};
use crate::core::timing::{Outcome, Span};

/// Who takes part in a run: its lanes and their tasks, with how each ended.
#[derive(Clone, Debug, PartialEq)]
pub struct Cast {
    pub lanes: Vec<CastLane>,
    /// Where each task is: (lane, index in the lane).
    place: ById<(usize, usize)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CastLane {
    pub name: String,
    pub tasks: Vec<CastTask>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CastTask {
    pub id: TaskId,
    pub label: String,
    /// How and when it ended; `None` when it never started.
    pub ended: Option<(Outcome, f64)>,
    /// When it started, as measured (for work on a worker, when the worker began it).
    pub start_ms: f64,
    pub kind: Kind,
}

impl Cast {
    /// The cast of a run of `scenario` whose tasks were measured as `measured` (times from the
    /// run's start).
    pub fn new(scenario: &Scenario, measured: &[(TaskId, Span, Outcome)]) -> Cast {
        let spans: ById<(Outcome, Span)> = measured.iter().map(|&(id, span, o)| (id, (o, span))).collect();
        let mut place = ById::default();
        let lanes = scenario
            .lanes()
            .iter()
            .enumerate()
            .map(|(li, lane)| CastLane {
                name: lane.name.clone(),
                tasks: lane
                    .tasks
                    .iter()
                    .enumerate()
                    .map(|(ti, t)| {
                        place.insert(t.id, (li, ti));
                        let measured = spans.get(t.id);
                        CastTask {
                            id: t.id,
                            label: t.label.clone(),
                            ended: measured.map(|&(o, span)| (o, span.end_ms)),
                            start_ms: measured.map_or(f64::NAN, |m| m.1.start_ms),
                            kind: Kind::from(t.kind),
                        }
                    })
                    .collect(),
            })
            .collect();
        Cast { lanes, place }
    }

    /// No lanes: nothing ran.
    pub fn empty() -> Cast {
        Cast { lanes: Vec::new(), place: ById::default() }
    }

    pub fn task(&self, id: TaskId) -> Option<&CastTask> {
        let &(lane, i) = self.place.get(id)?;
        self.lanes.get(lane)?.tasks.get(i)
    }

    /// The task's label, or "task N" for one not in the cast.
    pub fn label(&self, id: TaskId) -> String {
        self.task(id).map_or_else(|| format!("task {}", id.0), |t| t.label.clone())
    }

    pub fn lane_of(&self, id: TaskId) -> Option<usize> {
        self.place.get(id).map(|p| p.0)
    }
}

/// What a lane is doing at the instant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LaneState {
    /// Its first task has not started.
    NotStarted,
    /// Its code runs (a burst of work, or code between awaits).
    Running(TaskId),
    /// The work gave the thread back and waits to be resumed as the way says.
    Yielded(TaskId, YieldWith),
    /// It waits on its timer, due at the time given.
    Timer(TaskId, f64),
    /// Its timer is due, but its callback waits in the task queue for the thread.
    TimerDue(TaskId, f64),
    /// It waits on a fetch.
    Fetch(TaskId),
    /// Its future was woken (a timer fired, a fetch answered) and is queued to be polled in
    /// a microtask.
    Woken(TaskId),
    /// Its work waits for a free worker.
    ForWorker(TaskId),
    /// Its work runs on a worker (from 0).
    OnWorker(TaskId, usize),
    /// The worker's reply waits in the task queue.
    ReplyQueued(TaskId),
    /// One task ended and the next has not begun (it waits for the lock).
    Between(TaskId),
    Done,
    Failed(TaskId),
    Cancelled(TaskId),
}

/// The event loop at one instant.
#[derive(Clone, Debug, PartialEq)]
pub struct Moment {
    pub at_ms: f64,
    /// The burst that holds the main thread, with when it ends; `None` when it is free.
    pub holder: Option<(TaskId, f64)>,
    /// Each lane's state, in lane order.
    pub lanes: Vec<LaneState>,
    /// Timers set and not yet fired: the task and when it is due.
    pub timers: Vec<(TaskId, f64)>,
    /// What waits in the task queue: timers due, messages, workers' replies.
    pub tasks: Vec<(TaskId, &'static str)>,
    /// What waits in the microtask queue: futures woken, work yielding by a promise.
    pub microtasks: Vec<TaskId>,
    /// Each worker busy at the instant, with its job.
    pub workers: Vec<(usize, TaskId)>,
}

impl Moment {
    /// The event loop once the events up to `events[..=upto]` have happened (none when
    /// `upto` is `None`), at `at_ms`.
    pub fn at(cast: &Cast, events: &[Event], upto: Option<usize>, at_ms: f64) -> Moment {
        let seen = upto.map_or(&events[..0], |i| &events[..=i.min(events.len().saturating_sub(1))]);
        let mut last: Vec<Option<&Event>> = vec![None; cast.lanes.len()];
        // Lanes whose work is with the worker pool: it starts when a worker takes it, and the
        // lane waits all along (it is not running on the main thread).
        let mut with_pool = vec![false; cast.lanes.len()];
        let mut holder = None;
        for e in seen {
            let Some(task) = e.task else { continue };
            if let What::Burst { end_ms } = e.what {
                if end_ms > at_ms {
                    holder = Some((task, end_ms));
                }
            }
            if let Some(lane) = cast.lane_of(task) {
                last[lane] = Some(e);
                match e.what {
                    What::Posted => with_pool[lane] = true,
                    What::Replied | What::Ended(_) => with_pool[lane] = false,
                    _ => {}
                }
            }
        }
        let lanes: Vec<LaneState> = cast
            .lanes
            .iter()
            .zip(&last)
            .zip(&with_pool)
            .map(|((lane, last), &with_pool)| {
                // A lane dropped by the combination is cancelled from the end of its task.
                let cancelled = lane
                    .tasks
                    .iter()
                    .find(|t| matches!(t.ended, Some((Outcome::Cancelled, end)) if end <= at_ms));
                if let Some(t) = cancelled {
                    return LaneState::Cancelled(t.id);
                }
                let Some(e) = last else { return LaneState::NotStarted };
                let task = e.task.unwrap_or(TaskId(0));
                match e.what {
                    What::Started if with_pool => LaneState::ForWorker(task),
                    What::Started | What::Resumed | What::Replied | What::Burst { .. } => {
                        LaneState::Running(task)
                    }
                    What::Yielded(how) => LaneState::Yielded(task, how),
                    What::TimerSet { due_ms } if due_ms > at_ms => LaneState::Timer(task, due_ms),
                    What::TimerSet { due_ms } => LaneState::TimerDue(task, due_ms),
                    What::TimerFired | What::FetchAnswered { .. } => LaneState::Woken(task),
                    What::FetchSent => LaneState::Fetch(task),
                    What::Posted => LaneState::ForWorker(task),
                    What::WorkerStarted(w) => LaneState::OnWorker(task, w),
                    What::WorkerFinished(_) => LaneState::ReplyQueued(task),
                    What::Ended(Outcome::Failed) => LaneState::Failed(task),
                    What::Ended(_) if lane.tasks.last().is_some_and(|t| t.id == task) => LaneState::Done,
                    What::Ended(_) => LaneState::Between(task),
                    What::Frame | What::LongTask { .. } | What::Input { .. } => LaneState::NotStarted,
                }
            })
            .collect();
        let mut timers = Vec::new();
        let mut tasks = Vec::new();
        let mut microtasks = Vec::new();
        let mut workers = Vec::new();
        for state in &lanes {
            match *state {
                LaneState::Timer(t, due) => timers.push((t, due)),
                LaneState::TimerDue(t, due) => {
                    timers.push((t, due));
                    tasks.push((t, "its timer's callback"));
                }
                LaneState::Yielded(t, YieldWith::Microtask) | LaneState::Woken(t) => microtasks.push(t),
                LaneState::Yielded(t, YieldWith::AnimationFrame) => {
                    tasks.push((t, "waits for the next frame"))
                }
                LaneState::Yielded(t, YieldWith::SetTimeout) => tasks.push((t, "a setTimeout(0) callback")),
                LaneState::Yielded(t, _) => tasks.push((t, "a message that resumes it")),
                LaneState::ReplyQueued(t) => tasks.push((t, "its worker's reply")),
                LaneState::OnWorker(t, w) => workers.push((w, t)),
                _ => {}
            }
        }
        crate::core::sort::sort_by(&mut workers, |a, b| a.0 < b.0);
        Moment { at_ms, holder, lanes, timers, tasks, microtasks, workers }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::scenario::Scenario;

    /// The ticket queue's shape: You waits 5 s; Phone works 2 s in bursts.
    pub(crate) fn ticket_queue() -> (Cast, Vec<Event>) {
        let scenario = Scenario::from_json(
            r#"{"version":1,"lanes":[
              {"name":"You","tasks":[{"kind":"wait","label":"Wait in the ticket queue","duration":5}]},
              {"name":"Phone","tasks":[{"kind":"work","label":"Take selfies","duration":2,"burst_ms":8}]}]}"#,
        )
        .unwrap();
        let (you, phone) = (Some(TaskId(1)), Some(TaskId(2)));
        let e = |at_ms, task, what| Event { at_ms, task, what };
        let events = vec![
            e(0.0, you, What::Started),
            e(0.0, you, What::TimerSet { due_ms: 5000.0 }),
            e(0.1, phone, What::Started),
            e(0.1, phone, What::Burst { end_ms: 8.1 }),
            e(8.1, phone, What::Yielded(YieldWith::MessageChannel)),
            e(8.3, None, What::Frame),
            e(8.4, phone, What::Resumed),
            e(8.4, phone, What::Burst { end_ms: 16.4 }),
            e(2000.0, phone, What::Ended(Outcome::Done)),
            e(5001.0, you, What::TimerFired),
            e(5001.1, you, What::Resumed),
            e(5001.1, you, What::Ended(Outcome::Done)),
        ];
        let measured = [
            (TaskId(1), Span { start_ms: 0.0, end_ms: 5001.1 }, Outcome::Done),
            (TaskId(2), Span { start_ms: 0.1, end_ms: 2000.0 }, Outcome::Done),
        ];
        (Cast::new(&scenario, &measured), events)
    }

    fn at(t: f64) -> Moment {
        let (cast, events) = ticket_queue();
        Moment::at(&cast, &events, super::super::at_or_before(&events, t), t)
    }

    #[test]
    fn a_burst_holds_the_thread_while_the_timer_waits() {
        let m = at(4.0);
        assert_eq!(m.holder, Some((TaskId(2), 8.1)));
        assert_eq!(m.lanes, [LaneState::Timer(TaskId(1), 5000.0), LaneState::Running(TaskId(2))]);
        assert_eq!(m.timers, [(TaskId(1), 5000.0)]);
        assert!(m.tasks.is_empty() && m.microtasks.is_empty());
    }

    #[test]
    fn a_yield_puts_a_message_in_the_task_queue_and_frees_the_thread() {
        let m = at(8.2);
        assert_eq!(m.holder, None);
        assert_eq!(m.lanes[1], LaneState::Yielded(TaskId(2), YieldWith::MessageChannel));
        assert_eq!(m.tasks, [(TaskId(2), "a message that resumes it")]);
        assert_eq!(at(8.5).lanes[1], LaneState::Running(TaskId(2)));
    }

    #[test]
    fn a_due_timer_waits_its_turn_then_wakes_its_future_for_a_microtask() {
        let due = at(5000.5);
        assert_eq!(due.lanes, [LaneState::TimerDue(TaskId(1), 5000.0), LaneState::Done]);
        assert_eq!(due.tasks, [(TaskId(1), "its timer's callback")]);
        let (cast, events) = ticket_queue();
        let woken = Moment::at(&cast, &events, Some(9), 5001.0);
        assert_eq!(woken.lanes[0], LaneState::Woken(TaskId(1)));
        assert_eq!(woken.microtasks, [TaskId(1)]);
        assert!(woken.timers.is_empty());
        assert_eq!(at(6000.0).lanes, [LaneState::Done, LaneState::Done]);
    }

    #[test]
    fn before_anything_every_lane_waits_to_start() {
        let (cast, events) = ticket_queue();
        let m = Moment::at(&cast, &events, None, -1.0);
        assert_eq!(m.lanes, [LaneState::NotStarted, LaneState::NotStarted]);
    }

    #[test]
    fn workers_and_cancelled_lanes_are_shown() {
        let scenario = Scenario::from_json(
            r#"{"version":1,"combine":"select","lanes":[
              {"name":"A","tasks":[{"kind":"work","label":"Crunch","duration":1}]},
              {"name":"B","tasks":[{"kind":"wait","label":"Nap","duration":3}]}]}"#,
        )
        .unwrap();
        let (a, b) = (Some(TaskId(1)), Some(TaskId(2)));
        let e = |at_ms, task, what| Event { at_ms, task, what };
        let events = vec![
            e(0.0, a, What::Posted),
            e(0.0, b, What::Started),
            e(0.0, b, What::TimerSet { due_ms: 3000.0 }),
            // The job reached a worker (the task's start) just before the worker began it.
            e(4.0, a, What::Started),
            e(5.0, a, What::WorkerStarted(0)),
            e(1005.0, a, What::WorkerFinished(0)),
            e(1007.0, a, What::Replied),
            e(1007.0, a, What::Ended(Outcome::Done)),
        ];
        let measured = [
            (TaskId(1), Span { start_ms: 5.0, end_ms: 1007.0 }, Outcome::Done),
            (TaskId(2), Span { start_ms: 0.0, end_ms: 1007.0 }, Outcome::Cancelled),
        ];
        let cast = Cast::new(&scenario, &measured);
        let m = |t| Moment::at(&cast, &events, super::super::at_or_before(&events, t), t);
        assert_eq!(m(1.0).lanes[0], LaneState::ForWorker(TaskId(1)));
        assert_eq!(m(4.5).lanes[0], LaneState::ForWorker(TaskId(1)), "started, not yet begun: still waiting");
        assert_eq!(m(500.0).workers, [(0, TaskId(1))]);
        assert_eq!(m(1006.0).tasks, [(TaskId(1), "its worker's reply")]);
        assert_eq!(m(1008.0).lanes, [LaneState::Done, LaneState::Cancelled(TaskId(2))]);
        assert!(m(1008.0).timers.is_empty(), "a cancelled lane's timer was cleared");
    }
}
