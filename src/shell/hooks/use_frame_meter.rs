//! The frame meter: a `requestAnimationFrame` loop for the component's lifetime that records
//! every frame's timestamp and draws what must move every frame: the pulse dot and clock, the
//! frame-time graph, the long-task count, and (through [`FrameDrawer`]s) the live timeline.
//! It also keeps the long-task observer and the input delays the page measured.
//!
//! Because it is driven by frames, not CSS, everything it draws stops whenever the main thread
//! is held. It writes to the DOM directly instead of re-rendering components every frame.

use crate::core::format::Fixed;
use crate::core::timing::Span;
use crate::shell::runtime::frames::FrameLoop;
use crate::shell::runtime::long_tasks::LongTaskObserver;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Frames kept: about an hour at 60 Hz, far longer than any run.
const MAX_FRAMES: usize = 216_000;
/// Input delays kept.
const MAX_INPUTS: usize = 10_000;
/// One sweep of the dot, there and back, in milliseconds.
const SWEEP_MS: f64 = 2_000.0;
/// How many of the latest frame gaps the graph shows.
const GRAPH_GAPS: usize = 240;
/// The graph's vertical range, in milliseconds.
const GRAPH_MAX_MS: f64 = 100.0;
/// How often the frame graph and the long-task count are redrawn, in ms: a canvas repainted
/// every frame is a raster upload every frame, which on a busy page costs frames of its own.
/// The dot and the clock still move every frame: they are what shows a frame was drawn.
const GRAPH_EVERY_MS: f64 = 100.0;

/// Something drawn once per frame, such as the live timeline of a run.
pub type FrameDrawer = Rc<dyn Fn(f64)>;

#[derive(Default)]
struct Meter {
    frames: VecDeque<f64>,
    /// (when the input happened, how long until its handler ran), page clock.
    inputs: VecDeque<(f64, f64)>,
    long_tasks: Option<LongTaskObserver>,
    drawer: Option<FrameDrawer>,
}

/// The elements the meter draws into every frame.
#[derive(Clone, PartialEq, Default)]
pub struct MeterTargets {
    pub dot: NodeRef,
    pub clock: NodeRef,
    pub graph: NodeRef,
    pub long_tasks: NodeRef,
}

/// Reads what the meter has recorded.
#[derive(Clone)]
pub struct UseFrameMeterHandle {
    meter: Rc<RefCell<Meter>>,
}

impl PartialEq for UseFrameMeterHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.meter, &other.meter)
    }
}

impl UseFrameMeterHandle {
    /// Frame timestamps from `since` on, ascending.
    pub fn frames_since(&self, since: f64) -> Vec<f64> {
        let meter = self.meter.borrow();
        let first = meter.frames.partition_point(|&t| t < since);
        meter.frames.range(first..).copied().collect()
    }

    /// Long tasks seen so far (empty where the browser does not report them).
    pub fn long_tasks(&self) -> Vec<Span> {
        self.meter.borrow().long_tasks.as_ref().map(LongTaskObserver::spans).unwrap_or_default()
    }

    /// Records that an input event created at `happened` was handled at `handled`.
    pub fn record_input(&self, happened: f64, handled: f64) {
        let mut meter = self.meter.borrow_mut();
        if meter.inputs.len() == MAX_INPUTS {
            meter.inputs.pop_front();
        }
        meter.inputs.push_back((happened, (handled - happened).max(0.0)));
    }

    /// Input delays of inputs that happened from `since` on.
    pub fn inputs_since(&self, since: f64) -> Vec<(f64, f64)> {
        self.meter.borrow().inputs.iter().filter(|(at, _)| *at >= since).copied().collect()
    }

    /// Draws `drawer` every frame until replaced or cleared.
    pub fn set_drawer(&self, drawer: Option<FrameDrawer>) {
        self.meter.borrow_mut().drawer = drawer;
    }
}

