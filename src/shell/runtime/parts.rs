//! Where the files the page loads after its first view are (the runner, the extras, the workers'
//! code, the lessons): in the folder the page names on its root element, `data-parts`, which
//! `cargo xtask build` names by their content (xtask/src/parts.rs), so a page is never paired
//! with another build's files from a cache; beside the page where it names none (`trunk serve`).

/// The value of the page's root attribute `name`, if it has one.
pub fn root_attribute(name: &str) -> Option<String> {
    web_sys::window()?.document()?.document_element()?.get_attribute(name)
}

/// The URL of the loaded-later file `name` (`runner-loader.js`, `lessons/io-waits.json`),
/// relative to the page.
pub fn url(name: &str) -> String {
    root_attribute("data-parts").unwrap_or_default() + name
}
