//! The live region that announces each run's start and its measured result (a stable
//! contract: `role="status"`).

use yew::prelude::*;

pub fn status_region(text: &str) -> Html {
    html! {
        <p class="status" role="status" aria-live="polite">{ text }</p>
    }
}
