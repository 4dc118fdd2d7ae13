//! Where the scenario as code stands on the page. The code view and its generator come with
//! the extras (`shell::extras`), loaded once this place comes near the window; each edit or
//! change of scale reaches it as a new argument.

use super::extra_host::{Arg, ExtraHost};
use super::memo::Inputs;
use crate::core::scenario::Scenario;
use crate::shell::extras::code_arg;
use std::rc::Rc;
use yew::prelude::*;

/// `first_tab` is the tab to show first (a `codegen::Language` id).
#[inline(never)] // not in the first view, so not in its wasm (ARCHITECTURE.md, Invariants)
pub fn code_host(scenario: &Rc<Scenario>, scale: f64, first_tab: Option<&'static str>) -> Html {
    let inputs =
        Inputs::default().shared(scenario).value(scale.to_bits()).text(first_tab.unwrap_or_default());
    let scenario = scenario.clone();
    let arg = Arg::new(inputs, move || code_arg(&scenario, scale, first_tab));
    html! {
        <ExtraHost kind="code" class="code-host" {arg} when_near=true>
            <section class="code-view" aria-labelledby="code-title">
                <h2 id="code-title">{ "The scenario as code" }</h2>
                <p class="code-about">{ "Loading the code\u{2026}" }</p>
            </section>
        </ExtraHost>
    }
}
