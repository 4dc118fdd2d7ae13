//! Editing a scenario: each [`Edit`] turns one valid scenario into another, or says why not.
//!
//! Edits never change the scenario they are applied to (the reducer keeps the old one for
//! undo), and every result passes the same validation as a loaded scenario.

use super::format::Num;
use super::number::clamp;
use super::scenario::{Combine, Lane, Scenario, ScenarioError, Task, TaskId, TaskKind, MAX_DURATION};

/// The grid that dragging and keyboard resizing snap to, in scenario units.
pub const GRID: f64 = 0.5;

/// One change to a scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Insert a new task into `lane` before position `index` (clamped to the lane's length).
    AddTask {
        lane: usize,
        index: usize,
        kind: TaskKind,
        duration: f64,
        label: String,
    },
    /// Move a task to position `index` of `lane` (the index counts the lane without the task).
    MoveTask {
        id: TaskId,
        lane: usize,
        index: usize,
    },
    ResizeTask {
        id: TaskId,
        duration: f64,
    },
    /// Lengthen (or shorten) a task by `by` units from whatever it lasts when the edit is
    /// applied, snapped to the grid: keys pressed faster than the page redraws all count.
    ResizeBy {
        id: TaskId,
        by: f64,
    },
    /// Move a task `places` along its lane, or `lanes` to a neighbouring lane at the same
    /// position, from wherever it is when the edit is applied. Refused at the edges.
    Nudge {
        id: TaskId,
        lanes: i32,
        places: i32,
    },
    DeleteTask {
        id: TaskId,
    },
    SetLabel {
        id: TaskId,
        label: String,
    },
    SetKind {
        id: TaskId,
        kind: TaskKind,
    },
    AddLane {
        name: String,
    },
    RemoveLane {
        lane: usize,
    },
    RenameLane {
        lane: usize,
        name: String,
    },
    /// Remove every lane: an empty timeline to build on.
    Clear,
    /// Change how the lanes are combined into one run.
    SetCombine {
        combine: Combine,
    },
}

/// What an edit produced: the new scenario and the task it is about, if any (for a new task,
/// its fresh id), so the editor can keep it selected and focused.
pub struct Edited {
    pub scenario: Scenario,
    pub task: Option<TaskId>,
}

/// Snaps a duration to the grid, within the allowed range.
pub fn snap(duration: f64) -> f64 {
    if !duration.is_finite() {
        return GRID;
    }
    clamp((duration / GRID).round() * GRID, GRID, MAX_DURATION)
}

impl Edit {
    /// Applies the edit to `scenario`.
    pub fn apply(&self, scenario: &Scenario) -> Result<Edited, ScenarioError> {
        let mut lanes: Vec<Lane> = scenario.lanes().to_vec();
        let mut task = None;
        let mut combine = scenario.combine();
        match self {
            Edit::AddTask { lane, index, kind, duration, label } => {
                let id = TaskId(scenario.tasks().map(|(_, t)| t.id.0).max().unwrap_or(0) + 1);
                let target = lane_mut(&mut lanes, *lane)?;
                let at = (*index).min(target.tasks.len());
                target.tasks.insert(at, Task { id, label: label.clone(), kind: *kind, duration: *duration });
                task = Some(id);
            }
            Edit::MoveTask { id, lane, index } => {
                let moved = take_task(&mut lanes, *id)?;
                let target = lane_mut(&mut lanes, *lane)?;
                let at = (*index).min(target.tasks.len());
                target.tasks.insert(at, moved);
                task = Some(*id);
            }
            Edit::ResizeTask { id, duration } => {
                task_mut(&mut lanes, *id)?.duration = *duration;
                task = Some(*id);
            }
            Edit::ResizeBy { id, by } => {
                let t = task_mut(&mut lanes, *id)?;
                t.duration = snap(t.duration + by);
                task = Some(*id);
            }
            Edit::Nudge { id, lanes: dl, places: dp } => {
                let (li, ti) = lanes
                    .iter()
                    .enumerate()
                    .find_map(|(li, l)| l.tasks.iter().position(|t| t.id == *id).map(|ti| (li, ti)))
                    .ok_or(ScenarioError::NoSuchTask(id.0))?;
                let lane = li as i64 + i64::from(*dl);
                let index = ti as i64 + i64::from(*dp);
                // Past an edge the task stays where it is (the key just stops).
                let fits = (0..lanes.len() as i64).contains(&lane)
                    && (*dl != 0 || (0..lanes[li].tasks.len() as i64).contains(&index));
                if fits {
                    let moved = take_task(&mut lanes, *id)?;
                    let target = &mut lanes[lane as usize];
                    let at = (index.max(0) as usize).min(target.tasks.len());
                    target.tasks.insert(at, moved);
                }
                task = Some(*id);
            }
            Edit::DeleteTask { id } => {
                take_task(&mut lanes, *id)?;
            }
            Edit::SetLabel { id, label } => {
                task_mut(&mut lanes, *id)?.label = label.clone();
                task = Some(*id);
            }
            Edit::SetKind { id, kind } => {
                task_mut(&mut lanes, *id)?.kind = *kind;
                task = Some(*id);
            }
            Edit::AddLane { name } => lanes.push(Lane { name: name.clone(), tasks: vec![] }),
            Edit::RemoveLane { lane } => {
                lane_mut(&mut lanes, *lane)?;
                lanes.remove(*lane);
            }
            Edit::RenameLane { lane, name } => lane_mut(&mut lanes, *lane)?.name = name.clone(),
            Edit::Clear => {
                lanes.clear();
                combine = Combine::Join;
            }
            Edit::SetCombine { combine: c } => combine = *c,
        }
        Ok(Edited { scenario: Scenario::new(lanes)?.with_combine(combine), task })
    }
}

