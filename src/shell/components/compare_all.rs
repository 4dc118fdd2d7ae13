//! Side by side: once two or more modes have run the scenario (one by one, or all at once by
//! `Compare all`), which finished first, which kept the page smoothest and which froze it, in
//! one sentence, and the runs as small multiples: one miniature timeline per mode on one axis,
//! drawn by the extras (`multiples.rs`), loaded once this place comes near the window.

use super::extra_host::{Arg, ExtraHost};
use super::memo::Inputs;
use crate::core::compare::summary;
use crate::core::report::RunReport;
use crate::shell::components::same::Same;
use crate::shell::extras::multiples_arg;
use yew::prelude::*;

pub struct CompareAllProps {
    /// The latest run of each mode on the scenario as it is now.
    pub runs: Vec<Same<RunReport>>,
    /// The end of the time axis all modes share, in milliseconds.
    pub axis_ms: f64,
}

/// Nothing until two modes have run the scenario as it is; then one sentence and the runs as
/// small multiples (their figures stand in the run strip, row by row).
pub fn compare_all(props: &CompareAllProps) -> Html {
    let runs: Vec<&RunReport> = props.runs.iter().map(|r| &**r).collect();
    if runs.len() < 2 {
        return Html::default();
    }
    side_by_side(props, &runs)
}

/// The runs side by side.
#[inline(never)] // not in the first view, so not in its wasm (ARCHITECTURE.md, Invariants)
fn side_by_side(props: &CompareAllProps, runs: &[&RunReport]) -> Html {
    html! {
        <section class="side-by-side" aria-labelledby="compare-title">
            <h2 id="compare-title">{ "Side by side" }</h2>
            <p class="compare-summary">{ summary(runs) }</p>
            { multiples(props) }
        </section>
    }
}

fn multiples(props: &CompareAllProps) -> Html {
    let (runs, axis_ms) = (props.runs.clone(), props.axis_ms);
    let inputs = runs.iter().fold(Inputs::default().value(axis_ms.to_bits()), |i, run| i.shared(&run.0));
    let arg = Arg::new(inputs, move || multiples_arg(&runs, axis_ms));
    html! {
        <ExtraHost kind="multiples" class="multiples-host" {arg} when_near=true>
            <p class="booting-extra">{ "Drawing the runs side by side\u{2026}" }</p>
        </ExtraHost>
    }
}
