//! One turn of the event loop, for real: called inside a click's event handler, it logs the
//! lesson's synchronous lines at once and schedules every other line with the browser API its
//! step names (a promise reaction, `queueMicrotask`, `setTimeout(…, 0)`, a `MessageChannel`
//! message, `requestAnimationFrame`). Each line goes to the console as it runs, and the order
//! and times are reported once every line has run, or after a second (a tab out of sight
//! draws no frames).

use crate::core::turn::{Step, TurnReport, Via};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

struct Log {
    start: f64,
    logged: Vec<(usize, f64)>,
    guess: Vec<usize>,
    /// Taken when the report goes out, so it goes out once.
    done: Option<Callback<TurnReport>>,
}

/// Runs `steps` as a click handler would; call it from the click's own handler.
pub fn run(steps: &'static [Step], guess: Vec<usize>, done: Callback<TurnReport>) {
    let Some(window) = web_sys::window() else { return };
    let now = {
        let performance = window.performance();
        move || performance.as_ref().map_or(0.0, |p| p.now())
    };
    let log = Rc::new(RefCell::new(Log { start: now(), logged: Vec::new(), guess, done: Some(done) }));
    let record = {
        let log = log.clone();
        let total = steps.len();
        move |i: usize| {
            web_sys::console::log_1(&JsValue::from_str(steps[i].line));
            let mut l = log.borrow_mut();
            let at = now() - l.start;
            l.logged.push((i, at));
            if l.logged.len() == total {
                finish(&mut l);
            }
        }
    };
    for (i, step) in steps.iter().enumerate() {
        let record = record.clone();
        let callback = move || record(i);
        match step.via {
            Via::Sync => callback(),
            Via::Then | Via::Await => {
                // `await` of a value that is there queues the rest of the function as one
                // promise reaction: the same job `then` queues.
                let promise = js_sys::Promise::resolve(&JsValue::NULL);
                if let Ok(then) = js_sys::Reflect::get(&promise, &"then".into()) {
                    let then: js_sys::Function = then.unchecked_into();
                    let _ = then.call1(&promise, &Closure::once_into_js(move |_: JsValue| callback()));
                }
            }
            Via::QueueMicrotask => {
                let global = js_sys::global();
                if let Ok(queue) = js_sys::Reflect::get(&global, &"queueMicrotask".into()) {
                    let f: js_sys::Function = queue.unchecked_into();
                    let _ = f.call1(&global, &Closure::once_into_js(callback));
                }
            }
            Via::Timeout => {
                let f: js_sys::Function = Closure::once_into_js(callback).unchecked_into();
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&f, 0);
            }
            Via::Message => {
                let Ok(channel) = web_sys::MessageChannel::new() else { continue };
                let (receiver, sender) = (channel.port1(), channel.port2());
                // The closure holds the channel, so it lives until its message comes.
                let on_message = Closure::once_into_js(move |_: JsValue| {
                    let _ = &channel;
                    callback()
                });
                receiver.set_onmessage(Some(on_message.unchecked_ref()));
                let _ = sender.post_message(&JsValue::NULL);
            }
            Via::AnimationFrame => {
                let f: js_sys::Function =
                    Closure::once_into_js(move |_: JsValue| callback()).unchecked_into();
                let _ = window.request_animation_frame(&f);
            }
        }
    }
    // Whatever has not run after a second is reported as never run.
    gloo_timers::callback::Timeout::new(1000, move || finish(&mut log.borrow_mut())).forget();
}

fn finish(log: &mut Log) {
    if let Some(done) = log.done.take() {
        done.emit(TurnReport { guess: std::mem::take(&mut log.guess), logged: log.logged.clone() });
    }
}
