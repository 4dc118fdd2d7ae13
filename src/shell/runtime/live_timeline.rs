//! The live timeline of an async run: once per frame, the measured bars of the tasks that have
//! started grow towards "now" and a cursor marks the run's current time. It writes the styles
//! of elements the `Timeline` component rendered, found by their data attributes, instead of
//! re-rendering the timeline for every task event. (A blocking run cannot draw: its timeline
//! fills in at once when it ends.)

use super::recording::Recorder;
use crate::core::mode::Mode;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

pub struct LiveTimeline {
    axis_ms: f64,
    /// How many of the recording's tasks have finished and been drawn for good: the recording
    /// keeps tasks in start order, so each frame only touches tasks from the first unfinished
    /// one on (a handful: one per lane at most), not every task of a large run.
    settled: Cell<usize>,
    /// Which recorded tasks (by position) already have their final bar: never written again.
    drawn: RefCell<Vec<bool>>,
    /// Each task's measured bar, by task id, with the style it was rendered with.
    bars: HashMap<u32, (HtmlElement, String)>,
    cursor: Option<HtmlElement>,
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
        Some(LiveTimeline {
            axis_ms: axis_ms.max(1.0),
            settled: Cell::new(0),
            drawn: RefCell::default(),
            bars,
            cursor,
        })
    }

    /// Draws the run as recorded so far; `run_start` and `now` are on the page clock.
    pub fn draw(&self, recorder: &Recorder, run_start: f64, now: f64) {
        let pct = |ms: f64| (ms / self.axis_ms * 100.0).clamp(0.0, 100.0);
        recorder.with(|recording| {
            let mut drawn = self.drawn.borrow_mut();
            drawn.resize(recording.tasks.len(), false);
            let from = self.settled.get().min(recording.tasks.len());
            let mut settled = from;
            for (i, &(id, start, end)) in recording.tasks.iter().enumerate().skip(from) {
                if drawn[i] {
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
        if let Some(cursor) = &self.cursor {
            let _ = cursor.style().set_property("--t", &format!("{:.5}", pct(now - run_start) / 100.0));
            cursor.set_hidden(false);
        }
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
