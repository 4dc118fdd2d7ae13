//! Paints the timeline's canvas: what the shown mode predicted and measured, the main thread,
//! the workers, and the planned tasks too thin to be elements (`core::paint`). The canvas
//! covers only the part of the rows in the window (never taller than the window, nor wider
//! than the scroller shows), and is painted again, at most once a frame, when what it shows
//! changes, the page or the lanes scroll, or the layout moves them. Each painting is measured
//! (`user_timing::DRAW`) from after its layout reads, as the live timeline's drawing is.

use crate::core::format::Num;
use crate::core::number::clamp;
use crate::core::paint::{Columns, Ink, View};
use crate::core::scenario::TaskId;
use crate::shell::runtime::clock::now;
use crate::shell::runtime::listening::Listening;
use crate::shell::runtime::paint::{fill, prepare, ring, Palette};
use crate::shell::runtime::user_timing::measure_draw;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlCanvasElement, HtmlElement};
use yew::prelude::*;

/// What the canvas shows.
#[derive(Clone)]
pub struct Painting {
    pub columns: Rc<Columns>,
    /// The end of the time axis, in ms.
    pub axis_ms: f64,
    /// A run is going: its bars are the live timeline's, so the last run's are left out.
    pub live: bool,
    /// The task the keyboard selected, ringed.
    pub selected: Option<TaskId>,
    /// The zoom, whose change resizes the rows.
    pub zoom: u32,
}

impl PartialEq for Painting {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.columns, &other.columns)
            && (self.axis_ms, self.live, self.selected, self.zoom)
                == (other.axis_ms, other.live, other.selected, other.zoom)
    }
}

#[derive(Default)]
struct Painter {
    canvas: NodeRef,
    rows: NodeRef,
    painting: Option<Painting>,
    /// The frame asked for, if one is.
    pending: Option<i32>,
    frame: Option<Closure<dyn FnMut()>>,
}

/// Whether an ink is the run's own (left to the live timeline while a run goes).
fn of_the_run(ink: Ink) -> bool {
    matches!(ink, Ink::Measured(_) | Ink::Cancelled(_) | Ink::Busy | Ink::Frozen | Ink::FailCap)
}

impl Painter {
    fn paint(&self) {
        let (Some(canvas), Some(rows), Some(p)) =
            (self.canvas.cast::<HtmlCanvasElement>(), self.rows.cast::<HtmlElement>(), &self.painting)
        else {
            return;
        };
        let Some(window) = web_sys::window() else { return };
        // Reads first, then writes. A read forces the layout of whatever changed the page since
        // the last frame (at a run's start, the press: 3-4 ms with 1,000 tasks in 8 lanes),
        // which that frame lays out once whoever reads first; the measure is the painting.
        let rect = rows.get_bounding_client_rect();
        let view_height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
        if rect.bottom() < 0.0 || rect.top() > view_height || rect.width() <= 0.0 {
            return;
        }
        let rows_height = rect.height();
        let height = rows_height.min(view_height).max(1.0);
        let top = clamp(-rect.top(), 0.0, (rows_height - height).max(0.0)).floor();
        let (from, shown) = rows
            .parent_element()
            .map(|s| {
                ((s.get_bounding_client_rect().left() - rect.left()).max(0.0), f64::from(s.client_width()))
            })
            .unwrap_or((0.0, rect.width()));
        let width = shown.min(rect.width()).max(1.0);
        let left = clamp(from, 0.0, (rect.width() - width).max(0.0)).floor();
        let px_per_ms = rect.width() / p.axis_ms.max(1.0);
        let view =
            View { top, height, from_ms: left / px_per_ms, to_ms: (left + width) / px_per_ms, px_per_ms };
        let start = now();
        let _ =
            canvas.style().set_property("transform", &format!("translate({}px, {}px)", Num(left), Num(top)));
        let Some(ctx) = prepare(&canvas, width, height) else { return };
        let palette = Palette::current();
        let picture = p.columns.paint(&view);
        fill(&ctx, &picture, &palette, |ink| p.live && of_the_run(ink));
        if let Some(rect) = p.selected.and_then(|id| p.columns.outline(&view, id)) {
            ring(&ctx, &rect, &palette);
        }
        measure_draw(start, now());
    }
}

/// Keeps the canvas in `canvas` (inside the rows `rows`) painted with `painting`.
#[hook]
pub fn use_timeline_paint(canvas: NodeRef, rows: NodeRef, painting: Painting) {
    let painter = use_mut_ref(|| Painter { canvas, rows, ..Painter::default() });
    // Asks for a painting at the next frame, once however often it is asked.
    let request = {
        let painter = painter.clone();
        Rc::new(move || {
            let mut p = painter.borrow_mut();
            if p.pending.is_some() {
                return;
            }
            if p.frame.is_none() {
                let again = painter.clone();
                p.frame = Some(Closure::new(move || {
                    again.borrow_mut().pending = None;
                    again.borrow().paint();
                }));
            }
            let asked = web_sys::window()
                .zip(p.frame.as_ref())
                .and_then(|(w, f)| w.request_animation_frame(f.as_ref().unchecked_ref()).ok());
            p.pending = asked;
        })
    };
    {
        let (painter, request) = (painter.clone(), request.clone());
        use_effect_with(painting, move |painting| {
            painter.borrow_mut().painting = Some(painting.clone());
            request();
        });
    }
    {
        let painter: Rc<RefCell<Painter>> = painter.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let rows = painter.borrow().rows.cast::<web_sys::Element>();
            let body: Option<web_sys::Element> =
                window.as_ref().and_then(|w| w.document()?.body()).map(Into::into);
            let scroller = rows.as_ref().and_then(|r| r.parent_element());
            let page: Option<web_sys::EventTarget> = window.clone().map(Into::into);
            let scroller: Option<web_sys::EventTarget> = scroller.map(Into::into);
            // Scrolls move the part of the rows in the window; so does the page changing its
            // layout above them (the body changes size) or the rows their width.
            let listening = Listening::new(move || request())
                .on(page.as_ref(), "scroll")
                .on(page.as_ref(), "resize")
                .on(scroller.as_ref(), "scroll")
                .sized(rows.as_ref())
                .sized(body.as_ref());
            move || {
                drop(listening);
                // The frame callback holds the painter: let both go, and the frame asked for.
                let mut p = painter.borrow_mut();
                if let (Some(w), Some(id)) = (&window, p.pending.take()) {
                    let _ = w.cancel_animation_frame(id);
                }
                p.frame = None;
            }
        });
    }
}
