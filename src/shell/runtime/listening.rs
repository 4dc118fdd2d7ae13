//! Event listeners that are removed when dropped: a hook's effect returns one in its cleanup,
//! so a listener never outlives the component that added it.

use wasm_bindgen::prelude::*;
use web_sys::EventTarget;

pub struct Listening {
    on: Vec<(EventTarget, &'static str)>,
    listener: Closure<dyn FnMut()>,
}

impl Listening {
    /// Calls `f` on each event it is then added for.
    pub fn new(f: impl FnMut() + 'static) -> Listening {
        Listening { on: Vec::new(), listener: Closure::new(f) }
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
        for (t, event) in &self.on {
            let _ = t.remove_event_listener_with_callback(event, self.listener.as_ref().unchecked_ref());
        }
    }
}
