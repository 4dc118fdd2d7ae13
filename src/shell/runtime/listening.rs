//! Event listeners that are removed when dropped: a hook's effect returns one in its cleanup,
//! so a listener never outlives the component that added it. It can watch elements' sizes too
//! (a `ResizeObserver`, disconnected when dropped).

use wasm_bindgen::prelude::*;
use web_sys::EventTarget;

pub struct Listening {
    on: Vec<(EventTarget, &'static str)>,
    sizes: Option<web_sys::ResizeObserver>,
    listener: Closure<dyn FnMut()>,
}

impl Listening {
    /// Calls `f` on each event it is then added for.
    pub fn new(f: impl FnMut() + 'static) -> Listening {
        Listening { on: Vec::new(), sizes: None, listener: Closure::new(f) }
    }

    /// Calls it when `element` changes size too (where the browser has `ResizeObserver`).
    pub fn sized(mut self, element: Option<&web_sys::Element>) -> Listening {
        if self.sizes.is_none() {
            self.sizes = web_sys::ResizeObserver::new(self.listener.as_ref().unchecked_ref()).ok();
        }
        if let (Some(sizes), Some(element)) = (&self.sizes, element) {
            sizes.observe(element);
        }
        self
    }

    /// Listens for `event` on `target` too (if there is one).
    pub fn on(mut self, target: Option<&EventTarget>, event: &'static str) -> Listening {
        if let Some(t) = target {
            let _ = t.add_event_listener_with_callback(event, self.listener.as_ref().unchecked_ref());
            self.on.push((t.clone(), event));
        }
        self
    }
}

impl Drop for Listening {
    fn drop(&mut self) {
        if let Some(sizes) = &self.sizes {
            sizes.disconnect();
        }
        for (t, event) in &self.on {
            let _ = t.remove_event_listener_with_callback(event, self.listener.as_ref().unchecked_ref());
        }
    }
}
