//! The page's root element, `<html>`, and the settings written on it: the theme (`data-theme`,
//! set by `hooks/use_theme.rs`) and the folder of the files loaded after the first view
//! (`data-parts`, written by `cargo xtask build`; `runtime/parts.rs`).

/// The value of the root element's attribute `name`, if it has one.
pub fn attribute(name: &str) -> Option<String> {
    web_sys::window()?.document()?.document_element()?.get_attribute(name)
}
