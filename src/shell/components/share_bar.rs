//! Share, Embed and Export: a link that holds the scenario, the `<iframe>` snippet for a
//! course page (in a dialog), and the last run's results as JSON, SVG and PNG. One of the
//! extras (`shell::extras`): the page hosts it (`share_host.rs`) and does the exports, which
//! need the run, when the bar asks by the event [`EXPORT`].

use crate::core::controls::{Control, Controls};
use crate::core::embed::{link, Embed};
use crate::core::lesson::Entry;
use crate::core::scenario::Scenario;
use crate::shell::extras::tell;
use crate::shell::hooks::{use_clipboard, use_share_value};
use std::rc::Rc;
use web_sys::{Element, HtmlDialogElement, HtmlInputElement};
use yew::prelude::*;

/// The event the bar sends its host to export the last run; its detail is `json`, `svg`,
/// `png` or `trace`.
pub const EXPORT: &str = "playground-export";

#[derive(Properties, PartialEq, Clone)]
pub struct ShareBarProps {
    pub scenario: Rc<Scenario>,
    pub lesson: &'static Entry,
    /// Whether the scenario is the lesson's own (then the snippet need not carry it).
    pub own: bool,
    pub scale: f64,
    /// Whether there is a run to export.
    pub ran: bool,
    /// How the last export went, from the host.
    pub note: String,
    /// The host, told of each export asked for.
    pub host: Element,
}

/// The page's address without query or fragment.
fn base_url() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default())
        })
        .unwrap_or_default()
}