/// Starts the meter on mount and draws into `targets` every frame.
#[hook]
pub fn use_frame_meter(targets: MeterTargets) -> UseFrameMeterHandle {
    let meter = use_mut_ref(Meter::default);
    {
        let meter = meter.clone();
        use_effect_with((), move |_| {
            meter.borrow_mut().long_tasks = Some(LongTaskObserver::start());
            let recorder = meter.clone();
            let mut graph_drawn_at = f64::NEG_INFINITY;
            let mut dot = DotCanvas { px: 0.0, read_at: f64::NEG_INFINITY, context: None };
            let mut colours = GraphColours::default();
            let frame_loop = FrameLoop::start(move |timestamp| {
                // Before this frame's writes (and read in a frame, so after `use_theme` has run).
                colours.refresh(timestamp);
                let drawer = {
                    let mut m = recorder.borrow_mut();
                    if m.frames.len() == MAX_FRAMES {
                        m.frames.pop_front();
                    }
                    m.frames.push_back(timestamp);
                    m.drawer.clone()
                };
                // The drawer goes first, while the page's layout is still clean from the last
                // frame: it may read where things are without forcing a layout.
                if let Some(drawer) = drawer {
                    drawer(timestamp);
                }
                draw_pulse(&targets, &mut dot, &colours, timestamp);
                if timestamp - graph_drawn_at >= GRAPH_EVERY_MS {
                    graph_drawn_at = timestamp;
                    draw_graph(&targets.graph, &recorder.borrow().frames, &colours);
                    if let Some(count) = targets.long_tasks.get() {
                        let seen = recorder.borrow().long_tasks.as_ref().map(LongTaskObserver::count);
                        let text = seen
                            .map_or_else(|| "not reported by this browser".to_string(), |n| n.to_string());
                        if count.text_content().as_deref() != Some(text.as_str()) {
                            count.set_text_content(Some(&text));
                        }
                    }
                }
            });
            move || {
                drop(frame_loop);
                let mut m = meter.borrow_mut();
                m.long_tasks = None;
                m.drawer = None;
            }
        });
    }
    UseFrameMeterHandle { meter }
}

/// The dot's canvas: the width of its track, and when it was read.
struct DotCanvas {
    px: f64,
    read_at: f64,
    context: Option<web_sys::CanvasRenderingContext2d>,
}

/// How often the track's width is read again (it changes only when the window is resized).
/// Reading it every frame forced a layout whenever the page had changed since the last one.
const TRACK_READ_EVERY_MS: f64 = 500.0;
/// The dot's radius and its halo's width, in CSS px (as `.dot` is styled); the canvas reaches
/// `DOT_REACH` past each end of the track and is twice as tall.
const DOT_RADIUS: f64 = 10.0;
const DOT_HALO: f64 = 4.0;
const DOT_REACH: f64 = DOT_RADIUS + DOT_HALO;

/// The meter's colours, read from the page's CSS (`--graph-*` and `--pulse*`, light or dark), and when.
struct GraphColours {
    ok: String,
    slow: String,
    bad: String,
    line: String,
    pulse: String,
    halo: String,
    read_at: f64,
}

/// How often the graph's colours are read again (they change only when the system switches
/// between light and dark).
const COLOURS_READ_EVERY_MS: f64 = 1_000.0;

impl Default for GraphColours {
    /// The light theme's colours, until the CSS is read.
    fn default() -> Self {
        GraphColours {
            ok: "#2f9e62".into(),
            slow: "#c26a0a".into(),
            bad: "#cf3a3a".into(),
            line: "#1d2433".into(),
            pulse: "#18a058".into(),
            halo: "rgba(24, 160, 88, 0.18)".into(),
            read_at: f64::NEG_INFINITY,
        }
    }
}

impl GraphColours {
    /// Reads the colours again if it is time to; a property missing keeps its last colour.
    fn refresh(&mut self, timestamp: f64) {
        if timestamp - self.read_at < COLOURS_READ_EVERY_MS {
            return;
        }
        self.read_at = timestamp;
        let Some(css) = web_sys::window().and_then(|w| {
            let root = w.document()?.document_element()?;
            w.get_computed_style(&root).ok().flatten()
        }) else {
            return;
        };
        for (name, colour) in [
            ("--graph-ok", &mut self.ok),
            ("--graph-slow", &mut self.slow),
            ("--graph-bad", &mut self.bad),
            ("--graph-line", &mut self.line),
            ("--pulse", &mut self.pulse),
            ("--pulse-halo", &mut self.halo),
        ] {
            let value = css.get_property_value(name).unwrap_or_default();
            let value = value.trim();
            if !value.is_empty() && value != colour.as_str() {
                *colour = value.to_string();
            }
        }
    }
}

