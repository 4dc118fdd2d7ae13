//! Where Share, Embed and Export stand on the page. The bar itself comes with the extras
//! (`components/share_bar.rs`), loaded once this place comes near the window; the page keeps
//! the run, so it answers the exports the bar asks for with the run's results, which the
//! extras save as JSON or draw as a timeline picture (SVG, PNG).

use super::extra_host::{Arg, ExtraHost};
use super::memo::Inputs;
use crate::core::export::{file_name, run_results};
use crate::core::json::{text, Obj};
use crate::core::origin::Origin;
use crate::core::report::RunReport;
use crate::core::scenario::Scenario;
use crate::shell::components::share_bar::EXPORT;
use crate::shell::extras::share_arg;
use crate::shell::runtime::extras;
use std::rc::Rc;
use yew::prelude::*;

pub struct ShareHostProps<'a> {
    pub scenario: &'a Rc<Scenario>,
    /// Where the scenario came from: its lesson, and whether it is the lesson's own.
    pub origin: Origin,
    pub scale: f64,
    /// The latest run, whatever its mode.
    pub last_run: Option<Rc<RunReport>>,
    /// How the last export went, said in the bar (the app keeps it).
    pub note: &'a UseStateHandle<String>,
}

#[inline(never)] // not in the first view, so not in its wasm (ARCHITECTURE.md, Invariants)
pub fn share_host(props: ShareHostProps) -> Html {
    let lesson = props.origin.lesson;
    let (own, scale, ran) = (props.origin.is_lesson_own(), props.scale, props.last_run.is_some());
    let note: Rc<str> = props.note.as_str().into();
    // The scenario's JSON is written again only for another scenario, not on every render.
    let inputs = Inputs::default()
        .shared(props.scenario)
        .text(lesson.id)
        .value(own as u64 | (ran as u64) << 1)
        .value(scale.to_bits())
        .text(note.clone());
    let scenario = props.scenario.clone();
    let arg = Arg::new(inputs, move || share_arg(&scenario.to_json(), lesson.id, own, scale, ran, &note));
    let on_export = {
        let (last_run, note) = (props.last_run, props.note.clone());
        Callback::from(move |what: String| {
            let Some(r) = last_run.clone() else {
                note.set("Run the scenario first: an export holds a run's results.".into());
                return;
            };
            let results = run_results(&r);
            // A trace is JSON too, named apart from the results.
            let name = file_name(&r, if what == "trace" { "trace.json" } else { &what });
            let arg = Obj::new()
                .field("results", text(&results))
                .field("title", text(lesson.title))
                .field("unit", text(lesson.unit.1))
                .field("name", text(&name))
                .end();
            let note = note.clone();
            note.set("Saving\u{2026}".into());
            wasm_bindgen_futures::spawn_local(async move {
                let said = match extras::load().await {
                    Ok(exports) => {
                        extras::call_for(&exports, "export_picture", &[&what.into(), &arg.into()]).await
                    }
                    Err(why) => Some(why),
                };
                note.set(said.unwrap_or_else(|| "The timeline could not be drawn.".into()));
            });
        })
    };
    html! {
        <ExtraHost kind="share" class="share-host" {arg} when_near=true event={Some((EXPORT, on_export))}>
            <section class="share-bar" aria-label="Share and export">
                <p class="booting-extra">{ "Loading Share, Embed and Export\u{2026}" }</p>
            </section>
        </ExtraHost>
    }
}
