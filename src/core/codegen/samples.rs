//! The sample scenarios whose generated code is kept as golden files in `tests/codegen/`.
//!
//! One list: every scenario of every lesson (`lesson_<id>_<variant>`), so the code each lesson
//! shows is compiled and run, then the samples below for what the lessons leave out. Each
//! entry is a file name stem and its scenario.

use crate::core::lesson;
use crate::core::scenario::{Data, Scenario, TaskKind};

/// Every sample, as `(name, scenario)`; names are file stems (lowercase, `_`).
pub fn samples() -> Vec<(String, Scenario)> {
    // Variants that differ only in what the code does not show (the data a work task hands a
    // worker) share one golden file: the first.
    let lessons = lesson::all().into_iter().flat_map(|l| {
        let mut seen = Vec::new();
        (0..l.variants.len()).filter_map(move |v| {
            let shown = without_data(&l.scenario(v));
            (!seen.contains(&shown)).then(|| {
                seen.push(shown);
                (format!("lesson_{}_{v}", l.id.replace('-', "_")), l.scenario(v))
            })
        })
    });
    let others = SAMPLES.iter().map(|(name, json)| {
        let scenario = Scenario::from_json(json).unwrap_or_else(|e| panic!("sample {name}: {e}"));
        ((*name).to_string(), scenario)
    });
    lessons.chain(others).collect()
}

/// The scenario as its code shows it: work tasks carry no data for a worker.
fn without_data(scenario: &Scenario) -> Scenario {
    let mut lanes = scenario.lanes().to_vec();
    for task in lanes.iter_mut().flat_map(|l| l.tasks.iter_mut()) {
        if let TaskKind::Work { data, .. } = &mut task.kind {
            *data = Data::NONE;
        }
    }
    Scenario::new(lanes).expect("the same scenario, less its data").with_combine(scenario.combine())
}

