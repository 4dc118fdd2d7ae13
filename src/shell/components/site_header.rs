//! The site header: name and one line on what the playground is.

use yew::prelude::*;

pub fn site_header() -> Html {
    html! {
        <header class="site-header">
            <img class="logo" src="favicon.svg" alt="" width="32" height="32" />
            <div>
                <h1>{ "Async Playground" }</h1>
                <p class="tagline">{ "Real futures on your browser's event loop, measured." }</p>
            </div>
        </header>
    }
}
