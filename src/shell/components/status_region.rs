//! The live region that announces each run's start and its measured result (a stable
//! contract: `role="status"`).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatusRegionProps {
    pub text: String,
}

#[function_component(StatusRegion)]
pub fn status_region(props: &StatusRegionProps) -> Html {
    html! {
        <p class="status" role="status" aria-live="polite">{ &props.text }</p>
    }
}
