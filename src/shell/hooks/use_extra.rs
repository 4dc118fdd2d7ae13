//! Hosts an extra (`shell::extras`) in an element of the page: loads the extras on first use
//! (at once, or once the element comes near the window), mounts the extra, passes it each new
//! argument, relays its event, and unmounts it when the element goes. Until it is there the
//! element shows what it was given (a loading line); if the extras cannot be loaded it says so,
//! with a button that tries again (nothing else on the page is lost or waits for it).

use crate::shell::components::extra_host::Arg;
use crate::shell::runtime::extras;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// What an extra needs from the page.
pub struct Extra {
    /// Which extra (`"code"`, `"turn"`, `"table"`, …: `shell::extras::mount`).
    pub kind: &'static str,
    /// What it shows, as its `update` reads it: made only for a mounted extra.
    pub arg: Arg,
    /// The event it sends the host, and what to do with the event's `detail` (a string, or
    /// empty).
    pub event: Option<(&'static str, Callback<String>)>,
    /// Load only once the host comes near the window (for what stands below the fold).
    pub when_near: bool,
}

#[hook]
pub fn use_extra(host: NodeRef, extra: Extra) {
    // Made when the extra is mounted, and again when what it is made from changes while it is:
    // never for one that is not there (a closed table, a place the window has not come near).
    let latest = use_mut_ref(|| extra.arg.clone());
    *latest.borrow_mut() = extra.arg.clone();
    // Set once the extra is mounted: from then on a new argument is an update.
    let mounted = use_memo((), |_| Rc::new(Cell::new(false)));
    {
        let mounted = (*mounted).clone();
        let host = host.clone();
        use_effect_with(extra.arg.clone(), move |arg| {
            if mounted.get() {
                if let Some(element) = host.cast::<web_sys::Element>() {
                    let arg = arg.make();
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Ok(exports) = extras::load().await {
                            extras::call(&exports, "update", &[&element, &JsValue::from_str(&arg)]);
                        }
                    });
                }
            }
        });
    }
    // The event's handler of the latest render (it may hold what changed since the first).
    let on_event = use_mut_ref(|| None::<Callback<String>>);
    *on_event.borrow_mut() = extra.event.as_ref().map(|(_, on)| on.clone());
    let (kind, event, when_near) = (extra.kind, extra.event.map(|(name, _)| name), extra.when_near);
    use_effect_with((), move |_| {
        let element = host.cast::<web_sys::Element>();
        let gone = Rc::new(Cell::new(false));
        let mounted_now = (*mounted).clone();
        let listener = event.map(|name| {
            let on = Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
                if let Some(on) = &*on_event.borrow() {
                    on.emit(e.detail().as_string().unwrap_or_default());
                }
            });
            (name, on)
        });
        let observer: Rc<RefCell<Option<web_sys::IntersectionObserver>>> = Rc::default();
        if let Some(element) = &element {
            if let Some((name, l)) = &listener {
                let _ = element.add_event_listener_with_callback(name, l.as_ref().unchecked_ref());
            }
            let start = {
                let (element, gone, latest, mounted) =
                    (element.clone(), gone.clone(), latest.clone(), (*mounted).clone());
                move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        loop {
                            match extras::load().await {
                                Ok(_) if gone.get() || mounted.get() => {}
                                Ok(exports) => {
                                    let arg = JsValue::from_str(&latest.borrow().make());
                                    extras::call(
                                        &exports,
                                        "mount",
                                        &[&element, &JsValue::from_str(kind), &arg],
                                    );
                                    mounted.set(true);
                                }
                                Err(why) if !gone.get() => {
                                    try_again(&element, &why, &gone).await;
                                    if !gone.get() {
                                        continue;
                                    }
                                }
                                Err(_) => {}
                            }
                            break;
                        }
                    })
                }
            };
            if when_near {
                *observer.borrow_mut() = extras::when_near(element, start);
            } else {
                start();
            }
        }
        move || {
            gone.set(true);
            // A place waiting for Try again stops waiting.
            WAITING.with(|w| {
                w.borrow_mut()
                    .retain(|(g, wake)| !(Rc::ptr_eq(g, &gone) && wake.call0(&JsValue::NULL).is_ok()))
            });
            if let Some(o) = observer.borrow_mut().take() {
                o.disconnect();
            }
            if let Some(element) = element {
                if let Some((name, l)) = &listener {
                    let _ = element.remove_event_listener_with_callback(name, l.as_ref().unchecked_ref());
                }
                // Only what was mounted is unmounted: a host that never came near the window
                // does not load the extras on its way out.
                if mounted_now.get() {
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Ok(exports) = extras::load().await {
                            extras::call(&exports, "unmount", &[&element]);
                        }
                        drop(listener);
                    });
                }
            }
        }
    });
}

thread_local! {
    /// The places waiting for Try again to be pressed: whether each has gone, and what wakes it.
    static WAITING: RefCell<Vec<(Rc<Cell<bool>>, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
}

/// Says in `host` why the extras could not be loaded (`why`, the page's own words, never
/// markup), with a button to try again, and returns once it is pressed, here or in any other
/// place that waits (one press tries them all), or once the place has `gone`.
async fn try_again(host: &web_sys::Element, why: &str, gone: &Rc<Cell<bool>>) {
    host.set_inner_html(&format!(
        "<p class=extra-failed role=alert>{why}<button type=button class=quiet>Try again</button></p>"
    ));
    let button = host.query_selector("button").ok().flatten();
    let pressed = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(button) = &button {
            button.unchecked_ref::<web_sys::HtmlElement>().set_onclick(Some(&resolve));
        }
        WAITING.with(|w| w.borrow_mut().push((gone.clone(), resolve)));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(pressed).await;
    if gone.get() {
        return;
    }
    for (_, wake) in WAITING.take() {
        let _ = wake.call0(&JsValue::NULL);
    }
    host.set_inner_html("<p class=booting-extra>Loading\u{2026}</p>");
}
