//! `requestAnimationFrame`: one frame as a future, and a loop that runs every frame until it
//! is dropped.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// Resolves at the next animation frame with its timestamp.
pub async fn next_frame() -> f64 {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        // A failed request leaves the promise pending; a page without frames has no next frame.
        let _ = window().request_animation_frame(&resolve);
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|v| v.as_f64()).unwrap_or_default()
}

type FrameCallback = Closure<dyn FnMut(f64)>;

/// Calls a function with each frame's timestamp until dropped.
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
        *callback.borrow_mut() = Some(Closure::new(move |timestamp: f64| {
            on_frame(timestamp);
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
