//! Exports of a finished run: its results as JSON, and its timeline as an SVG picture (the
//! shell turns that into a PNG too), drawn from the results JSON in the page's extras. Pure:
//! the shell only writes the files.

use super::format::{duration, tick_step};
use super::json::{list, number, text, Obj};
use super::message::OutMessage;
use super::predict::Prediction;
use super::report::RunReport;
use super::scenario::{Scenario, TaskKind};
use super::timing::{Outcome, Span};

/// A run's results as JSON: the `run-finished` figures, the frame statistics, when the page
/// froze and the thread was busy, the prediction, the scenario that was run, and the recording
/// of its event loop (`core::replay`, which replays the file). Compact: the
/// file saved is laid out by [`pretty`], in the extras.
pub fn results_json(report: &RunReport, prediction: &Prediction) -> String {
    let spans = |spans: &[Span]| {
        list(spans.iter().map(|s| list([number(round(s.start_ms)), number(round(s.end_ms))])))
    };
    let f = &report.frames;
    let frames = Obj::new()
        .field("gaps", f.gaps.to_string())
        .field("p50_gap_ms", number(round(f.p50_gap_ms)))
        .field("p99_gap_ms", number(round(f.p99_gap_ms)))
        .field("longest_gap_ms", number(round(f.longest_gap_ms)))
        .field("late_frames", f.late_frames.to_string())
        .end();
    let tasks = prediction.tasks.iter().map(|t| {
        Obj::new()
            .field("id", t.id.0.to_string())
            .field("lane", t.lane.to_string())
            .field("start_ms", number(round(t.span.start_ms)))
            .field("end_ms", number(round(t.span.end_ms)))
            .field("outcome", text(t.outcome.as_str()))
            .end()
    });
    let predicted = Obj::new()
        .field("total_ms", number(round(prediction.total_ms)))
        .field("counter", prediction.counter.map_or_else(|| "null".into(), |c| c.to_string()))
        .field("tasks", list(tasks))
        .end();
    Obj::new()
        .field("format", text("async-playground-results"))
        .field("version", "1".into())
        .field("scenario_name", text(&report.scenario_name))
        .field("run", OutMessage::run_finished(report).to_json())
        .field("frames", frames)
        .field("freezes_ms", spans(&report.freezes))
        .field("busy_ms", spans(&report.busy))
        .field("predicted", predicted)
        .field("scenario", report.scenario.to_json())
        .field("recording", super::replay::to_json(&report.events.0))
        .end()
}

/// A finished run's results file, predicted again as it ran (mode, scale, pool size).
pub fn run_results(report: &RunReport) -> String {
    let prediction = super::predict::predict(
        &report.scenario,
        report.mode,
        report.scale,
        report.pool.map_or(1, |p| p.size),
    );
    results_json(report, &prediction)
}

/// JSON text laid out for reading (two spaces a level), as the results file is saved; `None`
/// for text that is not JSON.
pub fn pretty(json: &str) -> Option<String> {
    super::json::read(json).ok().map(|v| super::json::pretty(&v))
}

fn round(ms: f64) -> f64 {
    (ms * 10.0).round() / 10.0
}

/// Text made safe for SVG (XML) content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters and the noncharacters U+FFFE and U+FFFF are not allowed in XML.
            c if (c.is_control() && c != '\t' && c != '\n') || c == '\u{fffe}' || c == '\u{ffff}' => {
                out.push(' ')
            }
            c => out.push(c),
        }
    }
    out
}

const NAME_W: f64 = 150.0;
const TRACK_W: f64 = 720.0;
const ROW_H: f64 = 34.0;
const TOP: f64 = 44.0;

/// What the timeline picture of a run shows, read from the run itself ([`picture`]) or from
/// its results JSON ([`picture_from_results`]: the page's extras draw the SVG and PNG from
/// that, so the first view carries no drawing code).
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub title: String,
    /// The lesson's unit, plural, under the axis.
    pub unit: String,
    pub lanes: Vec<(String, Vec<Bar>)>,
    pub busy: Vec<Span>,
    pub freezes: Vec<Span>,
    /// The axis, in ms: the longer of the run and the prediction.
    pub axis_ms: f64,
    pub scale: f64,
}

/// One task in the picture: predicted (unless the model says it never starts) and measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub kind: TaskKind,
    pub predicted: Option<Span>,
    pub measured: Option<(Span, Outcome)>,
}

fn picture_title(mode: &str, name: &str, total_ms: f64, predicted_ms: f64, gap_ms: f64) -> String {
    format!(
        "{mode} run of \u{201c}{name}\u{201d}: measured {}, predicted {}, longest frame gap {}",
        duration(total_ms),
        duration(predicted_ms),
        duration(gap_ms)
    )
}

