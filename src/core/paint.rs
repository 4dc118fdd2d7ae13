//! The timeline's canvas, planned natively. What a run did (the prediction's ghosts, the
//! measured bars, the main thread's busy and frozen spans, each worker's jobs) and the planned
//! tasks too narrow to be elements become columns of bars: a row per lane, then the main thread,
//! then a row per worker, each row a few bands ("tracks") whose bars are in time order. For a
//! window onto the timeline, [`Columns::paint`] gives the rectangles to fill, one batch per ink:
//! only the rows in the window, only the bars in its time range (found by binary search), and
//! bars that fall on a pixel already painted merged into one. A frame's work grows with the
//! pixels in view, not with the scenario. [`Columns::hit`] finds the bar under a point by the
//! same arithmetic, for hover, selection and clicks.

use super::by_id::ById;
use super::predict::Prediction;
use super::report::RunReport;
use super::scenario::{Scenario, TaskId, TaskKind};
use super::timing::{Outcome, Span};

/// A task narrower than this (CSS px) at the current zoom is drawn on the canvas instead of
/// being built as an element: too thin to grab or read, and there may be thousands of them.
pub const ELEMENT_MIN_PX: f64 = 6.0;
/// The narrowest a bar is drawn, in CSS px, so even the shortest task shows.
pub const MIN_BAR_PX: f64 = 1.0;
/// Bars of one track whose gap is smaller than this (CSS px) are filled as one, where either is
/// thinner than [`SEAM_PX`]; bars wide enough to tell apart keep a seam of a pixel between them.
pub const MERGE_PX: f64 = 0.5;
pub const SEAM_PX: f64 = 4.0;

/// Whether a task `width_px` wide gets an element of its own (else the canvas draws it).
pub fn has_element(width_px: f64) -> bool {
    width_px >= ELEMENT_MIN_PX
}

/// The four task kinds, as the inks tell them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Wait,
    Request,
    Work,
    Update,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Wait, Kind::Request, Kind::Work, Kind::Update];

    /// The CSS name of its colour (`--wait`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Wait => "wait",
            Kind::Request => "request",
            Kind::Work => "work",
            Kind::Update => "update",
        }
    }
}

impl From<TaskKind> for Kind {
    fn from(kind: TaskKind) -> Kind {
        match kind {
            TaskKind::Wait => Kind::Wait,
            TaskKind::Request { .. } => Kind::Request,
            TaskKind::Work { .. } => Kind::Work,
            TaskKind::Update { .. } => Kind::Update,
        }
    }
}

/// How a bar is painted. Batches are filled in this order, so a frozen span lies over the
/// busy one under it and a failed task's red cap over its bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ink {
    /// A planned task too narrow for an element.
    Planned(Kind),
    /// The model's prediction, outlined.
    Ghost(Kind),
    /// The main thread as the model says the run's work holds it.
    BusyGhost,
    /// What a run measured, filled.
    Measured(Kind),
    /// Measured, then dropped unfinished (a lost `select`, a failed `try-join`).
    Cancelled(Kind),
    /// The main thread as the run's work measurably held it.
    Busy,
    /// No frame drawn for over 50 ms.
    Frozen,
    /// The red end of a failed task.
    FailCap,
}

impl Ink {
    /// How many inks there are, and each one's place among them (the painting order).
    const COUNT: usize = 4 * 4 + 4;

    fn index(self) -> usize {
        match self {
            Ink::Planned(k) => k as usize,
            Ink::Ghost(k) => 4 + k as usize,
            Ink::BusyGhost => 8,
            Ink::Measured(k) => 9 + k as usize,
            Ink::Cancelled(k) => 13 + k as usize,
            Ink::Busy => 17,
            Ink::Frozen => 18,
            Ink::FailCap => 19,
        }
    }
}

/// One bar, from `start_ms` to `end_ms` on the run's clock.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    pub start_ms: f64,
    pub end_ms: f64,
    pub ink: Ink,
    /// The task it stands for, if any (busy and frozen spans stand for none).
    pub task: Option<TaskId>,
}

/// What a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    Lane(usize),
    Main,
    Worker(usize),
}

/// Which band of a lane's row a bar sits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    Planned,
    Ghost,
    Measured,
}

