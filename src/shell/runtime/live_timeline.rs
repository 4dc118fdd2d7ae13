//! The live timeline of an async or workers run: a cursor marks the run's current time every
//! frame, and every 50 ms the measured bars of the tasks that have started are drawn, growing
//! towards "now", on one canvas laid over the lanes of the mode's timeline.
//!
//! One canvas, not a style write per bar: with an element per bar, every redraw re-laid out,
//! repainted and re-layerized the tracks of thousands of bars, and the run's own timers waited
//! behind those frames (the benchmark's profile). The canvas covers only the part of the lanes
//! in the window, so a timeline of ten thousand lanes needs no canvas taller than the screen,
//! and a timeline zoomed in (the lanes scroll sideways in their scroller) none wider. What is
//! drawn stays: each redraw adds only the bars that grew or started since the last one, so its
//! cost follows the tasks running, not the tasks recorded; a scroll or a resize draws anew.
//! While it draws, the timeline's own canvas leaves the last run's bars out (the painting's
//! `live`); when the run ends they come back drawn from the report. (A blocking run cannot
//! draw: its timeline fills in at once when it ends.)

use super::recording::Recorder;
use crate::core::by_id::ById;
use crate::core::format::Num;
use crate::core::mode::Mode;
use crate::core::number::clamp;
use crate::core::scenario::Scenario;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

/// How often the bars are redrawn, in ms (the cursor moves every frame). A reader cannot tell
/// bars growing at 20 Hz from 60 Hz, and every redraw is a raster pass the run's timers wait for.
const BARS_EVERY_MS: f64 = 50.0;
/// A measured bar is drawn in the bottom of its track: `height` px, `bottom` px above its foot
/// (as `.bar.measured` is styled).
const BAR_HEIGHT: f64 = 10.0;
const BAR_BOTTOM: f64 = 2.0;
/// The narrowest bar, as a share of the track (as the rendered bars have it).
const MIN_WIDTH: f64 = 0.003;
/// Bars of one lane this close (px) are drawn as one: thousands of back-to-back tasks on one
/// track are one stroke, not thousands of calls.
const MERGE_PX: f64 = 0.5;

/// Where the lanes' tracks are, in CSS pixels from the top left of the rows.
#[derive(Default)]
struct Geometry {
    /// The first track built, whose width says when the page was resized.
    first: Option<HtmlElement>,
    /// Every lane is a row this tall, its track `track_top` px down it, `track_height` tall: a
    /// long timeline builds only the lanes near the window, and a lane scrolled to during a run
    /// is drawn where its row is, built or not.
    row: f64,
    track_top: f64,
    track_height: f64,
    left: f64,
    width: f64,
    rows_height: f64,
}

impl Geometry {
    /// Lane `lane`'s track: (top, height).
    fn track(&self, lane: usize) -> (f64, f64) {
        (lane as f64 * self.row + self.track_top, self.track_height)
    }
}

/// What the rows' place in the window is read as, before anything is written in a frame: the
/// rows' top, the part of them the scroller shows across (from, width), and the window's height.
type WindowReads = (f64, Option<(f64, f64)>, f64);

pub struct LiveTimeline {
    axis_ms: f64,
    rows: HtmlElement,
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    /// Each task's lane and colour (an index into `colours`).
    tasks: ById<(usize, usize)>,
    /// How many lanes the scenario has.
    lanes: usize,
    /// The bar colour of each task kind in the scenario, read from the page's CSS (`--wait`, …).
    colours: Vec<String>,
    geometry: RefCell<Geometry>,
    /// Where the canvas's window onto the rows starts, in CSS px from their top and left.
    window_top: Cell<f64>,
    window_left: Cell<f64>,
    /// What the lanes scroll sideways in when zoomed (the rows' parent).
    scroller: Option<HtmlElement>,
    /// When the bars were last redrawn (page clock).
    bars_drawn_at: Cell<f64>,
    /// What the canvas holds: for each task of the recording (by its place there), where its
    /// bar was drawn from and to, in px (NaN: not drawn). A redraw adds only what grew since.
    drawn: RefCell<Vec<(f64, f64)>>,
    /// The places in the recording of the bars still growing, in order: the only ones a redraw
    /// visits, with those that started since.
    open: RefCell<Vec<usize>>,
    /// The next redraw starts from a clear canvas: the page was resized, or a task's start moved
    /// (a worker reported when it really started).
    stale: Cell<bool>,
    /// What the set-up read, for the first redraw: reading again there would lay out what the
    /// set-up wrote since.
    set_up_reads: Cell<Option<WindowReads>>,
    cursor: Option<Cursor>,
}

