//! The lesson: the picker labelled `Lesson`, its title and text, and the switch between its
//! scenarios when it has more than one. On a narrow screen the text folds away behind a button
//! (folded at first), so the stage with the pulse is on the first screen; on a wide one it
//! stands beside the stage and the button is not shown.

use crate::core::lesson::{self, Lesson};
use crate::core::state::Action;
use crate::shell::hooks::{Opening, UseOpenLessonHandle};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

pub struct LessonIntroProps<'a> {
    pub lesson: &'static Lesson,
    /// The lesson's scenario on the page, if it is one of them.
    pub variant: Option<usize>,
    /// Whether a run is going (the scenario cannot change then).
    pub locked: bool,
    pub on_action: Callback<Action>,
    /// Whether the text is folded away (on a narrow screen; folded at first).
    pub folded: &'a UseStateHandle<bool>,
    /// Opening another lesson (`hooks::use_open_lesson`).
    pub opener: &'a UseOpenLessonHandle,
}

pub fn lesson_intro(props: &LessonIntroProps) -> Html {
    let lesson = props.lesson;
    let on_fold = {
        let folded = props.folded.clone();
        Callback::from(move |_: MouseEvent| folded.set(!*folded))
    };
    let folded = **props.folded;
    let opener = props.opener;
    let on_pick = {
        let open = opener.open.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<HtmlSelectElement>() else { return };
            // If the lesson cannot be fetched, the picker shows the lesson still on the page.
            let back = select.clone();
            open.emit((select.value(), Callback::from(move |()| back.set_value(lesson.id))));
        })
    };
    let opening = match &opener.opening {
        Opening::Idle => html! {},
        Opening::Loading(title) => html! {
            <p class="lesson-opening" aria-live="polite">{ format!("Loading \u{201c}{title}\u{201d}\u{2026}") }</p>
        },
        Opening::Failed(why) => html! { <p class="lesson-opening failed" role="alert">{ why }</p> },
    };
    let variants = (lesson.variants.len() > 1).then(|| {
        let buttons = lesson.variants.iter().enumerate().map(|(i, v)| {
            let on_click = props.on_action.reform(move |_: MouseEvent| Action::ChooseVariant(i));
            html! {
                <button type="button" class="variant" aria-pressed={(Some(i) == props.variant).to_string()} onclick={on_click} disabled={props.locked}>
                    { v.name }
                </button>
            }
        });
        html! {
            <div class="variants" role="group" aria-label="Scenarios of this lesson">
                <span class="variants-label">{ "Scenario:" }</span>
                { for buttons }
            </div>
        }
    });
    html! {
        <section class="lesson" aria-labelledby="lesson-title">
            <div class="lesson-picker">
                <label for="lesson-picker">{ "Lesson" }</label>
                <select id="lesson-picker" onchange={on_pick} disabled={props.locked}>
                    { for lesson::CATALOGUE.iter().enumerate().map(|(i, l)| html! {
                        <option value={l.id} selected={l.id == lesson.id}>{ format!("{}. {}", i + 1, l.title) }</option>
                    }) }
                </select>
                { opening }
            </div>
            <div class="lesson-title-row">
                <h2 id="lesson-title">{ lesson.title }</h2>
                <button type="button" class="quiet lesson-fold" aria-expanded={(!folded).to_string()} aria-controls="lesson-text" onclick={on_fold}>
                    { if folded { "Read the lesson" } else { "Hide the lesson" } }
                </button>
            </div>
            <div id="lesson-text" class={if folded { "lesson-text folded" } else { "lesson-text" }}>
                { for lesson.paragraphs.iter().map(|p| html! { <p>{ *p }</p> }) }
                if !lesson.sources.is_empty() {
                    <details class="lesson-sources">
                        <summary>{ "Sources" }</summary>
                        <ul>{ for lesson.sources.iter().map(|s| html! { <li><a href={s.url} target="_blank" rel="noopener">{ s.title }</a></li> }) }</ul>
                    </details>
                }
            </div>
            { variants }
        </section>
    }
}
