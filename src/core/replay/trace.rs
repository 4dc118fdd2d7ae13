//! A recorded run as a Chrome trace (the Trace Event Format's JSON object), which Perfetto UI
//! and Chrome DevTools' Performance panel open: a track for the main thread (each burst of a
//! task's code, the yields, timers, fetches and frames as instants), one for the long tasks
//! the browser reported, one per lane (each task a complete event, with its measured start and
//! duration and how it ended) and one per worker (each job). Times in microseconds from the
//! run's start.

use super::run::Replay;
use super::words;
use super::What;
use crate::core::json::{list, number, text, Obj};

const PID: u32 = 1;
const MAIN: u32 = 1;
const LONG_TASKS: u32 = 2;
const INPUTS: u32 = 3;

/// The track of lane `i` (from 0).
pub fn lane_track(i: usize) -> u32 {
    10 + i as u32
}

/// The track of worker `w` (from 0).
pub fn worker_track(w: usize) -> u32 {
    1000 + w as u32
}

fn us(ms: f64) -> String {
    number((ms * 1000.0).round())
}

fn meta(kind: &str, tid: u32, field: &str, value: String) -> String {
    Obj::new()
        .field("name", text(kind))
        .field("ph", text("M"))
        .field("pid", PID.to_string())
        .field("tid", tid.to_string())
        .field("args", Obj::new().field(field, value).end())
        .end()
}

fn complete(name: &str, cat: &str, tid: u32, start_ms: f64, end_ms: f64, args: String) -> String {
    Obj::new()
        .field("name", text(name))
        .field("cat", text(cat))
        .field("ph", text("X"))
        .field("ts", us(start_ms))
        .field("dur", us((end_ms - start_ms).max(0.0)))
        .field("pid", PID.to_string())
        .field("tid", tid.to_string())
        .field("args", args)
        .end()
}

fn instant(name: &str, cat: &str, tid: u32, at_ms: f64) -> String {
    Obj::new()
        .field("name", text(name))
        .field("cat", text(cat))
        .field("ph", text("i"))
        .field("s", text("t"))
        .field("ts", us(at_ms))
        .field("pid", PID.to_string())
        .field("tid", tid.to_string())
        .end()
}