/// The "now" cursor: a canvas one pixel tall stretched over the lanes, with the cursor drawn
/// as a pixel run across it. Moving an element by `transform` every frame made Chromium lay out
/// the page's compositing layers again every frame; new pixels in a canvas need no such pass, and
/// a canvas one pixel tall costs nothing to upload.
struct Cursor {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    colour: String,
    /// Where it is drawn, in bitmap px (NaN before the first frame).
    drawn_at: Cell<f64>,
}

/// The cursor's width in CSS px, and the widest its bitmap gets (a timeline zoomed far in is
/// wider than a canvas may be; the cursor is then drawn a little wider).
const CURSOR_PX: f64 = 2.0;
const CURSOR_BITMAP_MAX: f64 = 8_192.0;

impl Cursor {
    fn find(figure: &HtmlElement, colour: String) -> Option<Cursor> {
        let canvas: HtmlCanvasElement = figure.query_selector("canvas.now-cursor").ok()??.dyn_into().ok()?;
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(Cursor { canvas, context, colour, drawn_at: Cell::new(f64::NAN) })
    }

    /// Lays the cursor's canvas over the tracks, `left` and `width` CSS px.
    fn place(&self, left: f64, width: f64, ratio: f64) {
        let style = self.canvas.style();
        let _ = style.set_property("left", &format!("{}px", Num(left)));
        let _ = style.set_property("width", &format!("{}px", Num(width)));
        let bitmap = (width * ratio).min(CURSOR_BITMAP_MAX).round().max(1.0) as u32;
        if self.canvas.width() != bitmap || self.canvas.height() != 1 {
            self.canvas.set_width(bitmap);
            self.canvas.set_height(1);
        }
        self.drawn_at.set(f64::NAN);
    }

    /// Draws the cursor at `share` of the track's width, if it moved by a pixel.
    fn draw(&self, share: f64, width: f64) {
        let bitmap = f64::from(self.canvas.width());
        let wide = (CURSOR_PX * bitmap / width.max(1.0)).max(1.0).round();
        let x = clamp((share * bitmap - wide / 2.0).round(), 0.0, (bitmap - wide).max(0.0));
        let last = self.drawn_at.get();
        if x == last {
            return;
        }
        if last.is_nan() {
            // The first drawing since it was placed or hidden: shown once, not every frame.
            self.context.clear_rect(0.0, 0.0, bitmap, 1.0);
            self.canvas.set_hidden(false);
        } else {
            self.context.clear_rect(last, 0.0, wide, 1.0);
        }
        self.context.set_fill_style_str(&self.colour);
        self.context.fill_rect(x, 0.0, wide, 1.0);
        self.drawn_at.set(x);
    }

    fn hide(&self) {
        self.canvas.set_hidden(true);
        self.context.clear_rect(0.0, 0.0, f64::from(self.canvas.width()), 1.0);
        self.drawn_at.set(f64::NAN);
    }
}

impl LiveTimeline {
    /// Finds the timeline of `mode` on the page, for a run of `scenario`, and shows its canvas.
    pub fn find(mode: Mode, scenario: &Scenario) -> Option<LiveTimeline> {
        let window = web_sys::window()?;
        let document = window.document()?;
        let figure: HtmlElement =
            document.query_selector(&format!(".timeline[data-mode=\"{mode}\"]")).ok()??.dyn_into().ok()?;
        let axis_ms = crate::core::number::parse(&figure.get_attribute("data-axis-ms")?)?;
        let rows: HtmlElement = figure.query_selector(".tl-rows").ok()??.dyn_into().ok()?;
        let canvas: HtmlCanvasElement = figure.query_selector("canvas.tl-live").ok()??.dyn_into().ok()?;
        let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let css = window.get_computed_style(&document.document_element()?).ok()??;
        // Each kind the scenario uses gets its colour, in the order first met.
        let (mut kinds, mut colours): (Vec<&str>, Vec<String>) = (Vec::new(), Vec::new());
        let mut tasks = ById::default();
        for (lane, task) in scenario.tasks() {
            let name = task.kind.as_str();
            let kind = kinds.iter().position(|k| *k == name).unwrap_or_else(|| {
                let colour = css.get_property_value(&format!("--{name}")).unwrap_or_default();
                colours.push(colour.trim().to_string());
                kinds.push(name);
                kinds.len() - 1
            });
            tasks.insert(task.id, (lane, kind));
        }
        let ink = css.get_property_value("--ink").unwrap_or_default();
        let cursor = Cursor::find(&figure, ink.trim().to_string());
        let scroller = rows.parent_element().and_then(|p| p.dyn_into().ok());
        let live = LiveTimeline {
            axis_ms: axis_ms.max(1.0),
            rows,
            canvas,
            context,
            tasks,
            lanes: scenario.lanes().len(),
            colours,
            geometry: RefCell::default(),
            window_top: Cell::new(f64::NAN),
            window_left: Cell::new(f64::NAN),
            scroller,
            bars_drawn_at: Cell::new(f64::NEG_INFINITY),
            drawn: RefCell::default(),
            open: RefCell::default(),
            stale: Cell::new(true),
            set_up_reads: Cell::new(None),
            cursor,
        };
        live.prepare();
        live.canvas.set_hidden(false);
        Some(live)
    }

