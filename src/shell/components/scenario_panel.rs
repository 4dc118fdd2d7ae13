//! Below the stage, the scenario's settings that are not drawn on the timeline: how the lanes
//! combine (join, try_join, select) and the side panel for the selected task.

use super::inspector_host::inspector_host;
use crate::core::edit::Edit;
use crate::core::lesson::Lesson;
use crate::core::scenario::{Combine, Scenario, TaskId};
use crate::core::state::Action;
use std::rc::Rc;
use yew::prelude::*;

pub struct ScenarioPanelProps {
    pub scenario: Rc<Scenario>,
    pub selected: Option<TaskId>,
    pub lesson: &'static Lesson,
    /// True during a run: the scenario cannot change.
    pub locked: bool,
    pub on_action: Callback<Action>,
}

#[inline(never)] // not in the first view, so not in its wasm (ARCHITECTURE.md, Invariants)
pub fn scenario_panel(props: &ScenarioPanelProps) -> Html {
    let on_combine = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let value =
                e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
            if let Some(combine) = Combine::parse(&value) {
                on_action.emit(Action::Edit(Edit::SetCombine { combine }));
            }
        })
    };
    let combine = props.scenario.combine();
    let selected_task = props.selected.and_then(|id| props.scenario.task(id)).map(|(_, t)| t.clone());
    html! {
        <section class="editor" aria-labelledby="editor-title">
            <h2 id="editor-title">{ "Scenario" }</h2>
            <label class="ed-combine">
                <span>{ "The run ends when" }</span>
                <select onchange={on_combine} disabled={props.locked}>
                    <option value="join" selected={combine == Combine::Join}>{ "every lane has finished (join)" }</option>
                    <option value="try-join" selected={combine == Combine::TryJoin}>{ "every lane has finished, or one fails (try_join)" }</option>
                    <option value="select" selected={combine == Combine::Select}>{ "the first lane finishes; the rest are dropped (select)" }</option>
                </select>
            </label>
            { inspector_host(selected_task, props.lesson, props.locked, &props.on_action) }
        </section>
    }
}
