//! Copying text to the clipboard, with a message saying whether it worked (the clipboard may
//! be refused: an insecure origin, a sandboxed iframe, a denied permission).

use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// `copy` writes its text to the clipboard; `note` says how the last copy went.
#[derive(Clone, PartialEq)]
pub struct UseClipboardHandle {
    pub copy: Callback<AttrValue>,
    pub note: AttrValue,
}

#[hook]
pub fn use_clipboard() -> UseClipboardHandle {
    let note = use_state(AttrValue::default);
    let copy = {
        let note = note.clone();
        Callback::from(move |text: AttrValue| {
            let note = note.clone();
            let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
                note.set("Copying is not available here: select the code and copy it by hand.".into());
                return;
            };
            let promise = clipboard.write_text(&text);
            wasm_bindgen_futures::spawn_local(async move {
                note.set(match JsFuture::from(promise).await {
                    Ok(_) => "Copied to the clipboard.".into(),
                    Err(_) => {
                        "The browser did not allow copying: select the code and copy it by hand.".into()
                    }
                });
            });
        })
    };
    UseClipboardHandle { copy, note: (*note).clone() }
}
