//! Tests over whole generated files: the golden files, running the JavaScript under node,
//! untrusted text staying inside literals, and no panics on any scenario.

use super::highlight::{highlight, TokenClass};
use super::samples::samples;
use super::{generate, Language};
use crate::core::scenario::{Combine, Data, Lane, Scenario, Task, TaskId, TaskKind, YieldWith};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The scale the golden files are written at: the app's default, a second per unit.
const GOLDEN_UNIT_MS: f64 = 1000.0;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/codegen")
}

/// The golden file's name for a sample in a language.
fn golden_name(sample: &str, language: Language) -> String {
    let extension = match language {
        Language::Rust => ".rs",
        Language::JsCallbacks => ".callbacks.js",
        Language::JsPromises => ".promises.js",
        Language::JsAsync => ".async.js",
    };
    format!("{sample}{extension}")
}

/// Generated code equals the golden files, and there are no others. With `BLESS=1`, the golden
/// files are written (and stale ones removed) instead.
#[test]
fn generated_code_matches_the_golden_files() {
    let dir = golden_dir();
    let bless = std::env::var("BLESS").is_ok_and(|v| v == "1");
    if bless {
        fs::create_dir_all(&dir).unwrap();
    }
    let mut expected = BTreeSet::new();
    let mut problems = Vec::new();
    for (name, scenario) in samples() {
        for language in Language::ALL {
            let file = golden_name(&name, language);
            let path = dir.join(&file);
            let code = generate(&scenario, language, GOLDEN_UNIT_MS);
            expected.insert(file.clone());
            if bless {
                if fs::read_to_string(&path).ok().as_deref() != Some(code.as_str()) {
                    fs::write(&path, &code).unwrap();
                    println!("blessed {file}");
                }
                continue;
            }
            match fs::read_to_string(&path) {
                Err(e) => problems.push(format!("{file}: cannot read it ({e})")),
                Ok(golden) if golden != code => {
                    let line = golden
                        .lines()
                        .zip(code.lines())
                        .position(|(a, b)| a != b)
                        .map_or_else(|| golden.lines().count().min(code.lines().count()) + 1, |i| i + 1);
                    problems.push(format!("{file}: differs from line {line}"));
                }
                Ok(_) => {}
            }
        }
    }
    for entry in fs::read_dir(&dir).unwrap() {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        if (file.ends_with(".rs") || file.ends_with(".js")) && !expected.contains(&file) {
            if bless {
                fs::remove_file(dir.join(&file)).unwrap();
                println!("removed stale {file}");
            } else {
                problems.push(format!("{file}: no sample writes it"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "golden files are out of date (rerun with BLESS=1 to rewrite them, then review the diff):\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn languages_have_ids_and_titles() {
    let ids: Vec<&str> = Language::ALL.iter().map(|l| l.as_str()).collect();
    assert_eq!(ids, ["rust", "js-callbacks", "js-promises", "js-async"]);
    let titles: Vec<&str> = Language::ALL.iter().map(|l| l.title()).collect();
    assert_eq!(titles, ["Rust", "JS callbacks", "JS promises", "JS async/await"]);
    for language in Language::ALL {
        assert_eq!(Language::parse(language.as_str()), Some(language));
    }
    assert_eq!(Language::parse("python"), None);
}

fn task(id: u32, label: &str, kind: TaskKind, duration: f64) -> Task {
    Task { id: TaskId(id), label: label.into(), kind, duration }
}

/// A label and lane name that try every way out of a literal or a comment.
const EVIL: &str = "Zebra\"quote \\ back\nnew </script><!-- */ end */";

#[test]
fn untrusted_text_appears_only_escaped_inside_string_literals() {
    let lanes = vec![
        Lane { name: EVIL.into(), tasks: vec![task(1, EVIL, TaskKind::Request { fails: true }, 1.0)] },
        Lane {
            name: "Quokka */ // \n".into(),
            tasks: vec![
                task(2, EVIL, TaskKind::Update { locked: true, read_after: false }, 1.0),
                task(3, "Quokka", TaskKind::work(4.0), 1.0),
            ],
        },
    ];
    let scenario = Scenario::new(lanes).unwrap();
    for language in Language::ALL {
        let code = generate(&scenario, language, 10.0);
        assert!(!code.contains(EVIL), "{language:?}: the raw text is in the code");
        for bad in ["</script", "<!--", "Zebra\"", "back\nnew"] {
            assert!(!code.contains(bad), "{language:?}: {bad:?} is in the code");
        }
        // Wherever the text shows, it is inside a string literal, never in a comment or code,
        // and so is every `*/` (harmless in a literal: it only ends a comment).
        for token in highlight(&code, language) {
            if ["Zebra", "Quokka", "*/"].iter().any(|t| token.text.contains(t)) {
                assert_eq!(token.class, TokenClass::String, "{language:?}: {:?}", token.text);
            }
        }
        // And it reads back exactly.
        let labels: Vec<String> =
            code.match_indices("done(\"").map(|(i, _)| string_at(&code[i + 5..], language)).collect();
        assert_eq!(labels, [EVIL, EVIL, "Quokka"], "{language:?}");
    }
}

/// The value of the string literal at the start of `code`.
fn string_at(code: &str, language: Language) -> String {
    let mut end = 1;
    let mut escaped = false;
    for (i, c) in code.char_indices().skip(1) {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '"' {
            end = i + 1;
            break;
        }
    }
    match language {
        Language::Rust => super::literal::unescape_rust(&code[..end]),
        _ => serde_json::from_str(&code[..end]).unwrap(),
    }
}

/// A small deterministic generator of numbers, for scenarios of every shape.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn random_scenario(rng: &mut Rng) -> Scenario {
    const NAMES: &[&str] =
        &["", "A", "a", "fn", "await", "class", "done", "東京", "x\"y", "3", "step1", "lane 1"];
    let mut id = 0;
    let lanes = (0..rng.below(5))
        .map(|_| Lane {
            name: NAMES[rng.below(NAMES.len())].into(),
            tasks: (0..rng.below(12))
                .map(|_| {
                    id += 1;
                    let kind = match rng.below(6) {
                        0 => TaskKind::Wait,
                        1 => TaskKind::Request { fails: rng.below(2) == 0 },
                        2 => TaskKind::Work {
                            burst_ms: 0.0,
                            yields: YieldWith::MessageChannel,
                            data: Data::NONE,
                        },
                        3 => TaskKind::Work {
                            burst_ms: [0.5, 4.0, 8.0][rng.below(3)],
                            yields: YieldWith::ALL[rng.below(5)],
                            data: Data { mb: [0.0, 8.0][rng.below(2)], transfer: rng.below(2) == 0 },
                        },
                        _ => TaskKind::Update { locked: rng.below(2) == 0, read_after: rng.below(2) == 0 },
                    };
                    task(id, NAMES[rng.below(NAMES.len())], kind, [0.25, 1.0, 2.5, 600.0][rng.below(4)])
                })
                .collect(),
        })
        .collect();
    Scenario::new(lanes).unwrap().with_combine(Combine::ALL[rng.below(3)])
}

/// Brackets outside literals and comments are balanced, and every task logs through one
/// `done(...)` call.
fn check_shape(code: &str, language: Language, scenario: &Scenario) {
    let mut depth = Vec::new();
    for token in highlight(code, language) {
        if token.class != TokenClass::Plain {
            continue;
        }
        for c in token.text.chars() {
            match c {
                '(' | '[' | '{' => depth.push(c),
                ')' | ']' | '}' => {
                    let open = depth.pop();
                    let expected = match c {
                        ')' => '(',
                        ']' => '[',
                        _ => '{',
                    };
                    assert_eq!(open, Some(expected), "{language:?}: unbalanced {c}\n{code}");
                }
                _ => {}
            }
        }
    }
    assert!(depth.is_empty(), "{language:?}: unclosed {depth:?}\n{code}");
    assert_eq!(code.matches("done(\"").count(), scenario.task_count(), "{language:?}\n{code}");
}

#[test]
fn any_scenario_makes_well_formed_code() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..300 {
        let scenario = random_scenario(&mut rng);
        for language in Language::ALL {
            let code = generate(&scenario, language, [1.0, 1000.0, 2.5][rng.below(3)]);
            check_shape(&code, language, &scenario);
        }
    }
    for (_, scenario) in samples() {
        for language in Language::ALL {
            check_shape(&generate(&scenario, language, GOLDEN_UNIT_MS), language, &scenario);
        }
    }
}

#[test]
fn odd_scales_are_replaced_by_the_default() {
    let scenario = &samples()[0].1;
    for language in Language::ALL {
        let default = generate(scenario, language, 1000.0);
        for odd in [f64::NAN, f64::INFINITY, -5.0] {
            assert_eq!(generate(scenario, language, odd), default);
        }
        assert!(generate(scenario, language, -0.0).contains("UNIT_MS"));
    }
}

/// The largest scenarios make code in proportion to their size, quickly.
#[test]
fn the_largest_scenarios_make_linear_code() {
    let wait = |id| task(id, "w", TaskKind::Wait, 1.0);
    let one_lane =
        Scenario::new(vec![Lane { name: "L".into(), tasks: (0..10_000).map(wait).collect() }]).unwrap();
    let many_lanes =
        Scenario::new((0..10_000).map(|i| Lane { name: "L".into(), tasks: vec![wait(i)] }).collect())
            .unwrap();
    for scenario in [one_lane, many_lanes] {
        for language in Language::ALL {
            let code = generate(&scenario, language, 1000.0);
            assert!(code.len() < 3_000_000, "{language:?}: {} bytes", code.len());
            assert_eq!(code.matches("done(\"").count(), 10_000);
        }
    }
}

/// What node lacks of a browser page, prepended to the generated code.
const NODE_SHIM: &str = r#"// Test shim: what a browser page has and node lacks.
globalThis.requestAnimationFrame = (callback) => setTimeout(() => callback(performance.now()), 16);
globalThis.fetch = async (url) => {
    if (url !== "favicon.svg") {
        throw new TypeError(`unexpected fetch of ${url}`);
    }
    return new Response('<svg xmlns="http://www.w3.org/2000/svg"/>', {
        headers: { "content-type": "image/svg+xml" },
    });
};
setTimeout(() => {
    console.log("timeout: still running after 10 s");
    process.exit(3);
}, 10_000).unref();
"#;

fn node_available() -> bool {
    Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The lines of a node run that tell the order: task ends, the counter, the end.
fn order(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .filter(|l| ["done:", "failed:", "counter:", "finished"].iter().any(|p| l.starts_with(p)))
        .collect()
}

/// Every golden JavaScript file runs under node (at a small scale, so quickly), ends by itself
/// with `finished` and exit status 0, writes nothing to stderr, and logs its tasks in the order the schedule says (for the samples listed here,
/// at a scale where timers are far enough apart to be sure of it).
#[test]
fn generated_javascript_runs_under_node() {
    if !node_available() {
        println!("note: node is not on PATH, so the generated JavaScript was not run");
        return;
    }
    // (sample, unit, lines up to `finished`): what the schedule logs before `finished` (lanes
    // that select or try-join does not wait for run on in JavaScript, after it). The lines are
    // compared in any order: every sample runs at once here, and on a loaded machine a task
    // that follows another in its lane can end later than its schedule says. The order is
    // checked in the browser, in `tests/e2e/specs/code-view.spec.ts`.
    let expected: &[(&str, f64, &[&str])] = &[
        (
            "lesson_ticket_queue_0",
            50.0,
            &["done: Take selfies", "done: Wait in the ticket queue", "finished"],
        ),
        (
            "lesson_network_1",
            50.0,
            &["done: Fetch the posts", "done: Fetch the user", "done: Fetch the comments", "finished"],
        ),
        ("lesson_errors_0", 50.0, &["failed: Fetch the profile", "done: Fetch the photos", "finished"]),
        ("lesson_errors_1", 50.0, &["failed: Fetch the profile", "finished"]),
        ("lesson_timeout_cancel_0", 50.0, &["done: Give up after 3 seconds", "finished"]),
        (
            "updates_unlocked",
            50.0,
            &[
                "done: Carol waits",
                "done: Alice adds one",
                "done: Bob adds one",
                "done: Carol adds one",
                "counter: 1",
                "finished",
            ],
        ),
        (
            "updates_locked",
            50.0,
            &[
                "done: Carol waits",
                "done: Alice adds one",
                "done: Bob adds one",
                "done: Carol adds one",
                "done: Carol adds another",
                "counter: 4",
                "finished",
            ],
        ),
    ];
    let dir = std::env::temp_dir().join(format!("async-playground-codegen-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let mut runs = Vec::new();
    for (name, scenario) in samples() {
        let check = expected.iter().find(|(n, _, _)| *n == name);
        let unit = check.map_or(5.0, |c| c.1);
        for language in [Language::JsCallbacks, Language::JsPromises, Language::JsAsync] {
            // The golden file itself, at a smaller scale: only its `UNIT_MS` line changes.
            let golden = fs::read_to_string(golden_dir().join(golden_name(&name, language))).unwrap();
            let scaled = golden.replacen(
                &format!("const UNIT_MS = {GOLDEN_UNIT_MS};"),
                &format!("const UNIT_MS = {unit};"),
                1,
            );
            assert_eq!(scaled.contains("UNIT_MS"), scenario.task_count() > 0, "{name}");
            assert!(!scaled.contains(&format!("UNIT_MS = {GOLDEN_UNIT_MS}")), "{name}");
            let file = dir.join(golden_name(&name, language));
            fs::write(&file, format!("{NODE_SHIM}{scaled}")).unwrap();
            runs.push((name.clone(), language, file, check.map(|c| c.2)));
        }
    }
    // A few at a time: the timings checked need a thread that is not starved.
    let mut failures = Vec::new();
    for batch in runs.chunks(4) {
        let children: Vec<_> = batch
            .iter()
            .map(|(_, _, file, _)| {
                Command::new("node").arg(file).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap()
            })
            .collect();
        for ((name, language, _, lines), child) in batch.iter().zip(children) {
            let output = child.wait_with_output().unwrap();
            let stdout = String::from_utf8_lossy(&output.stdout);
            let stderr = String::from_utf8_lossy(&output.stderr);
            let what = format!("{name} ({})", language.title());
            if !output.status.success() || !stderr.is_empty() {
                failures.push(format!("{what}: {}\n{stdout}{stderr}", output.status));
                continue;
            }
            let got = order(&stdout);
            if !got.contains(&"finished") {
                failures.push(format!("{what}: never finished\n{stdout}"));
            }
            if let Some(lines) = lines {
                let until_finished: Vec<&str> = got
                    .iter()
                    .copied()
                    .take(got.iter().position(|l| *l == "finished").map_or(0, |i| i + 1))
                    .collect();
                let mut a = until_finished.clone();
                let mut b = lines.to_vec();
                a.sort_unstable();
                b.sort_unstable();
                let same = a == b && until_finished.last() == Some(&"finished");
                if !same {
                    failures.push(format!("{what}: logged {until_finished:?}, expected {lines:?}"));
                }
            }
            // The timeout lesson's answer for JavaScript: a promise that loses Promise.race is
            // not stopped, so the fetch's line comes after `finished` (in Rust it never does).
            if name == "lesson_timeout_cancel_0" {
                let finished = got.iter().position(|l| *l == "finished");
                let done = got.iter().position(|l| *l == "done: Fetch the report");
                if !matches!((finished, done), (Some(f), Some(d)) if d > f) {
                    failures.push(format!("{what}: the race's loser did not log after finishing\n{stdout}"));
                }
            }
        }
    }
    let _ = fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every JavaScript template is a file of its own that node's parser accepts, so an editor or a
/// linter can check it where it stands (the Rust ones are compiled in the golden files).
#[test]
fn javascript_templates_parse_on_their_own() {
    if !node_available() {
        println!("note: node is not on PATH, so the JavaScript templates were not parsed");
        return;
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core/codegen/templates/js");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("the templates folder") {
        let path = entry.expect("a template").path();
        let status = Command::new("node").arg("--check").arg(&path).status().expect("node runs");
        assert!(status.success(), "{} does not parse", path.display());
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} templates");
}
