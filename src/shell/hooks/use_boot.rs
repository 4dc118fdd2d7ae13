//! Opening the page: a share link in the fragment (opened by `shell::start`), else the
//! learner's autosaved work, else the lesson the URL names (the choice is `core::startup`'s). A saved entry that cannot be read is
//! set aside under its own key, never overwritten; the link's fragment is then removed from the
//! address, so a reload shows the learner's latest work rather than the link again.

use crate::core::params::Params;
use crate::core::share::{Decoded, ShareError};
use crate::core::startup::{start, Start};
use crate::core::storage;
use crate::core::storage::{key_for, NOT_KEPT, PREVIOUS_KEY};
use crate::shell::runtime::storage::{read, write};
use yew::prelude::*;

/// Reads the fragment and the storage once, when the app mounts, and says what to open with.
#[hook]
pub fn use_boot(
    params: &Params,
    link: &Option<Result<Decoded, ShareError>>,
    failed: &[String],
) -> std::rc::Rc<Start> {
    let (params, link, failed) = (params.clone(), link.clone(), failed.to_vec());
    use_memo((), move |_| boot(&params, link, failed))
}

fn boot(params: &Params, link: Option<Result<Decoded, ShareError>>, failed: Vec<String>) -> Start {
    let window = web_sys::window();
    let had_link = link.is_some();
    let key = key_for(params.embed, params.lesson.id);
    let (saved_text, storage_available) = match read(&key) {
        Ok(text) => (text, true),
        Err(_) => (None, false),
    };
    let saved = saved_text.as_deref().map(storage::load);
    let mut start = start(params, link, saved);
    let cores = window.as_ref().map_or(0.0, |w| w.navigator().hardware_concurrency());
    start.workers = crate::core::pool::default_size(cores);
    if start.set_aside {
        if let Some(text) = &saved_text {
            let _ = write(&storage::corrupt_key(js_sys::Date::now() as u64), text);
        }
    }
    if start.keep_previous {
        if let Some(text) = &saved_text {
            let _ = write(PREVIOUS_KEY, text);
        }
    }
    start.notices.extend(failed);
    if !storage_available {
        start.notices.push(NOT_KEPT.to_string());
    }
    if had_link {
        // The link has done its work; from here on the learner's edits are what is saved.
        if let Some(w) = &window {
            let l = w.location();
            let url = format!("{}{}", l.pathname().unwrap_or_default(), l.search().unwrap_or_default());
            if let Ok(history) = w.history() {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
    }
    start
}
