//! What a run records of itself, as one list of numbers: how the runner (a wasm binary of its
//! own, `shell::runner`) hands a finished run back to the page.
//!
//! Two wasm binaries share no memory, and a run of ten thousand tasks records tens of
//! thousands of events: written as JSON that would be a megabyte to write, copy and read
//! back. As numbers it is one `Float64Array`, copied once each way, and every time keeps its
//! exact value. The page adds what it measured itself (its frames, long tasks and inputs)
//! and builds the report (`report::Measurements`).
//!
//! Layout: the version, the run's start and end, the counter (a flag, then its value), whether
//! the worker pool never answered, whether the run went unrecorded; then each list as its length followed by its items: tasks
//! (id, start, end, outcome), busy spans (start, end), workers (task id, worker), events (time,
//! task id or -1, what, a value), and the pool (a flag; its size, start, readiness times and
//! jobs). [`decode`] checks every count and code, so a damaged list is refused, never read
//! wrongly.

use super::numbers::{flag, Reader};
use super::pool::{JobTimes, PoolTimes};
use super::replay::{Event, What};
use super::scenario::{Data, TaskId, YieldWith};
use super::timing::{Outcome, Span};

/// Changes whenever the layout does: the page and the runner are built together, but a page
/// left open across a deployment could meet a newer runner.
pub const VERSION: f64 = 1.0;

/// What the runner recorded of one run (page clock, milliseconds).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunRecord {
    pub run: Span,
    /// Each task that started: its span and how it ended.
    pub tasks: Vec<(TaskId, Span, Outcome)>,
    pub counter: Option<i64>,
    /// When the run's own work held the main thread.
    pub busy: Vec<Span>,
    /// The worker each offloaded task ran on.
    pub workers: Vec<(TaskId, usize)>,
    /// The worker pool never answered.
    pub no_answer: bool,
    /// The events were left out (the benchmark's runs without a recording).
    pub unrecorded: bool,
    /// The run's events in time order.
    pub events: Vec<Event>,
    pub pool: Option<PoolTimes>,
}

impl RunRecord {
    /// Adds what the page saw itself (frames after the run's end, long tasks, inputs: events of
    /// no task) among the run's events, in time order, after those recorded at the same time.
    /// An unrecorded run gets none of these either.
    pub fn add_page_events(&mut self, page: Vec<Event>) {
        if self.unrecorded {
            return;
        }
        let page = crate::core::sort::stable_by_f64(page, |e| e.at_ms);
        let run = std::mem::take(&mut self.events);
        let mut merged = Vec::with_capacity(run.len() + page.len());
        let mut page = page.into_iter().peekable();
        for e in run {
            while let Some(p) = page.next_if(|p| p.at_ms < e.at_ms) {
                merged.push(p);
            }
            merged.push(e);
        }
        merged.extend(page);
        self.events = merged;
    }
}

/// How many kinds of event there are: [`what_code`]'s codes are 0 to one less.
const WHATS: usize = 16;

/// An event's kind as a code, and the value it carries (0 when none).
fn what_code(what: What) -> (f64, f64) {
    match what {
        What::Started => (0.0, 0.0),
        What::Ended(o) => (1.0, f64::from(o as u8)),
        What::Burst { end_ms } => (2.0, end_ms),
        What::Yielded(y) => (3.0, f64::from(y as u8)),
        What::TimerSet { due_ms } => (4.0, due_ms),
        What::TimerFired => (5.0, 0.0),
        What::FetchSent => (6.0, 0.0),
        What::FetchAnswered { ok } => (7.0, flag(ok)),
        What::Resumed => (8.0, 0.0),
        What::Posted => (9.0, 0.0),
        What::WorkerStarted(w) => (10.0, w as f64),
        What::WorkerFinished(w) => (11.0, w as f64),
        What::Replied => (12.0, 0.0),
        What::Frame => (13.0, 0.0),
        What::LongTask { end_ms } => (14.0, end_ms),
        What::Input { handled_ms } => (15.0, handled_ms),
    }
}

