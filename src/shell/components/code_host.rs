//! Where the scenario as code stands on the page. The code view and its generator come with
//! the extras (`shell::extras`), loaded once this place comes near the window; each edit or
//! change of scale reaches it as a new argument.

use crate::core::scenario::Scenario;
use crate::shell::extras::code_arg;
use crate::shell::hooks::{use_extra, Extra};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CodeHostProps {
    pub scenario: Rc<Scenario>,
    pub scale: f64,
    /// The tab to show first (a `codegen::Language` id).
    pub first_tab: Option<&'static str>,
}

#[function_component(CodeHost)]
pub fn code_host(props: &CodeHostProps) -> Html {
    let host = use_node_ref();
    let arg =
        (*use_memo((props.scenario.clone(), props.scale.to_bits(), props.first_tab), |(s, scale, tab)| {
            code_arg(s, f64::from_bits(*scale), *tab)
        }))
        .clone();
    use_extra(host.clone(), Extra { kind: "code", arg, event: None, when_near: true });
    html! {
        <div class="code-host" ref={host}>
            <section class="code-view" aria-labelledby="code-title">
                <h2 id="code-title">{ "The scenario as code" }</h2>
                <p class="code-about">{ "Loading the code\u{2026}" }</p>
            </section>
        </div>
    }
}
