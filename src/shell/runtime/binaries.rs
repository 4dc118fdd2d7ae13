//! Another of the playground's wasm binaries in the page (the extras, the runner): its scripts
//! inserted, and its exported functions called through the exports object it hands out.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Inserts the scripts `srcs` (files loaded after the first view, `runtime::parts`) into the
/// page, to run in order, and returns a promise that the last has run (rejected if any could not
/// be loaded).
pub fn scripts(srcs: &[&str]) -> Option<js_sys::Promise> {
    let document = web_sys::window()?.document()?;
    let head = document.head()?;
    let mut inserted = Vec::new();
    for src in srcs {
        let s: web_sys::HtmlScriptElement = document.create_element("script").ok()?.unchecked_into();
        s.set_src(&super::parts::url(src));
        // Dynamically inserted scripts run in insertion order only when not async.
        s.set_async(false);
        inserted.push(s);
    }
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        for (i, s) in inserted.iter().enumerate() {
            if i + 1 == inserted.len() {
                s.set_onload(Some(&resolve));
            }
            s.set_onerror(Some(&reject));
        }
    });
    for s in &inserted {
        head.append_child(s).ok()?;
    }
    Some(loaded)
}

/// Calls the binary's exported function `name` with `args`; what it returns, if it could be
/// called.
pub fn invoke(exports: &JsValue, name: &str, args: &[&JsValue]) -> Option<JsValue> {
    let f = js_sys::Reflect::get(exports, &name.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    match args {
        [a] => f.call1(&JsValue::NULL, a),
        [a, b] => f.call2(&JsValue::NULL, a, b),
        [a, b, c] => f.call3(&JsValue::NULL, a, b, c),
        _ => f.apply(&JsValue::NULL, &args.iter().copied().collect()),
    }
    .ok()
}

/// Once `loaded` (the promise [`scripts`] returned) resolves: the exports that the binary's
/// loader leaves on the global object under `name`, as a promise, once that resolves.
pub async fn exports(loaded: js_sys::Promise, name: &str) -> Result<JsValue, JsValue> {
    JsFuture::from(loaded).await?;
    let started = js_sys::Reflect::get(&js_sys::global(), &name.into())?;
    JsFuture::from(js_sys::Promise::resolve(&started)).await
}
