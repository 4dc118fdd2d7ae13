//! Predict, then run: the lesson's question, the learner's guess, and once the mode it asks
//! about has run, the guess set beside the model's prediction and the measurement.

use super::memo::{Inputs, Memo};
use crate::core::lesson::Lesson;
use crate::core::predict::Prediction;
use crate::core::question::{Answer, Guess, Question};
use crate::core::report::RunReport;
use crate::core::scenario::{Scenario, TaskId};
use crate::core::state::Action;
use crate::shell::components::same::Same;
use std::rc::Rc;
use web_sys::{HtmlFormElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

pub struct PredictPromptProps {
    pub lesson: &'static Lesson,
    pub scenario: Rc<Scenario>,
    /// The prediction for the mode the question asks about.
    pub prediction: Rc<Prediction>,
    /// The last run in that mode, if it ran the scenario on the timeline now.
    pub report: Option<Same<RunReport>>,
    pub guess: Option<Guess>,
    /// Why the last guess tried could not be read.
    pub problem: Option<&'static str>,
    pub on_action: Callback<Action>,
}

/// Reads the guess from the form's one field (named `guess`).
fn read_guess(form: &HtmlFormElement, question: Question) -> Option<Guess> {
    let field = form.elements().named_item("guess")?;
    let value = if let Ok(select) = wasm_bindgen::JsCast::dyn_into::<HtmlSelectElement>(field.clone()) {
        select.value()
    } else if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(field.clone()) {
        input.value()
    } else {
        // A group of radio buttons: the checked one.
        let list: web_sys::RadioNodeList = wasm_bindgen::JsCast::dyn_into(field).ok()?;
        list.value()
    };
    let value = value.trim();
    match question {
        Question::Total(_) | Question::Freeze(_) | Question::Ends(..) => {
            crate::core::number::parse(value).filter(|n| n.is_finite() && *n >= 0.0).map(Guess::Units)
        }
        Question::FirstLane(_) => value.parse().ok().map(Guess::Lane),
        Question::Counter(_) => value.parse().ok().map(Guess::Count),
        Question::Culprit => value.parse().ok().map(|id| Guess::Task(TaskId(id))),
        Question::Logged(..) => match value {
            "yes" => Some(Guess::Logged(true)),
            "no" => Some(Guess::Logged(false)),
            _ => None,
        },
        Question::Order => None,
    }
}

/// The form's field for `question`.
fn field(question: Question, lesson: &Lesson, scenario: &Scenario) -> Html {
    match question {
        Question::Order => html! {},
        Question::Total(_) | Question::Freeze(_) | Question::Ends(..) => html! {
            <span class="guess-number">
                <input id="guess" name="guess" type="number" min="0" max="10000" step="0.1" inputmode="decimal" />
                <span>{ lesson.unit.1 }</span>
            </span>
        },
        Question::Counter(_) => html! {
            <input id="guess" name="guess" type="number" min="0" max="1000" step="1" inputmode="numeric" />
        },
        Question::FirstLane(_) => html! {
            <span class="guess-options" role="radiogroup" aria-labelledby="guess-question">
                { for scenario.lanes().iter().enumerate().filter(|(_, l)| !l.tasks.is_empty()).map(|(i, l)| html! {
                    <label><input type="radio" name="guess" value={i.to_string()} />{ &l.name }</label>
                }) }
            </span>
        },
        Question::Logged(..) => html! {
            <span class="guess-options" role="radiogroup" aria-labelledby="guess-question">
                <label><input type="radio" name="guess" value="yes" />{ "Yes, it is logged" }</label>
                <label><input type="radio" name="guess" value="no" />{ "No, never" }</label>
            </span>
        },
        Question::Culprit => html! {
            <select id="guess" name="guess">
                <option value="" selected=true disabled=true>{ "Choose a task" }</option>
                { for scenario.tasks().map(|(_, t)| html! { <option value={t.id.0.to_string()}>{ &t.label }</option> }) }
            </select>
        },
    }
}

pub fn predict_prompt(props: &PredictPromptProps) -> Html {
    let lesson = props.lesson;
    let question = lesson.question;
    let scenario = &props.scenario;
    let ask = question.ask(lesson.unit);

    let on_submit = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(form) = e.target_dyn_into::<HtmlFormElement>() else {
                return;
            };
            on_action.emit(read_guess(&form, question).map_or(Action::GuessUnreadable, Action::Guess));
        })
    };
    let on_again = props.on_action.reform(|_: MouseEvent| Action::ClearGuess);

    // The order question has a panel of its own (`turn_question.rs`).
    let Some(model) = question.model(&props.prediction, scenario) else { return html! {} };
    let form_shown = props.guess.is_none() && props.report.is_none();
    // The question labels the form's field; radio buttons get it as their group's name.
    let ask_html = if form_shown && !matches!(question, Question::FirstLane(_) | Question::Logged(..)) {
        html! { <p id="guess-question"><label for="guess">{ ask.clone() }</label></p> }
    } else {
        html! { <p id="guess-question">{ ask.clone() }</p> }
    };
    let body = match (props.guess, props.report.as_ref()) {
        (guess, Some(report)) => answered(props, guess, report, model, on_again),
        (Some(guess), None) => locked(props, guess, on_again),
        (None, None) => html! {
            <form class="guess-form" onsubmit={on_submit} novalidate=true>
                // A radio button per lane or an option per task: drawn again only for another
                // scenario or lesson ([`Memo`]), not on every render of the app.
                <Memo
                    inputs={Inputs::default().shared(scenario).text(lesson.id)}
                    view={Rc::new({
                        let scenario = scenario.clone();
                        move || field(question, lesson, &scenario)
                    }) as Rc<dyn Fn() -> Html>}
                />
                <button type="submit">{ "Lock in my guess" }</button>
                if let Some(problem) = props.problem { <p class="guess-problem" role="alert">{ problem }</p> }
            </form>
        },
    };
    html! {
        <section class="predict" aria-labelledby="predict-title">
            <h2 id="predict-title">{ "Predict, then run" }</h2>
            { ask_html }
            { body }
        </section>
    }
}

