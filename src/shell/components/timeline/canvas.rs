//! The canvas the timeline's run is drawn on (`hooks::use_timeline_paint` paints it), and how
//! it answers a pointer and the keys: hovering a bar names it, pressing one selects its task;
//! focused, the arrow keys, Home and End move the selection through tasks and lanes
//! (`core::browse`), each move said aloud and the task scrolled into view. It zooms by a
//! two-finger pinch and the + and − keys (Ctrl+wheel, a trackpad's pinch, anywhere on the rows:
//! `mod.rs`), and a drag pans the zoomed lanes sideways. Hit tests are arithmetic on the columns (`core::paint::Columns::hit`),
//! never a search of elements.

use super::geometry::ROW_PX;
use crate::core::browse::{describe, ending, range, step, Step};
use crate::core::format::duration;
use crate::core::paint::{Columns, Ink};
use crate::core::predict::Prediction;
use crate::core::report::RunReport;
use crate::core::scenario::{Scenario, TaskId};
use crate::core::state::Action;
use crate::core::timing::Span;
use crate::shell::components::same::Same;
use crate::shell::hooks::{use_timeline_paint, Painting};
use std::rc::Rc;
use web_sys::{HtmlElement, KeyboardEvent, PointerEvent};
use yew::prelude::*;

/// How near a bar the pointer must be, in CSS px, to point at it.
const SLOP_PX: f64 = 3.0;

#[derive(Properties, PartialEq)]
pub struct RunCanvasProps {
    /// The rows the canvas lies over.
    pub rows: NodeRef,
    pub painting: Painting,
    pub scenario: Rc<Scenario>,
    pub prediction: Rc<Prediction>,
    pub report: Option<Same<RunReport>>,
    pub on_action: Callback<Action>,
    /// Zoom by a factor (2 in, 0.5 out).
    pub on_zoom: Callback<f64>,
}

/// A pointer's press on the canvas: where it went down, and the lanes' scroll then; and the
/// other finger of a pinch, with the fingers' distance.
#[derive(Default)]
struct Press {
    down: Option<(i32, f64, i32)>,
    fingers: Vec<(i32, f64)>,
    spread: f64,
    moved: bool,
}

/// A bar in words, for the pointer's tooltip.
fn bar_words(
    scenario: &Scenario,
    report: Option<&RunReport>,
    ink: Ink,
    task: Option<TaskId>,
    span: &Span,
) -> String {
    let label = task.and_then(|id| scenario.task(id)).map(|(_, t)| t.label.as_str()).unwrap_or_default();
    let outcome = task.and_then(|id| report?.tasks.iter().find(|t| t.id == id)).map(|t| t.outcome);
    match ink {
        Ink::Planned(_) => format!("{label}: planned"),
        Ink::Ghost(_) => format!("{label}: predicted {}", range(span)),
        Ink::Measured(_) | Ink::Cancelled(_) | Ink::FailCap => {
            format!("{label}: measured {}{}", range(span), outcome.map_or("", ending))
        }
        Ink::BusyGhost => format!("Main thread busy (predicted) {}", range(span)),
        Ink::Busy => format!("Main thread busy with the run's work {}", range(span)),
        Ink::Frozen => format!("No frame drawn for {}", duration(span.end_ms - span.start_ms)),
    }
}