/// The picture of a run from its results JSON ([`results_json`]), with the lesson's title
/// (shown when the scenario has no name of its own) and unit.
pub fn picture_from_results(results: &str, lesson_title: &str, unit: &str) -> Result<Picture, String> {
    use super::json::Value;
    let v = super::json::read(results)?;
    let scenario = Scenario::from_value(&v["scenario"]).map_err(|e| e.to_string())?;
    let run = &v["run"];
    let num = |v: &Value| v.as_f64().unwrap_or(0.0);
    let span = |t: &Value| Span { start_ms: num(&t["start_ms"]), end_ms: num(&t["end_ms"]) };
    let pair = |v: &Value| Span { start_ms: num(&v[0]), end_ms: num(&v[1]) };
    let by_id = |list: &Value| -> std::collections::HashMap<u64, Value> {
        list.as_array().into_iter().flatten().filter_map(|t| Some((t["id"].as_u64()?, t.clone()))).collect()
    };
    let (measured, predicted) = (by_id(&run["tasks"]), by_id(&v["predicted"]["tasks"]));
    let outcome = |t: &Value| Outcome::parse(t["outcome"].as_str().unwrap_or_default());
    let mode = run["mode"].as_str().and_then(crate::core::mode::Mode::parse).ok_or("no run mode")?;
    let name = v["scenario_name"].as_str().filter(|n| !n.is_empty()).unwrap_or(lesson_title);
    let total_ms = num(&run["total_ms"]);
    Ok(Picture {
        title: picture_title(
            mode.title(),
            name,
            total_ms,
            num(&run["predicted_ms"]),
            num(&v["frames"]["longest_gap_ms"]),
        ),
        unit: unit.to_string(),
        lanes: scenario
            .lanes()
            .iter()
            .map(|lane| {
                let bars = lane
                    .tasks
                    .iter()
                    .map(|task| Bar {
                        label: task.label.clone(),
                        kind: task.kind,
                        predicted: predicted
                            .get(&u64::from(task.id.0))
                            .filter(|t| outcome(t) != Some(Outcome::Skipped))
                            .map(span),
                        measured: measured
                            .get(&u64::from(task.id.0))
                            .map(|t| (span(t), outcome(t).unwrap_or(Outcome::Done))),
                    })
                    .collect();
                (lane.name.clone(), bars)
            })
            .collect(),
        busy: v["busy_ms"].as_array().into_iter().flatten().map(pair).collect(),
        freezes: v["freezes_ms"].as_array().into_iter().flatten().map(pair).collect(),
        axis_ms: total_ms.max(num(&v["predicted"]["total_ms"])).max(1.0),
        scale: num(&run["scale"]).max(f64::MIN_POSITIVE),
    })
}

