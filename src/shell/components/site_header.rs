//! The site header: name and one line on what the playground is. It never changes, so it is
//! written as HTML text (`components/raw.rs`).

use super::raw::raw;
use yew::Html;

pub fn site_header() -> Html {
    raw("<header class=\"site-header\"><img class=\"logo\" src=\"favicon.svg\" alt=\"\" width=\"32\" \
         height=\"32\"><div><h1>Async Playground</h1><p class=\"tagline\">Real futures on your \
         browser's event loop, measured.</p></div></header>")
}
