//! Loads the extras (`shell::extras`, `src/bin/extras.rs`) the first time the page needs one:
//! their wasm-bindgen glue, then `extras-loader.js`, which starts their wasm and loads their
//! stylesheet (`extras.css`), and leaves a promise of their exports, once both are there, on the
//! global object. Every later call gets the same promise.

use super::binaries::{exports, invoke, scripts};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    /// Whether the extras' exports have been handed out once.
    static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// How many holds are out, and while there are: a promise that the last one's end
    /// resolves, and how to resolve it.
    static HELD: RefCell<(usize, Option<(js_sys::Promise, js_sys::Function)>)> = const { RefCell::new((0, None)) };
}

/// Keeps the extras from starting to load while it lives: fetching, compiling and starting a
/// second wasm binary would hold the main thread that a run is measured on, or that a lesson
/// being opened is waiting for. (Extras already loading go on loading, but are not shown until
/// it ends; extras already shown go on.)
#[must_use = "the hold ends when it is dropped"]
pub struct Hold(());

/// Holds the extras back until the returned value is dropped.
pub fn hold() -> Hold {
    HELD.with(|h| {
        let mut h = h.borrow_mut();
        if h.0 == 0 {
            let mut end = None;
            let ended = js_sys::Promise::new(&mut |resolve, _reject| end = Some(resolve));
            h.1 = end.map(|end| (ended, end));
        }
        h.0 += 1;
    });
    Hold(())
}

impl Drop for Hold {
    fn drop(&mut self) {
        let end = HELD.with(|h| {
            let mut h = h.borrow_mut();
            h.0 = h.0.saturating_sub(1);
            if h.0 == 0 {
                h.1.take()
            } else {
                None
            }
        });
        if let Some((_, end)) = end {
            let _ = end.call0(&JsValue::NULL);
        }
    }
}

const FAILED: &str = "This part of the lesson could not be loaded. Check the connection and try again, or \
                      reload the page if the site has just been updated.";

/// Resolves once no [`Hold`] is out (at once if none is).
pub async fn unheld() {
    if let Some(ended) = HELD.with(|h| h.borrow().1.as_ref().map(|(p, _)| p.clone())) {
        let _ = JsFuture::from(ended).await;
    }
}

/// The extras' exports (`mount`, `update`, `unmount`, `export_picture`), once loaded. The first
/// time, they start loading only once no [`Hold`] is out, and are handed out only once none is
/// either: a hold taken while they load (a lesson chosen just after the page started) keeps
/// their first renders off the thread until it ends.
pub async fn load() -> Result<JsValue, String> {
    if LOADING.with(|l| l.borrow().is_none()) {
        unheld().await;
    }
    let promise = match LOADING.with(|l| l.borrow().clone()) {
        Some(p) => p,
        None => {
            let p = start().ok_or_else(|| FAILED.to_string())?;
            LOADING.with(|l| *l.borrow_mut() = Some(p.clone()));
            p
        }
    };
    let exports = exports(promise, GLOBAL).await.map_err(|_| {
        // A later call tries again.
        LOADING.with(|l| *l.borrow_mut() = None);
        FAILED.to_string()
    })?;
    if !STARTED.get() {
        unheld().await;
        STARTED.set(true);
    }
    Ok(exports)
}

/// Inserts the two scripts, in order, and returns a promise that both have run. After a load
/// whose glue ran but whose wasm failed (the loader then left its promise), only the loader: the
/// glue declares `wasm_bindgen`, and running it twice throws.
fn start() -> Option<js_sys::Promise> {
    let glue_ran = js_sys::Reflect::has(&js_sys::global(), &GLOBAL.into()).unwrap_or(false);
    scripts(if glue_ran { &["extras-loader.js"] } else { &["extras.js", "extras-loader.js"] })
}

/// Where the loader leaves the promise of the extras' exports.
const GLOBAL: &str = "__playgroundExtras";

/// Calls `start` once, when `element` first comes within 600 px of the window. Disconnect the
/// observer returned to give up. (A browser without IntersectionObserver, older than any that
/// runs the page's stylesheet, never calls it, and `None` is returned.)
pub fn when_near(
    element: &web_sys::Element,
    start: impl FnOnce() + 'static,
) -> Option<web_sys::IntersectionObserver> {
    let start = std::cell::Cell::new(Some(start));
    let callback =
        wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                let near = entries
                    .iter()
                    .any(|e| e.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting());
                if near {
                    observer.disconnect();
                    if let Some(start) = start.take() {
                        start();
                    }
                }
            },
        );
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin("600px");
    let observer =
        web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok()?;
    callback.forget();
    observer.observe(element);
    Some(observer)
}

/// Calls the extras' function `name` with `args`.
pub fn call(exports: &JsValue, name: &str, args: &[&JsValue]) {
    invoke(exports, name, args);
}

/// Calls the extras' function `name`, which answers with a promise of a string, and awaits it.
pub async fn call_for(exports: &JsValue, name: &str, args: &[&JsValue]) -> Option<String> {
    let promise = invoke(exports, name, args)?;
    JsFuture::from(js_sys::Promise::from(promise)).await.ok()?.as_string()
}