#[function_component(ShareBar)]
pub fn share_bar(props: &ShareBarProps) -> Html {
    let clipboard = use_clipboard();
    let dialog = use_node_ref();
    let controls = use_state(|| Controls::ALL);
    let height = use_state(|| 900u32);
    let load_on_click = use_state(|| false);
    let readonly = use_state(|| false);
    // The embed snippet carries the scenario only when it is not the lesson's own.
    let (own, lesson) = (props.own, props.lesson);
    let share_value = use_share_value(props.scenario.clone(), lesson.id, props.scale);
    let share_problem = match &share_value {
        Some(Err(why)) => Some(why.clone()),
        _ => None,
    };
    let value = match &share_value {
        Some(Ok(v)) => Some(v.to_string()),
        _ => None,
    };

    // The link is also shown, to copy by hand where the clipboard is refused.
    let shown_link = use_state(|| None::<String>);
    let on_share = {
        let copy = clipboard.copy.clone();
        let shown_link = shown_link.clone();
        let (lesson, scale, value) = (lesson, props.scale, value.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(value) = &value {
                let url = link(&base_url(), lesson.id, scale, "", Some(value));
                shown_link.set(Some(url.clone()));
                copy.emit(url.into());
            }
        })
    };
    let on_open = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                let _ = d.show_modal();
            }
        })
    };
    let on_close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let base = base_url();
    let embed = Embed {
        base: &base,
        lesson,
        scale: props.scale,
        controls: *controls,
        share: if own { None } else { value.as_deref() },
        height: *height,
        load_on_click: *load_on_click,
        readonly: *readonly,
        more: String::new(),
    };
    // An edited scenario travels in the snippet's link: until that is made (or when it is too
    // large), there is no snippet to copy.
    let snippet_ready = own || value.is_some();
    let snippet = if snippet_ready {
        embed.snippet()
    } else {
        share_problem.as_deref().unwrap_or("Making the link to the scenario\u{2026}").to_string()
    };
    let on_copy_snippet = {
        let copy = clipboard.copy.clone();
        let snippet = snippet.clone();
        Callback::from(move |_: MouseEvent| copy.emit(snippet.clone().into()))
    };
    let toggles = Control::ALL.into_iter().map(|c| {
        let on_change = {
            let controls = controls.clone();
            Callback::from(move |e: Event| {
                let on = e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked());
                // The set from the boxes: those ticked, and this one as it is now (none ticked
                // shows every part, as `controls=` with nothing usable does).
                let names: Vec<&str> = Control::ALL
                    .into_iter()
                    .filter(|&x| if x == c { on } else { controls.has(x) })
                    .map(|x| x.as_str())
                    .collect();
                controls.set(Controls::parse(&names.join(",")).0);
            })
        };
        html! {
            <label class="check"><input type="checkbox" checked={controls.has(c)} onchange={on_change} />{ c.as_str() }</label>
        }
    });
    let flag = |state: &UseStateHandle<bool>| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            state.set(e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked()))
        })
    };
    let on_height = {
        let height = height.clone();
        Callback::from(move |e: Event| {
            if let Some(v) =
                e.target_dyn_into::<HtmlInputElement>().and_then(|i| i.value().parse::<u32>().ok())
            {
                height.set(v.clamp(200, 4000));
            }
        })
    };

    let export = |what: &'static str| {
        let host = props.host.clone();
        Callback::from(move |_: MouseEvent| tell(&host, EXPORT, what))
    };
    let ran = props.ran;

    html! {
        <section class="share-bar" aria-label="Share and export">
            <div class="share-actions">
                <button type="button" class="quiet" onclick={on_share} disabled={value.is_none()}>{ "Share" }</button>
                <button type="button" class="quiet" onclick={on_open} aria-haspopup="dialog">{ "Embed" }</button>
                <span class="export-label">{ "Export the last run:" }</span>
                <button type="button" class="quiet" onclick={export("json")} disabled={!ran}>{ "Results (JSON)" }</button>
                <button type="button" class="quiet" onclick={export("svg")} disabled={!ran}>{ "Timeline (SVG)" }</button>
                <button type="button" class="quiet" onclick={export("png")} disabled={!ran}>{ "Timeline (PNG)" }</button>
                <button type="button" class="quiet" onclick={export("trace")} disabled={!ran}
                    title="A Chrome trace of the run's event loop, for Perfetto UI or DevTools' Performance panel">
                    { "Trace (JSON)" }
                </button>
            </div>
            if let Some(url) = (*shown_link).clone() {
                <label class="share-link">{ "Share link" }<input type="text" readonly=true value={url} /></label>
            }
            <p class="share-note" aria-live="polite">
                { clipboard.note.clone() }{ " " }{ props.note.clone() }{ " " }{ share_problem.unwrap_or_default() }
            </p>
            <dialog ref={dialog} class="embed-dialog" aria-labelledby="embed-title">
                <h2 id="embed-title">{ "Embed in a course page" }</h2>
                <p>{ format!("This frame opens \u{201c}{}\u{201d}{}. Paste it into any HTML page or mdBook chapter.", lesson.title, if own { "" } else { " with the scenario as it is now" }) }</p>
                <fieldset>
                    <legend>{ "Parts to show" }</legend>
                    { for toggles }
                </fieldset>
                <p class="embed-options">
                    <label class="check"><input type="checkbox" checked={*load_on_click} onchange={flag(&load_on_click)} />
                        { "Load on click (a light poster until pressed)" }</label>
                    <label class="check"><input type="checkbox" checked={*readonly} onchange={flag(&readonly)} />
                        { "Read-only (runs, no editing)" }</label>
                </p>
                <p><label>{ "Height (pixels)" }<input type="number" min="200" max="4000" step="50" value={height.to_string()} onchange={on_height} /></label></p>
                <label for="embed-snippet" class="snippet-label">{ "The snippet" }</label>
                <textarea id="embed-snippet" readonly=true rows="5" value={snippet} />
                <div class="dialog-actions">
                    <button type="button" onclick={on_copy_snippet} disabled={!snippet_ready}>{ "Copy snippet" }</button>
                    <button type="button" class="quiet" onclick={on_close}>{ "Close" }</button>
                </div>
            </dialog>
        </section>
    }
}
