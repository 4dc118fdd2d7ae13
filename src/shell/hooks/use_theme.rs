//! The page's colours. `theme=light` or `theme=dark` in the URL (an embed matching its course
//! page) sets `data-theme` on the document element, and the stylesheet's light or dark palette
//! follows it; `theme=auto`, the default, removes the attribute, so the palette follows the
//! system's `prefers-color-scheme`.

use crate::core::params::Theme;
use yew::prelude::*;

/// Keeps `data-theme` on `<html>` in step with `theme`.
#[hook]
pub fn use_theme(theme: Theme) {
    use_effect_with(theme, |&theme| {
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
        if let Some(root) = root {
            let _ = match theme {
                Theme::Auto => root.remove_attribute("data-theme"),
                Theme::Light | Theme::Dark => root.set_attribute("data-theme", theme.as_str()),
            };
        }
    });
}