/// The timeline's sizes in CSS px (the shell's `geometry.rs` gives them): a lane row holds the
/// planned task on top and, under it, a track with the ghost above the measured bar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sizes {
    pub row_px: f64,
    pub task_top_px: f64,
    pub task_px: f64,
    pub track_top_px: f64,
    pub track_px: f64,
    pub thread_px: f64,
}

impl Sizes {
    /// Where each band of a lane's row is, as (top, height) within the row.
    fn lane_band(&self, band: Band) -> (f64, f64) {
        match band {
            Band::Planned => (self.task_top_px, self.task_px),
            // As `.bar.ghost` and `.bar.measured` are styled in a track.
            Band::Ghost => (self.track_top_px + 2.0, 12.0),
            Band::Measured => (self.track_top_px + self.track_px - 12.0, 10.0),
        }
    }

    /// The ghost and the measured band of the main thread's row or a worker's.
    fn thread_bands(&self) -> [(f64, f64); 2] {
        [(2.0, 9.0), (self.thread_px - 11.0, 9.0)]
    }
}

/// One band of a row: its place within the row and its bars in time order, not overlapping.
#[derive(Clone, Debug, Default)]
struct Track {
    top: f64,
    height: f64,
    bars: Vec<Bar>,
    /// The latest end among the bars up to each, for the binary search of a window's start.
    reach: Vec<f64>,
}

impl Track {
    fn new((top, height): (f64, f64), mut bars: Vec<Bar>) -> Track {
        super::sort::sort_by_f64(&mut bars, |b| b.start_ms);
        let mut latest = f64::NEG_INFINITY;
        let reach = bars
            .iter()
            .map(|b| {
                latest = latest.max(b.end_ms);
                latest
            })
            .collect();
        Track { top, height, bars, reach }
    }

    /// The bars that may show between `from_ms` and `to_ms`.
    fn within(&self, from_ms: f64, to_ms: f64) -> &[Bar] {
        let first = self.reach.partition_point(|&r| r < from_ms);
        let end = self.bars.partition_point(|b| b.start_ms <= to_ms);
        &self.bars[first.min(end)..end]
    }
}

#[derive(Clone, Debug)]
struct Row {
    kind: RowKind,
    top: f64,
    height: f64,
    tracks: Vec<Track>,
}

/// A window onto the timeline: `top` and `height` in px from the top of the rows, the time
/// range from `from_ms` to `to_ms` drawn `px_per_ms` wide, starting at x = 0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub top: f64,
    pub height: f64,
    pub from_ms: f64,
    pub to_ms: f64,
    pub px_per_ms: f64,
}

/// A rectangle to fill, in CSS px from the window's top left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// What to paint for a window: rectangles batched by ink, in painting order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Picture {
    pub batches: Vec<(Ink, Vec<Rect>)>,
}

