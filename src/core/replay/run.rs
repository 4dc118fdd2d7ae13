//! A recorded run to replay, read from a results file (`core::export::results_json`): the run
//! in this page, or one saved in another browser. Reading never panics; a file that cannot be
//! replayed is refused with what is wrong and what to do.

use super::moment::Cast;
use super::{Event, What};
use crate::core::by_id::ById;
use crate::core::json::{self, Value};
use crate::core::paint::Mini;
use crate::core::scenario::{Scenario, TaskId};
use crate::core::timing::{Outcome, Span};

/// A run, replayable.
#[derive(Clone, Debug, PartialEq)]
pub struct Replay {
    pub cast: Cast,
    pub events: Vec<Event>,
    /// The mode's name (`"async"`), as the file has it.
    pub mode: String,
    pub total_ms: f64,
    /// The scenario's name when it ran ("The ticket queue"), or empty.
    pub scenario_name: String,
    /// How many workers the run used (none outside workers mode).
    pub workers: usize,
    /// When the page could not draw, as the file says.
    pub freezes: Vec<Span>,
}

impl Replay {
    /// Reads a results file's text.
    pub fn from_results(text: &str) -> Result<Replay, String> {
        let v = json::read(text).map_err(|e| format!("This file is not JSON ({e})."))?;
        if v.get("format").and_then(Value::as_str) != Some("async-playground-results") {
            return Err("This is not a results file saved by the playground (Export, Results (JSON)).".into());
        }
        let Some(recording) = v.get("recording") else {
            return Err("This results file holds no recording of the event loop: it was saved before \
                        the playground recorded runs. Run its scenario again and save the results anew."
                .into());
        };
        let events =
            super::from_value(recording).map_err(|e| format!("This file cannot be replayed: {e}."))?;
        let scenario = Scenario::from_value(&v["scenario"])
            .map_err(|e| format!("This file's scenario cannot be read: {e}"))?;
        let run = &v["run"];
        let mut measured = Vec::new();
        let mut workers = 0;
        for t in run["tasks"].as_array().into_iter().flatten() {
            let (Some(id), Some(start_ms), Some(end_ms), Some(outcome)) = (
                t["id"].as_u64(),
                t["start_ms"].as_f64(),
                t["end_ms"].as_f64(),
                t["outcome"].as_str().and_then(Outcome::parse),
            ) else {
                return Err("This file's run has a task that cannot be read.".into());
            };
            if let Some(w) = t["worker"].as_u64() {
                workers = workers.max(w as usize + 1);
            }
            measured.push((TaskId(id.min(u64::from(u32::MAX)) as u32), Span { start_ms, end_ms }, outcome));
        }
        Ok(Replay {
            cast: Cast::new(&scenario, &measured),
            events,
            mode: run["mode"].as_str().unwrap_or_default().to_string(),
            total_ms: run["total_ms"].as_f64().unwrap_or(0.0),
            scenario_name: v["scenario_name"].as_str().unwrap_or_default().to_string(),
            workers,
            freezes: v["freezes_ms"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| Some(Span { start_ms: s[0].as_f64()?, end_ms: s[1].as_f64()? }))
                .collect(),
        })
    }

    /// Nothing to replay (before any run).
    pub fn empty() -> Replay {
        Replay {
            cast: Cast::empty(),
            events: Vec::new(),
            mode: String::new(),
            total_ms: 0.0,
            scenario_name: String::new(),
            workers: 0,
            freezes: Vec::new(),
        }
    }

