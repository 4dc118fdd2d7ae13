//! Where the event loop's replay stands on the page (`components/event_loop.rs`, one of the
//! extras). The page hands it the moment the URL asks for (`at=`), a line break, and the last
//! run's results file (`core::export::results_json`, which holds the recording), written once
//! per run.
//!
//! The extras load when the learner asks for the replay (`Step through the run`, or `Open a saved
//! run…` before any run), or by themselves a moment after a run when the URL asked for a
//! moment (`at=`): loading and starting a second wasm binary while a run goes would hold the
//! main thread the run is measured on (in WebKit, a run started just after another had a 243 ms
//! gap while the replay loaded). A run's results file is written a moment after the run's
//! results are drawn, not in the same frame (for ten thousand tasks it is megabytes).

use super::extra_host::{Arg, ExtraHost};
use super::memo::Inputs;
use crate::core::export::run_results;
use crate::core::format::Num;
use crate::shell::hooks::UseReplayHandle;
use yew::prelude::*;

pub struct ReplayHostProps<'a> {
    /// Whether there is a run yet.
    pub ran: bool,
    /// Where the cursor goes after a run (`at=`), in ms from the run's start.
    pub at_ms: Option<f64>,
    /// A run is going (or Compare all).
    pub running: bool,
    /// The run handed over, and whether the replay is wanted (`hooks::use_replay`).
    pub replay: &'a UseReplayHandle,
}

pub fn replay_host(props: ReplayHostProps) -> Html {
    let wanted = &props.replay.wanted;
    if !**wanted {
        let open = {
            let wanted = wanted.clone();
            Callback::from(move |_| wanted.set(true))
        };
        let label = if props.ran { "Step through the run" } else { "Open a saved run\u{2026}" };
        return html! {
            <div class="replay-host">
                <section class="event-loop" aria-label="Event loop">
                    <h3>{ "The event loop, step by step" }</h3>
                    <p class="el-source">
                        { "What a run's event loop did, event by event. " }
                        <button type="button" class="quiet" onclick={open} disabled={props.running}>{ label }</button>
                    </p>
                </section>
            </div>
        };
    }
    replay(props)
}

/// The replay itself, mounted from the extras: one results file per run, not per render.
#[inline(never)] // not in the first view, so not in its wasm (ARCHITECTURE.md, Invariants)
fn replay(props: ReplayHostProps) -> Html {
    let (run, at_ms) = (props.replay.shown.clone(), props.at_ms);
    let inputs =
        run.iter().fold(Inputs::default().value(at_ms.map_or(u64::MAX, f64::to_bits)), |i, r| i.shared(&r.0));
    let arg = Arg::new(inputs, move || {
        let at = at_ms.map_or_else(String::new, |ms| Num(ms).to_string());
        format!("{at}\n{}", run.as_ref().map_or_else(String::new, |r| run_results(&r.0)))
    });
    html! {
        <ExtraHost kind="replay" class="replay-host" {arg} when_near=true>
            <section class="event-loop" aria-label="Event loop">
                <p class="booting-extra">{ "Loading the event loop's replay\u{2026}" }</p>
            </section>
        </ExtraHost>
    }
}
