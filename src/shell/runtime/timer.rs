//! A real `setTimeout` whose setting and firing are recorded (`core::replay`). The timer's
//! callback runs as a task of its own and wakes the waiting future, which wasm-bindgen polls
//! from the microtask checkpoint right after that task: the firing is recorded there, and the
//! caller records its task's resumption (a request waits on its fetch too). Dropping the future
//! (a lane cancelled) clears the timer.
//!
//! Every timer calls one callback, made once, with its slot as `setTimeout`'s extra argument:
//! a run of ten thousand waits sets ten thousand timers, as plain JavaScript would, without
//! making a JavaScript function for each (with one each, the lanes' start took 37-45 ms
//! instead of 32-39).

use super::clock::now;
use super::recording::Recorder;
use crate::core::replay::What;
use crate::core::scenario::TaskId;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, ms: i32, slot: u32) -> i32;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(handle: i32);
}

/// A timer's slot: waiting (with the waker of the future that awaits it), or fired.
enum Slot {
    Free,
    Waiting(Option<Waker>),
    Fired,
}

/// The timers set and not yet dropped, and the slots free for the next.
#[derive(Default)]
struct Slots {
    slots: Vec<Slot>,
    free: Vec<usize>,
}

thread_local! {
    static SLOTS: RefCell<Slots> = RefCell::default();
    /// The one callback every timer calls.
    static FIRE: Closure<dyn FnMut(u32)> = Closure::new(fire);
}

fn fire(slot: u32) {
    let waker = SLOTS.with(|s| match s.borrow_mut().slots.get_mut(slot as usize) {
        Some(slot @ Slot::Waiting(_)) => match std::mem::replace(slot, Slot::Fired) {
            Slot::Waiting(waker) => waker,
            _ => None,
        },
        _ => None,
    });
    if let Some(waker) = waker {
        waker.wake();
    }
}

/// A timer set for `ms`, ready once it has fired.
struct Timeout {
    slot: usize,
    handle: i32,
}

impl Timeout {
    fn new(ms: f64) -> Timeout {
        let slot = SLOTS.with(|s| {
            let Slots { slots, free } = &mut *s.borrow_mut();
            match free.pop() {
                Some(slot) => {
                    slots[slot] = Slot::Waiting(None);
                    slot
                }
                None => {
                    slots.push(Slot::Waiting(None));
                    slots.len() - 1
                }
            }
        });
        let handle = FIRE.with(|f| {
            set_timeout(f.as_ref().unchecked_ref(), ms.min(f64::from(i32::MAX)) as i32, slot as u32)
        });
        Timeout { slot, handle }
    }
}

impl Future for Timeout {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        SLOTS.with(|s| match &mut s.borrow_mut().slots[self.slot] {
            Slot::Waiting(waker) => {
                *waker = Some(cx.waker().clone());
                Poll::Pending
            }
            _ => Poll::Ready(()),
        })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        let was = SLOTS.with(|s| {
            let Slots { slots, free } = &mut *s.borrow_mut();
            free.push(self.slot);
            std::mem::replace(&mut slots[self.slot], Slot::Free)
        });
        if let Slot::Waiting(_) = was {
            clear_timeout(self.handle);
        }
    }
}

/// Waits `ms` (rounded, as `setTimeout` takes whole milliseconds) for task `id`.
pub async fn sleep(ms: f64, recorder: &Recorder, id: TaskId) {
    let ms = ms.round().max(0.0);
    let set = now();
    recorder.event(id, What::TimerSet { due_ms: set + ms }, set);
    Timeout::new(ms).await;
    recorder.event(id, What::TimerFired, now());
}