impl Picture {
    /// How many rectangles in all.
    pub fn len(&self) -> usize {
        self.batches.iter().map(|(_, r)| r.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The bar under a point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub row: RowKind,
    pub bar: Bar,
}

/// The timeline as columns of bars, ready to be painted through any window.
#[derive(Clone, Debug, Default)]
pub struct Columns {
    rows: Vec<Row>,
    /// The height of every row together, in px.
    pub height: f64,
}

/// What the columns are made of.
pub struct Sources<'a> {
    pub scenario: &'a Scenario,
    /// Real milliseconds per scenario unit: where planned tasks fall on the run's clock.
    pub scale: f64,
    pub prediction: &'a Prediction,
    /// The shown mode's run, if it ran the scenario as it is.
    pub report: Option<&'a RunReport>,
    /// How many worker rows to make.
    pub workers: usize,
}

impl Columns {
    pub fn new(sizes: &Sizes, from: &Sources) -> Columns {
        let lanes = from.scenario.lanes().len();
        let mut planned: Vec<Vec<Bar>> = vec![Vec::new(); lanes];
        let mut kind_of = ById::default();
        for (li, lane) in from.scenario.lanes().iter().enumerate() {
            let mut at = 0.0;
            for task in &lane.tasks {
                let kind = Kind::from(task.kind);
                kind_of.insert(task.id, kind);
                let start_ms = at * from.scale;
                at += task.duration;
                planned[li].push(Bar {
                    start_ms,
                    end_ms: at * from.scale,
                    ink: Ink::Planned(kind),
                    task: Some(task.id),
                });
            }
        }
        let kind = |id: TaskId| kind_of.get(id).copied().unwrap_or(Kind::Wait);
        let mut ghosts: Vec<Vec<Bar>> = vec![Vec::new(); lanes];
        let mut worker_ghosts: Vec<Vec<Bar>> = vec![Vec::new(); from.workers];
        for t in &from.prediction.tasks {
            if t.outcome == Outcome::Skipped {
                continue;
            }
            let bar = Bar {
                start_ms: t.span.start_ms,
                end_ms: t.span.end_ms,
                ink: Ink::Ghost(kind(t.id)),
                task: Some(t.id),
            };
            if let Some(lane) = ghosts.get_mut(t.lane) {
                lane.push(bar);
            }
            if let Some(worker) = t.worker.and_then(|w| worker_ghosts.get_mut(w)) {
                worker.push(bar);
            }
        }
        let mut measured: Vec<Vec<Bar>> = vec![Vec::new(); lanes];
        let mut caps: Vec<Vec<Bar>> = vec![Vec::new(); lanes];
        let mut worker_bars: Vec<Vec<Bar>> = vec![Vec::new(); from.workers];
        for t in from.report.iter().flat_map(|r| r.tasks.iter()) {
            let k = Kind::from(t.kind);
            let ink = if t.outcome == Outcome::Cancelled { Ink::Cancelled(k) } else { Ink::Measured(k) };
            let bar = Bar { start_ms: t.span.start_ms, end_ms: t.span.end_ms, ink, task: Some(t.id) };
            if let Some(lane) = measured.get_mut(t.lane) {
                lane.push(bar);
                if t.outcome == Outcome::Failed {
                    caps[t.lane].push(Bar { ink: Ink::FailCap, ..bar });
                }
            }
            if let Some(worker) = t.worker.and_then(|w| worker_bars.get_mut(w)) {
                worker.push(Bar { ink: Ink::Measured(Kind::Work), ..bar });
            }
        }
        let spans = |spans: &[Span], ink| -> Vec<Bar> {
            spans.iter().map(|s| Bar { start_ms: s.start_ms, end_ms: s.end_ms, ink, task: None }).collect()
        };

        let mut rows = Vec::with_capacity(lanes + 1 + from.workers);
        let mut top = 0.0;
        let zipped = planned.into_iter().zip(ghosts).zip(measured).zip(caps);
        for (li, (((planned, ghosts), measured), caps)) in zipped.enumerate() {
            let measured_band = sizes.lane_band(Band::Measured);
            rows.push(Row {
                kind: RowKind::Lane(li),
                top,
                height: sizes.row_px,
                tracks: vec![
                    Track::new(sizes.lane_band(Band::Planned), planned),
                    Track::new(sizes.lane_band(Band::Ghost), ghosts),
                    Track::new(measured_band, measured),
                    Track::new(measured_band, caps),
                ],
            });
            top += sizes.row_px;
        }
        // No lanes: the timeline still shows one empty row (as the component does).
        top = top.max(if lanes == 0 { sizes.row_px } else { 0.0 });
        let [ghost_band, measured_band] = sizes.thread_bands();
        let (busy, frozen) = from.report.map_or((Vec::new(), Vec::new()), |r| {
            (spans(&r.busy, Ink::Busy), spans(&r.freezes, Ink::Frozen))
        });
        rows.push(Row {
            kind: RowKind::Main,
            top,
            height: sizes.thread_px,
            tracks: vec![
                Track::new(ghost_band, spans(&from.prediction.busy, Ink::BusyGhost)),
                Track::new(measured_band, busy),
                Track::new(measured_band, frozen),
            ],
        });
        top += sizes.thread_px;
        for (w, (ghosts, bars)) in worker_ghosts.into_iter().zip(worker_bars).enumerate() {
            rows.push(Row {
                kind: RowKind::Worker(w),
                top,
                height: sizes.thread_px,
                tracks: vec![Track::new(ghost_band, ghosts), Track::new(measured_band, bars)],
            });
            top += sizes.thread_px;
        }
        Columns { rows, height: top }
    }