    /// Before the run: reads where the lanes are (a frame has just been drawn, so the layout is
    /// clean and reading it forces none), sizes the canvas to the part of them in the window and
    /// has the browser make its bitmap, which it would otherwise make at the first bar drawn.
    fn prepare(&self) {
        let reads = self.window_reads();
        self.measure();
        let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
        self.place_window(reads, ratio);
        let (w, h) = (f64::from(self.canvas.width()), f64::from(self.canvas.height()));
        self.context.clear_rect(0.0, 0.0, w, h);
        self.set_up_reads.set(Some(reads));
    }

    /// Where the rows are in the window, read from the layout ([`WindowReads`]).
    fn window_reads(&self) -> WindowReads {
        let rows = self.rows.get_bounding_client_rect();
        let across = self
            .scroller
            .as_ref()
            .map(|s| (s.get_bounding_client_rect().left() - rows.left(), f64::from(s.client_width())));
        let view =
            web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(800.0);
        (rows.top(), across, view)
    }

    /// Reads where the lanes' tracks are, from the first one built (once, and again when the
    /// page is resized), then sets the canvas's place across.
    fn measure(&self) {
        let mut geometry = Geometry {
            rows_height: f64::from(self.rows.offset_height()),
            row: self
                .rows
                .get_attribute("data-row-px")
                .and_then(|v| crate::core::number::parse(&v))
                .filter(|&px| px > 0.0)
                .unwrap_or(64.0),
            ..Geometry::default()
        };
        let first = self.rows.query_selector(".tl-lane .tl-track").ok().flatten();
        if let Some(track) = first.and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
            let top = f64::from(track.offset_top());
            // Its lane: the row it is in (the rows above it that are not built keep their room).
            geometry.track_top = top - (top / geometry.row).floor() * geometry.row;
            geometry.track_height = f64::from(track.offset_height());
            geometry.left = f64::from(track.offset_left());
            geometry.width = f64::from(track.client_width());
            geometry.first = Some(track);
        }
        let _ = self.canvas.style().set_property("left", &format!("{}px", Num(geometry.left)));
        if let Some(cursor) = &self.cursor {
            let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
            cursor.place(geometry.left, geometry.width, ratio);
        }
        *self.geometry.borrow_mut() = geometry;
        // The canvas is placed again at the next redraw, and drawn anew.
        self.window_top.set(f64::NAN);
        self.stale.set(true);
    }

    /// Draws the run as recorded so far; `run_start` and `now` are on the page clock.
    pub fn draw(&self, recorder: &Recorder, run_start: f64, now: f64) {
        let share = |ms: f64| clamp(ms / self.axis_ms, 0.0, 1.0);
        let redraw = now - self.bars_drawn_at.get() >= BARS_EVERY_MS;
        // Reads first, then writes: this runs first in a frame, while the page's layout is
        // still clean from the last one, so reading it forces none. The first redraw takes what
        // the set-up read instead (the set-up's own writes are not laid out yet).
        let reads = if redraw {
            Some(self.set_up_reads.take().unwrap_or_else(|| {
                let measured = {
                    let g = self.geometry.borrow();
                    g.first.as_ref().is_some_and(|t| f64::from(t.client_width()) == g.width)
                };
                let reads = self.window_reads();
                // The page was resized, or no track was built when it was last measured.
                if !measured {
                    self.measure();
                }
                reads
            }))
        } else {
            None
        };
        if let Some(cursor) = &self.cursor {
            cursor.draw(share(now - run_start), self.geometry.borrow().width);
        }
        let Some(reads) = reads else { return };
        self.bars_drawn_at.set(now);
        let start = super::clock::now();
        let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
        let (window_left, window_top, moved) = self.place_window(reads, ratio);
        let geometry = self.geometry.borrow();
        let width = geometry.width;
        let ctx = &self.context;
        let window_bottom = window_top + f64::from(self.canvas.height()) / ratio;
        let (mut drawn, mut open) = (self.drawn.borrow_mut(), self.open.borrow_mut());
        // Bars stay on the canvas from one redraw to the next; only a move or a resize (which
        // clear it) draws them all again.
        if self.stale.replace(false) || moved {
            let (w, h) = (f64::from(self.canvas.width()), f64::from(self.canvas.height()));
            ctx.set_transform(ratio, 0.0, 0.0, ratio, -window_left * ratio, -window_top * ratio).ok();
            ctx.clear_rect(window_left, window_top, w / ratio, h / ratio);
            drawn.clear();
            open.clear();
        }
        // Per lane, the bar being drawn: (colour, from x, to x), flushed when the next one is apart.
        let mut pending: Vec<Option<(usize, f64, f64)>> = vec![None; self.lanes];
        let mut colour = usize::MAX;
        let mut fill = |lane: usize, (kind, x0, x1): (usize, f64, f64)| {
            let (top, height) = geometry.track(lane);
            if kind != colour {
                colour = kind;
                ctx.set_fill_style_str(&self.colours[kind]);
            }
            ctx.fill_rect(x0, top + height - BAR_BOTTOM - BAR_HEIGHT, x1 - x0, BAR_HEIGHT);
        };
        recorder.with(|recording| {
            let known = drawn.len();
            drawn.resize(recording.tasks.len(), (f64::NAN, f64::NAN));
            open.extend(known..recording.tasks.len());
            open.retain(|&i| {
                let (id, start, end) = recording.tasks[i];
                let Some(&(lane, kind)) = self.tasks.get(id) else { return false };
                if lane >= self.lanes {
                    return false;
                }
                let (top, height) = geometry.track(lane);
                if top + height < window_top || top > window_bottom {
                    // Out of the window: drawn when the window comes to it (a move draws anew).
                    return end.is_none();
                }
                let x0 = share(start - run_start) * width;
                let x1 = (share(end.unwrap_or(now) - run_start) * width).max(x0 + MIN_WIDTH * width);
                let (was_x0, was_x1) = drawn[i];
                if !was_x0.is_nan() && was_x0 != x0 {
                    self.stale.set(true);
                }
                // Only the part not drawn yet, from the whole pixel its last piece ended in: a
                // piece starting mid-pixel would blend with the last one's edge into a pale seam.
                let from = if was_x1.is_nan() { x0 } else { (was_x1 * ratio).floor() / ratio };
                drawn[i] = (x0, x1);
                if x1 > from {
                    pending[lane] = match pending[lane] {
                        Some((k, a, b)) if k == kind && from <= b + MERGE_PX => Some((k, a, b.max(x1))),
                        Some(bar) => {
                            fill(lane, bar);
                            Some((kind, from, x1))
                        }
                        None => Some((kind, from, x1)),
                    };
                }
                end.is_none()
            });
        });
        for (lane, bar) in pending.into_iter().enumerate() {
            if let Some(bar) = bar {
                fill(lane, bar);
            }
        }
        super::user_timing::measure_draw(start, super::clock::now());
    }

    /// Moves the canvas over the part of the rows that is in the window (never taller than the
    /// window, nor wider than the scroller shows) and sizes its bitmap; returns where it
    /// starts, in px from the rows' left and top, and whether it moved or was resized.
    fn place_window(&self, (rows_top, across, view): WindowReads, ratio: f64) -> (f64, f64, bool) {
        let geometry = self.geometry.borrow();
        let height = geometry.rows_height.min(view).max(1.0);
        let top = clamp(-rows_top, 0.0, (geometry.rows_height - height).max(0.0)).floor();
        let (from, shown) = across.unwrap_or((0.0, geometry.width));
        let width = shown.min(geometry.width).max(1.0);
        let left = clamp(from, 0.0, (geometry.width - width).max(0.0)).floor();
        let (bitmap_w, bitmap_h) = ((width * ratio).round() as u32, (height * ratio).round() as u32);
        let mut moved = false;
        if self.canvas.width() != bitmap_w || self.canvas.height() != bitmap_h {
            moved = true;
            self.canvas.set_width(bitmap_w);
            self.canvas.set_height(bitmap_h);
            let style = self.canvas.style();
            let _ = style.set_property("width", &format!("{}px", Num(width)));
            let _ = style.set_property("height", &format!("{}px", Num(height)));
        }
        if self.window_top.get() != top || self.window_left.get() != left {
            moved = true;
            self.window_top.set(top);
            self.window_left.set(left);
            let _ = self
                .canvas
                .style()
                .set_property("transform", &format!("translate({}px, {}px)", Num(left), Num(top)));
        }
        (left, top, moved)
    }

    /// Puts the timeline back as the component rendered it: its own bars, no canvas, no cursor.
    pub fn reset(&self) {
        let (w, h) = (f64::from(self.canvas.width()), f64::from(self.canvas.height()));
        self.context.reset_transform().ok();
        self.context.clear_rect(0.0, 0.0, w, h);
        self.canvas.set_hidden(true);
        if let Some(cursor) = &self.cursor {
            cursor.hide();
        }
    }
}
