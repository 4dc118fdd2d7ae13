//! Where Share, Embed and Export stand on the page. The bar itself comes with the extras
//! (`components/share_bar.rs`), loaded once this place comes near the window; the page keeps
//! the run, so it answers the exports the bar asks for with the run's results, which the
//! extras save as JSON or draw as a timeline picture (SVG, PNG).

use crate::core::export::{file_name, run_results};
use crate::core::json::{text, Obj};
use crate::core::origin::Origin;
use crate::core::report::RunReport;
use crate::core::scenario::Scenario;
use crate::shell::components::same::Same;
use crate::shell::components::share_bar::EXPORT;
use crate::shell::extras::share_arg;
use crate::shell::hooks::{use_extra, Extra};
use crate::shell::runtime::extras;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareHostProps {
    pub scenario: Rc<Scenario>,
    /// Where the scenario came from: its lesson, and whether it is the lesson's own.
    pub origin: Origin,
    pub scale: f64,
    /// The latest run, whatever its mode.
    pub last_run: Option<Same<RunReport>>,
}

#[function_component(ShareHost)]
pub fn share_host(props: &ShareHostProps) -> Html {
    let host = use_node_ref();
    let note = use_state(String::new);
    let lesson = props.origin.lesson;
    let scenario_json = use_memo(props.scenario.clone(), |s| s.to_json());
    let arg = share_arg(
        &scenario_json,
        lesson.id,
        props.origin.is_lesson_own(),
        props.scale,
        props.last_run.is_some(),
        &note,
    );
    let on_export = {
        let (last_run, note) = (props.last_run.clone(), note.clone());
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
    use_extra(host.clone(), Extra { kind: "share", arg, event: Some((EXPORT, on_export)), when_near: true });
    html! {
        <div class="share-host" ref={host}>
            <section class="share-bar" aria-label="Share and export">
                <p class="booting-extra">{ "Loading Share, Embed and Export\u{2026}" }</p>
            </section>
        </div>
    }
}
