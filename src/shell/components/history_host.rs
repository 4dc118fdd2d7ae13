//! Where the session's runs stand, below the stage, once there is one: the heading, and the
//! table (`run_history.rs`) that comes with the extras, loaded at once (they never load while a
//! run goes: `runtime/extras.rs`, so with Compare all, after its last run).

use crate::core::report::RunReport;
use crate::shell::components::same::Same;
use crate::shell::extras::history_arg;
use crate::shell::hooks::{use_extra, Extra};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HistoryHostProps {
    /// Every run of the session, oldest first (the page shows this place only after a run).
    pub runs: Vec<Same<RunReport>>,
}

#[function_component(HistoryHost)]
pub fn history_host(props: &HistoryHostProps) -> Html {
    let host = use_node_ref();
    let arg = (*use_memo(props.runs.clone(), |runs| history_arg(runs))).clone();
    use_extra(host.clone(), Extra { kind: "history", arg, event: None, when_near: false });
    html! {
        <section class="history" aria-labelledby="history-title">
            <h2 id="history-title">{ "Runs this session" }</h2>
            <div class="history-host" ref={host}><p class="booting-extra">{ "Loading the table of runs\u{2026}" }</p></div>
        </section>
    }
}
