//! The live timeline of an async or workers run: a cursor marks the run's current time every
//! frame, and every 50 ms the measured bars of the tasks that have started grow towards "now". It writes the styles
//! of elements the `Timeline` component rendered, found by their data attributes, instead of
//! re-rendering the timeline for every task event. (A blocking run cannot draw: its timeline
//! fills in at once when it ends.)

use super::recording::Recorder;
use crate::core::mode::Mode;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// How many growing bars one redraw touches at most (bars that finished are all drawn at the
/// next redraw).
const GROWING_PER_FRAME: usize = 64;
/// How often the bars are redrawn, in ms (the cursor moves every frame). Every redraw costs a
/// style, layout, paint and raster pass over the changed tracks; at 60 Hz that cost took most
/// of each frame on a large scenario and made the run's own timers late (the benchmark's
/// profile), while bars growing at 20 Hz look the same to a reader.
const BARS_EVERY_MS: f64 = 50.0;

pub struct LiveTimeline {
    axis_ms: f64,
    /// How many of the recording's tasks have finished and been drawn for good: the recording
    /// keeps tasks in start order, so each frame only touches tasks from the first unfinished
    /// one on (a handful: one per lane at most), not every task of a large run.
    settled: Cell<usize>,
    /// Which recorded tasks (by position) already have their final bar: never written again.
    drawn: RefCell<Vec<bool>>,
    /// Frames drawn so far, to take turns among bars still growing.
    frame: Cell<usize>,
    /// When the bars were last redrawn (page clock).
    bars_drawn_at: Cell<f64>,
    /// Each task's measured bar, by task id, with the style it was rendered with.
    bars: HashMap<u32, (HtmlElement, String)>,
    cursor: Option<HtmlElement>,
    /// The width of a track in pixels, read once: the cursor moves by `transform` across it.
    track_px: f64,
}

impl LiveTimeline {
    /// Finds the timeline of `mode` on the page.
    pub fn find(mode: Mode) -> Option<LiveTimeline> {
        let document = web_sys::window()?.document()?;
        let root = document.query_selector(&format!(".timeline[data-mode=\"{mode}\"]")).ok()??;
        let axis_ms: f64 = root.get_attribute("data-axis-ms")?.parse().ok()?;
        let list = root.query_selector_all(".bar.measured[data-task]").ok()?;
        let mut bars = HashMap::with_capacity(list.length() as usize);
        for i in 0..list.length() {
            let Some(bar) = list.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else { continue };
            let Some(id) = bar.get_attribute("data-task").and_then(|v| v.parse().ok()) else { continue };
            let style = bar.get_attribute("style").unwrap_or_default();
            bars.insert(id, (bar, style));
        }
        let cursor =
            root.query_selector(".now-cursor").ok().flatten().and_then(|c: Element| c.dyn_into().ok());
        let track_px =
            root.query_selector(".tl-track").ok().flatten().map_or(0.0, |t| f64::from(t.client_width()));
        // Bars left from an earlier run start empty: only this run's measurements are drawn.
        for (bar, _) in bars.values() {
            let _ = bar.style().set_property("width", "0%");
        }
        Some(LiveTimeline {
            axis_ms: axis_ms.max(1.0),
            settled: Cell::new(0),
            drawn: RefCell::default(),
            frame: Cell::new(0),
            bars_drawn_at: Cell::new(f64::NEG_INFINITY),
            bars,
            cursor,
            track_px,
        })
    }

    /// Draws the run as recorded so far; `run_start` and `now` are on the page clock.
    pub fn draw(&self, recorder: &Recorder, run_start: f64, now: f64) {
        let pct = |ms: f64| (ms / self.axis_ms * 100.0).clamp(0.0, 100.0);
        if let Some(cursor) = &self.cursor {
            let x = pct(now - run_start) / 100.0 * self.track_px;
            let _ = cursor.style().set_property("transform", &format!("translateX({x:.1}px)"));
            cursor.set_hidden(false);
        }
        if now - self.bars_drawn_at.get() < BARS_EVERY_MS {
            return;
        }
        self.bars_drawn_at.set(now);
        recorder.with(|recording| {
            let mut drawn = self.drawn.borrow_mut();
            drawn.resize(recording.tasks.len(), false);
            let from = self.settled.get().min(recording.tasks.len());
            let mut settled = from;
            // Bars that are still growing take turns, at most about GROWING_PER_FRAME a frame,
            // so a run of thousands of concurrent tasks does not spend its frames repainting.
            let growing = recording.tasks[from..].iter().filter(|t| t.2.is_none()).count();
            let turns = growing.div_ceil(GROWING_PER_FRAME).max(1);
            let frame = self.frame.get();
            self.frame.set(frame + 1);
            for (i, &(id, start, end)) in recording.tasks.iter().enumerate().skip(from) {
                if drawn[i] || (end.is_none() && !(i + frame).is_multiple_of(turns)) {
                    continue;
                }
                if let Some((bar, _)) = self.bars.get(&id.0) {
                    let left = pct(start - run_start);
                    let width = pct(end.unwrap_or(now) - run_start) - left;
                    let _ = bar.style().set_property("left", &format!("{left:.3}%"));
                    let _ = bar.style().set_property("width", &format!("{:.3}%", width.max(0.3)));
                }
                drawn[i] = end.is_some();
            }
            while settled < drawn.len() && drawn[settled] {
                settled += 1;
            }
            self.settled.set(settled);
        });
    }

    /// Puts every element back as the component rendered it.
    pub fn reset(&self) {
        for (bar, style) in self.bars.values() {
            let _ = bar.set_attribute("style", style);
        }
        if let Some(cursor) = &self.cursor {
            cursor.set_hidden(true);
        }
    }
}
