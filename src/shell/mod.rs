//! The browser shell: components, hooks and runtime effects. Compiled for wasm32 only.
//!
//! **Invariant:** the shell holds no logic the core can hold. It measures (timestamps from
//! `performance.now()` and `requestAnimationFrame`), runs real futures and timers, and shows
//! the core's results. Effects live in hooks and runtime functions, never in the reducer.

pub mod app;
pub mod components;
pub mod hooks;
pub mod runtime;

use app::{App, AppProps};

/// Mounts the app on the page's `<main>` element, reading the URL's query string.
pub fn start() {
    let window = web_sys::window().expect("a browser window");
    let query = window.location().search().unwrap_or_default();
    let host = window
        .document()
        .and_then(|d| d.get_element_by_id("app"))
        .expect("index.html has an element with id \"app\"");
    yew::Renderer::<App>::with_root_and_props(host, AppProps { query: query.into() }).render();
}
