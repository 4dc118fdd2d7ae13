//! `localStorage`, which may be missing or refuse: a sandboxed iframe or a strict privacy
//! setting throws on access, a full quota throws on write. Every call says what happened.

/// Why storage could not be used.
#[derive(Debug)]
pub struct Unavailable;

fn storage() -> Result<web_sys::Storage, Unavailable> {
    // Reading `window.localStorage` itself throws in a sandboxed frame.
    web_sys::window().ok_or(Unavailable)?.local_storage().ok().flatten().ok_or(Unavailable)
}

/// The text under `key`, if any.
pub fn read(key: &str) -> Result<Option<String>, Unavailable> {
    storage()?.get_item(key).map_err(|_| Unavailable)
}

/// Writes `text` under `key`.
pub fn write(key: &str, text: &str) -> Result<(), Unavailable> {
    storage()?.set_item(key, text).map_err(|_| Unavailable)
}