/// After a run: the guess, the model and the run side by side, and a verdict.
#[inline(never)] // not in the first view, so not in its wasm (ARCHITECTURE.md, Invariants)
fn answered(
    props: &PredictPromptProps,
    guess: Option<Guess>,
    report: &RunReport,
    model: Answer,
    on_again: Callback<MouseEvent>,
) -> Html {
    let lesson = props.lesson;
    let question = lesson.question;
    let mode = question.mode();
    let scenario = &props.scenario;
    let ask = question.ask(lesson.unit);
    let measured = question.measured(report).unwrap_or(model);
    let verdict = match guess {
        Some(g) if g.agrees(measured) => "Your prediction matched the run.".to_string(),
        Some(_) => "The run did not go as you predicted: look at the timeline to see why.".to_string(),
        None => "You ran it without a guess; guess before the next run.".to_string(),
    };
    html! {
        <>
            <dl class="compare" aria-label={format!("{ask} Your guess, the model and the run")}>
                <div><dt>{ "You guessed" }</dt><dd class="guess-value">{ guess.map_or_else(|| "\u{2014}".to_string(), |g| g.describe(scenario, lesson.unit)) }</dd></div>
                <div><dt>{ "The model predicts" }</dt><dd class="model-value">{ model.describe(scenario, lesson.unit) }</dd></div>
                <div><dt>{ format!("The {mode} run measured") }</dt><dd class="measured-value">{ measured.describe(scenario, lesson.unit) }</dd></div>
            </dl>
            <div class="verdict-row">
            <p class="verdict">{ verdict }</p>
            <button type="button" class="quiet" onclick={on_again}>{ "Guess again" }</button>
            </div>
        </>
    }
}

/// A guess locked in, before the run.
#[inline(never)] // not in the first view, so not in its wasm (ARCHITECTURE.md, Invariants)
fn locked(props: &PredictPromptProps, guess: Guess, on_again: Callback<MouseEvent>) -> Html {
    let lesson = props.lesson;
    let mode = lesson.question.mode();
    let scenario = &props.scenario;
    html! {
        <>
            <p class="guess-locked">
                { "Your prediction: " }<strong>{ guess.describe(scenario, lesson.unit) }</strong>
                { format!(". Now press \u{201c}{}\u{201d} below to see how it really goes.", mode.run_label()) }
            </p>
            <button type="button" class="quiet" onclick={on_again}>{ "Change my guess" }</button>
        </>
    }
}
