//! Where the session's runs stand, below the stage, once there is one: the heading, and the
//! table (`run_history.rs`) that comes with the extras, loaded at once (they never load while a
//! run goes: `runtime/extras.rs`, so with Compare all, after its last run).

use super::extra_host::{Arg, ExtraHost};
use super::memo::Inputs;
use crate::core::report::RunReport;
use crate::shell::components::same::Same;
use crate::shell::extras::history_arg;
use std::rc::Rc;
use yew::prelude::*;

/// `runs`: every run of the session, oldest first (the page shows this place only after a run).
#[inline(never)] // not in the first view, so not in its wasm (ARCHITECTURE.md, Invariants)
pub fn history_host(runs: &[Rc<RunReport>]) -> Html {
    let inputs = runs.iter().fold(Inputs::default(), Inputs::shared);
    let runs: Vec<Same<RunReport>> = runs.iter().cloned().map(Same).collect();
    let arg = Arg::new(inputs, move || history_arg(&runs));
    html! {
        <section class="history" aria-labelledby="history-title">
            <h2 id="history-title">{ "Runs this session" }</h2>
            <ExtraHost kind="history" class="history-host" {arg} when_near=false>
                <p class="booting-extra">{ "Loading the table of runs\u{2026}" }</p>
            </ExtraHost>
        </section>
    }
}
