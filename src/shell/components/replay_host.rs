//! Where the event loop's replay stands on the page (`components/event_loop.rs`, one of the
//! extras, loaded once this place comes near the window). The page hands it the moment the URL
//! asks for (`at=`), a line break, and the last run's results file
//! (`core::export::results_json`, which holds the recording), written once per run; before
//! any run the replay can still open a results file.

use crate::core::export::results_json;
use crate::core::predict::predict;
use crate::core::report::RunReport;
use crate::shell::hooks::{use_extra, Extra};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReplayHostProps {
    /// The latest run, whatever its mode.
    pub last_run: Option<Rc<RunReport>>,
    /// Where the cursor goes after a run (`at=`), in ms from the run's start.
    pub at_ms: Option<f64>,
}

/// A run compared by identity: one results file is written per run, not per render.
#[derive(Clone)]
struct Same(Option<Rc<RunReport>>);

impl PartialEq for Same {
    fn eq(&self, other: &Same) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

#[function_component(ReplayHost)]
pub fn replay_host(props: &ReplayHostProps) -> Html {
    let host = use_node_ref();
    let arg = use_memo(Same(props.last_run.clone()), |run| {
        run.0.as_ref().map_or_else(String::new, |r| {
            results_json(r, &predict(&r.scenario, r.mode, r.scale, r.pool.map_or(1, |p| p.size)))
        })
    });
    let at = props.at_ms.map_or_else(String::new, |ms| ms.to_string());
    use_extra(
        host.clone(),
        Extra { kind: "replay", arg: format!("{at}\n{arg}"), event: None, when_near: true },
    );
    html! {
        <div class="replay-host" ref={host}>
            <section class="event-loop" aria-label="Event loop">
                <p class="booting-extra">{ "Loading the event loop's replay\u{2026}" }</p>
            </section>
        </div>
    }
}
