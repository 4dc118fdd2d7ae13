//! The element of the page an extra (`shell::extras`) renders into, showing what it was given
//! (a loading line) until the extra has come. One component serves every extra's place, so each
//! place (`code_host`, `history_host`, …) is a plain function saying which extra, what it shows
//! and what its answers mean: a Yew component of its own for each would cost the first view
//! about 0.6 KB of generic code apiece.

use super::memo::Inputs;
use crate::core::edit::Edit;
use crate::core::scenario::TaskId;
use crate::core::state::Action;
use crate::shell::extras::{EDIT, PICK, TURN_RAN};
use crate::shell::hooks::{use_extra, Extra};
use std::rc::Rc;
use yew::prelude::*;

/// What an extra shows, as its `update` reads it: made when the extra is mounted and again only
/// when what it is made from changes ([`Inputs`]) while it is, so a large argument (the results
/// of every run of the session) is not made again, nor compared, each time the page draws, and
/// none is made for an extra that is not there (a closed table, a place out of view). A small
/// one is made at once ([`Arg::made`]) and compared as it is.
#[derive(Clone)]
pub struct Arg {
    inputs: Inputs,
    make: Rc<dyn Fn() -> String>,
}

impl Arg {
    /// The argument `make` returns, made from `inputs` (everything it reads).
    pub fn new(inputs: Inputs, make: impl Fn() -> String + 'static) -> Self {
        Arg { inputs, make: Rc::new(make) }
    }

    /// An argument made already.
    pub fn made(arg: String) -> Self {
        let arg: Rc<str> = arg.into();
        Arg::new(Inputs::default().text(arg.clone()), move || arg.to_string())
    }

    /// The argument, made now.
    pub fn make(&self) -> String {
        (self.make)()
    }
}

impl PartialEq for Arg {
    fn eq(&self, other: &Self) -> bool {
        self.inputs == other.inputs
    }
}

/// What an extra's event means to the page.
#[derive(Clone, Copy, PartialEq)]
pub enum Answer {
    /// The task's panel sent an edit, as JSON (`Edit::to_json`).
    Edit,
    /// The table of tasks sent the id of the task chosen.
    Pick,
    /// The turn of the event loop ran.
    TurnRan,
}

impl Answer {
    fn event(self) -> &'static str {
        match self {
            Answer::Edit => EDIT,
            Answer::Pick => PICK,
            Answer::TurnRan => TURN_RAN,
        }
    }

    /// The action an event's detail asks for; a detail the page cannot read is said.
    fn action(self, detail: &str) -> Action {
        match self {
            Answer::Edit => match Edit::from_json(detail) {
                Some(edit) => Action::Edit(edit),
                None => Action::Notice("The task's panel sent an edit the page could not read.".into()),
            },
            Answer::Pick => match detail.parse() {
                Ok(id) => Action::Select(Some(TaskId(id))),
                Err(_) => Action::Notice("The table sent a task the page could not read.".into()),
            },
            Answer::TurnRan => Action::TurnRan,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ExtraHostProps {
    /// Which extra (`shell::extras::mount`).
    pub kind: &'static str,
    /// The host element's class.
    pub class: &'static str,
    pub arg: Arg,
    /// Load only once the host comes near the window (for what stands below the fold).
    pub when_near: bool,
    /// The extra's event, if it sends one, and where its actions go.
    #[prop_or_default]
    pub answer: Option<(Answer, Callback<Action>)>,
    /// Or an event the page handles itself (the share bar's exports), and its handler.
    #[prop_or_default]
    pub event: Option<(&'static str, Callback<String>)>,
    /// What stands in the host until the extra has come.
    pub children: Html,
}

#[function_component(ExtraHost)]
pub fn extra_host(props: &ExtraHostProps) -> Html {
    let host = use_node_ref();
    let event = props
        .answer
        .clone()
        .map(|(answer, on_action)| (answer.event(), on_action.reform(move |d: String| answer.action(&d))))
        .or_else(|| props.event.clone());
    use_extra(
        host.clone(),
        Extra { kind: props.kind, arg: props.arg.clone(), event, when_near: props.when_near },
    );
    html! { <div class={props.class} ref={host}>{ props.children.clone() }</div> }
}
