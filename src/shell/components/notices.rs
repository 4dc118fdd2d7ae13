//! Problems worth telling the learner about (a bad URL parameter, say), until dismissed.

use yew::prelude::*;

pub fn notices(notices: &[String], on_dismiss: &Callback<()>) -> Html {
    if notices.is_empty() {
        return html! {};
    }
    let on_click = on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notices" role="alert">
            <ul>{ for notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            <button type="button" class="quiet" onclick={on_click}>{ "Dismiss" }</button>
        </div>
    }
}