/// Writes `record` as numbers.
pub fn encode(record: &RunRecord) -> Vec<f64> {
    let r = record;
    let mut out = Vec::with_capacity(16 + r.tasks.len() * 4 + r.events.len() * 4);
    out.extend([VERSION, r.run.start_ms, r.run.end_ms]);
    out.extend([flag(r.counter.is_some()), r.counter.unwrap_or_default() as f64]);
    out.extend([flag(r.no_answer), flag(r.unrecorded)]);
    out.push(r.tasks.len() as f64);
    for &(id, span, outcome) in &r.tasks {
        out.extend([f64::from(id.0), span.start_ms, span.end_ms, f64::from(outcome as u8)]);
    }
    out.push(r.busy.len() as f64);
    for s in &r.busy {
        out.extend([s.start_ms, s.end_ms]);
    }
    out.push(r.workers.len() as f64);
    for &(id, worker) in &r.workers {
        out.extend([f64::from(id.0), worker as f64]);
    }
    out.push(r.events.len() as f64);
    for e in &r.events {
        let (code, value) = what_code(e.what);
        out.extend([e.at_ms, e.task.map_or(-1.0, |t| f64::from(t.0)), code, value]);
    }
    match &r.pool {
        None => out.push(0.0),
        Some(p) => {
            out.extend([1.0, p.size as f64, p.spawned_ms, p.ready_ms.len() as f64]);
            out.extend(&p.ready_ms);
            out.push(p.jobs.len() as f64);
            for j in &p.jobs {
                out.extend([j.posted_ms, j.sent_ms, j.post_ms, j.started_ms, j.ended_ms, j.replied_ms]);
                out.extend([j.data.mb, flag(j.data.transfer), f64::from(j.returned)]);
            }
        }
    }
    out
}

/// An event's kind and value, as [`what_code`] wrote them.
fn what(r: &mut Reader) -> Option<What> {
    let code = r.index(WHATS)?;
    let value = r.number()?;
    let index =
        |len: usize| (value.fract() == 0.0 && (0.0..len as f64).contains(&value)).then_some(value as usize);
    Some(match code {
        0 => What::Started,
        1 => What::Ended(Outcome::ALL[index(Outcome::ALL.len())?]),
        2 => What::Burst { end_ms: value },
        3 => What::Yielded(YieldWith::ALL[index(YieldWith::ALL.len())?]),
        4 => What::TimerSet { due_ms: value },
        5 => What::TimerFired,
        6 => What::FetchSent,
        7 => What::FetchAnswered { ok: index(2)? == 1 },
        8 => What::Resumed,
        9 => What::Posted,
        10 => What::WorkerStarted(index(usize::MAX)?),
        11 => What::WorkerFinished(index(usize::MAX)?),
        12 => What::Replied,
        13 => What::Frame,
        14 => What::LongTask { end_ms: value },
        _ => What::Input { handled_ms: value },
    })
}

fn job(r: &mut Reader) -> Option<JobTimes> {
    Some(JobTimes {
        posted_ms: r.number()?,
        sent_ms: r.number()?,
        post_ms: r.number()?,
        started_ms: r.number()?,
        ended_ms: r.number()?,
        replied_ms: r.number()?,
        data: Data { mb: r.number()?, transfer: r.flag()? },
        returned: r.whole(f64::from(u32::MAX))? as u32,
    })
}