    /// The rows that meet the window's height.
    fn rows_in(&self, top: f64, height: f64) -> &[Row] {
        let first = self.rows.partition_point(|r| r.top + r.height <= top);
        let end = self.rows.partition_point(|r| r.top < top + height);
        &self.rows[first.min(end)..end]
    }

    /// The rectangles to fill for `view`, batched by ink. Planned tasks are painted only where
    /// they have no element (narrower than [`ELEMENT_MIN_PX`]).
    pub fn paint(&self, view: &View) -> Picture {
        // One batch per ink, in painting order.
        let mut batches: Vec<(Ink, Vec<Rect>)> = Vec::new();
        let mut at = [usize::MAX; Ink::COUNT];
        let mut push = |ink: Ink, rect: Rect| {
            let slot = &mut at[ink.index()];
            if *slot == usize::MAX {
                *slot = batches.len();
                batches.push((ink, Vec::new()));
            }
            batches[*slot].1.push(rect);
        };
        let x_of = |ms: f64| (ms - view.from_ms) * view.px_per_ms;
        // Bars reaching into the window from the left are clipped there, so a merge never
        // spans from far off screen.
        let left = -MIN_BAR_PX;
        for row in self.rows_in(view.top, view.height) {
            for track in &row.tracks {
                let y = row.top + track.top - view.top;
                // The bar being filled: (ink, x0, x1), flushed when the next is apart.
                let mut pending: Option<(Ink, f64, f64)> = None;
                for bar in track.within(view.from_ms, view.to_ms) {
                    let (x0, x1) = (x_of(bar.start_ms), x_of(bar.end_ms));
                    if matches!(bar.ink, Ink::Planned(_)) && has_element(x1 - x0) {
                        continue;
                    }
                    let (x0, x1) = match bar.ink {
                        // A failed task's cap: its last 6 px (or all of it, if shorter).
                        Ink::FailCap => ((x1 - 6.0).max(x0), x1),
                        _ => (x0, x1),
                    };
                    let (x0, x1) = (x0.max(left), x1.max(x0 + MIN_BAR_PX));
                    let thin = |a: f64, b: f64| b - a < SEAM_PX;
                    pending = match pending {
                        Some((ink, a, b))
                            if ink == bar.ink && x0 <= b + MERGE_PX && (thin(a, b) || thin(x0, x1)) =>
                        {
                            Some((ink, a, b.max(x1)))
                        }
                        Some((ink, a, b)) => {
                            // A seam between two bars wide enough to tell apart.
                            let b = if b - a >= SEAM_PX && x0 <= b { b - 1.0 } else { b };
                            push(ink, Rect { x: a, y, w: b - a, h: track.height });
                            Some((bar.ink, x0, x1))
                        }
                        None => Some((bar.ink, x0, x1)),
                    };
                }
                if let Some((ink, a, b)) = pending {
                    push(ink, Rect { x: a, y, w: b - a, h: track.height });
                }
            }
        }
        super::sort::sort_by(&mut batches, |a, b| a.0.index() < b.0.index());
        Picture { batches }
    }

    /// The bar at `ms` on the run's clock and `y` px from the top of the rows, within
    /// `slop_ms` of it in time (so a bar one pixel wide can be pointed at). Planned bars answer
    /// only where the canvas draws them (`width_px_of` tells a bar's width in px).
    pub fn hit(&self, ms: f64, y: f64, slop_ms: f64, px_per_ms: f64) -> Option<Hit> {
        let row = self.rows_in(y, 0.0).first().or_else(|| self.rows_in(y - 0.5, 1.0).first())?;
        let within = y - row.top;
        // The tracks painted last lie on top (a frozen span over the busy one under it).
        row.tracks.iter().rev().filter(|t| (t.top..=t.top + t.height).contains(&within)).find_map(|track| {
            track
                .within(ms - slop_ms, ms + slop_ms)
                .iter()
                .filter(|b| {
                    !matches!(b.ink, Ink::Planned(_)) || !has_element((b.end_ms - b.start_ms) * px_per_ms)
                })
                .filter(|b| b.ink != Ink::FailCap)
                .min_by(|a, b| distance(a, ms).total_cmp(&distance(b, ms)))
                .map(|bar| Hit { row: row.kind, bar: *bar })
        })
    }

