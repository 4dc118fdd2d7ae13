//! The order question of "One turn of the event loop": the click handler's code, its lines to
//! put in order (by dragging, by the arrow buttons, or with Alt and the up and down keys), a
//! button that runs the handler for real, and once it ran, the learner's order, the model's
//! and this browser's side by side, the verdict, and each line drawn in the queue it waited in.
//!
//! It is part of the extras (`src/bin/extras.rs`), loaded only when a lesson asks the order
//! question; the page hosts it in `turn_host.rs`.

use crate::core::format::Fixed;
use crate::core::lesson::Lesson;
use crate::core::turn::{listing, model_order, moved, verdict, Queue};
use crate::shell::hooks::{use_turn, UseTurnHandle};
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TurnQuestionProps {
    pub lesson: &'static Lesson,
    /// Called after each run of the turn.
    pub on_ran: Callback<()>,
}

#[function_component(TurnQuestion)]
pub fn turn_question(props: &TurnQuestionProps) -> Html {
    let steps = props.lesson.turn;
    let order = use_state(|| (0..steps.len()).collect::<Vec<usize>>());
    let dragging = use_state(|| None::<usize>);
    let said = use_state(String::new);
    // The element to focus once a move has re-rendered the list.
    let refocus = use_state(|| None::<String>);
    let UseTurnHandle { report, run } = use_turn(steps, props.on_ran.clone());

    use_effect_with((*refocus).clone(), |id| {
        let element = id.as_ref().and_then(|id| web_sys::window()?.document()?.get_element_by_id(id));
        if let Some(e) = element.and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(e).ok()) {
            let _ = e.focus();
        }
    });

    let move_to = {
        let (order, said, refocus) = (order.clone(), said.clone(), refocus.clone());
        Callback::from(move |(from, to, focus): (usize, usize, String)| {
            let next = moved(&order, from, to);
            let step = order[from];
            let place = next.iter().position(|&i| i == step).unwrap_or(0);
            said.set(format!(
                "\u{201c}{}\u{201d} moved to place {} of {}.",
                steps[step].line,
                place + 1,
                next.len()
            ));
            order.set(next);
            refocus.set(Some(focus));
        })
    };

    let items = order.iter().enumerate().map(|(at, &step)| {
        let line = steps[step].line;
        let last = at + 1 == order.len();
        let on_key = {
            let move_to = move_to.clone();
            Callback::from(move |e: KeyboardEvent| {
                let to = match e.key().as_str() {
                    "ArrowUp" if e.alt_key() && at > 0 => at - 1,
                    "ArrowDown" if e.alt_key() && !last => at + 1,
                    _ => return,
                };
                e.prevent_default();
                move_to.emit((at, to, format!("turn-line-{step}")));
            })
        };
        let up = {
            let move_to = move_to.clone();
            let focus = if at > 1 { format!("turn-up-{step}") } else { format!("turn-line-{step}") };
            Callback::from(move |_: MouseEvent| move_to.emit((at, at - 1, focus.clone())))
        };
        let down = {
            let move_to = move_to.clone();
            let focus = if at + 2 < steps.len() { format!("turn-down-{step}") } else { format!("turn-line-{step}") };
            Callback::from(move |_: MouseEvent| move_to.emit((at, at + 1, focus.clone())))
        };
        let on_drag_start = {
            let dragging = dragging.clone();
            Callback::from(move |e: DragEvent| {
                if let Some(data) = e.data_transfer() {
                    // Firefox starts a drag only with data set.
                    let _ = data.set_data("text/plain", line);
                    data.set_effect_allowed("move");
                }
                dragging.set(Some(at));
            })
        };
        let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
        let on_drop = {
            let (dragging, move_to, order) = (dragging.clone(), move_to.clone(), order.clone());
            Callback::from(move |e: DragEvent| {
                e.prevent_default();
                if let Some(from) = (*dragging).filter(|&from| from != at && from < order.len()) {
                    move_to.emit((from, at, format!("turn-line-{}", order[from])));
                }
                dragging.set(None);
            })
        };
        let on_drag_end = {
            let dragging = dragging.clone();
            Callback::from(move |_: DragEvent| dragging.set(None))
        };
        html! {
            <li key={step} id={format!("turn-line-{step}")} tabindex="0" draggable="true"
                class={classes!("turn-item", (*dragging == Some(at)).then_some("dragging"))}
                aria-label={format!("{}. {line}", at + 1)}
                onkeydown={on_key} ondragstart={on_drag_start} ondragover={on_drag_over} ondrop={on_drop} ondragend={on_drag_end}>
                <span class="grip" aria-hidden="true">{ "\u{2807}" }</span>
                <code>{ line }</code>
                <button type="button" class="quiet" id={format!("turn-up-{step}")} aria-label={format!("Move \u{201c}{line}\u{201d} up")} disabled={at == 0} onclick={up}>{ "\u{2191}" }</button>
                <button type="button" class="quiet" id={format!("turn-down-{step}")} aria-label={format!("Move \u{201c}{line}\u{201d} down")} disabled={last} onclick={down}>{ "\u{2193}" }</button>
            </li>
        }
    });

    let on_run = {
        let order = order.clone();
        Callback::from(move |_: MouseEvent| run.emit((*order).clone()))
    };

    let results = report.as_ref().map(|report| {
        let model = model_order(steps);
        let measured = report.order();
        let chip = |i: usize| {
            let q = steps[i].via.queue();
            html! { <span class={classes!("turn-chip", q.as_str())}>{ steps[i].line }</span> }
        };
        let rows = (0..steps.len()).map(|k| {
            let guess = report.guess.get(k).copied();
            let logged = report.logged.get(k);
            let differs = guess.is_some() && guess != logged.map(|l| l.0);
            html! {
                <tr>
                    <th scope="row">{ k + 1 }</th>
                    <td class={classes!(differs.then_some("differs"))}>{ guess.map(chip).unwrap_or_default() }</td>
                    <td>{ chip(model[k]) }</td>
                    <td>{ logged.map(|&(i, ms)| html! { <>{ chip(i) }<span class="turn-ms">{ format!("{} ms", Fixed(ms, 1)) }</span></> }).unwrap_or_else(|| html! { { "never logged" } }) }</td>
                </tr>
            }
        });
        let queues = Queue::ALL.into_iter().map(|q| {
            let lines = measured.iter().filter(|&&i| steps[i].via.queue() == q).map(|&i| html! { <li>{ steps[i].line }</li> });
            html! {
                <div class={classes!("turn-queue", q.as_str())}>
                    <h3>{ q.title() }</h3>
                    <ol>{ for lines }</ol>
                </div>
            }
        });
        html! {
            <>
                <p class="verdict">{ verdict(steps, report).to_string() }</p>
                <table class="turn-results">
                    <caption>{ "The log, place by place" }</caption>
                    <thead><tr><th scope="col">{ "#" }</th><th scope="col">{ "You" }</th><th scope="col">{ "The model" }</th><th scope="col">{ "This browser" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                <div class="turn-queues" role="group" aria-label="Where each line waited, in the order it ran">{ for queues }</div>
            </>
        }
    });

    html! {
        <>
            <div class="turn-puzzle">
                <pre class="code turn-code" tabindex="0" aria-label="The click handler's code"><code>{ listing(steps) }</code></pre>
                <div class="turn-guess">
                    <ol class="turn-order" aria-labelledby="turn-question">{ for items }</ol>
                    <p class="sr-only" aria-live="polite">{ (*said).clone() }</p>
                    <button type="button" class="run" onclick={on_run}>{ "Run the click" }</button>
                </div>
            </div>
            <div aria-live="polite">{ results }</div>
        </>
    }
}