/// Reads what [`encode`] wrote; `None` if the numbers are not such a record (another version,
/// cut short, a code out of range, or numbers left over).
pub fn decode(numbers: &[f64]) -> Option<RunRecord> {
    let mut r = Reader::new(numbers);
    if r.number()? != VERSION {
        return None;
    }
    let run = r.span()?;
    let has_counter = r.flag()?;
    // A whole number an f64 holds exactly, and 0 when there is no counter.
    let counter = Some(r.number()?).filter(|n| n.fract() == 0.0 && n.abs() <= 2f64.powi(53))?;
    let counter = match has_counter {
        true => Some(counter as i64),
        false if counter == 0.0 => None,
        false => return None,
    };
    let no_answer = r.flag()?;
    let unrecorded = r.flag()?;
    let tasks = r.list(|r| {
        let id = r.id()?;
        let span = r.span()?;
        Some((id, span, Outcome::ALL[r.index(Outcome::ALL.len())?]))
    })?;
    let busy = r.list(Reader::span)?;
    let workers = r.list(|r| Some((r.id()?, r.whole(f64::from(u32::MAX))?)))?;
    let events = r.list(|r| {
        let at_ms = r.number()?;
        let task = if r.peek()? == -1.0 {
            r.number()?;
            None
        } else {
            Some(r.id()?)
        };
        Some(Event { at_ms, task, what: what(r)? })
    })?;
    let pool = match r.flag()? {
        false => None,
        true => Some(PoolTimes {
            size: r.whole(f64::from(u32::MAX))?,
            spawned_ms: r.number()?,
            ready_ms: r.list(Reader::number)?,
            jobs: r.list(job)?,
        }),
    };
    r.done().then_some(RunRecord { run, tasks, counter, busy, workers, no_answer, unrecorded, events, pool })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record with every kind of event, every outcome and a pool with both kinds of data.
    fn record() -> RunRecord {
        let whats = [
            What::Started,
            What::Ended(Outcome::Done),
            What::Ended(Outcome::Failed),
            What::Ended(Outcome::Cancelled),
            What::Ended(Outcome::Skipped),
            What::Burst { end_ms: 12.25 },
            What::Yielded(YieldWith::FrameAware),
            What::Yielded(YieldWith::SchedulerYield),
            What::TimerSet { due_ms: 1e-9 },
            What::TimerFired,
            What::FetchSent,
            What::FetchAnswered { ok: true },
            What::FetchAnswered { ok: false },
            What::Resumed,
            What::Posted,
            What::WorkerStarted(0),
            What::WorkerFinished(7),
            What::Replied,
            What::Frame,
            What::LongTask { end_ms: 1_234_567.891 },
            What::Input { handled_ms: 0.1 + 0.2 },
        ];
        let job = |n: f64, transfer| JobTimes {
            posted_ms: n,
            sent_ms: n + 0.5,
            post_ms: 0.03,
            started_ms: n + 1.0,
            ended_ms: n + 9.0,
            replied_ms: n + 9.7,
            data: Data { mb: 24.0, transfer },
            returned: 24_000_000,
        };
        RunRecord {
            run: Span { start_ms: 1000.125, end_ms: 8000.5 },
            tasks: vec![
                (TaskId(1), Span { start_ms: 1000.2, end_ms: 2000.0 }, Outcome::Done),
                (TaskId(40_000), Span { start_ms: 1500.0, end_ms: 8000.5 }, Outcome::Cancelled),
                (TaskId(3), Span { start_ms: 1600.0, end_ms: 1700.0 }, Outcome::Failed),
            ],
            counter: Some(-3),
            busy: vec![Span { start_ms: 1000.2, end_ms: 1008.2 }],
            workers: vec![(TaskId(3), 1)],
            no_answer: true,
            unrecorded: false,
            events: whats
                .iter()
                .enumerate()
                .map(|(i, &what)| Event {
                    at_ms: 1000.0 + i as f64 / 3.0,
                    task: (i % 3 != 0).then_some(TaskId(i as u32)),
                    what,
                })
                .collect(),
            pool: Some(PoolTimes {
                size: 2,
                spawned_ms: 1000.3,
                ready_ms: vec![1040.0, 1051.5],
                jobs: vec![job(1100.0, true), job(1200.0, false)],
            }),
        }
    }

    #[test]
    fn every_field_comes_back_exactly() {
        let r = record();
        assert_eq!(decode(&encode(&r)), Some(r));
        let empty = RunRecord::default();
        assert_eq!(decode(&encode(&empty)), Some(empty));
        let no_counter = RunRecord { counter: None, pool: None, unrecorded: true, ..record() };
        assert_eq!(decode(&encode(&no_counter)), Some(no_counter));
    }

    #[test]
    fn the_pages_events_go_in_time_order_after_those_at_the_same_time() {
        let event = |at_ms, what| Event { at_ms, task: None, what };
        let run = |at_ms| Event { at_ms, task: Some(TaskId(1)), what: What::Resumed };
        let mut r =
            RunRecord { events: vec![run(1.0), run(2.0), run(2.0), run(5.0)], ..RunRecord::default() };
        r.add_page_events(vec![
            event(6.0, What::Frame),
            event(2.0, What::Input { handled_ms: 3.0 }),
            event(0.5, What::Frame),
            event(2.0, What::Frame),
        ]);
        let order: Vec<(f64, bool)> = r.events.iter().map(|e| (e.at_ms, e.task.is_some())).collect();
        assert_eq!(
            order,
            [
                (0.5, false),
                (1.0, true),
                (2.0, true),
                (2.0, true),
                (2.0, false),
                (2.0, false),
                (5.0, true),
                (6.0, false)
            ]
        );
        // Input then frame, as given: a sort that keeps ties in order.
        assert!(matches!(r.events[4].what, What::Input { .. }) && r.events[5].what == What::Frame);
        let mut unrecorded = RunRecord { unrecorded: true, ..RunRecord::default() };
        unrecorded.add_page_events(vec![event(1.0, What::Frame)]);
        assert!(unrecorded.events.is_empty());
        let mut none_yet = RunRecord::default();
        none_yet.add_page_events(vec![event(1.0, What::Frame)]);
        assert_eq!(none_yet.events.len(), 1);
    }

    #[test]
    fn cut_short_or_too_long_is_refused() {
        let numbers = encode(&record());
        for len in 0..numbers.len() {
            assert_eq!(decode(&numbers[..len]), None, "cut to {len}");
        }
        let mut longer = numbers.clone();
        longer.push(0.0);
        assert_eq!(decode(&longer), None);
    }

    #[test]
    fn another_version_or_a_code_out_of_range_is_refused() {
        let numbers = encode(&record());
        let with = |at: usize, value: f64| {
            let mut n = numbers.clone();
            n[at] = value;
            decode(&n)
        };
        assert_eq!(with(0, 2.0), None, "version");
        assert_eq!(with(3, 2.0), None, "counter flag");
        assert_eq!(with(4, 0.5), None, "counter not whole");
        assert_eq!(with(4, f64::NAN), None, "counter not a number");
        assert_eq!(with(4, 7.0).and_then(|r| r.counter), Some(7));
        assert_eq!(with(6, 2.0), None, "unrecorded flag");
        // The header is 7 numbers; then the task count and the first task's id, span, outcome.
        assert_eq!(with(7, 1e12), None, "task count beyond the numbers");
        assert_eq!(with(7, 1.5), None, "task count not whole");
        assert_eq!(with(8, -2.0), None, "task id");
        assert_eq!(with(11, 4.0), None, "outcome");
        assert_eq!(with(11, 2.0).map(|r| r.tasks[0].2), Some(Outcome::Cancelled));
        // The first event: after the header, the tasks (1 + 12), busy (1 + 2) and workers
        // (1 + 2), and the event count: its time, task, kind and value.
        let first_event = 7 + 13 + 3 + 3 + 1;
        assert_eq!(with(first_event + 2, 16.0), None, "kind");
        assert_eq!(with(first_event + 2, f64::NAN), None, "kind");
        assert_eq!(with(first_event + 2, 13.0).map(|r| r.events[0].what), Some(What::Frame));
        // The second event is an end (kind 1): its value says how it ended.
        assert_eq!(with(first_event + 4 + 3, 9.0), None, "outcome of an end");
        assert_eq!(
            with(first_event + 4 + 3, 1.0).map(|r| r.events[1].what),
            Some(What::Ended(Outcome::Failed))
        );
    }
}
