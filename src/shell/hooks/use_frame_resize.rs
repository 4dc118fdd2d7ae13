//! Embedded in a frame, the page tells its parent how tall its content is, whenever that
//! changes, so a course page can size the frame to fit (no scrolling inside a frame inside a
//! page): `{type: "resize", height}`, and Canvas LMS's `{subject: "lti.frameResize", height}`.
//! A `ResizeObserver` on the page's root calls at most once a frame, after layout; a height
//! already sent is not sent again. Nothing in the page's layout depends on the frame's height,
//! so sizing the frame does not change the height it was sized to.

use crate::core::message::OutMessage;
use crate::shell::runtime::listening::Listening;
use crate::shell::runtime::post::post;
use std::cell::Cell;
use yew::prelude::*;

/// Whether this page is in a frame (its parent is another window).
fn framed() -> bool {
    web_sys::window().is_some_and(|w| w.parent().ok().flatten().is_some_and(|p| p != w))
}

#[hook]
pub fn use_frame_resize(embed: bool) {
    use_effect_with(embed, |&embed| {
        let root = (embed && framed())
            .then(|| web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()))
            .flatten();
        let sent = Cell::new(0_u32);
        let listening = root.map(|root| {
            let observed = root.clone();
            Listening::new(move || {
                let height = observed.get_bounding_client_rect().height().ceil() as u32;
                if height > 0 && height != sent.replace(height) {
                    post(&OutMessage::Resize { height });
                    post(&OutMessage::LtiFrameResize { height });
                }
            })
            .sized(Some(&root))
        });
        move || drop(listening)
    });
}