    /// The run in miniature, to draw under the cursor: each task on its lane (and worker), the
    /// bursts that held the main thread, the freezes.
    pub fn mini(&self) -> Mini {
        let mut worker_of: ById<usize> = ById::default();
        let mut busy = Vec::new();
        for e in &self.events {
            match (e.what, e.task) {
                (What::WorkerStarted(w), Some(t)) => worker_of.insert(t, w),
                (What::Burst { end_ms }, _) => busy.push(Span { start_ms: e.at_ms, end_ms }),
                _ => {}
            }
        }
        let tasks = self
            .cast
            .lanes
            .iter()
            .enumerate()
            .flat_map(|(li, lane)| lane.tasks.iter().map(move |t| (li, t)))
            .filter_map(|(li, t)| {
                let (_, end_ms) = t.ended?;
                Some((li, worker_of.get(t.id).copied(), t.kind, Span { start_ms: t.start_ms, end_ms }))
            })
            .collect();
        Mini {
            lanes: self.cast.lanes.len(),
            workers: self.workers,
            tasks,
            busy,
            freezes: self.freezes.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::export::results_json;
    use crate::core::lesson;
    use crate::core::mode::Mode;
    use crate::core::predict::predict;
    use crate::core::replay::What;
    use crate::core::report::{Measurements, RunReport};
    use std::rc::Rc;

    fn results() -> String {
        let s = Rc::new(lesson::default_lesson().scenario(0));
        let e = |at_ms, task, what| Event { at_ms, task: Some(TaskId(task)), what };
        let m = Measurements {
            run: Some(Span { start_ms: 1000.0, end_ms: 6001.0 }),
            tasks: vec![
                (TaskId(1), Span { start_ms: 1000.0, end_ms: 6001.0 }, Outcome::Done),
                (TaskId(2), Span { start_ms: 1000.5, end_ms: 3000.0 }, Outcome::Done),
            ],
            events: vec![
                e(1000.0, 1, What::Started),
                e(1000.0, 1, What::TimerSet { due_ms: 6000.0 }),
                e(1000.5, 2, What::Started),
                e(1000.5, 2, What::Burst { end_ms: 1008.5 }),
                e(3000.0, 2, What::Ended(Outcome::Done)),
                e(6001.0, 1, What::TimerFired),
                e(6001.0, 1, What::Resumed),
                e(6001.0, 1, What::Ended(Outcome::Done)),
            ],
            ..Measurements::default()
        };
        let mut r = RunReport::new(&s, &predict(&s, Mode::Async, 1000.0, 4), &m);
        r.scenario_name = "The ticket queue".into();
        results_json(&r, &predict(&s, Mode::Async, 1000.0, 4))
    }

    #[test]
    fn a_results_file_replays_as_the_run_was_recorded() {
        let replay = Replay::from_results(&results()).unwrap();
        assert_eq!(replay.events.len(), 8);
        assert_eq!(replay.events[3].what, What::Burst { end_ms: 8.5 });
        assert_eq!((replay.mode.as_str(), replay.total_ms), ("async", 5001.0));
        assert_eq!(replay.scenario_name, "The ticket queue");
        assert_eq!(replay.cast.lanes[1].tasks[0].label, "Take selfies");
        assert_eq!(replay.cast.lanes[1].tasks[0].ended, Some((Outcome::Done, 2000.0)));
        let mini = replay.mini();
        assert_eq!((mini.lanes, mini.tasks.len(), mini.busy.len()), (2, 2, 1));
        assert_eq!(mini.tasks[1].3, Span { start_ms: 0.5, end_ms: 2000.0 });
        // Laid out as the file is saved, it reads the same.
        let pretty = crate::core::export::pretty(&results()).unwrap();
        assert_eq!(Replay::from_results(&pretty).unwrap(), replay);
    }

    #[test]
    fn a_file_that_cannot_be_replayed_says_why() {
        let refused = |text: &str| Replay::from_results(text).unwrap_err();
        assert!(refused("{").contains("not JSON"));
        assert!(refused(r#"{"format":"something-else"}"#).contains("not a results file"));
        let old = results().replace(r#","recording":"#, r#","old_recording":"#);
        assert!(refused(&old).contains("holds no recording"));
        let newer = results().replace(r#""recording":{"version":1"#, r#""recording":{"version":9"#);
        assert!(refused(&newer).contains("version 9"), "{}", refused(&newer));
        let bad_task = results().replace(r#""outcome":"done""#, r#""outcome":"teleported""#);
        assert!(refused(&bad_task).contains("a task that cannot be read"));
        let bad_scenario = results().replace(r#""lanes":[{"name":"You""#, r#""lanes":[{"name":5"#);
        assert!(refused(&bad_scenario).contains("scenario cannot be read"));
    }
}
