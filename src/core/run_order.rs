//! What the page hands the runner (a wasm binary of its own, `shell::runner`) to run: the
//! scenario as one list of numbers, the other way from `run_record`.
//!
//! As JSON, ten thousand lanes are most of a megabyte for the page to write and the runner to
//! read back, a long task of 50 ms at the press before anything runs. As numbers they are one
//! `Float64Array`, copied once. The runner needs no names or labels (it runs and draws tasks
//! by id), so they are not sent: what [`decode`] gives has them empty.
//!
//! Layout: the version, how the lanes combine, then the lanes as a list, each a list of its
//! tasks; a task is seven numbers: its id, duration, kind, and four that the kind gives
//! meaning to (a request: fails; work: burst, yield, megabytes of data, transferred; an update:
//! locked, read after the wait), 0 where it gives none. [`decode`] checks every count and
//! code, and the scenario's limits (`Scenario::new`).

use super::numbers::{flag, Reader};
use super::scenario::{Combine, Data, Lane, Scenario, Task, TaskKind, YieldWith};

/// Changes whenever the layout does (see `run_record::VERSION`).
pub const VERSION: f64 = 1.0;

/// Writes `scenario` as numbers.
pub fn encode(scenario: &Scenario) -> Vec<f64> {
    let mut out = Vec::with_capacity(3 + scenario.lanes().len() + scenario.task_count() * 7);
    out.extend([VERSION, f64::from(scenario.combine() as u8), scenario.lanes().len() as f64]);
    for lane in scenario.lanes() {
        out.push(lane.tasks.len() as f64);
        for task in &lane.tasks {
            let kind = match task.kind {
                TaskKind::Wait => [0.0; 5],
                TaskKind::Request { fails } => [1.0, flag(fails), 0.0, 0.0, 0.0],
                TaskKind::Work { burst_ms, yields, data } => {
                    [2.0, burst_ms, f64::from(yields as u8), data.mb, flag(data.transfer)]
                }
                TaskKind::Update { locked, read_after } => [3.0, flag(locked), flag(read_after), 0.0, 0.0],
            };
            out.extend([f64::from(task.id.0), task.duration]);
            out.extend(kind);
        }
    }
    out
}

fn task(r: &mut Reader) -> Option<Task> {
    let id = r.id()?;
    let duration = r.number()?;
    let kind = r.index(4)?;
    let [a, b, c, d] = [r.number()?, r.number()?, r.number()?, r.number()?];
    let is_flag = |x: f64| x == 0.0 || x == 1.0;
    let kind = match kind {
        0 if [a, b, c, d] == [0.0; 4] => TaskKind::Wait,
        1 if is_flag(a) && [b, c, d] == [0.0; 3] => TaskKind::Request { fails: a == 1.0 },
        2 if is_flag(d) => TaskKind::Work {
            burst_ms: a,
            yields: *YieldWith::ALL.get(b as usize).filter(|_| b.fract() == 0.0 && b >= 0.0)?,
            data: Data { mb: c, transfer: d == 1.0 },
        },
        3 if is_flag(a) && is_flag(b) && [c, d] == [0.0; 2] => {
            TaskKind::Update { locked: a == 1.0, read_after: b == 1.0 }
        }
        _ => return None,
    };
    Some(Task { id, label: String::new(), kind, duration })
}

