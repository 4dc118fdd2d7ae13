//! Yielding to the event loop: the future resolves in a new task, so the browser can draw a
//! frame and handle input in between.
//!
//! A `MessageChannel` message is used rather than `setTimeout(0)`, which browsers clamp to
//! 4 ms once timeouts nest and would stretch every burst of work by that much.

use super::clock::now;
use super::frames::{frame_drawn_by, frame_or_timeout, last_frame_ms, next_frame};
use crate::core::scenario::YieldWith;
use gloo_timers::future::TimeoutFuture;
use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A frame is due when none ran for this long (one frame's interval at 60 Hz, less a little).
const FRAME_DUE_MS: f64 = 16.0;
/// How long a yield waits for a due frame at most.
const FRAME_WAIT_MS: u32 = 100;

thread_local! {
    /// The last frame's time when a wait for the next one timed out: until another frame runs,
    /// none is due (an iframe scrolled out of a course page gets no frames, and is not hidden).
    static STALLED_AFTER: Cell<f64> = const { Cell::new(f64::NAN) };
}

/// Whether a frame is due: none ran for a frame's interval (as the page's frame loop saw
/// them, which the runner is told of frame by frame). A hidden page draws none, so none is ever due there; nor after a wait for one timed
/// out, until frames come again.
fn frame_due() -> bool {
    let last = last_frame_ms();
    now() - last >= FRAME_DUE_MS
        && STALLED_AFTER.get() != last
        && web_sys::window().and_then(|w| w.document()).is_some_and(|d| !d.hidden())
}

/// Gives the main thread back (or, for a microtask, only seems to) the way `how` says.
pub async fn yield_with(how: YieldWith) {
    match how {
        // Firefox runs message tasks ahead of drawing (about 17 frames a second between 8 ms
        // bursts yielding by messages alone): when a frame is due, it is let in first. The
        // message after it resumes the work once the frame is drawn, not inside its callback.
        YieldWith::FrameAware => {
            if !frame_due() {
                yield_now().await;
            } else if frame_or_timeout(FRAME_WAIT_MS).await {
                yield_now().await;
                // The next frame falls due a frame's interval after this one was drawn, not
                // after its callbacks ran: WebKitGTK, which took 10 to 20 ms to draw each
                // frame here, would otherwise let one burst through per frame.
                frame_drawn_by(now());
            } else {
                STALLED_AFTER.set(last_frame_ms());
                yield_now().await;
            }
        }
        YieldWith::MessageChannel => yield_now().await,
        // The continuation runs as a microtask: before any rendering, input or timer.
        YieldWith::Microtask => {
            let _ = JsFuture::from(js_sys::Promise::resolve(&JsValue::UNDEFINED)).await;
        }
        YieldWith::SetTimeout => TimeoutFuture::new(0).await,
        YieldWith::AnimationFrame => {
            next_frame().await;
        }
        YieldWith::SchedulerYield => match scheduler_yield() {
            Some(promise) => {
                let _ = JsFuture::from(promise).await;
            }
            None => yield_now().await,
        },
    }
}

/// `scheduler.yield()`, where the browser has it.
fn scheduler_yield() -> Option<js_sys::Promise> {
    let global = js_sys::global();
    let scheduler = js_sys::Reflect::get(&global, &JsValue::from_str("scheduler")).ok()?;
    let function = js_sys::Reflect::get(&scheduler, &JsValue::from_str("yield")).ok()?;
    let function = function.dyn_into::<js_sys::Function>().ok()?;
    function.call0(&scheduler).ok()?.dyn_into::<js_sys::Promise>().ok()
}

/// What the page says when a run's work asks for `scheduler.yield()` and the browser has none.
pub const NO_SCHEDULER_YIELD: &str =
    "This browser has no scheduler.yield(): the work yielded by a MessageChannel message \
     instead, so a timer that fell due could run between its bursts.";

/// Whether this browser has `scheduler.yield()`.
pub fn has_scheduler_yield() -> bool {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &JsValue::from_str("scheduler"))
        .and_then(|s| js_sys::Reflect::get(&s, &JsValue::from_str("yield")))
        .is_ok_and(|f| f.is_function())
}

/// Gives the main thread back to the event loop once.
pub async fn yield_now() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return;
    };
    let receiver = channel.port1();
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        receiver.set_onmessage(Some(&resolve));
    });
    if channel.port2().post_message(&JsValue::NULL).is_err() {
        return;
    }
    let _ = JsFuture::from(promise).await;
    receiver.set_onmessage(None);
    receiver.close();
    channel.port2().close();
}
