//! `requestAnimationFrame`: one frame as a future, a loop that runs every frame until it is
//! dropped, and when the last frame ran (which the frame-aware yield asks).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::clock::now;

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

thread_local! {
    /// When a frame's callbacks last ran, as a frame loop or a frame wait here saw it.
    static LAST_FRAME: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
}

/// When a frame's callbacks last ran (`performance.now()`), as far as this module saw: the
/// page's frame meter runs a [`FrameLoop`] all the time, so it is the last frame drawn. (The
/// runner binary has a copy of its own, set from the page's when a run starts and by each frame
/// the meter hands it: `shell::runner`.)
pub fn last_frame_ms() -> f64 {
    LAST_FRAME.get()
}

/// Notes that a frame has been drawn by `t`: a task that ran after a frame's callbacks knows
/// the frame was drawn before it (an engine that takes long to draw took that long too).
pub fn frame_drawn_by(t: f64) {
    LAST_FRAME.set(LAST_FRAME.get().max(t));
}

/// Resolves at the next animation frame with its timestamp.
pub async fn next_frame() -> f64 {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        // A failed request leaves the promise pending; a page without frames has no next frame.
        let _ = window().request_animation_frame(&resolve);
    });
    let stamp = wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|v| v.as_f64());
    LAST_FRAME.set(now());
    stamp.unwrap_or_default()
}

/// The next animation frame, or `max_ms` where the page draws none (a hidden tab or an
/// offscreen iframe draws no frames, and nothing may wait for ever). `true` if the frame came.
pub async fn frame_or_timeout(max_ms: u32) -> bool {
    let frame = std::pin::pin!(next_frame());
    let timeout = gloo_timers::future::TimeoutFuture::new(max_ms);
    matches!(futures::future::select(frame, timeout).await, futures::future::Either::Left(_))
}

type FrameCallback = Closure<dyn FnMut(f64)>;

/// Calls a function every frame, until dropped, with the time the frame's callback ran.
///
/// That is `performance.now()` in the callback, not the timestamp `requestAnimationFrame`
/// passes: Chrome stamps a frame with the time it was due, which behind a busy thread can
/// fall inside the freeze and make the measured gap shorter than the time the page drew
/// nothing (a 400 ms hold was once measured as a 350 ms gap).
pub struct FrameLoop {
    handle: Rc<RefCell<Option<i32>>>,
    _callback: Rc<RefCell<Option<FrameCallback>>>,
}

impl FrameLoop {
    pub fn start(mut on_frame: impl FnMut(f64) + 'static) -> FrameLoop {
        let handle = Rc::new(RefCell::new(None));
        let callback: Rc<RefCell<Option<FrameCallback>>> = Rc::new(RefCell::new(None));
        let weak = Rc::downgrade(&callback);
        let next_handle = handle.clone();
        *callback.borrow_mut() = Some(Closure::new(move |_due: f64| {
            let t = now();
            LAST_FRAME.set(t);
            on_frame(t);
            if let Some(cb) = weak.upgrade() {
                if let Some(cb) = cb.borrow().as_ref() {
                    *next_handle.borrow_mut() =
                        window().request_animation_frame(cb.as_ref().unchecked_ref()).ok();
                }
            }
        }));
        if let Some(cb) = callback.borrow().as_ref() {
            *handle.borrow_mut() = window().request_animation_frame(cb.as_ref().unchecked_ref()).ok();
        }
        FrameLoop { handle, _callback: callback }
    }
}

impl Drop for FrameLoop {
    fn drop(&mut self) {
        if let Some(id) = self.handle.borrow_mut().take() {
            let _ = window().cancel_animation_frame(id);
        }
    }
}
