//! The site header: name and one line on what the playground is. It never changes, so it is
//! written as HTML text rather than built by `html!` (each static element costs `html!` about
//! 13 B of the first view's wasm).

use yew::prelude::*;

pub fn site_header() -> Html {
    Html::from_html_unchecked(AttrValue::Static(
        "<header class=\"site-header\"><img class=\"logo\" src=\"favicon.svg\" alt=\"\" width=\"32\" \
         height=\"32\"><div><h1>Async Playground</h1><p class=\"tagline\">Real futures on your \
         browser's event loop, measured.</p></div></header>",
    ))
}
