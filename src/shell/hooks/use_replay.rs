//! When the event loop's replay is handed a run, and whether it is wanted yet: kept by the app,
//! so the replay's place (`components/replay_host.rs`) is a plain function. The last run is
//! handed over a moment after its results appear, and never while another run goes (Compare
//! all starts the next mode at once: its results wait until the last one is done).

use crate::core::report::RunReport;
use crate::shell::components::same::Same;
use yew::prelude::*;

/// How long after a run's results appear the replay is handed the run.
const AFTER_RESULTS_MS: u32 = 300;

pub struct UseReplayHandle {
    /// The run the replay shows, once handed over.
    pub shown: Option<Same<RunReport>>,
    /// Whether the learner asked for the replay (or the URL did, with `at=`); once wanted, it
    /// stays (a later run only updates it).
    pub wanted: UseStateHandle<bool>,
}

/// `last_run`: the latest run, whatever its mode; `running`: a run (or Compare all) is going;
/// `at_ms`: where the URL puts the cursor after a run.
#[hook]
pub fn use_replay(last_run: Option<Same<RunReport>>, running: bool, at_ms: Option<f64>) -> UseReplayHandle {
    let shown = use_state(|| None::<Same<RunReport>>);
    {
        let shown = shown.clone();
        use_effect_with((last_run, running), move |(run, running)| {
            let run = run.clone();
            let later = (!*running)
                .then(|| gloo_timers::callback::Timeout::new(AFTER_RESULTS_MS, move || shown.set(run)));
            move || drop(later)
        });
    }
    let wanted = use_state(|| false);
    if !*wanted && at_ms.is_some() && shown.is_some() && !running {
        wanted.set(true);
    }
    UseReplayHandle { shown: (*shown).clone(), wanted }
}
