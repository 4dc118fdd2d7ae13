//! Where the selected task's panel stands. The panel itself (`task_inspector.rs`) comes with
//! the extras, loaded once this place comes near the window; it sends each change back as an
//! edit in JSON (`Edit::from_json`), which the page applies like any other.

use crate::core::edit::Edit;
use crate::core::lesson::Lesson;
use crate::core::scenario::{Lane, Scenario, Task};
use crate::core::state::Action;
use crate::shell::extras::{inspector_arg, EDIT};
use crate::shell::hooks::{use_extra, Extra};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InspectorHostProps {
    pub task: Option<Task>,
    pub lesson: &'static Lesson,
    pub locked: bool,
    pub on_action: Callback<Action>,
}

#[function_component(InspectorHost)]
pub fn inspector_host(props: &InspectorHostProps) -> Html {
    let host = use_node_ref();
    // The task travels as a scenario of its one task (its id beside it).
    let task = props.task.as_ref().and_then(|t| {
        Some((t.id, Scenario::new(vec![Lane { name: String::new(), tasks: vec![t.clone()] }]).ok()?))
    });
    let arg = inspector_arg(task.as_ref().map(|(id, s)| (*id, s)), props.lesson.unit.1, props.locked);
    let on_edit = props.on_action.reform(|json: String| match Edit::from_json(&json) {
        Some(edit) => Action::Edit(edit),
        None => Action::Notice("The task's panel sent an edit the page could not read.".into()),
    });
    use_extra(host.clone(), Extra { kind: "inspector", arg, event: Some((EDIT, on_edit)), when_near: true });
    html! {
        <div class="inspector-host" ref={host}>
            <aside class="inspector empty" aria-label="Selected task"><p class="booting-extra">{ "Loading the task's panel\u{2026}" }</p></aside>
        </div>
    }
}
