//! The small multiples of Side by side, one of the extras (`shell::extras`): a miniature
//! timeline per run on one axis (`core::paint::Mini`), each drawn on a canvas of its own, so
//! a run of ten thousand lanes costs a few hundred rectangles, not ten thousand elements.

use crate::core::format::duration;
use crate::core::paint::Mini;
use crate::shell::components::same::Same;
use crate::shell::runtime::listening::Listening;
use crate::shell::runtime::paint::{fill, prepare, Palette};
use std::rc::Rc;
use yew::prelude::*;

/// One run's panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    /// The mode's id (`async`) and title (`Async`).
    pub mode: String,
    pub title: String,
    pub total_ms: f64,
    pub mini: Rc<Mini>,
}

#[derive(Properties, PartialEq, Clone)]
pub struct MultiplesProps {
    pub panels: Vec<Panel>,
    /// The end of the shared axis, in ms.
    pub axis_ms: f64,
}

/// The plot's run, shared: a new one is drawn, the same one (compared by identity, not by its
/// tasks) is not, however often its parent renders (the replay does each frame it plays).
#[derive(Properties, PartialEq)]
pub struct PlotProps {
    pub mini: Same<Mini>,
    pub axis_ms: f64,
}

/// One run in miniature on a canvas as wide as its parent (the event-loop replay draws its run
/// with it too).
#[function_component(Plot)]
pub fn plot(props: &PlotProps) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        use_effect_with((props.mini.clone(), props.axis_ms.to_bits()), move |(mini, axis)| {
            let (mini, axis) = (mini.0.clone(), f64::from_bits(*axis));
            let draw = move || {
                if let Some(c) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                    let width = c.parent_element().map_or(300.0, |p| f64::from(p.client_width())).max(50.0);
                    let (picture, height) = mini.paint(width, axis);
                    if let Some(ctx) = prepare(&c, width, height.max(1.0)) {
                        fill(&ctx, &picture, &Palette::current(), |_| false);
                    }
                }
            };
            draw();
            // Drawn again to the plot's new width when the window is resized.
            let window: Option<web_sys::EventTarget> = web_sys::window().map(Into::into);
            let listening = Listening::new(draw).on(window.as_ref(), "resize");
            move || drop(listening)
        });
    }
    html! { <div class="sm-plot"><canvas ref={canvas}></canvas></div> }
}

#[function_component(Multiples)]
pub fn multiples(props: &MultiplesProps) -> Html {
    let axis = props.panels.iter().map(|p| p.total_ms).fold(props.axis_ms, f64::max).max(1.0);
    let panels = props.panels.iter().map(|p| {
        html! {
            <div class="sm-panel" data-mode={p.mode.clone()} data-workers={p.mini.workers.to_string()}>
                <div class="sm-name"><strong>{ &p.title }</strong><span>{ duration(p.total_ms) }</span></div>
                <Plot mini={Same(p.mini.clone())} axis_ms={axis} />
            </div>
        }
    });
    let modes = props.panels.iter().map(|p| p.mode.as_str()).collect::<Vec<_>>().join(", ");
    let workers = props.panels.iter().any(|p| p.mini.workers > 0);
    html! {
        <figure class="multiples">
            <div aria-hidden="true">{ for panels }</div>
            <figcaption>
                { format!("The {modes} runs on one time axis of {}: a thin line per lane, then the main thread (", duration(axis)) }
                <span class="key key-frozen">{ "red: no frame drawn" }</span>
                { ")" }
                { if workers { ", then each worker." } else { "." } }
            </figcaption>
        </figure>
    }
}
