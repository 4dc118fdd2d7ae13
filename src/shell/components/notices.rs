//! Problems worth telling the learner about (a bad URL parameter, say), until dismissed.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<String>,
    pub on_dismiss: Callback<()>,
}

#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let on_click = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notices" role="alert">
            <ul>{ for props.notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            <button type="button" class="quiet" onclick={on_click}>{ "Dismiss" }</button>
        </div>
    }
}
