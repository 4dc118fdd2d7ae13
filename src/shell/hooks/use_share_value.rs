//! The share value (what follows `#s=`) for the scenario, lesson and scale now: compressed by
//! the browser, off the render path, and again whenever one of them changes.

use crate::core::lesson::Lesson;
use crate::core::scenario::Scenario;
use crate::core::share::{payload, wrap, Shared, MAX_LINK_CHARS};
use crate::shell::runtime::compress::deflate_raw;
use std::rc::Rc;
use yew::prelude::*;

/// `Some(Ok(value))` once compressed; `Some(Err(message))` when the browser cannot compress or
/// the link would be too long to open; `None` while it is being made.
pub type ShareValue = Option<Result<AttrValue, AttrValue>>;

#[hook]
pub fn use_share_value(scenario: Rc<Scenario>, lesson: &'static Lesson, scale: f64) -> ShareValue {
    let value = use_state(|| None);
    {
        let value = value.clone();
        use_effect_with((scenario, lesson.id, scale.to_bits()), move |(scenario, _, _)| {
            let json =
                payload(&Shared { scenario: (**scenario).clone(), lesson: Some(lesson), scale: Some(scale) });
            // Dropped with the effect: a newer scenario's value wins.
            let live = Rc::new(std::cell::Cell::new(true));
            let still = live.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let made = match deflate_raw(json.as_bytes()).await {
                    Ok(bytes) => {
                        let link = wrap(&bytes);
                        if link.len() > MAX_LINK_CHARS {
                            Err(AttrValue::from(format!(
                                "This scenario is too large for a link ({} characters; a link holds at most {MAX_LINK_CHARS}). Export it instead.",
                                link.len()
                            )))
                        } else {
                            Ok(AttrValue::from(link))
                        }
                    }
                    Err(_) => Err(AttrValue::from("This browser cannot compress a share link.")),
                };
                if still.get() {
                    value.set(Some(made));
                }
            });
            move || live.set(false)
        });
    }
    (*value).clone()
}
