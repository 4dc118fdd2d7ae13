//! What the timeline builds, kept in step with the window's scroll and size and the lanes'
//! sideways scroll: all the lanes of a short timeline, only those near the window in a long one
//! (`core::layout::lanes_near`); and, zoomed in, only the tasks near the part of the axis in
//! view (`core::layout::span_near`). A scenario of thousands of tasks costs the page a few
//! screens of elements; the canvas draws the rest.

use super::geometry::ROW_PX;
use crate::core::layout::{lanes_near, span_near, VIRTUAL_FROM};
use crate::shell::runtime::listening::Listening;
use std::ops::Range;
use yew::prelude::*;

/// What is built.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub lanes: Range<usize>,
    /// The part of the axis whose tasks are built, as shares of its width.
    pub across: (f64, f64),
    /// How wide the rows are, in CSS px (infinite until measured: every task is built).
    pub width_px: f64,
}

#[hook]
pub fn use_shown(rows: NodeRef, lane_count: usize, zoom: u32) -> Shown {
    let first = || Shown {
        lanes: lanes_near(0.0, 1000.0, ROW_PX, lane_count),
        across: (0.0, 1.0),
        width_px: f64::INFINITY,
    };
    let shown = use_state(first);
    // What was last set, for the listeners to compare with (a state handle's value is the one
    // of the render that made it).
    let last = use_mut_ref(first);
    {
        let shown = shown.clone();
        use_effect_with((lane_count, zoom), move |&(lane_count, _)| {
            let window = web_sys::window();
            let scroller = rows.cast::<web_sys::Element>().and_then(|r| r.parent_element());
            let measure = {
                let window = window.clone();
                let scroller = scroller.clone();
                move || {
                    let (Some(el), Some(w)) = (rows.cast::<web_sys::Element>(), &window) else { return };
                    let height = w.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(1000.0);
                    let rect = el.get_bounding_client_rect();
                    let width_px = rect.width();
                    let across = match (&scroller, width_px > 0.0) {
                        (Some(s), true) => {
                            let from =
                                (s.get_bounding_client_rect().left() - rect.left()).max(0.0) / width_px;
                            let to = from + f64::from(s.client_width()) / width_px;
                            span_near(last.borrow().across, from, to.min(1.0))
                        }
                        _ => (0.0, 1.0),
                    };
                    let next =
                        Shown { lanes: lanes_near(rect.top(), height, ROW_PX, lane_count), across, width_px };
                    if *last.borrow() != next {
                        *last.borrow_mut() = next.clone();
                        shown.set(next);
                    }
                }
            };
            measure();
            let window = window.map(web_sys::EventTarget::from);
            let scroller = scroller.map(web_sys::EventTarget::from);
            let listening = Listening::new(measure)
                .on(window.as_ref().filter(|_| lane_count > VIRTUAL_FROM), "scroll")
                .on(window.as_ref(), "resize")
                .on(scroller.as_ref(), "scroll");
            move || drop(listening)
        });
    }
    let shown = (*shown).clone();
    Shown { lanes: shown.lanes.start.min(lane_count)..shown.lanes.end.min(lane_count), ..shown }
}
