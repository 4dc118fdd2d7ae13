//! The palette of task kinds above the lanes: press a kind to add it to the end of the chosen
//! lane (Enter and Space too), or drag it onto a lane to drop it where it lands.

use super::drag::{new_task, Drag, PointerHandlers};
use crate::core::edit::Edit;
use crate::core::scenario::{Scenario, TaskKind, DEFAULT_BURST_MS};
use crate::core::state::Action;
use std::rc::Rc;
use yew::prelude::*;

const PALETTE: [(TaskKind, &str, &str); 4] = [
    (TaskKind::Wait, "Wait", "a timer: waiting needs no thread"),
    (TaskKind::REQUEST, "Request", "a real fetch plus network latency"),
    (TaskKind::work(DEFAULT_BURST_MS), "Work", "CPU work in short bursts"),
    (
        TaskKind::Update { locked: false, read_after: false },
        "Update",
        "read a shared counter, wait, write it back plus one",
    ),
];

/// The chips, each adding to `lane` when pressed.
pub(super) fn chips(
    scenario: &Rc<Scenario>,
    lane: usize,
    locked: bool,
    handlers: &Rc<PointerHandlers>,
    on_action: &Callback<Action>,
) -> Html {
    let chips = PALETTE.iter().map(|&(kind, name, hint)| {
        let pressed = handlers.drag.clone();
        let on_down = Callback::from(move |e: PointerEvent| {
            if locked || e.button() != 0 {
                return;
            }
            if let Some(target) = e.target_dyn_into::<web_sys::Element>() {
                let _ = target.set_pointer_capture(e.pointer_id());
            }
            *pressed.borrow_mut() = Some(Drag::Palette {
                kind,
                x0: f64::from(e.client_x()),
                y0: f64::from(e.client_y()),
                moved: false,
            });
        });
        let on_click = {
            let drag = handlers.drag.clone();
            let on_action = on_action.clone();
            let scenario = scenario.clone();
            let suppress = handlers.suppress_click_until.clone();
            Callback::from(move |e: MouseEvent| {
                // A press that never became a drag leaves its state behind: clear it.
                drag.borrow_mut().take();
                if e.time_stamp() < suppress.get() {
                    return; // the end of a drag, already handled
                }
                if scenario.lanes().is_empty() {
                    on_action.emit(Action::Edit(Edit::AddLane { name: "Lane 1".into() }));
                    on_action.emit(Action::Edit(new_task(kind, 0, 0)));
                    return;
                }
                on_action.emit(Action::Edit(new_task(kind, lane, usize::MAX)));
            })
        };
        html! {
            <button
                type="button"
                class={format!("chip kind-{}", kind.as_str())}
                title={format!("{name}: {hint}. Drag onto a lane, or press to add to the end of the chosen lane.")}
                aria-label={format!("Add {} task", kind.as_str())}
                aria-disabled={locked.to_string()}
                onpointerdown={on_down}
                onpointermove={handlers.on_move.clone()}
                onpointerup={handlers.on_up.clone()}
                onpointercancel={handlers.on_cancel.clone()}
                onclick={on_click}
            >
                { name }
            </button>
        }
    });
    html! { <>{ for chips }</> }
}