/// A picture as a standalone SVG: a row per lane (predicted bars outlined, measured bars
/// filled, cut-off or failed ones marked), the main thread's busy time and freezes, and a time
/// axis in the lesson's units.
pub fn timeline_svg(picture: &Picture) -> String {
    let axis = picture.axis_ms;
    let x = |ms: f64| NAME_W + ms / axis * TRACK_W;
    let w = |s: &Span| ((s.end_ms - s.start_ms) / axis * TRACK_W).max(1.0);
    let lanes = picture.lanes.len();
    let height = TOP + (lanes as f64 + 1.0) * ROW_H + 48.0;
    let width = NAME_W + TRACK_W + 20.0;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" \
         font-family=\"system-ui, sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    );
    let title = &picture.title;
    svg.push_str(&format!(
        "<title>{}</title>\n<text x=\"10\" y=\"22\" font-size=\"14\" font-weight=\"600\">{}</text>\n",
        escape(title),
        escape(title)
    ));
    let colour = |kind: TaskKind| match kind {
        TaskKind::Wait => "#3f82e8",
        TaskKind::Request { .. } => "#8a5cd6",
        TaskKind::Work { .. } => "#c26a0a",
        TaskKind::Update { .. } => "#1f9e89",
    };
    for (li, (lane, bars)) in picture.lanes.iter().enumerate() {
        let y = TOP + li as f64 * ROW_H;
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#4a5468\">{}</text>\n",
            NAME_W - 8.0,
            y + 20.0,
            escape(lane)
        ));
        for bar in bars {
            let kind = bar.kind;
            if let Some(p) = &bar.predicted {
                svg.push_str(&format!(
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"14\" rx=\"3\" fill=\"none\" stroke=\"{}\" stroke-dasharray=\"4 2\"><title>{} (predicted)</title></rect>\n",
                    x(p.start_ms), y + 3.0, w(p), colour(kind), escape(&bar.label)
                ));
            }
            if let Some((m, outcome)) = &bar.measured {
                let note = match outcome {
                    Outcome::Failed => " (failed)",
                    Outcome::Cancelled => " (cancelled)",
                    _ => "",
                };
                svg.push_str(&format!(
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"10\" rx=\"3\" fill=\"{}\"{}><title>{}{note}: {} to {}</title></rect>\n",
                    x(m.start_ms), y + 20.0, w(m), colour(kind),
                    if *outcome == Outcome::Cancelled { " fill-opacity=\"0.55\"" } else { "" },
                    escape(&bar.label), duration(m.start_ms), duration(m.end_ms)
                ));
                if *outcome == Outcome::Failed {
                    svg.push_str(&format!(
                        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"4\" height=\"10\" fill=\"#cf3a3a\"/>\n",
                        x(m.end_ms) - 4.0,
                        y + 20.0
                    ));
                }
            }
        }
    }
    let y = TOP + lanes as f64 * ROW_H;
    svg.push_str(&format!(
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#4a5468\">Main thread</text>\n",
        NAME_W - 8.0,
        y + 20.0
    ));
    for s in &picture.busy {
        svg.push_str(&format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"10\" fill=\"#7a8499\"/>\n",
            x(s.start_ms),
            y + 6.0,
            w(s)
        ));
    }
    for s in &picture.freezes {
        svg.push_str(&format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"8\" fill=\"#cf3a3a\"><title>No frame for {}</title></rect>\n",
            x(s.start_ms), y + 18.0, w(s), duration(s.end_ms - s.start_ms)
        ));
    }
    let axis_y = y + ROW_H + 4.0;
    svg.push_str(&format!(
        "<line x1=\"{NAME_W}\" y1=\"{axis_y:.1}\" x2=\"{:.1}\" y2=\"{axis_y:.1}\" stroke=\"#d9deea\"/>\n",
        NAME_W + TRACK_W
    ));
    let units = axis / picture.scale;
    let step = tick_step(units, 10.0);
    let mut u = 0.0;
    while u <= units + 1e-9 {
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#4a5468\">{}</text>\n",
            x(u * picture.scale),
            axis_y + 16.0,
            (u * 1000.0).round() / 1000.0
        ));
        u += step;
    }
    svg.push_str(&format!(
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#4a5468\">{}</text>\n",
        NAME_W - 8.0,
        axis_y + 16.0,
        escape(&picture.unit)
    ));
    svg.push_str("</svg>\n");
    svg
}

