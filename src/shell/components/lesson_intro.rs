//! The lesson: the picker labelled `Lesson`, its title and text, and the switch between its
//! scenarios when it has more than one. On a narrow screen the text folds away behind a button
//! (folded at first), so the stage with the pulse is on the first screen; on a wide one it
//! stands beside the stage and the button is not shown.

use crate::core::lesson::{self, Lesson};
use crate::core::state::Action;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LessonIntroProps {
    pub lesson: &'static Lesson,
    /// The lesson's scenario on the page, if it is one of them.
    pub variant: Option<usize>,
    /// Whether a run is going (the scenario cannot change then).
    pub locked: bool,
    pub on_action: Callback<Action>,
}

#[function_component(LessonIntro)]
pub fn lesson_intro(props: &LessonIntroProps) -> Html {
    let lesson = props.lesson;
    let folded = use_state(|| true);
    let on_fold = {
        let folded = folded.clone();
        Callback::from(move |_: MouseEvent| folded.set(!*folded))
    };
    let on_pick = props.on_action.reform(|e: Event| {
        let id = e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
        Action::ChooseLesson(lesson::find(&id).unwrap_or_else(lesson::default_lesson))
    });
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
                    { for lesson::ALL.iter().enumerate().map(|(i, l)| html! {
                        <option value={l.id} selected={l.id == lesson.id}>{ format!("{}. {}", i + 1, l.title) }</option>
                    }) }
                </select>
            </div>
            <div class="lesson-title-row">
                <h2 id="lesson-title">{ lesson.title }</h2>
                <button type="button" class="quiet lesson-fold" aria-expanded={(!*folded).to_string()} aria-controls="lesson-text" onclick={on_fold}>
                    { if *folded { "Read the lesson" } else { "Hide the lesson" } }
                </button>
            </div>
            <div id="lesson-text" class={classes!("lesson-text", folded.then_some("folded"))}>
                { for lesson.paragraphs.iter().map(|p| html! { <p>{ *p }</p> }) }
            </div>
            { variants }
        </section>
    }
}