fn lane_mut(lanes: &mut [Lane], lane: usize) -> Result<&mut Lane, ScenarioError> {
    lanes.get_mut(lane).ok_or(ScenarioError::NoSuchLane(lane))
}

fn task_mut(lanes: &mut [Lane], id: TaskId) -> Result<&mut Task, ScenarioError> {
    lanes
        .iter_mut()
        .flat_map(|l| l.tasks.iter_mut())
        .find(|t| t.id == id)
        .ok_or(ScenarioError::NoSuchTask(id.0))
}

fn take_task(lanes: &mut [Lane], id: TaskId) -> Result<Task, ScenarioError> {
    for lane in lanes.iter_mut() {
        if let Some(at) = lane.tasks.iter().position(|t| t.id == id) {
            return Ok(lane.tasks.remove(at));
        }
    }
    Err(ScenarioError::NoSuchTask(id.0))
}

/// The edits the task inspector makes, as they travel from the extras (where the inspector
/// is) to the page: `{"id": <task id>, "label": <text>}`, `{"id", "duration": <text>}`,
/// `{"id", "delete": true}`, or `{"id", "kind": <wait|request|work|update>, "burst_ms": <text>,
/// "yield": <name>, "data_mb": <text>, "send": <copy|transfer>, "fails", "lock",
/// "read_after_wait": <bool>}`. Numbers go as text, so that a value the core will refuse (not
/// a number) travels too and is refused with its message.
impl Edit {
    pub fn to_json(&self) -> Option<String> {
        use super::json::{text, Obj};
        use super::scenario::{Data, YieldWith};
        let o = |id: &TaskId| Obj::new().field("id", id.0.to_string());
        Some(match self {
            Edit::SetLabel { id, label } => o(id).field("label", text(label)).end(),
            Edit::ResizeTask { id, duration } => {
                o(id).field("duration", text(&Num(*duration).to_string())).end()
            }
            Edit::DeleteTask { id } => o(id).field("delete", "true".into()).end(),
            Edit::SetKind { id, kind } => {
                let (burst, yields, data) = match *kind {
                    TaskKind::Work { burst_ms, yields, data } => (burst_ms, yields, data),
                    _ => (0.0, YieldWith::DEFAULT, Data::NONE),
                };
                let flag = |b: bool| b.to_string();
                o(id)
                    .field("kind", text(kind.as_str()))
                    .field("burst_ms", text(&Num(burst).to_string()))
                    .field("yield", text(yields.as_str()))
                    .field("data_mb", text(&Num(data.mb).to_string()))
                    .field("send", text(if data.transfer { "transfer" } else { "copy" }))
                    .field("fails", flag(matches!(kind, TaskKind::Request { fails: true })))
                    .field("lock", flag(matches!(kind, TaskKind::Update { locked: true, .. })))
                    .field("read_after_wait", flag(matches!(kind, TaskKind::Update { read_after: true, .. })))
                    .end()
            }
            _ => return None,
        })
    }

