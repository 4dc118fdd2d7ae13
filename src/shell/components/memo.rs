//! A part of the page drawn again only when what it is drawn from changes: the one Yew
//! component that the page's plain view functions use where drawing again on every render of
//! the app would cost (a list as long as the scenario) or lose what the learner is typing (a
//! field whose value the page sets). Its [`Inputs`] also key what an extra shows
//! (`extra_host::Arg`).

use std::any::Any;
use std::rc::Rc;
use yew::prelude::*;

/// What something is made from: each input kept and compared by identity (a shared value,
/// which is kept alive, so its address is never reused while compared) or by value (a number,
/// a text).
#[derive(Clone, Default, PartialEq)]
pub struct Inputs(Vec<Input>);

#[derive(Clone)]
enum Input {
    Shared(Rc<dyn Any>),
    Value(u64),
    Text(Rc<str>),
}

impl PartialEq for Input {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Input::Shared(a), Input::Shared(b)) => Rc::ptr_eq(a, b),
            (Input::Value(a), Input::Value(b)) => a == b,
            (Input::Text(a), Input::Text(b)) => a == b,
            _ => false,
        }
    }
}

impl Inputs {
    /// Made from this shared value.
    pub fn shared<T: 'static>(mut self, value: &Rc<T>) -> Self {
        self.0.push(Input::Shared(value.clone()));
        self
    }

    /// Made from this number (or anything told apart by one: a float's bits, a flag).
    pub fn value(mut self, value: u64) -> Self {
        self.0.push(Input::Value(value));
        self
    }

    /// Made from this text.
    pub fn text(mut self, text: impl Into<Rc<str>>) -> Self {
        self.0.push(Input::Text(text.into()));
        self
    }
}

#[derive(Properties)]
pub struct MemoProps {
    /// Everything `view` reads but what never changes (the app's `on_action`).
    pub inputs: Inputs,
    pub view: Rc<dyn Fn() -> Html>,
}

impl PartialEq for MemoProps {
    fn eq(&self, other: &Self) -> bool {
        self.inputs == other.inputs
    }
}

#[function_component(Memo)]
pub fn memo(props: &MemoProps) -> Html {
    (props.view)()
}
