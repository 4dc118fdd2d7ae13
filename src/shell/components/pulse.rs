//! The pulse: is the page alive? A dot moved and a clock ticked every animation frame (by the
//! frame meter, not by CSS), so both stop dead whenever the main thread is held.

use crate::core::format::duration;
use crate::core::report::RunReport;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PulseProps {
    pub dot: NodeRef,
    pub clock: NodeRef,
    /// The latest run, for its longest frame gap.
    pub last: Option<Rc<RunReport>>,
}

#[function_component(Pulse)]
pub fn pulse(props: &PulseProps) -> Html {
    let gap = props.last.as_ref().map(|r| {
        let verdict = if r.longest_freeze_ms() > 100.0 {
            "the page froze"
        } else {
            "the page stayed smooth"
        };
        html! {
            <>
                { format!("Longest frame gap in the last run ({}): ", r.mode) }
                <strong class="gap-figure">{ duration(r.longest_freeze_ms()) }</strong>
                { format!(" \u{2014} {verdict}.") }
            </>
        }
    });
    html! {
        <section class="pulse" aria-labelledby="pulse-title">
            <div class="pulse-head">
                <h2 id="pulse-title">{ "Is the page alive?" }</h2>
                <span class="page-clock" aria-hidden="true" title="Page clock, updated every frame" ref={props.clock.clone()}>{ "0.0 s" }</span>
            </div>
            <div class="track" aria-hidden="true"><span class="dot" ref={props.dot.clone()}></span></div>
            <p class="pulse-note">
                { "The dot and the clock move once per animation frame. When the main thread is busy, no frame is drawn and they stop. " }
                { gap.unwrap_or_else(|| html! { { "Run the scenario to measure the longest frame gap (smooth is about 17 ms)." } }) }
            </p>
        </section>
    }
}
