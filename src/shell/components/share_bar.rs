//! Share, Embed and Export: a link that holds the scenario, the `<iframe>` snippet for a
//! course page (in a dialog), and the last run's results as JSON, SVG and PNG.

use crate::core::controls::{Control, Controls};
use crate::core::embed::{link, Embed};
use crate::core::export::{file_name, results_json};
use crate::core::origin::Origin;
use crate::core::predict::predict;
use crate::core::report::RunReport;
use crate::core::scenario::Scenario;
use crate::shell::hooks::{use_clipboard, use_share_value};
use crate::shell::runtime::download::save_text;
use crate::shell::runtime::extras;
use std::rc::Rc;
use web_sys::{HtmlDialogElement, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    pub scenario: Rc<Scenario>,
    /// Where the scenario came from: its lesson, and whether it is the lesson's own.
    pub origin: Origin,
    pub scale: f64,
    /// The latest run, whatever its mode.
    pub last_run: Option<Rc<RunReport>>,
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
    let export_note = use_state(String::new);
    // The embed snippet carries the scenario only when it is not the lesson's own.
    let own = props.origin.is_lesson_own();
    let lesson = props.origin.lesson;
    let share_value = use_share_value(props.scenario.clone(), lesson, props.scale);
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
                let url = link(&base_url(), lesson, scale, "", Some(value));
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
        let report = props.last_run.clone();
        let note = export_note.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(r) = report.clone() else {
                note.set("Run the scenario first: an export holds a run's results.".into());
                return;
            };
            let prediction = predict(&r.scenario, r.mode, r.scale, r.pool.map_or(1, |p| p.size));
            let results = results_json(&r, &prediction);
            let name = file_name(&r, what);
            if what == "json" {
                note.set(match save_text(&results, &name, "application/json") {
                    Ok(()) => format!("Saved {name}."),
                    Err(_) => "The browser did not allow the download.".into(),
                });
                return;
            }
            // The pictures are drawn by the extras, loaded on first use.
            let arg = serde_json::json!({ "results": results, "title": lesson.title, "unit": lesson.unit.1, "name": name });
            let note = note.clone();
            note.set("Drawing the timeline\u{2026}".into());
            wasm_bindgen_futures::spawn_local(async move {
                let said = match extras::load().await {
                    Ok(exports) => {
                        extras::call_for(&exports, "export_picture", &[&what.into(), &arg.to_string().into()])
                            .await
                    }
                    Err(why) => Some(why),
                };
                note.set(said.unwrap_or_else(|| "The timeline could not be drawn.".into()));
            });
        })
    };

    html! {
        <section class="share-bar" aria-label="Share and export">
            <div class="share-actions">
                <button type="button" class="quiet" onclick={on_share} disabled={value.is_none()}>{ "Share" }</button>
                <button type="button" class="quiet" onclick={on_open} aria-haspopup="dialog">{ "Embed" }</button>
                <span class="export-label">{ "Export the last run:" }</span>
                <button type="button" class="quiet" onclick={export("json")} disabled={props.last_run.is_none()}>{ "Results (JSON)" }</button>
                <button type="button" class="quiet" onclick={export("svg")} disabled={props.last_run.is_none()}>{ "Timeline (SVG)" }</button>
                <button type="button" class="quiet" onclick={export("png")} disabled={props.last_run.is_none()}>{ "Timeline (PNG)" }</button>
            </div>
            if let Some(url) = (*shown_link).clone() {
                <label class="share-link">{ "Share link" }<input type="text" readonly=true value={url} /></label>
            }
            <p class="share-note" aria-live="polite">
                { clipboard.note.clone() }{ " " }{ (*export_note).clone() }{ " " }{ share_problem.unwrap_or_default() }
            </p>
            <dialog ref={dialog} class="embed-dialog" aria-labelledby="embed-title">
                <h2 id="embed-title">{ "Embed in a course page" }</h2>
                <p>{ format!("This frame opens \u{201c}{}\u{201d}{}. Paste it into any HTML page or mdBook chapter.", lesson.title, if own { "" } else { " with the scenario as it is now" }) }</p>
                <fieldset>
                    <legend>{ "Parts to show" }</legend>
                    { for toggles }
                </fieldset>
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