    /// Where the row of lane `lane` starts, in px from the top of the rows (where the keys
    /// scroll to).
    pub fn lane_top(&self, lane: usize) -> Option<f64> {
        self.rows.iter().find(|r| r.kind == RowKind::Lane(lane)).map(|r| r.top)
    }

    /// Where task `id` is drawn in `view`: around its ghost and its measured bar (or, before a
    /// run, its planned place), for the keyboard's selection ring. `None` when it is out of
    /// the window's rows.
    pub fn outline(&self, view: &View, id: TaskId) -> Option<Rect> {
        let row = self.rows_in(view.top, view.height).iter().find(|r| {
            matches!(r.kind, RowKind::Lane(_))
                && r.tracks.iter().any(|t| t.bars.iter().any(|b| b.task == Some(id)))
        })?;
        let x_of = |ms: f64| (ms - view.from_ms) * view.px_per_ms;
        // The run's bands if it has bars there, else the planned band.
        let bands: Vec<(&Track, &Bar)> = row
            .tracks
            .iter()
            .flat_map(|t| t.bars.iter().filter(|b| b.task == Some(id)).map(move |b| (t, b)))
            .collect();
        let run: Vec<&(&Track, &Bar)> =
            bands.iter().filter(|(_, b)| !matches!(b.ink, Ink::Planned(_))).collect();
        let shown: Vec<&(&Track, &Bar)> = if run.is_empty() { bands.iter().collect() } else { run };
        let (mut x0, mut x1, mut y0, mut y1) =
            (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY);
        for (track, bar) in shown {
            x0 = x0.min(x_of(bar.start_ms));
            x1 = x1.max(x_of(bar.end_ms).max(x_of(bar.start_ms) + MIN_BAR_PX));
            y0 = y0.min(row.top + track.top - view.top);
            y1 = y1.max(row.top + track.top + track.height - view.top);
        }
        (x0 < x1).then_some(Rect { x: x0, y: y0, w: x1 - x0, h: y1 - y0 })
    }
}

/// A run in miniature, for the small multiples of Side by side: each task's lane, worker,
/// kind and span, and the main thread's busy and frozen spans.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mini {
    pub lanes: usize,
    pub workers: usize,
    pub tasks: Vec<(usize, Option<usize>, Kind, Span)>,
    pub busy: Vec<Span>,
    pub freezes: Vec<Span>,
}

/// A lane's line in a miniature, and the gap under it (px); the most room the lanes take
/// together, so thousands of lanes share the pixel rows of a small plot.
const MINI_LINE_PX: f64 = 6.0;
const MINI_GAP_PX: f64 = 2.0;
const MINI_LANES_PX: f64 = 160.0;
const MINI_MAIN_PX: f64 = 8.0;

impl Mini {
    /// The miniature `width` px wide on an axis of `axis_ms`: a line per lane (with more lanes
    /// than room, several lanes to a pixel row), then the main thread (busy, red where no frame
    /// was drawn), then a line per worker. Returns the picture and its height.
    pub fn paint(&self, width: f64, axis_ms: f64) -> (Picture, f64) {
        let k = width / axis_ms.max(1.0);
        let pitch = (MINI_LANES_PX / self.lanes.max(1) as f64).min(MINI_LINE_PX + MINI_GAP_PX);
        let line = (pitch - MINI_GAP_PX).clamp(1.0, MINI_LINE_PX);
        let main_y = self.lanes as f64 * pitch;
        let workers_y = main_y + MINI_MAIN_PX + MINI_GAP_PX;
        let mut bars: Vec<(Ink, f64, f64, f64, f64)> = Vec::with_capacity(self.tasks.len() * 2);
        let mut add = |ink: Ink, y: f64, h: f64, span: &Span| {
            let x = span.start_ms * k;
            bars.push((ink, y.floor(), h, x, (span.end_ms * k).max(x + MIN_BAR_PX)));
        };
        for (lane, worker, kind, span) in &self.tasks {
            add(Ink::Measured(*kind), *lane as f64 * pitch, line, span);
            if let Some(w) = worker {
                add(
                    Ink::Measured(Kind::Work),
                    workers_y + *w as f64 * (MINI_LINE_PX + MINI_GAP_PX),
                    MINI_LINE_PX,
                    span,
                );
            }
        }
        for span in &self.busy {
            add(Ink::Busy, main_y, MINI_MAIN_PX, span);
        }
        for span in &self.freezes {
            add(Ink::Frozen, main_y, MINI_MAIN_PX, span);
        }
        // Bars of one ink on one pixel row that touch are filled as one.
        super::sort::sort_by(&mut bars, |a, b| {
            (a.0.index(), a.1)
                .partial_cmp(&(b.0.index(), b.1))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.3.total_cmp(&b.3))
                .is_lt()
        });
        let mut batches: Vec<(Ink, Vec<Rect>)> = Vec::new();
        for (ink, y, h, x0, x1) in bars {
            if batches.last().is_none_or(|(i, _)| *i != ink) {
                batches.push((ink, Vec::new()));
            }
            let rects = &mut batches.last_mut().expect("pushed above").1;
            match rects.last_mut() {
                Some(r) if r.y == y && x0 <= r.x + r.w + MERGE_PX => r.w = r.w.max(x1 - r.x),
                _ => rects.push(Rect { x: x0, y, w: x1 - x0, h }),
            }
        }
        let height = workers_y + self.workers as f64 * (MINI_LINE_PX + MINI_GAP_PX);
        (Picture { batches }, height)
    }
}

