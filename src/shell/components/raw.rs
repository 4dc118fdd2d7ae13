//! Markup that never changes, written as HTML text rather than built by `html!`: a static element
//! costs `html!` about 13 B of the first view's wasm, as code that builds it. Only for the page's
//! own fixed text, never for anything a learner, a lesson or a link can change.

use yew::{AttrValue, Html};

/// `html`, a `&'static str` of the page's own, as nodes (several, side by side, if it holds
/// several); Yew compares it by its text, so a render that gives the same text leaves them.
pub fn raw(html: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::Static(html))
}
