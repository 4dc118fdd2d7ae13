//! Where the files the page loads after its first view are (the runner, the extras, the workers'
//! code, the lessons): in the folder the page names on its root element, `data-parts`, which
//! `cargo xtask build` names by their content (xtask/src/parts.rs), so a page is never paired
//! with another build's files from a cache; beside the page where it names none (`trunk serve`).

/// The URL of the loaded-later file `name` (`runner-loader.js`, `lessons/io-waits.json`),
/// relative to the page.
pub fn url(name: &str) -> String {
    super::page_root::attribute("data-parts").unwrap_or_default() + name
}