/// The run as Trace Event Format JSON.
pub fn trace_json(r: &Replay) -> String {
    let title = if r.scenario_name.is_empty() { "a scenario" } else { &r.scenario_name };
    let mut events = vec![
        meta("process_name", 0, "name", text(&format!("Async Playground: {title}, {} run", r.mode))),
        meta("thread_name", MAIN, "name", text("Main thread")),
        meta("thread_sort_index", MAIN, "sort_index", "0".into()),
        meta("thread_name", LONG_TASKS, "name", text("Long tasks (as the browser reported them)")),
        meta("thread_sort_index", LONG_TASKS, "sort_index", "1".into()),
        meta("thread_name", INPUTS, "name", text("Inputs (from the event to its handler)")),
        meta("thread_sort_index", INPUTS, "sort_index", "2".into()),
    ];
    for (i, lane) in r.cast.lanes.iter().enumerate() {
        let tid = lane_track(i);
        events.push(meta("thread_name", tid, "name", text(&format!("Lane {}: {}", i + 1, lane.name))));
        events.push(meta("thread_sort_index", tid, "sort_index", (10 + i).to_string()));
        for task in &lane.tasks {
            // The task's span as measured (a cancelled task's end is when its lane was dropped).
            let Some((outcome, end_ms)) = task.ended else { continue };
            let start_ms = task.start_ms;
            let args =
                Obj::new().field("outcome", text(outcome.as_str())).field("id", task.id.0.to_string()).end();
            events.push(complete(&task.label, "task", tid, start_ms, end_ms, args));
        }
    }
    for w in 0..r.workers {
        events.push(meta("thread_name", worker_track(w), "name", text(&format!("Worker {}", w + 1))));
        events.push(meta("thread_sort_index", worker_track(w), "sort_index", (1000 + w).to_string()));
    }
    let mut started: Vec<Option<f64>> = Vec::new();
    for e in &r.events {
        let label = e.task.map(|t| r.cast.label(t)).unwrap_or_default();
        match e.what {
            What::Burst { end_ms } => {
                events.push(complete(&label, "burst", MAIN, e.at_ms, end_ms, "{}".into()))
            }
            What::LongTask { end_ms } => {
                events.push(complete("Long task", "long-task", LONG_TASKS, e.at_ms, end_ms, "{}".into()))
            }
            What::WorkerStarted(w) => {
                started.resize(started.len().max(w + 1), None);
                started[w] = Some(e.at_ms);
            }
            What::WorkerFinished(w) => {
                let from = started.get_mut(w).and_then(Option::take).unwrap_or(e.at_ms);
                events.push(complete(&label, "worker-job", worker_track(w), from, e.at_ms, "{}".into()));
            }
            What::Input { handled_ms } => {
                events.push(complete("Input", "input", INPUTS, e.at_ms, handled_ms, "{}".into()))
            }
            What::Frame => events.push(instant("Frame", "frame", MAIN, e.at_ms)),
            What::Started | What::Ended(_) => {}
            _ => events.push(instant(&words::event(&r.cast, e), e.what.name(), MAIN, e.at_ms)),
        }
    }
    Obj::new().field("traceEvents", list(events)).field("displayTimeUnit", text("ms")).end()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::{read, Value};
    use crate::core::replay::moment::tests::ticket_queue;

    #[test]
    fn every_lane_is_a_track_and_every_task_a_complete_event_as_measured() {
        let (cast, events) = ticket_queue();
        let replay = Replay {
            cast,
            events,
            mode: "async".into(),
            total_ms: 5001.1,
            scenario_name: "The ticket queue".into(),
            workers: 0,
            freezes: vec![],
        };
        let v = read(&trace_json(&replay)).unwrap();
        let all = v["traceEvents"].as_array().unwrap();
        let named = |tid: u64| {
            all.iter()
                .find(|e| {
                    e["ph"].as_str() == Some("M")
                        && e["name"].as_str() == Some("thread_name")
                        && e["tid"].as_u64() == Some(tid)
                })
                .map(|e| e["args"]["name"].as_str().unwrap().to_string())
        };
        assert_eq!(named(1).as_deref(), Some("Main thread"));
        assert_eq!(named(10).as_deref(), Some("Lane 1: You"));
        assert_eq!(named(11).as_deref(), Some("Lane 2: Phone"));
        let tasks: Vec<&Value> = all.iter().filter(|e| e["cat"].as_str() == Some("task")).collect();
        assert_eq!(tasks.len(), 2);
        assert_eq!(
            (tasks[0]["name"].as_str(), tasks[0]["ph"].as_str(), tasks[0]["tid"].as_u64()),
            (Some("Wait in the ticket queue"), Some("X"), Some(10))
        );
        assert_eq!((tasks[0]["ts"].as_f64(), tasks[0]["dur"].as_f64()), (Some(0.0), Some(5_001_100.0)));
        assert_eq!((tasks[1]["ts"].as_f64(), tasks[1]["dur"].as_f64()), (Some(100.0), Some(1_999_900.0)));
        let bursts: Vec<&Value> = all.iter().filter(|e| e["cat"].as_str() == Some("burst")).collect();
        assert_eq!(bursts.len(), 2);
        assert_eq!((bursts[0]["tid"].as_u64(), bursts[0]["dur"].as_f64()), (Some(1), Some(8000.0)));
        assert!(all.iter().any(|e| e["name"].as_str() == Some("Frame") && e["ph"].as_str() == Some("i")));
        assert!(all.iter().any(|e| e["cat"].as_str() == Some("yielded")));
        assert_eq!(v["displayTimeUnit"].as_str(), Some("ms"));
    }

    #[test]
    fn each_worker_is_a_track_with_its_jobs() {
        let (cast, mut events) = ticket_queue();
        let phone = events[2].task;
        events.push(crate::core::replay::Event { at_ms: 10.0, task: phone, what: What::WorkerStarted(1) });
        events.push(crate::core::replay::Event { at_ms: 30.0, task: phone, what: What::WorkerFinished(1) });
        let replay = Replay {
            cast,
            events,
            mode: "workers".into(),
            total_ms: 5001.1,
            scenario_name: String::new(),
            workers: 2,
            freezes: vec![],
        };
        let v = read(&trace_json(&replay)).unwrap();
        let all = v["traceEvents"].as_array().unwrap();
        for w in [1000, 1001] {
            assert!(all
                .iter()
                .any(|e| e["name"].as_str() == Some("thread_name") && e["tid"].as_u64() == Some(w)));
        }
        let job = all.iter().find(|e| e["cat"].as_str() == Some("worker-job")).unwrap();
        assert_eq!(
            (job["tid"].as_u64(), job["ts"].as_f64(), job["dur"].as_f64()),
            (Some(1001), Some(10_000.0), Some(20_000.0))
        );
    }
}
