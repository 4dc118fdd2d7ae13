//! The worker side of workers mode: a Web Worker that computes one work task at a time, the
//! same way the main thread does (`work::spin`), and says when it started and ended.
//!
//! The messages are plain objects, posted as they are (`worker_pool.rs` is the other side):
//! - worker to page, once, when its handler is in place: `{ready}`;
//! - page to worker, a job: `{ms, data, transfer}`, where `data` is an `ArrayBuffer` (or
//!   `undefined`) and `transfer` says whether it was transferred rather than copied;
//! - worker to page, the result: `{started, ended, data}`, the data sent back the same way.
//!
//! Times cross between clocks as milliseconds since the Unix epoch (`timeOrigin + now()`): a
//! worker's `performance.now()` starts when the worker does, not when the page did.

use super::clock::{now, time_origin};
use super::work::spin;
use js_sys::{Array, ArrayBuffer, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// The worker's loader (static/compute-worker-loader.js), loaded after the first view: its URL
/// is `runtime::parts::url` of this name.
pub const WORKER_LOADER: &str = "compute-worker-loader.js";

/// Milliseconds since the Unix epoch, on this context's clock.
pub fn epoch_now() -> f64 {
    time_origin() + now()
}

/// A field of a message, `undefined` where it has none.
pub fn field(message: &JsValue, name: &str) -> JsValue {
    Reflect::get(message, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A message of named fields.
pub fn message(fields: &[(&str, &JsValue)]) -> Object {
    let object = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&object, &(*name).into(), value);
    }
    object
}

/// Either end of the page–worker channel.
pub trait Port {
    fn post(&self, message: &JsValue) -> Result<(), JsValue>;
    fn post_with(&self, message: &JsValue, transfer: &JsValue) -> Result<(), JsValue>;
}

impl Port for web_sys::Worker {
    fn post(&self, message: &JsValue) -> Result<(), JsValue> {
        self.post_message(message)
    }
    fn post_with(&self, message: &JsValue, transfer: &JsValue) -> Result<(), JsValue> {
        self.post_message_with_transfer(message, transfer)
    }
}

impl Port for DedicatedWorkerGlobalScope {
    fn post(&self, message: &JsValue) -> Result<(), JsValue> {
        self.post_message(message)
    }
    fn post_with(&self, message: &JsValue, transfer: &JsValue) -> Result<(), JsValue> {
        self.post_message_with_transfer(message, transfer)
    }
}

/// Posts `message` to `port`, handing over `data` (an `ArrayBuffer`) if `transfer`, else
/// copying it with the rest of the message.
pub fn post(port: &impl Port, message: &JsValue, data: &JsValue, transfer: bool) -> Result<(), JsValue> {
    if transfer && data.is_instance_of::<ArrayBuffer>() {
        port.post_with(message, &Array::of1(data))
    } else {
        port.post(message)
    }
}

/// Runs in the worker: answers each job, then says it is ready.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_job = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let job = e.data();
        let ms = field(&job, "ms").as_f64().unwrap_or(0.0);
        let data = field(&job, "data");
        let transfer = field(&job, "transfer").is_truthy();
        let started = epoch_now();
        let ended = started + spin(ms);
        let result = message(&[("started", &started.into()), ("ended", &ended.into()), ("data", &data)]);
        let _ = post(&replies, &result, &data, transfer);
    });
    scope.set_onmessage(Some(on_job.as_ref().unchecked_ref()));
    // The worker lives as long as its handler: until the page terminates it.
    on_job.forget();
    let _ = scope.post_message(&message(&[("ready", &epoch_now().into())]));
}
