//! Keeps the stage in the window when a run starts: the run buttons, the pulse and the
//! timeline's lanes, so the learner sees the page stay alive or freeze without scrolling. A
//! run can start from a message or from a button half out of view; the page scrolls once,
//! before the run, and never during it.

/// Space kept between the stage and the window's edges, in CSS px.
const MARGIN_PX: f64 = 8.0;
/// At most this much of the lanes counts: a timeline of many lanes shows its first ones.
const LANES_SHOWN_PX: f64 = 320.0;

/// Scrolls the window, if need be, so the run strip, the pulse and the top of the lanes are in
/// it (from their top, where they do not all fit).
pub fn keep_stage_in_view() {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let view = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    if view <= 0.0 {
        return;
    }
    let (mut top, mut bottom) = (f64::INFINITY, f64::NEG_INFINITY);
    for (selector, most) in
        [(".modes", f64::INFINITY), (".pulse", f64::INFINITY), (".tl-rows", LANES_SHOWN_PX)]
    {
        let Ok(Some(element)) = document.query_selector(selector) else { continue };
        let rect = element.get_bounding_client_rect();
        if rect.height() <= 0.0 {
            continue;
        }
        top = top.min(rect.top());
        bottom = bottom.max(rect.bottom().min(rect.top() + most));
    }
    if !top.is_finite() || (top >= 0.0 && bottom <= view) {
        return;
    }
    let by = if top < MARGIN_PX || bottom - top > view - 2.0 * MARGIN_PX {
        top - MARGIN_PX
    } else {
        bottom - (view - MARGIN_PX)
    };
    window.scroll_by_with_x_and_y(0.0, by);
}
