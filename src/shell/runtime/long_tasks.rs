//! Long tasks (main-thread tasks over 50 ms) as the browser reports them through
//! `PerformanceObserver`, where it supports the `longtask` entry type.

use crate::core::timing::Span;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Observes long tasks until dropped.
pub struct LongTaskObserver {
    observer: Option<web_sys::PerformanceObserver>,
    seen: Rc<RefCell<Vec<Span>>>,
    _callback: Option<Closure<dyn FnMut(web_sys::PerformanceObserverEntryList)>>,
}

impl LongTaskObserver {
    /// Starts observing; a browser without `longtask` support gives an observer that sees
    /// nothing (and says so through [`LongTaskObserver::supported`]).
    pub fn start() -> LongTaskObserver {
        let seen = Rc::new(RefCell::new(Vec::new()));
        let sink = seen.clone();
        let callback = Closure::<dyn FnMut(web_sys::PerformanceObserverEntryList)>::new(
            move |list: web_sys::PerformanceObserverEntryList| record(&sink, &list.get_entries()),
        );
        let observer = supports_longtask()
            .then(|| web_sys::PerformanceObserver::new(callback.as_ref().unchecked_ref()).ok())
            .flatten();
        if let Some(observer) = &observer {
            let init = web_sys::PerformanceObserverInit::new(&js_sys::Array::of1(&"longtask".into()));
            observer.observe(&init);
        }
        LongTaskObserver { observer, seen, _callback: Some(callback) }
    }

    pub fn supported(&self) -> bool {
        self.observer.is_some()
    }

    /// How many long tasks the browser has delivered so far, without copying them (read ten
    /// times a second, by the pulse). It takes nothing from the browser's queue: the callback
    /// gets every long task, a moment after it ends, so it runs on any page that has one (and
    /// the build's split keeps it in the first view: its profile makes a long task).
    pub fn count(&self) -> usize {
        self.seen.borrow().len()
    }

    /// Takes the entries queued but not yet delivered to the callback.
    fn flush(&self) {
        if let Some(observer) = &self.observer {
            record(&self.seen, &observer.take_records());
        }
    }

    /// Every long task seen so far, including those queued but not yet delivered.
    pub fn spans(&self) -> Vec<Span> {
        self.flush();
        self.seen.borrow().clone()
    }
}

fn record(sink: &Rc<RefCell<Vec<Span>>>, entries: &js_sys::Array) {
    let mut sink = sink.borrow_mut();
    for entry in entries.iter() {
        let entry: web_sys::PerformanceEntry = entry.unchecked_into();
        let start_ms = entry.start_time();
        sink.push(Span { start_ms, end_ms: start_ms + entry.duration() });
    }
}

fn supports_longtask() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"PerformanceObserver".into())
        .and_then(|ctor| js_sys::Reflect::get(&ctor, &"supportedEntryTypes".into()))
        .ok()
        .filter(|types| types.is_object())
        .map(|types| js_sys::Array::from(&types).includes(&"longtask".into(), 0))
        .unwrap_or(false)
}

impl Drop for LongTaskObserver {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
    }
}
