//! The browser shell: components, hooks and runtime effects. Compiled for wasm32 only.
//!
//! **Invariant:** the shell holds no logic the core can hold. It measures (timestamps from
//! `performance.now()` and `requestAnimationFrame`), runs real futures and timers, and shows
//! the core's results. Effects live in hooks and runtime functions, never in the reducer.

pub mod app;
pub mod components;
pub mod extras;
pub mod hooks;
pub mod runner;
pub mod runtime;

use app::{App, AppProps};

/// Mounts the app on the page's `#app` element, reading the URL's query string, once a share
/// link in the fragment is opened and the lessons the URL, the link or the saved work name have
/// been fetched (the default lesson is built in, so a plain visit fetches nothing), and, with a
/// link or saved work, once the rest of the page's wasm, which reads them, has come.
pub fn start() {
    let window = web_sys::window().expect("a browser window");
    let query = window.location().search().unwrap_or_default();
    let hash = window.location().hash().unwrap_or_default();
    let host = window
        .document()
        .and_then(|d| d.get_element_by_id("app"))
        .expect("index.html has an element with id \"app\"");
    wasm_bindgen_futures::spawn_local(async move {
        let params = crate::core::params::Params::from_query(&query);
        let key = crate::core::storage::key_for(params.embed, params.lesson.id);
        let saved = runtime::storage::read(&key).ok().flatten();
        // Only the rest of the page's wasm reads a link or saved work: fetched first, not
        // loaded at once when first called.
        let now = saved.is_some() || crate::core::share::link_value(&hash).is_some();
        runtime::page_rest::before_first_view(now).await;
        let (link, mut failed) = runtime::share_links::open(&hash).await;
        failed.extend(
            runtime::lesson_files::with_lessons(&mut || {
                if let Some(saved) = &saved {
                    let _ = crate::core::storage::load(saved);
                }
            })
            .await,
        );
        // What index.html shows until the app is there.
        host.set_inner_html("");
        yew::Renderer::<App>::with_root_and_props(host, AppProps { query: query.into(), link, failed })
            .render();
    });
}