const SAMPLES: &[(&str, &str)] = &[
    (
        "work_yields",
        r#"{"version": 1, "lanes": [
            {"name": "Message channel", "tasks": [{"kind": "work", "label": "Bursts, MessageChannel", "duration": 1, "burst_ms": 4}]},
            {"name": "Microtask", "tasks": [{"kind": "work", "label": "Bursts, microtask", "duration": 1, "burst_ms": 4, "yield": "microtask"}]},
            {"name": "Set timeout", "tasks": [{"kind": "work", "label": "Bursts, setTimeout", "duration": 1, "burst_ms": 4, "yield": "set-timeout"}]},
            {"name": "Animation frame", "tasks": [{"kind": "work", "label": "Bursts, animation frame", "duration": 1, "burst_ms": 4, "yield": "animation-frame"}]},
            {"name": "Scheduler", "tasks": [{"kind": "work", "label": "Bursts, scheduler.yield", "duration": 1, "burst_ms": 4, "yield": "scheduler-yield"}]},
            {"name": "Never yields", "tasks": [{"kind": "work", "label": "One go", "duration": 1, "burst_ms": 0}]}
        ]}"#,
    ),
    (
        "updates_unlocked",
        r#"{"version": 1, "lanes": [
            {"name": "Alice", "tasks": [{"kind": "update", "label": "Alice adds one", "duration": 2}]},
            {"name": "Bob", "tasks": [{"kind": "update", "label": "Bob adds one", "duration": 2}]},
            {"name": "Carol", "tasks": [
                {"kind": "wait", "label": "Carol waits", "duration": 1},
                {"kind": "update", "label": "Carol adds one", "duration": 2}
            ]}
        ]}"#,
    ),
    (
        "updates_locked",
        r#"{"version": 1, "lanes": [
            {"name": "Alice", "tasks": [{"kind": "update", "label": "Alice adds one", "duration": 2, "lock": true}]},
            {"name": "Bob", "tasks": [{"kind": "update", "label": "Bob adds one", "duration": 2, "lock": true}]},
            {"name": "Carol", "tasks": [
                {"kind": "wait", "label": "Carol waits", "duration": 1},
                {"kind": "update", "label": "Carol adds one", "duration": 2, "lock": true},
                {"kind": "update", "label": "Carol adds another", "duration": 1}
            ]}
        ]}"#,
    ),
    (
        "fractional",
        r#"{"version": 1, "lanes": [
            {"name": "Odd lengths", "tasks": [
                {"kind": "wait", "label": "Two and a half", "duration": 2.5},
                {"kind": "work", "label": "Three quarters", "duration": 0.75, "burst_ms": 3.5},
                {"kind": "request", "label": "A tenth", "duration": 0.1},
                {"kind": "wait", "label": "Pi, nearly", "duration": 3.14}
            ]}
        ]}"#,
    ),
    (
        "awkward_names",
        r#"{"version": 1, "lanes": [
            {"name": "", "tasks": [{"kind": "wait", "label": "", "duration": 1}]},
            {"name": "You", "tasks": [{"kind": "wait", "label": "say \"hi\" \\o/ {braces} ${x} `tick`", "duration": 1}]},
            {"name": "you", "tasks": [{"kind": "wait", "label": "*/ oops /* // not a comment", "duration": 1}]},
            {"name": "fn", "tasks": [{"kind": "wait", "label": "two\nlines\r\n\ttabbed", "duration": 1}]},
            {"name": "await", "tasks": [{"kind": "wait", "label": "</script><script>alert(1)</script><!--", "duration": 1}]},
            {"name": "class", "tasks": [{"kind": "wait", "label": "\u202ebidi\u2028sep\u0000nul", "duration": 1}]},
            {"name": "Ünïcødé 東京 🎉", "tasks": [{"kind": "wait", "label": "Ünïcødé 東京 🎉 e\u0301", "duration": 1}]},
            {"name": "quote\" and \\back\\slash", "tasks": [{"kind": "wait", "label": "'single'", "duration": 1}]},
            {"name": "*/ end", "tasks": []},
            {"name": "line\nbreak", "tasks": []},
            {"name": "</script>", "tasks": []},
            {"name": "3 lanes", "tasks": []},
            {"name": "done", "tasks": []},
            {"name": "step2", "tasks": []}
        ]}"#,
    ),
    (
        "long_lane",
        r#"{"version": 1, "lanes": [
            {"name": "Errands", "tasks": [
                {"kind": "wait", "label": "Walk to the bank", "duration": 1},
                {"kind": "request", "label": "Check the balance", "duration": 1},
                {"kind": "work", "label": "Fill in a form", "duration": 1, "burst_ms": 0},
                {"kind": "work", "label": "Sign it", "duration": 1, "burst_ms": 5},
                {"kind": "update", "label": "Count an errand", "duration": 1, "lock": true},
                {"kind": "wait", "label": "Walk to the shop", "duration": 1},
                {"kind": "request", "label": "Pay", "duration": 1, "fails": true},
                {"kind": "wait", "label": "Walk home", "duration": 1}
            ]}
        ]}"#,
    ),
    (
        "select_empty_lane",
        r#"{"version": 1, "combine": "select", "lanes": [
            {"name": "Nothing to do", "tasks": []},
            {"name": "Busy", "tasks": [{"kind": "work", "label": "Compute first", "duration": 1, "burst_ms": 0}]}
        ]}"#,
    ),
    (
        "many_lanes_select",
        r#"{"version": 1, "combine": "select", "lanes": [
            {"name": "First mirror of the download site", "tasks": [{"kind": "request", "label": "Mirror 1", "duration": 3}]},
            {"name": "Second mirror of the download site", "tasks": [{"kind": "request", "label": "Mirror 2", "duration": 2}]},
            {"name": "Third mirror of the download site", "tasks": [{"kind": "request", "label": "Mirror 3", "duration": 4}]},
            {"name": "Fourth mirror of the download site", "tasks": [{"kind": "request", "label": "Mirror 4", "duration": 1, "fails": true}]},
            {"name": "Give up", "tasks": [{"kind": "wait", "label": "Too slow", "duration": 5}]}
        ]}"#,
    ),
    ("empty", r#"{"version": 1, "lanes": []}"#),
];