/// How far `ms` is from a bar, 0 inside it.
fn distance(bar: &Bar, ms: f64) -> f64 {
    (bar.start_ms - ms).max(ms - bar.end_ms).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::mode::Mode;
    use crate::core::predict::predict;
    use crate::core::report::Measurements;
    use std::rc::Rc;

    const SIZES: Sizes = Sizes {
        row_px: 64.0,
        task_top_px: 4.0,
        task_px: 28.0,
        track_top_px: 34.0,
        track_px: 26.0,
        thread_px: 24.0,
    };

    /// `lanes` lanes of `per_lane` waits of one unit each, predicted at 10 ms a unit.
    fn columns(lanes: usize, per_lane: usize) -> (Columns, Scenario) {
        let lane = |i: usize| {
            let tasks: Vec<String> = (0..per_lane)
                .map(|t| format!(r#"{{"kind":"wait","label":"t{i}-{t}","duration":1}}"#))
                .collect();
            format!(r#"{{"name":"L{i}","tasks":[{}]}}"#, tasks.join(","))
        };
        let lanes: Vec<String> = (0..lanes).map(lane).collect();
        let s = Scenario::from_json(&format!(r#"{{"version":1,"lanes":[{}]}}"#, lanes.join(","))).unwrap();
        let p = predict(&s, Mode::Async, 10.0, 1);
        let c = Columns::new(
            &SIZES,
            &Sources { scenario: &s, scale: 10.0, prediction: &p, report: None, workers: 0 },
        );
        (c, s)
    }

    fn view(top: f64, height: f64, from_ms: f64, to_ms: f64, px_per_ms: f64) -> View {
        View { top, height, from_ms, to_ms, px_per_ms }
    }

    #[test]
    fn only_the_rows_and_times_in_the_window_are_painted() {
        let (c, _) = columns(10_000, 1);
        assert_eq!(c.height, 10_000.0 * 64.0 + 24.0);
        // Three rows in the window (rows 10, 11 and 12 meet 650..800 px).
        let p = c.paint(&view(650.0, 150.0, 0.0, 20.0, 10.0));
        let ghosts: usize =
            p.batches.iter().filter(|(i, _)| *i == Ink::Ghost(Kind::Wait)).map(|(_, r)| r.len()).sum();
        assert_eq!(ghosts, 3);
        // A wide planned task has an element: it is not painted.
        assert!(p.batches.iter().all(|(i, _)| !matches!(i, Ink::Planned(_))));
        // Nothing after the window's end in time.
        assert!(c.paint(&view(650.0, 150.0, 50.0, 90.0, 10.0)).is_empty());
    }

    #[test]
    fn bars_on_one_pixel_are_filled_once() {
        // 1,250 back-to-back waits of 10 ms in one lane, on 740 px: about 0.6 px each.
        let (c, _) = columns(1, 1250);
        let px_per_ms = 740.0 / 12_500.0;
        let p = c.paint(&view(0.0, 100.0, 0.0, 12_500.0, px_per_ms));
        // The planned tasks (too thin for elements) and the ghosts: one stroke each, as wide
        // as the lane (the last bar, drawn one pixel wide at least, ends 0.4 px past it).
        let inks: Vec<Ink> = p.batches.iter().map(|(i, _)| *i).collect();
        assert_eq!(inks, [Ink::Planned(Kind::Wait), Ink::Ghost(Kind::Wait)]);
        for ((_, rects), y) in p.batches.iter().zip([4.0, 36.0]) {
            assert_eq!(rects.len(), 1);
            assert_eq!((rects[0].x, rects[0].y), (0.0, y));
            assert!((740.0..741.0).contains(&rects[0].w), "{rects:?}");
        }
        // Zoomed in, each ghost is its own bar, a seam between each, and only those in the time
        // window are painted: bars 100 to 109 (bar 99, ending where the window starts, is a
        // clipped sliver joined to the first).
        let p = c.paint(&view(0.0, 100.0, 1000.0, 1095.0, 2.0));
        let ghosts = &p.batches.iter().find(|(i, _)| *i == Ink::Ghost(Kind::Wait)).unwrap().1;
        assert_eq!(ghosts.len(), 10, "{ghosts:?}");
        assert_eq!((ghosts[1].x, ghosts[1].w), (20.0, 19.0), "20 px wide, less a pixel of seam");
    }

    #[test]
    fn each_kind_keeps_its_colour_when_cancelled() {
        let inks: Vec<usize> = Kind::ALL.iter().map(|&k| Ink::Cancelled(k).index()).collect();
        assert_eq!(inks, [13, 14, 15, 16]);
        assert!(Ink::FailCap.index() < Ink::COUNT);
    }

    #[test]
    fn a_run_is_painted_measured_cancelled_failed_busy_and_frozen() {
        let s = Rc::new(
            Scenario::from_json(
                r#"{"version":1,"combine":"select","lanes":[
                {"name":"A","tasks":[{"kind":"request","label":"slow","duration":5}]},
                {"name":"B","tasks":[{"kind":"request","label":"bad","duration":1,"fails":true},
                                     {"kind":"work","label":"w","duration":1,"burst_ms":0}]}]}"#,
            )
            .unwrap(),
        );
        let p = predict(&s, Mode::Async, 100.0, 1);
        let span = |a: f64, b: f64| Span { start_ms: a, end_ms: b };
        let m = Measurements {
            run: Some(span(0.0, 100.0)),
            tasks: vec![
                (TaskId(1), span(0.0, 100.0), Outcome::Cancelled),
                (TaskId(2), span(0.0, 100.0), Outcome::Failed),
            ],
            frames: vec![0.0, 16.0, 100.0],
            ..Measurements::default()
        };
        let r = RunReport::new(&s, &p, &m);
        let c = Columns::new(
            &SIZES,
            &Sources { scenario: &s, scale: 100.0, prediction: &p, report: Some(&r), workers: 0 },
        );
        let picture = c.paint(&view(0.0, 200.0, 0.0, 600.0, 1.0));
        let inks: Vec<Ink> = picture.batches.iter().map(|(i, _)| *i).collect();
        assert!(inks.contains(&Ink::Cancelled(Kind::Request)), "{inks:?}");
        assert!(inks.contains(&Ink::Measured(Kind::Request)));
        assert!(inks.contains(&Ink::Frozen), "no frame for 84 ms");
        let cap = &picture.batches.iter().find(|(i, _)| *i == Ink::FailCap).unwrap().1[0];
        assert_eq!((cap.x, cap.w, cap.y), (94.0, 6.0, 64.0 + 34.0 + 26.0 - 12.0));
        // The frozen span is painted after (over) the busy spans, and caps last.
        assert_eq!(inks.last(), Some(&Ink::FailCap));
    }

    #[test]
    fn a_point_finds_its_bar_by_arithmetic() {
        let (c, _) = columns(3, 4);
        // Lane 1's ghost band is 64 + 36 .. 64 + 48 px; its third task is predicted 20–30 ms.
        let hit = c.hit(25.0, 64.0 + 40.0, 0.0, 10.0).unwrap();
        assert_eq!(hit.row, RowKind::Lane(1));
        assert_eq!(hit.bar.task, Some(TaskId(4 + 3)));
        assert_eq!(hit.bar.ink, Ink::Ghost(Kind::Wait));
        // Between bands, or past the end, nothing.
        assert_eq!(c.hit(25.0, 64.0 + 33.0, 0.0, 10.0), None);
        assert_eq!(c.hit(95.0, 64.0 + 40.0, 1.0, 10.0), None);
        // A wide planned task is its element's, not the canvas's; a thin one is the canvas's.
        assert_eq!(c.hit(25.0, 64.0 + 10.0, 0.0, 10.0), None);
        assert_eq!(c.hit(25.0, 64.0 + 10.0, 0.0, 0.1).map(|h| h.bar.ink), Some(Ink::Planned(Kind::Wait)));
        assert_eq!(c.lane_top(2), Some(128.0));
        // The selection ring goes round the task's ghost (no run yet), in the window's pixels.
        let v = view(64.0, 128.0, 0.0, 40.0, 10.0);
        assert_eq!(c.outline(&v, TaskId(7)), Some(Rect { x: 200.0, y: 36.0, w: 100.0, h: 12.0 }));
        assert_eq!(
            c.outline(&view(0.0, 60.0, 0.0, 40.0, 10.0), TaskId(7)),
            None,
            "its row is out of the window"
        );
    }

    #[test]
    fn a_miniature_packs_many_lanes_into_a_small_plot() {
        let span = |a: f64, b: f64| Span { start_ms: a, end_ms: b };
        let few = Mini {
            lanes: 2,
            workers: 1,
            tasks: vec![(0, None, Kind::Wait, span(0.0, 500.0)), (1, Some(0), Kind::Work, span(0.0, 200.0))],
            busy: vec![span(0.0, 200.0)],
            freezes: vec![span(0.0, 200.0)],
        };
        let (p, height) = few.paint(100.0, 1000.0);
        assert_eq!(height, 2.0 * 8.0 + 8.0 + 2.0 + 8.0);
        let of = |ink| p.batches.iter().find(|(i, _)| *i == ink).map(|(_, r)| r.clone()).unwrap_or_default();
        assert_eq!(of(Ink::Measured(Kind::Wait)), vec![Rect { x: 0.0, y: 0.0, w: 50.0, h: 6.0 }]);
        // The work on its lane's line and on its worker's, under the main thread.
        assert_eq!(of(Ink::Measured(Kind::Work)).len(), 2);
        assert_eq!(of(Ink::Frozen), vec![Rect { x: 0.0, y: 16.0, w: 20.0, h: 8.0 }]);
        // Ten thousand one-task lanes: 160 px of lanes, and back-to-back bars on a pixel row as
        // one rectangle.
        let many = Mini {
            lanes: 10_000,
            workers: 0,
            tasks: (0..10_000).map(|l| (l, None, Kind::Wait, span(0.0, 1000.0))).collect(),
            ..Mini::default()
        };
        let (p, height) = many.paint(300.0, 1000.0);
        assert_eq!(height, 160.0 + 10.0);
        assert!(p.len() <= 161, "{} rectangles", p.len());
    }

    #[test]
    fn workers_have_rows_of_their_own_under_the_main_thread() {
        let s = Scenario::from_json(
            r#"{"version":1,"lanes":[{"name":"A","tasks":[{"kind":"work","label":"w","duration":1,"burst_ms":0}]}]}"#,
        )
        .unwrap();
        let p = predict(&s, Mode::Workers, 100.0, 2);
        let c = Columns::new(
            &SIZES,
            &Sources { scenario: &s, scale: 100.0, prediction: &p, report: None, workers: 2 },
        );
        assert_eq!(c.height, 64.0 + 3.0 * 24.0);
        let hit = c.hit(50.0, 64.0 + 24.0 + 5.0, 0.0, 1.0).unwrap();
        assert_eq!((hit.row, hit.bar.task), (RowKind::Worker(0), Some(TaskId(1))));
        assert!(has_element(ELEMENT_MIN_PX) && !has_element(ELEMENT_MIN_PX - 0.1));
    }
}