/// Draws the dot where a triangle wave across its track puts it, and writes the clock.
///
/// The dot is drawn on a canvas, not moved as an element: in Chromium an element moved by
/// `transform` every frame, even on a layer of its own, made the browser lay out the page's
/// compositing layers again every frame (1.4 ms of each frame on the benchmark's machine,
/// which a run's timers waited behind); a canvas's new pixels need no such pass.
fn draw_pulse(targets: &MeterTargets, dot: &mut DotCanvas, colours: &GraphColours, timestamp: f64) {
    if let Some(canvas) = targets.dot.cast::<web_sys::HtmlCanvasElement>() {
        if timestamp - dot.read_at >= TRACK_READ_EVERY_MS {
            dot.read_at = timestamp;
            dot.px = canvas.parent_element().map_or(0.0, |t| f64::from(t.client_width()));
            let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
            let (w, h) = (
                ((dot.px + 2.0 * DOT_REACH) * ratio).round() as u32,
                (2.0 * DOT_REACH * ratio).round() as u32,
            );
            if canvas.width() != w || canvas.height() != h || dot.context.is_none() {
                canvas.set_width(w);
                canvas.set_height(h);
                dot.context = canvas
                    .get_context("2d")
                    .ok()
                    .flatten()
                    .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
                if let Some(ctx) = &dot.context {
                    let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
                }
            }
        }
        if let Some(ctx) = &dot.context {
            let phase = (timestamp % SWEEP_MS) / SWEEP_MS;
            let x = if phase < 0.5 { phase * 2.0 } else { 2.0 - phase * 2.0 };
            let centre = DOT_REACH + x * dot.px;
            ctx.clear_rect(0.0, 0.0, dot.px + 2.0 * DOT_REACH, 2.0 * DOT_REACH);
            for (radius, colour) in [(DOT_REACH, &colours.halo), (DOT_RADIUS, &colours.pulse)] {
                ctx.set_fill_style_str(colour);
                ctx.begin_path();
                let _ = ctx.arc(centre, DOT_REACH, radius, 0.0, std::f64::consts::TAU);
                ctx.fill();
            }
        }
    }
    if let Some(clock) = targets.clock.get() {
        let text = format!("{} s", Fixed(timestamp / 1000.0, 1));
        if clock.text_content().as_deref() != Some(text.as_str()) {
            clock.set_text_content(Some(&text));
        }
    }
}

/// Draws the latest frame gaps as bars, with lines at 16.7 ms (60 Hz) and 50 ms (late).
fn draw_graph(graph: &NodeRef, frames: &VecDeque<f64>, colours: &GraphColours) {
    let Some(canvas) = graph.cast::<web_sys::HtmlCanvasElement>() else { return };
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
    ctx.clear_rect(0.0, 0.0, w, h);
    let y = |ms: f64| h - (ms.min(GRAPH_MAX_MS) / GRAPH_MAX_MS) * h;
    let bar = w / GRAPH_GAPS as f64;
    let skip = frames.len().saturating_sub(GRAPH_GAPS + 1);
    let mut previous = None;
    for (i, &t) in frames.range(skip..).enumerate() {
        if let Some(p) = previous {
            let gap: f64 = t - p;
            ctx.set_fill_style_str(if gap > 50.0 {
                &colours.bad
            } else if gap > 20.0 {
                &colours.slow
            } else {
                &colours.ok
            });
            let top = y(gap);
            ctx.fill_rect((i - 1) as f64 * bar, top, (bar - 0.5).max(0.5), h - top);
        }
        previous = Some(t);
    }
    for (ms, colour) in [(16.7, &colours.line), (50.0, &colours.bad)] {
        ctx.set_fill_style_str(colour);
        ctx.fill_rect(0.0, y(ms).round(), w, 1.0);
    }
}
