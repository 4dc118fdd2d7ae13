//! The frame meter: a `requestAnimationFrame` loop for the component's lifetime that records
//! every frame's timestamp, moves the pulse dot and ticks the page clock, plus the long-task
//! observer. Because it is driven by frames, not CSS, it stops whenever the main thread is held.

use crate::core::predict::Span;
use crate::shell::runtime::frames::FrameLoop;
use crate::shell::runtime::long_tasks::LongTaskObserver;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Frames kept: about an hour at 60 Hz, far longer than any run.
const MAX_FRAMES: usize = 216_000;
/// One sweep of the dot, there and back, in milliseconds.
const SWEEP_MS: f64 = 2_000.0;

#[derive(Default)]
struct Meter {
    frames: VecDeque<f64>,
    long_tasks: Option<LongTaskObserver>,
}

/// Reads what the meter has recorded.
#[derive(Clone)]
pub struct UseFrameMeterHandle {
    meter: Rc<RefCell<Meter>>,
}

impl PartialEq for UseFrameMeterHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.meter, &other.meter)
    }
}

impl UseFrameMeterHandle {
    /// Frame timestamps from `since` on, ascending.
    pub fn frames_since(&self, since: f64) -> Vec<f64> {
        let meter = self.meter.borrow();
        let first = meter.frames.partition_point(|&t| t < since);
        meter.frames.range(first..).copied().collect()
    }

    /// Long tasks seen so far (empty where the browser does not report them).
    pub fn long_tasks(&self) -> Vec<Span> {
        self.meter
            .borrow()
            .long_tasks
            .as_ref()
            .map(LongTaskObserver::spans)
            .unwrap_or_default()
    }
}

/// Starts the meter on mount; `dot` is moved along its track and `clock` shows the page's
/// time, both once per frame.
#[hook]
pub fn use_frame_meter(dot: NodeRef, clock: NodeRef) -> UseFrameMeterHandle {
    let meter = use_mut_ref(Meter::default);
    {
        let meter = meter.clone();
        use_effect_with((), move |_| {
            meter.borrow_mut().long_tasks = Some(LongTaskObserver::start());
            let recorder = meter.clone();
            let frame_loop = FrameLoop::start(move |timestamp| {
                {
                    let mut m = recorder.borrow_mut();
                    if m.frames.len() == MAX_FRAMES {
                        m.frames.pop_front();
                    }
                    m.frames.push_back(timestamp);
                }
                draw(&dot, &clock, timestamp);
            });
            move || {
                drop(frame_loop);
                meter.borrow_mut().long_tasks = None;
            }
        });
    }
    UseFrameMeterHandle { meter }
}

/// Moves the dot (a triangle wave across its track) and writes the clock.
fn draw(dot: &NodeRef, clock: &NodeRef, timestamp: f64) {
    if let Some(dot) = dot.cast::<web_sys::HtmlElement>() {
        let phase = (timestamp % SWEEP_MS) / SWEEP_MS;
        let x = if phase < 0.5 {
            phase * 2.0
        } else {
            2.0 - phase * 2.0
        };
        let _ = dot
            .style()
            .set_property("left", &format!("{:.2}%", x * 100.0));
    }
    if let Some(clock) = clock.get() {
        let text = format!("{:.1} s", timestamp / 1000.0);
        if clock.text_content().as_deref() != Some(text.as_str()) {
            clock
                .unchecked_ref::<web_sys::Node>()
                .set_text_content(Some(&text));
        }
    }
}
