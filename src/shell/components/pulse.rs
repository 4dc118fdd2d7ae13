//! The responsiveness panel: is the page alive? A dot and a clock moved every animation frame
//! (by the frame meter, so they stop when the main thread is held) beside a dot moved by CSS
//! (which the compositor keeps moving regardless); the live frame-time graph; a box to type in
//! and a button to click, each measuring input delay; the long-task count.

use crate::core::format::duration;
use crate::core::report::RunReport;
use crate::core::stats::NOTICEABLE_FREEZE_MS;
use crate::shell::components::raw::raw;
use crate::shell::components::same::Same;
use crate::shell::hooks::use_frame_meter::{MeterTargets, UseFrameMeterHandle};
use crate::shell::runtime::clock::now;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PulseProps {
    pub targets: MeterTargets,
    pub meter: UseFrameMeterHandle,
    /// The latest run, for its figures.
    pub last: Option<Same<RunReport>>,
}

// What never changes is written as HTML text (`components/raw.rs`). On a phone the first label
// takes two lines, broken where its words meet.
const FRAME_LABEL: &str = "<span class=\"track-label\">request<wbr>Animation<wbr>Frame</span>";
const CSS_TRACK: &str =
    "<span class=\"track-label\">CSS animation</span><div class=\"track\"><span class=\"dot css-dot\"></span></div>";
const WHY_TWO_DOTS: &str = "<details class=\"pulse-why\"><summary>Why two dots?</summary><p>The green dot and \
    the clock move once per animation frame, on the main thread: when it is busy, they stop. The grey dot is a CSS \
    animation, which the browser's compositor keeps gliding on another thread even then \u{2014} so a CSS \
    animation cannot tell you whether a page responds.</p></details>";

#[function_component(Pulse)]
pub fn pulse(props: &PulseProps) -> Html {
    let last_delay = use_state(|| None::<f64>);
    let clicks = use_state(|| 0u32);
    // Input delay: when the handler runs, minus when the event happened (its timeStamp).
    let measure = {
        let meter = props.meter.clone();
        let last_delay = last_delay.clone();
        move |happened: f64| {
            let handled = now();
            meter.record_input(happened, handled);
            last_delay.set(Some((handled - happened).max(0.0)));
        }
    };
    let on_key = {
        let measure = measure.clone();
        Callback::from(move |e: KeyboardEvent| measure(e.time_stamp()))
    };
    let on_click = {
        let clicks = clicks.clone();
        Callback::from(move |e: MouseEvent| {
            measure(e.time_stamp());
            clicks.set(*clicks + 1);
        })
    };
    let t = &props.targets;
    let summary = props.last.as_ref().map(|r| {
        let verdict = if r.longest_freeze_ms() > NOTICEABLE_FREEZE_MS {
            "the page froze"
        } else {
            "the page stayed smooth"
        };
        html! {
            <>
                { format!("Last run ({}): longest frame gap ", r.mode) }
                <strong class="gap-figure">{ duration(r.longest_freeze_ms()) }</strong>
                { format!(" \u{2014} {verdict}.") }
            </>
        }
    });
    html! {
        <section class="pulse" aria-labelledby="pulse-title">
            <div class="pulse-head">
                <h2 id="pulse-title">{ "Is the page alive?" }</h2>
                <span class="page-clock" aria-hidden="true" title="Page clock, updated every frame" ref={t.clock.clone()}>{ "0.0 s" }</span>
            </div>
            <div class="tracks" aria-hidden="true">
                { raw(FRAME_LABEL) }
                // Drawn on a canvas by the frame meter: an element moved by transform every frame
                // made the browser lay out its compositing layers every frame (hooks/use_frame_meter.rs).
                <div class="track"><canvas class="dot-canvas" ref={t.dot.clone()}></canvas></div>
                { raw(CSS_TRACK) }
            </div>
            <figure class="graph">
                <canvas ref={t.graph.clone()} width="480" height="64" role="img" aria-label="Frame times of the last few seconds, with lines at 16.7 ms and 50 ms"></canvas>
                <figcaption>{ "Frame times, last 4 s: green under 20 ms, red over 50 ms." }</figcaption>
            </figure>
            <div class="inputs">
                <label>
                    <span class="input-label">{ "Try typing here " }</span>
                    <input type="text" class="try-typing" onkeydown={on_key} placeholder="type during a run" />
                </label>
                <button type="button" class="quiet" onclick={on_click}>{ format!("Click me ({})", *clicks) }</button>
                <span class="delay">
                    { "Input delay: " }
                    <strong>{ last_delay.map_or_else(|| "\u{2014}".to_string(), duration) }</strong>
                </span>
                <span class="long-task-count">
                    { "Long tasks so far: " }
                    <strong ref={t.long_tasks.clone()}>{ "0" }</strong>
                </span>
                { raw(WHY_TWO_DOTS) }
            </div>
            <p class="pulse-note">
                { summary.unwrap_or_else(|| html! { { "Press a Run button and watch the green dot and the clock." } }) }
            </p>
        </section>
    }
}