/// A file name for an export: the scenario's name and the mode, in safe characters.
pub fn file_name(report: &RunReport, extension: &str) -> String {
    let stem: String = report
        .scenario_name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem = if stem.is_empty() { "scenario".to_string() } else { stem };
    format!("async-playground-{stem}-{}.{extension}", report.mode)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lesson::{self, Lesson};
    use crate::core::mode::Mode;
    use crate::core::predict::predict;
    use crate::core::report::Measurements;
    use crate::core::scenario::{Scenario, TaskId};
    use std::rc::Rc;

    /// The picture of `report`, as `prediction` and `lesson` tell it: read from the run itself,
    /// the oracle [`picture_from_results`] is checked against.
    fn picture(report: &RunReport, prediction: &Prediction, lesson: &Lesson) -> Picture {
        // Indexed by id: a scenario may hold 10,000 tasks.
        let measured: std::collections::HashMap<_, _> = report.tasks.iter().map(|m| (m.id, m)).collect();
        let predicted: std::collections::HashMap<_, _> = prediction.tasks.iter().map(|t| (t.id, t)).collect();
        let name = if report.scenario_name.is_empty() { lesson.title } else { &report.scenario_name };
        Picture {
            title: picture_title(
                report.mode.title(),
                name,
                report.total_ms,
                report.predicted_ms,
                report.longest_freeze_ms(),
            ),
            unit: lesson.unit.1.to_string(),
            lanes: report
                .scenario
                .lanes()
                .iter()
                .map(|lane| {
                    let bars = lane
                        .tasks
                        .iter()
                        .map(|task| Bar {
                            label: task.label.clone(),
                            kind: task.kind,
                            predicted: predicted
                                .get(&task.id)
                                .filter(|t| t.outcome != Outcome::Skipped)
                                .map(|t| t.span),
                            measured: measured.get(&task.id).map(|m| (m.span, m.outcome)),
                        })
                        .collect();
                    (lane.name.clone(), bars)
                })
                .collect(),
            busy: report.busy.clone(),
            freezes: report.freezes.clone(),
            axis_ms: report.total_ms.max(prediction.total_ms).max(1.0),
            scale: report.scale,
        }
    }

    fn run(json: &str) -> (RunReport, Prediction) {
        let s = Rc::new(Scenario::from_json(json).unwrap());
        let p = predict(&s, Mode::Async, 100.0, 4);
        let span = |a, b| Span { start_ms: a, end_ms: b };
        let m = Measurements {
            run: Some(span(0.0, 500.0)),
            tasks: vec![
                (TaskId(1), span(0.0, 500.0), Outcome::Done),
                (TaskId(2), span(0.0, 200.0), Outcome::Failed),
            ],
            frames: vec![0.0, 16.7, 300.0, 316.7, 510.0],
            ..Measurements::default()
        };
        (RunReport::new(&s, &p, &m), p)
    }

    const HOSTILE: &str = r#"{"version":1,"lanes":[
        {"name":"<script>alert(1)</script>","tasks":[{"kind":"wait","label":"A & B \"quoted\" 'single'\uffff","duration":5}]},
        {"name":"L2","tasks":[{"kind":"request","label":"</svg><img src=x onerror=alert(1)>","duration":2,"fails":true}]}]}"#;

    #[test]
    fn the_svg_escapes_every_label_and_marks_failures() {
        let (r, p) = run(HOSTILE);
        let svg = timeline_svg(&picture(&r, &p, lesson::default_lesson()));
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(!svg.contains("<script") && !svg.contains("<img"), "{svg}");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("A &amp; B &quot;quoted&quot; &#39;single&#39; "));
        assert!(!svg.contains('\u{ffff}'));
        assert!(svg.contains("(failed)"));
        // One `</svg>`: nothing a label holds can close the picture early.
        assert_eq!(svg.matches("</svg>").count(), 1);
        assert!(svg.contains("Main thread") && svg.contains("No frame for"));
    }

    #[test]
    fn the_json_holds_the_figures_and_the_scenario() {
        let (r, p) = run(HOSTILE);
        let v: serde_json::Value = serde_json::from_str(&results_json(&r, &p)).unwrap();
        assert_eq!(v["format"], "async-playground-results");
        assert_eq!(v["run"]["type"], "run-finished");
        assert_eq!(v["run"]["tasks"][1]["outcome"], "failed");
        assert_eq!(v["predicted"]["total_ms"], 500.0);
        assert_eq!(v["scenario"]["lanes"][0]["name"], "<script>alert(1)</script>");
        assert!(!v["freezes_ms"].as_array().unwrap().is_empty());
        // The exported scenario reads back as the one that ran.
        let back =
            Scenario::from_value(&crate::core::json::read(&v["scenario"].to_string()).unwrap()).unwrap();
        assert_eq!(back.to_json(), r.scenario.to_json());
    }

    /// The extras draw from the results JSON: the same picture as from the run itself.
    #[test]
    fn the_picture_from_the_results_json_is_the_picture_of_the_run() {
        for json in [
            HOSTILE,
            r#"{"version":1,"lanes":[{"name":"A","tasks":[{"kind":"work","label":"w","duration":2,"burst_ms":0},{"kind":"wait","label":"never","duration":1}]}],"combine":"select"}"#,
        ] {
            let (mut r, p) = run(json);
            let l = lesson::default_lesson();
            let direct = picture(&r, &p, l);
            assert_eq!(picture_from_results(&results_json(&r, &p), l.title, l.unit.1), Ok(direct.clone()));
            assert!(timeline_svg(&direct).matches("<rect").count() > 2);
            r.scenario_name = "Named".into();
            assert!(picture_from_results(&results_json(&r, &p), l.title, l.unit.1)
                .unwrap()
                .title
                .contains("Named"));
        }
        assert!(picture_from_results("{", "t", "u").is_err());
        assert!(picture_from_results("{}", "t", "u").is_err());
    }

    #[test]
    fn file_names_are_plain() {
        let (mut r, _) = run(HOSTILE);
        r.scenario_name = "With a lock (edited)".into();
        assert_eq!(file_name(&r, "svg"), "async-playground-with-a-lock-edited-async.svg");
        r.scenario_name = "../../etc".into();
        assert_eq!(file_name(&r, "json"), "async-playground-etc-async.json");
        r.scenario_name = String::new();
        assert_eq!(file_name(&r, "png"), "async-playground-scenario-async.png");
    }
}
