//! The lesson's title and text.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LessonIntroProps {
    pub lesson_title: &'static str,
    pub paragraphs: &'static [&'static str],
}

#[function_component(LessonIntro)]
pub fn lesson_intro(props: &LessonIntroProps) -> Html {
    html! {
        <section class="lesson" aria-labelledby="lesson-title">
            <h2 id="lesson-title">{ props.lesson_title }</h2>
            { for props.paragraphs.iter().map(|p| html! { <p>{ *p }</p> }) }
        </section>
    }
}
