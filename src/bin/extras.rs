//! The extras: views the page loads on first use, not in its first view (see
//! `shell::extras`). Trunk builds this binary beside the app (as a `worker` type, so the page
//! does not start it); `static/extras-loader.js` starts it when the page asks.

#[cfg(target_arch = "wasm32")]
mod exports {
    use async_playground::shell::extras;
    use wasm_bindgen::prelude::*;

    /// Renders the extra `kind` into `host`.
    #[wasm_bindgen]
    pub fn mount(host: web_sys::Element, kind: String, arg: String) {
        extras::mount(host, kind, arg);
    }

    /// Shows `arg` in what is mounted into `host`.
    #[wasm_bindgen]
    pub fn update(host: web_sys::Element, arg: String) {
        extras::update(&host, arg);
    }

    /// Saves a run's timeline picture (`"svg"` or `"png"`); resolves with a note on how it went.
    #[wasm_bindgen]
    pub fn export_picture(kind: String, arg: String) -> js_sys::Promise {
        wasm_bindgen_futures::future_to_promise(async move { Ok(extras::export(kind, arg).await.into()) })
    }

    /// Removes what was mounted into `host`.
    #[wasm_bindgen]
    pub fn unmount(host: web_sys::Element) {
        extras::unmount(&host);
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("These are the playground's extras: the page loads them in the browser.");
}
