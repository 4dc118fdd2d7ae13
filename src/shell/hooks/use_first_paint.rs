//! Whether the page's first view has been painted: `false` in the first render, `true` from the
//! render after the browser has drawn it and the rest of the page's wasm has arrived
//! (`runtime::page_rest`). The app renders what stands below the fold only then, so the first
//! render, its layout and its paint hold only what the window shows, and the page is ready (and
//! says so) that much sooner; and the code of what stands below the fold is not in the first
//! view's wasm.

use crate::shell::runtime::frames::frame_or_timeout;
use crate::shell::runtime::page_rest;
use crate::shell::runtime::yield_now::yield_now;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// How long to wait for the first frame where the page draws none (a hidden tab, an iframe
/// out of view): what stands below the fold must come even then.
const FRAME_WAIT_MS: u32 = 200;

#[hook]
pub fn use_first_paint() -> bool {
    let painted = use_state_eq(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| {
            let gone = Rc::new(Cell::new(false));
            let gone_later = gone.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // The frame's callbacks run before it is drawn; the task after them, after. A
                // message, not a timer: messages are delivered in order, so the page's `ready`
                // (posted as the first render ended) reaches the parent first.
                frame_or_timeout(FRAME_WAIT_MS).await;
                yield_now().await;
                page_rest::arrived().await;
                if !gone_later.get() {
                    painted.set(true);
                }
            });
            move || gone.set(true)
        });
    }
    *painted
}
