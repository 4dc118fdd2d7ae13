//! Lesson files: the page carries only the default lesson; another is fetched from
//! `lessons/<id>.json` (a loaded-later file, `runtime::parts`: relative to the page, so a copy
//! of `dist/` on any static host has them) the first time something needs it, and kept for the
//! page's life (`core::lesson::add`).

use crate::core::lesson;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Fetches and reads one lesson's file.
pub async fn fetch(id: &str) -> Result<&'static lesson::Lesson, String> {
    let text = fetch_text(&super::parts::url(&lesson::file_url(id))).await.map_err(|why| {
        format!(
            "The lesson \u{201c}{}\u{201d} could not be loaded ({why}). Check the connection and try again, or reload \
             the page if the site has just been updated.",
            title(id)
        )
    })?;
    lesson::add(id, &text).map_err(|e| e.to_string())
}

/// Runs `look` (which looks lessons up with `lesson::find`), fetches the lessons it asked for
/// and did not find, and runs it again, until it asks for nothing new (three rounds at most: a
/// saved entry may name another lesson than the URL). Returns what could not be fetched, as
/// messages for the learner.
pub async fn with_lessons(look: &mut dyn FnMut()) -> Vec<String> {
    let mut failed = Vec::new();
    let mut tried: Vec<&str> = Vec::new();
    for _ in 0..3 {
        look();
        let missing: Vec<&'static str> =
            lesson::take_missing().into_iter().filter(|id| !tried.contains(id)).collect();
        if missing.is_empty() {
            break;
        }
        tried.extend(&missing);
        // Usually one lesson; rarely two (a saved entry of another lesson than the URL's).
        for id in missing {
            if let Err(why) = fetch(id).await {
                failed.push(why);
            }
        }
    }
    lesson::take_missing();
    failed
}

fn title(id: &str) -> &str {
    lesson::CATALOGUE.iter().find(|e| e.id == id).map_or(id, |e| e.title)
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let describe = |e: JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "a network error".into())
    };
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(describe)?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("{} {}", response.status(), response.status_text()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?).await.map_err(describe)?;
    text.as_string().ok_or_else(|| "not text".into())
}