#[function_component(RunCanvas)]
pub fn run_canvas(props: &RunCanvasProps) -> Html {
    let canvas = use_node_ref();
    use_timeline_paint(canvas.clone(), props.rows.clone(), props.painting.clone());
    let said = use_state(String::new);
    // Where a pointer is on the run's clock and in the rows: (ms, y px, px per ms).
    let locate = {
        let (rows, axis_ms) = (props.rows.clone(), props.painting.axis_ms);
        move |x: f64, y: f64| {
            let rect = rows.cast::<HtmlElement>()?.get_bounding_client_rect();
            let px_per_ms = rect.width() / axis_ms.max(1.0);
            Some(((x - rect.left()) / px_per_ms, y - rect.top(), px_per_ms))
        }
    };
    let hit = {
        let columns: Rc<Columns> = props.painting.columns.clone();
        move |x: f64, y: f64| {
            let (ms, y, px_per_ms) = locate(x, y)?;
            columns.hit(ms, y, SLOP_PX / px_per_ms, px_per_ms)
        }
    };
    let press = use_mut_ref(Press::default);
    let scroller = {
        let rows = props.rows.clone();
        move || rows.cast::<HtmlElement>().and_then(|r| r.parent_element())
    };
    let on_down = {
        let (press, scroller) = (press.clone(), scroller.clone());
        Callback::from(move |e: PointerEvent| {
            let mut p = press.borrow_mut();
            let x = f64::from(e.client_x());
            p.fingers.retain(|f| f.0 != e.pointer_id());
            p.fingers.push((e.pointer_id(), x));
            if p.fingers.len() == 2 {
                p.spread = (p.fingers[0].1 - p.fingers[1].1).abs();
            }
            p.down = Some((e.pointer_id(), x, scroller().map_or(0, |s| s.scroll_left())));
            p.moved = false;
            // Its move and its release come here wherever the pointer goes.
            if let Some(c) = e.target_dyn_into::<web_sys::Element>() {
                let _ = c.set_pointer_capture(e.pointer_id());
            }
        })
    };
    let on_up = {
        let press = press.clone();
        Callback::from(move |e: PointerEvent| {
            let mut p = press.borrow_mut();
            p.fingers.retain(|f| f.0 != e.pointer_id());
            if p.down.is_some_and(|d| d.0 == e.pointer_id()) {
                p.down = None;
            }
        })
    };
    let on_move = {
        let (hit, scenario, report) = (hit.clone(), props.scenario.clone(), props.report.clone());
        let (press, on_zoom) = (press.clone(), props.on_zoom.clone());
        let last = use_mut_ref(String::new);
        Callback::from(move |e: PointerEvent| {
            // A pinch zooms a step each time the fingers' distance halves or doubles; a drag
            // pans the lanes.
            {
                let mut p = press.borrow_mut();
                let x = f64::from(e.client_x());
                if let Some(f) = p.fingers.iter_mut().find(|f| f.0 == e.pointer_id()) {
                    f.1 = x;
                }
                if p.fingers.len() == 2 {
                    let spread = (p.fingers[0].1 - p.fingers[1].1).abs();
                    if p.spread > 0.0 && (spread / p.spread >= 2.0 || spread / p.spread <= 0.5) {
                        on_zoom.emit(if spread > p.spread { 2.0 } else { 0.5 });
                        p.spread = spread;
                    }
                    return;
                }
                if let (Some((id, x0, left)), Some(s)) = (p.down, scroller()) {
                    if id == e.pointer_id() && (p.moved || (x - x0).abs() > 4.0) {
                        p.moved = true;
                        s.set_scroll_left(left - (x - x0) as i32);
                        return;
                    }
                }
            }
            let words = hit(f64::from(e.client_x()), f64::from(e.client_y())).map_or_else(String::new, |h| {
                let span = Span { start_ms: h.bar.start_ms, end_ms: h.bar.end_ms };
                bar_words(&scenario, report.as_deref(), h.bar.ink, h.bar.task, &span)
            });
            if *last.borrow() != words {
                if let Some(c) = e.target_dyn_into::<web_sys::Element>() {
                    let _ = c.set_attribute("title", &words);
                }
                *last.borrow_mut() = words;
            }
        })
    };
    let on_click = {
        let (on_action, press) = (props.on_action.clone(), press.clone());
        Callback::from(move |e: MouseEvent| {
            // The end of a pan is not a press on a bar.
            if press.borrow().moved {
                return;
            }
            if let Some(id) = hit(f64::from(e.client_x()), f64::from(e.client_y())).and_then(|h| h.bar.task) {
                on_action.emit(Action::Select(Some(id)));
            }
        })
    };
    let on_key = {
        let (scenario, prediction, report) =
            (props.scenario.clone(), props.prediction.clone(), props.report.clone());
        let (on_action, said, rows) = (props.on_action.clone(), said.clone(), props.rows.clone());
        let selected = props.painting.selected;
        let columns = props.painting.columns.clone();
        let axis_ms = props.painting.axis_ms;
        let on_zoom = props.on_zoom.clone();
        Callback::from(move |e: KeyboardEvent| {
            match e.key().as_str() {
                "+" | "=" => return on_zoom.emit(2.0),
                "-" => return on_zoom.emit(0.5),
                _ => {}
            }
            if e.key() == "Escape" {
                on_action.emit(Action::Select(None));
                said.set("No task selected.".into());
                return;
            }
            let Some(to) = Step::from_key(&e.key()) else { return };
            e.prevent_default();
            let Some(id) = step(&scenario, selected, to) else {
                said.set("No task that way.".into());
                return;
            };
            on_action.emit(Action::Select(Some(id)));
            said.set(describe(&scenario, id, &prediction, report.as_deref()));
            scroll_to(&rows, &columns, &scenario, &prediction, id, axis_ms);
        })
    };
    html! {
        <>
            <canvas
                class="tl-paint"
                ref={canvas}
                tabindex="0"
                role="application"
                aria-roledescription="timeline"
                aria-label="The run, drawn: arrow keys move through the tasks and lanes, + and \u{2212} zoom"
                aria-describedby="timeline-summary"
                onpointerdown={on_down}
                onpointerup={on_up.clone()}
                onpointercancel={on_up}
                onpointermove={on_move}
                onclick={on_click}
                onkeydown={on_key}
            ></canvas>
            <p class="sr-only tl-said" aria-live="polite">{ (*said).clone() }</p>
        </>
    }
}

/// Scrolls the page, and the lanes sideways, so that task `id` is in view.
fn scroll_to(
    rows: &NodeRef,
    columns: &Columns,
    scenario: &Scenario,
    prediction: &Prediction,
    id: TaskId,
    axis_ms: f64,
) {
    let (Some(rows), Some(window)) = (rows.cast::<HtmlElement>(), web_sys::window()) else { return };
    let Some(lane_top) = scenario.task(id).and_then(|(lane, _)| columns.lane_top(lane)) else { return };
    let rect = rows.get_bounding_client_rect();
    let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
    let top = rect.top() + lane_top;
    if top < 0.0 || top + ROW_PX > height {
        window.scroll_by_with_x_and_y(0.0, top - height / 3.0);
    }
    let (Some(span), Some(scroller)) = (prediction.timing(id).map(|t| t.span), rows.parent_element()) else {
        return;
    };
    let px_per_ms = rect.width() / axis_ms.max(1.0);
    let (x0, x1) = (span.start_ms * px_per_ms, span.end_ms * px_per_ms);
    let (left, width) = (f64::from(scroller.scroll_left()), f64::from(scroller.client_width()));
    if x0 < left || x1 > left + width {
        scroller.set_scroll_left((x0 - width / 4.0).max(0.0) as i32);
    }
}
