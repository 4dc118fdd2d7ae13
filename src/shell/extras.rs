//! The extras: what the first view does without, built into a wasm binary of their own
//! (`src/bin/extras.rs`, exporting [`mount`], [`update`], [`unmount`] and [`export`] (as `export_picture`)) that the
//! page loads the first time it needs it (`runtime/extras.rs`, `hooks/use_extra.rs`): the code
//! view with its generator, the order question of "One turn of the event loop", and the
//! timeline pictures of a run (SVG, PNG).
//!
//! An extra renders into a host element the page gives it, reads what it shows from a JSON
//! argument, and talks back with DOM events on the host; it shares no memory with the page's
//! app (the turn reads its lesson's file itself).

use crate::core::codegen::Language;
use crate::core::lesson::Lesson;
use crate::core::scenario::Scenario;
use crate::shell::components::code_view::{CodeView, CodeViewProps};
use crate::shell::components::turn_question::TurnQuestion;
use crate::shell::runtime::lesson_files;
use serde_json::Value;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{CustomEvent, Element};
use yew::prelude::*;

/// The event an extra's host receives after each run of the turn.
pub const TURN_RAN: &str = "playground-turn-ran";

enum Mounted {
    Turn(yew::AppHandle<TurnApp>),
    Code(yew::AppHandle<CodeView>),
}

thread_local! {
    static MOUNTED: RefCell<Vec<(Element, Mounted)>> = const { RefCell::new(Vec::new()) };
}

#[derive(Properties, PartialEq)]
pub struct TurnAppProps {
    pub lesson: &'static Lesson,
    pub host: Element,
}

#[function_component(TurnApp)]
fn turn_app(props: &TurnAppProps) -> Html {
    let host = props.host.clone();
    let on_ran = Callback::from(move |()| {
        if let Ok(event) = CustomEvent::new(TURN_RAN) {
            let _ = host.dispatch_event(&event);
        }
    });
    html! { <TurnQuestion lesson={props.lesson} {on_ran} /> }
}

/// The code view's argument: `{"scenario": <scenario>, "scale": <ms per unit>, "tab": <id>}`.
pub fn code_arg(scenario: &Scenario, scale: f64, tab: Option<&str>) -> String {
    let tab = tab.map_or_else(|| "null".to_string(), |t| Value::from(t).to_string());
    format!("{{\"scenario\":{},\"scale\":{scale},\"tab\":{tab}}}", scenario.to_json())
}

fn code_props(arg: &str) -> Option<CodeViewProps> {
    let value: Value = serde_json::from_str(arg).ok()?;
    let scenario = Scenario::from_value(value.get("scenario")?).ok()?;
    let first_tab = value.get("tab").and_then(Value::as_str).and_then(Language::parse).map(Language::as_str);
    Some(CodeViewProps { scenario: Rc::new(scenario), scale: value.get("scale")?.as_f64()?, first_tab })
}

/// Renders the extra `kind` (`"code"`, `"turn"`) into `host`: the code view of the scenario
/// in `arg` ([`code_arg`]), or the order question of the lesson whose id is `arg`.
pub fn mount(host: Element, kind: String, arg: String) {
    match kind.as_str() {
        "code" => {
            let Some(props) = code_props(&arg) else { return };
            host.set_inner_html("");
            let handle = yew::Renderer::<CodeView>::with_root_and_props(host.clone(), props).render();
            MOUNTED.with(|m| m.borrow_mut().push((host, Mounted::Code(handle))));
        }
        "turn" => wasm_bindgen_futures::spawn_local(async move {
            match lesson_files::fetch(&arg).await {
                // The page may have left the lesson while its file was fetched.
                Ok(_) if !host.is_connected() => {}
                Ok(lesson) if !lesson.turn.is_empty() => {
                    host.set_inner_html("");
                    let props = TurnAppProps { lesson, host: host.clone() };
                    let handle = yew::Renderer::<TurnApp>::with_root_and_props(host.clone(), props).render();
                    MOUNTED.with(|m| m.borrow_mut().push((host, Mounted::Turn(handle))));
                }
                Ok(_) => host.set_text_content(Some("This lesson has no turn of the event loop to run.")),
                Err(why) => host.set_text_content(Some(&why)),
            }
        }),
        _ => {}
    }
}

/// Shows `arg` in what is mounted into `host` (the code view follows the scenario).
pub fn update(host: &Element, arg: String) {
    MOUNTED.with(|m| {
        for (h, mounted) in m.borrow_mut().iter_mut() {
            if let (true, Mounted::Code(handle)) = (h == host, mounted) {
                if let Some(props) = code_props(&arg) {
                    handle.update(props);
                }
            }
        }
    });
}

/// Saves the timeline picture of a run as `kind` (`"svg"` or `"png"`). `arg` is
/// `{"results": <results JSON text>, "title": <the lesson's title>, "unit": <its unit, plural>,
/// "name": <the file's name>}`. Says how it went, for the learner.
pub async fn export(kind: String, arg: String) -> String {
    use crate::core::export::{picture_from_results, timeline_svg};
    use crate::shell::runtime::download::{save_svg_as_png, save_text, svg_size};
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
    let Ok(v) = serde_json::from_str::<Value>(&arg) else { return "The export could not be read.".into() };
    let name = text(&v, "name");
    let svg = match picture_from_results(&text(&v, "results"), &text(&v, "title"), &text(&v, "unit")) {
        Ok(p) => timeline_svg(&p),
        Err(why) => return format!("The run could not be drawn ({why})."),
    };
    let saved = if kind == "png" {
        let (w, h) = svg_size(&svg);
        save_svg_as_png(&svg, w, h, &name)
            .await
            .map_err(|_| "The browser could not draw the PNG; try the SVG.")
    } else {
        save_text(&svg, &name, "image/svg+xml").map_err(|_| "The browser did not allow the download.")
    };
    match saved {
        Ok(()) => format!("Saved {name}."),
        Err(why) => why.into(),
    }
}

/// Removes what was mounted into `host`.
pub fn unmount(host: &Element) {
    let mounted = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        let at = m.iter().position(|(h, _)| h == host)?;
        Some(m.remove(at).1)
    });
    match mounted {
        Some(Mounted::Turn(handle)) => handle.destroy(),
        Some(Mounted::Code(handle)) => handle.destroy(),
        None => {}
    }
}
