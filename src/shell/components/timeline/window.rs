//! Which lanes the timeline builds, kept in step with the window's scroll and size: all of
//! them in a short timeline, only those near the window in a long one (`core::layout::
//! lanes_near`), so a scenario of thousands of lanes costs the page a few screens of elements.

use super::geometry::ROW_PX;
use crate::core::layout::{lanes_near, VIRTUAL_FROM};
use std::ops::Range;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[hook]
pub fn use_lane_window(rows: NodeRef, lane_count: usize) -> Range<usize> {
    let range = use_state(|| lanes_near(0.0, 1000.0, ROW_PX, lane_count));
    // What was last set, for the listener to compare with (a state handle's value is the one
    // of the render that made it).
    let last = use_mut_ref(|| (*range).clone());
    {
        let range = range.clone();
        use_effect_with(lane_count, move |&lane_count| {
            let window = web_sys::window();
            let measure = {
                let window = window.clone();
                move || {
                    let (Some(el), Some(w)) = (rows.cast::<web_sys::Element>(), &window) else { return };
                    let height = w.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(1000.0);
                    let next = lanes_near(el.get_bounding_client_rect().top(), height, ROW_PX, lane_count);
                    if *last.borrow() != next {
                        *last.borrow_mut() = next.clone();
                        range.set(next);
                    }
                }
            };
            measure();
            let listener = (lane_count > VIRTUAL_FROM).then(|| Closure::<dyn FnMut()>::new(measure));
            if let (Some(w), Some(l)) = (&window, &listener) {
                let _ = w.add_event_listener_with_callback("scroll", l.as_ref().unchecked_ref());
                let _ = w.add_event_listener_with_callback("resize", l.as_ref().unchecked_ref());
            }
            move || {
                if let (Some(w), Some(l)) = (&window, &listener) {
                    let _ = w.remove_event_listener_with_callback("scroll", l.as_ref().unchecked_ref());
                    let _ = w.remove_event_listener_with_callback("resize", l.as_ref().unchecked_ref());
                }
            }
        });
    }
    let shown = (*range).clone();
    shown.start.min(lane_count)..shown.end.min(lane_count)
}