    /// Reads what [`Edit::to_json`] wrote; `None` for anything else.
    pub fn from_json(json: &str) -> Option<Edit> {
        use super::scenario::{Data, YieldWith};
        let v = super::json::read(json).ok()?;
        let id = TaskId(u32::try_from(v.get("id")?.as_u64()?).ok()?);
        let text = |k: &str| v.get(k).and_then(super::json::Value::as_str).unwrap_or_default();
        // Text that is not a number becomes NaN, which the core refuses with a message.
        let number = |k: &str| crate::core::number::parse(text(k).trim()).unwrap_or(f64::NAN);
        let flag = |k: &str| v.get(k).and_then(super::json::Value::as_bool).unwrap_or(false);
        if flag("delete") {
            return Some(Edit::DeleteTask { id });
        }
        if let Some(label) = v.get("label").and_then(super::json::Value::as_str) {
            return Some(Edit::SetLabel { id, label: label.to_string() });
        }
        if v.get("duration").is_some() {
            return Some(Edit::ResizeTask { id, duration: number("duration") });
        }
        let kind = match text("kind") {
            "wait" => TaskKind::Wait,
            "request" => TaskKind::Request { fails: flag("fails") },
            "work" => TaskKind::Work {
                burst_ms: number("burst_ms"),
                yields: YieldWith::parse(text("yield"))?,
                data: Data { mb: number("data_mb"), transfer: text("send") == "transfer" },
            },
            "update" => TaskKind::Update { locked: flag("lock"), read_after: flag("read_after_wait") },
            _ => return None,
        };
        Some(Edit::SetKind { id, kind })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inspector_s_edits_travel_as_json_and_come_back_the_same() {
        use crate::core::scenario::{Data, YieldWith};
        let id = TaskId(7);
        for edit in [
            Edit::SetLabel { id, label: "say \"hi\"".into() },
            Edit::ResizeTask { id, duration: 2.5 },
            Edit::DeleteTask { id },
            Edit::SetKind { id, kind: TaskKind::Wait },
            Edit::SetKind { id, kind: TaskKind::Request { fails: true } },
            Edit::SetKind {
                id,
                kind: TaskKind::Work {
                    burst_ms: 4.0,
                    yields: YieldWith::SetTimeout,
                    data: Data { mb: 24.0, transfer: true },
                },
            },
            Edit::SetKind { id, kind: TaskKind::Update { locked: true, read_after: false } },
        ] {
            assert_eq!(Edit::from_json(&edit.to_json().unwrap()), Some(edit.clone()), "{edit:?}");
        }
        // A value that is not a number still travels, and the core refuses it with a message.
        let nan = Edit::from_json(&Edit::ResizeTask { id, duration: f64::NAN }.to_json().unwrap());
        assert!(matches!(nan, Some(Edit::ResizeTask { duration, .. }) if duration.is_nan()));
        assert_eq!(Edit::AddLane { name: "x".into() }.to_json(), None, "only the inspector's edits travel");
        assert_eq!(Edit::from_json("{}"), None);
        assert_eq!(Edit::from_json(r#"{"id":1,"kind":"nap"}"#), None);
    }
    use crate::core::lesson;

    fn ticket_queue() -> Scenario {
        lesson::default_lesson().scenario(0)
    }

    /// The lanes as `"name: label label | name: label"`, for compact expectations.
    fn shape(s: &Scenario) -> String {
        s.lanes()
            .iter()
            .map(|l| {
                let tasks: Vec<String> =
                    l.tasks.iter().map(|t| format!("{}({})", t.label, t.duration)).collect();
                format!("{}: {}", l.name, tasks.join(" "))
            })
            .collect::<Vec<_>>()
            .join(" | ")
    }

    fn check(edits: &[Edit], expected: &str) {
        let mut s = ticket_queue();
        for e in edits {
            s = e.apply(&s).unwrap_or_else(|err| panic!("{e:?}: {err}")).scenario;
        }
        assert_eq!(shape(&s), expected, "{edits:?}");
    }

    const WAIT: TaskId = TaskId(1);
    const SELFIES: TaskId = TaskId(2);

    fn add(lane: usize, index: usize, label: &str) -> Edit {
        Edit::AddTask { lane, index, kind: TaskKind::Wait, duration: 1.0, label: label.into() }
    }

    #[test]
    fn each_edit_does_what_it_says() {
        let start = "You: Wait in the ticket queue(5) | Phone: Take selfies(2)";
        check(&[], start);
        check(&[add(0, 0, "a")], "You: a(1) Wait in the ticket queue(5) | Phone: Take selfies(2)");
        check(&[add(1, 99, "a")], "You: Wait in the ticket queue(5) | Phone: Take selfies(2) a(1)");
        check(
            &[Edit::MoveTask { id: SELFIES, lane: 0, index: 1 }],
            "You: Wait in the ticket queue(5) Take selfies(2) | Phone: ",
        );
        check(&[Edit::MoveTask { id: WAIT, lane: 0, index: 5 }], start);
        check(
            &[add(0, 1, "b"), Edit::MoveTask { id: WAIT, lane: 0, index: 1 }],
            "You: b(1) Wait in the ticket queue(5) | Phone: Take selfies(2)",
        );
        check(
            &[Edit::ResizeTask { id: SELFIES, duration: 3.5 }],
            "You: Wait in the ticket queue(5) | Phone: Take selfies(3.5)",
        );
        check(&[Edit::DeleteTask { id: WAIT }], "You:  | Phone: Take selfies(2)");
        check(
            &[Edit::SetLabel { id: WAIT, label: "Queue".into() }],
            "You: Queue(5) | Phone: Take selfies(2)",
        );
        check(&[Edit::AddLane { name: "Friend".into() }, add(2, 0, "c")], &format!("{start} | Friend: c(1)"));
        check(&[Edit::RemoveLane { lane: 0 }], "Phone: Take selfies(2)");
        check(&[Edit::Clear], "");
        check(
            &[Edit::RenameLane { lane: 1, name: "Camera".into() }],
            "You: Wait in the ticket queue(5) | Camera: Take selfies(2)",
        );
        // Relative edits count from the scenario as it is when each applies: three presses
        // before a redraw are three steps, not one.
        let by = |by| Edit::ResizeBy { id: SELFIES, by };
        check(&[by(0.5), by(0.5), by(0.5)], "You: Wait in the ticket queue(5) | Phone: Take selfies(3.5)");
        check(&[by(-5.0)], "You: Wait in the ticket queue(5) | Phone: Take selfies(0.5)");
        let nudge = |lanes, places| Edit::Nudge { id: WAIT, lanes, places };
        check(&[nudge(1, 0)], "You:  | Phone: Wait in the ticket queue(5) Take selfies(2)");
        check(&[nudge(1, 0), nudge(0, 1)], "You:  | Phone: Take selfies(2) Wait in the ticket queue(5)");
        check(
            &[nudge(1, 0), nudge(0, 1), nudge(0, 1)],
            "You:  | Phone: Take selfies(2) Wait in the ticket queue(5)",
        );
        // Past an edge nothing moves.
        check(&[nudge(-1, 0)], start);
        check(&[nudge(0, -1)], start);
    }

    #[test]
    fn new_tasks_get_fresh_ids() {
        let s = ticket_queue();
        let added = add(0, 0, "a").apply(&s).unwrap();
        assert_eq!(added.task, Some(TaskId(3)));
        let again = add(0, 0, "b").apply(&added.scenario).unwrap();
        assert_eq!(again.task, Some(TaskId(4)));
    }

    #[test]
    fn bad_edits_are_refused_and_change_nothing() {
        let s = ticket_queue();
        fn refused(s: &Scenario, e: Edit, expected: &str) {
            let err = e.apply(s).err().unwrap_or_else(|| panic!("{e:?} was accepted")).to_string();
            assert!(err.contains(expected), "{e:?}: {err}");
        }
        refused(&s, Edit::ResizeTask { id: WAIT, duration: 0.0 }, "duration 0");
        refused(&s, Edit::ResizeTask { id: WAIT, duration: f64::NAN }, "duration NaN");
        refused(&s, Edit::ResizeTask { id: WAIT, duration: 601.0 }, "at most 600");
        refused(&s, Edit::DeleteTask { id: TaskId(9) }, "no task 9");
        refused(&s, Edit::MoveTask { id: WAIT, lane: 7, index: 0 }, "no lane 8");
        refused(&s, add(5, 0, "x"), "no lane 6");
        refused(&s, Edit::SetLabel { id: WAIT, label: "x".repeat(500) }, "longer than");
        refused(&s, Edit::SetKind { id: SELFIES, kind: TaskKind::work(-1.0) }, "burst_ms -1");
        assert_eq!(s, ticket_queue());
    }

    #[test]
    fn durations_snap_to_the_grid_within_range() {
        fn check(d: f64, expected: f64) {
            assert_eq!(snap(d), expected, "{d}");
        }
        check(1.2, 1.0);
        check(1.3, 1.5);
        check(0.1, GRID);
        check(-4.0, GRID);
        check(1e9, MAX_DURATION);
        check(f64::NAN, GRID);
    }
}
