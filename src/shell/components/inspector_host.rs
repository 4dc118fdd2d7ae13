//! Where the selected task's panel stands. The panel itself (`task_inspector.rs`) comes with
//! the extras, loaded once this place comes near the window; it sends each change back as an
//! edit in JSON (`Edit::from_json`), which the page applies like any other.

use super::extra_host::{Answer, Arg, ExtraHost};
use crate::core::lesson::Lesson;
use crate::core::scenario::{Lane, Scenario, Task};
use crate::core::state::Action;
use crate::shell::extras::inspector_arg;
use yew::prelude::*;

pub fn inspector_host(
    task: Option<Task>,
    lesson: &'static Lesson,
    locked: bool,
    on_action: &Callback<Action>,
) -> Html {
    // The task travels as a scenario of its one task (its id beside it).
    let task = task
        .and_then(|t| Some((t.id, Scenario::new(vec![Lane { name: String::new(), tasks: vec![t] }]).ok()?)));
    // Made at once: one task is little to write, and it changes with every edit of it.
    let arg = inspector_arg(task.as_ref().map(|(id, s)| (*id, s)), lesson.unit.1, locked);
    let arg = Arg::made(arg);
    html! {
        <ExtraHost kind="inspector" class="inspector-host" {arg} when_near=true answer={Some((Answer::Edit, on_action.clone()))}>
            <aside class="inspector empty" aria-label="Selected task"><p class="booting-extra">{ "Loading the task's panel\u{2026}" }</p></aside>
        </ExtraHost>
    }
}