/// Reads what [`encode`] wrote, with every task's id; `None` if the numbers are not such a
/// scenario (another version, cut short, a code out of range, numbers left over) or break one
/// of its limits.
pub fn decode(numbers: &[f64]) -> Option<Scenario> {
    let mut r = Reader::new(numbers);
    if r.number()? != VERSION {
        return None;
    }
    let combine = Combine::ALL[r.index(Combine::ALL.len())?];
    let lanes = r.list(|r| Some(Lane { name: String::new(), tasks: r.list(task)? }))?;
    if !r.done() {
        return None;
    }
    let ids: Vec<u32> = lanes.iter().flat_map(|l| &l.tasks).map(|t| t.id.0).collect();
    // `new` checks the limits and numbers the tasks from 1; the page's ids are put back.
    Scenario::new(lanes).ok()?.with_combine(combine).with_ids(&ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scenario::TaskId;

    /// Every lesson's scenario, and one with every kind of task, yield and combination.
    fn scenarios() -> Vec<Scenario> {
        let lessons = crate::core::lesson::all();
        let mut all: Vec<Scenario> =
            lessons.iter().flat_map(|l| l.variants.iter().map(|v| v.scenario.clone())).collect();
        let tasks: Vec<Task> = [
            TaskKind::Wait,
            TaskKind::REQUEST,
            TaskKind::Request { fails: true },
            TaskKind::work(0.0),
            TaskKind::Work {
                burst_ms: 12.5,
                yields: YieldWith::SchedulerYield,
                data: Data { mb: 24.0, transfer: true },
            },
            TaskKind::Work {
                burst_ms: 1000.0,
                yields: YieldWith::Microtask,
                data: Data { mb: 0.5, transfer: false },
            },
            TaskKind::Update { locked: true, read_after: false },
            TaskKind::Update { locked: false, read_after: true },
        ]
        .into_iter()
        .enumerate()
        .map(|(i, kind)| Task { id: TaskId(0), label: format!("t{i}"), kind, duration: 0.1 + i as f64 })
        .collect();
        let lanes = vec![
            Lane { name: "a".into(), tasks: tasks[..5].to_vec() },
            Lane { name: "empty".into(), tasks: vec![] },
            Lane { name: "b".into(), tasks: tasks[5..].to_vec() },
        ];
        let ids = [40_000, 3, 7, u32::MAX, 1, 2, 9, 8];
        for combine in Combine::ALL {
            let s = Scenario::new(lanes.clone()).unwrap().with_combine(combine).with_ids(&ids).unwrap();
            all.push(s);
        }
        all
    }

    /// The scenario without its names and labels, which are not sent.
    fn unnamed(s: &Scenario) -> Scenario {
        let lanes = s
            .lanes()
            .iter()
            .map(|l| Lane {
                name: String::new(),
                tasks: l.tasks.iter().map(|t| Task { label: String::new(), ..t.clone() }).collect(),
            })
            .collect();
        let ids: Vec<u32> = s.tasks().map(|(_, t)| t.id.0).collect();
        Scenario::new(lanes).unwrap().with_combine(s.combine()).with_ids(&ids).unwrap()
    }

    #[test]
    fn every_task_comes_back_with_its_id_kind_and_duration() {
        for s in scenarios() {
            assert_eq!(decode(&encode(&s)), Some(unnamed(&s)));
        }
    }

    #[test]
    fn cut_short_too_long_or_damaged_is_refused() {
        let numbers = encode(scenarios().last().unwrap());
        for n in 0..numbers.len() {
            assert_eq!(decode(&numbers[..n]), None, "cut to {n}");
        }
        let mut longer = numbers.clone();
        longer.push(0.0);
        assert_eq!(decode(&longer), None);
        // Any one number changed: read only where the layout has room for the new value (an
        // id may be any whole number; a duration, burst or data size 0.5), else refused.
        let s = scenarios().pop().unwrap();
        let mut room = vec!["header"; 3];
        for lane in s.lanes() {
            room.push("count");
            for task in &lane.tasks {
                // A work task's burst and data size; every other kind's numbers are codes.
                let amount = if task.kind.is_cpu() { "amount" } else { "code" };
                room.extend(["id", "amount", "code", amount, "code", amount, "code"]);
            }
        }
        assert_eq!(room.len(), numbers.len());
        for (at, room) in room.iter().enumerate() {
            for bad in [f64::NAN, -1.0, 0.5, 1e9] {
                let mut damaged = numbers.clone();
                damaged[at] = bad;
                let fits = (*room == "id" && bad == 1e9) || (*room == "amount" && bad == 0.5);
                assert_eq!(decode(&damaged).is_some(), fits, "{at} ({room}) = {bad}");
            }
        }
    }

    #[test]
    fn another_version_is_refused() {
        let mut numbers = encode(&scenarios()[0]);
        numbers[0] = VERSION + 1.0;
        assert_eq!(decode(&numbers), None);
    }
}
