//! The share value (what follows `#s=`) for the scenario, lesson and scale now: compressed by
//! the browser, off the render path, and again whenever one of them changes. A value made for
//! an earlier scenario is never returned, even in the moment before the new one is ready.

use crate::core::scenario::Scenario;
use crate::core::share::{payload_of, wrap, MAX_LINK_CHARS};
use crate::shell::runtime::compress::{can_compress, deflate_raw};
use std::rc::Rc;
use yew::prelude::*;

/// `Some(Ok(value))` once compressed; `Some(Err(message))` when the browser cannot compress or
/// the link would be too long to open; `None` while it is being made.
pub type ShareValue = Option<Result<AttrValue, AttrValue>>;

/// What a value was made from: the scenario, the lesson and the scale.
type Inputs = (Rc<Scenario>, &'static str, u64);

/// Whether two inputs are the same (the scenario by identity first: the cheap case).
fn same(a: &Inputs, b: &Inputs) -> bool {
    (Rc::ptr_eq(&a.0, &b.0) || a.0 == b.0) && (a.1, a.2) == (b.1, b.2)
}

#[hook]
pub fn use_share_value(scenario: Rc<Scenario>, lesson: &'static str, scale: f64) -> ShareValue {
    let made = use_state(|| None::<(Inputs, Result<AttrValue, AttrValue>)>);
    let inputs: Inputs = (scenario.clone(), lesson, scale.to_bits());
    {
        let made = made.clone();
        use_effect_with((scenario, lesson, scale.to_bits()), move |(scenario, _, _)| {
            let json = payload_of(scenario, Some(lesson), Some(scale));
            let inputs: Inputs = (scenario.clone(), lesson, scale.to_bits());
            let live = Rc::new(std::cell::Cell::new(true));
            let still = live.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match deflate_raw(json.as_bytes()).await {
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
                    Err(_) if !can_compress() => Err(AttrValue::from(
                        "This browser cannot make share links: it cannot pack them (CompressionStream \
                         with raw DEFLATE came in Chrome 103, Firefox 113 and Safari 16.4). Export the \
                         scenario as JSON instead, or share from a newer browser.",
                    )),
                    Err(_) => Err(AttrValue::from("This browser could not compress the share link.")),
                };
                // Dropped with the effect: a newer scenario's value wins.
                if still.get() {
                    made.set(Some((inputs, result)));
                }
            });
            move || live.set(false)
        });
    }
    match &*made {
        Some((made_from, result)) if same(made_from, &inputs) => Some(result.clone()),
        _ => None,
    }
}
