//! The event loop of a finished run, step by step: one of the extras (`shell::extras`). A
//! cursor moves over the run in miniature by dragging, by the arrow keys (to the previous or
//! next recorded event), by the buttons `Previous event` and `Next event`, or plays the run
//! back at 0.25× to 4×. At the cursor it draws the event loop as the recording says it was
//! (`core::replay::moment`): what holds the main thread, each lane's state, the pending
//! timers, the task and microtask queues, the workers; it says each step in one sentence; and
//! it lists the events around the cursor. It replays the page's last run, or a results file
//! opened here (saved in this browser or another).

use crate::core::format::duration;
use crate::core::number::clamp;
use crate::core::replay::moment::{LaneState, Moment};
use crate::core::replay::run::Replay;
use crate::core::replay::{at_or_before, words};
use crate::shell::components::multiples::Plot;
use crate::shell::components::same::Same;
use crate::shell::runtime::clock::now;
use crate::shell::runtime::frames::FrameLoop;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// The largest results file it opens (a run of ten thousand tasks saves about 5 MB).
const MAX_FILE_BYTES: f64 = 64.0 * 1024.0 * 1024.0;
/// How many events the log lists before and after the cursor's.
const LOG_AROUND: usize = 5;
const SPEEDS: [(&str, f64); 5] = [("0.25", 0.25), ("0.5", 0.5), ("1", 1.0), ("2", 2.0), ("4", 4.0)];

#[derive(Properties, PartialEq)]
pub struct EventLoopProps {
    /// The page's last run, once there is one.
    pub run: Option<Rc<Replay>>,
    /// Where the cursor goes when a run of the page comes (`at=`, ms from its start); else
    /// to the run's first event.
    pub at_ms: Option<f64>,
}

/// Where the cursor is: on event `i` (none before the first), at `t` ms from the run's start.
#[derive(Clone, PartialEq)]
struct Cursor {
    replay: Rc<Replay>,
    /// What is replayed: "this page's last run" or a file's name.
    source: String,
    i: Option<usize>,
    t: f64,
}

enum Step {
    Next,
    Previous,
    First,
    Last,
    /// Several events on (back when negative).
    By(isize),
    To(usize),
    At(f64),
    /// Plays on by `ms` of the run.
    Advance(f64),
    Show(Rc<Replay>, String),
}

impl Cursor {
    fn new(replay: Rc<Replay>, source: String) -> Cursor {
        let t = replay.events.first().map_or(0.0, |e| e.at_ms);
        let i = (!replay.events.is_empty()).then_some(0);
        Cursor { replay, source, i, t }
    }

    fn end_ms(&self) -> f64 {
        self.replay.events.last().map_or(0.0, |e| e.at_ms).max(self.replay.total_ms)
    }
}

impl Reducible for Cursor {
    type Action = Step;

    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        let n = self.replay.events.len();
        let to = |i: usize| {
            let i = i.min(n.saturating_sub(1));
            let t = self.replay.events.get(i).map_or(0.0, |e| e.at_ms);
            Rc::new(Cursor { i: (n > 0).then_some(i), t, ..(*self).clone() })
        };
        let at = |t: f64| {
            let t = clamp(t, 0.0, self.end_ms());
            Rc::new(Cursor { i: at_or_before(&self.replay.events, t), t, ..(*self).clone() })
        };
        match step {
            Step::Next => to(self.i.map_or(0, |i| i + 1)),
            Step::Previous => to(self.i.map_or(0, |i| i.saturating_sub(1))),
            Step::First => to(0),
            Step::Last => to(n.saturating_sub(1)),
            Step::By(k) => to(self.i.unwrap_or(0).saturating_add_signed(k)),
            Step::To(i) => to(i),
            Step::At(t) => at(t),
            Step::Advance(ms) => at(self.t + ms),
            Step::Show(replay, source) => Rc::new(Cursor::new(replay, source)),
        }
    }
}

const PAGE_RUN: &str = "This page's last run";

#[function_component(EventLoop)]
pub fn event_loop(props: &EventLoopProps) -> Html {
    let cursor = {
        let first = props.run.clone().unwrap_or_else(|| Rc::new(Replay::empty()));
        use_reducer(move || Cursor::new(first, PAGE_RUN.into()))
    };
    let playing = use_state(|| false);
    let speed = use_state(|| 1.0f64);
    let note = use_state(String::new);
    // A new run of the page is shown as it comes.
    {
        let (cursor, playing) = (cursor.dispatcher(), playing.clone());
        let at_ms = props.at_ms;
        use_effect_with(props.run.clone(), move |run| {
            if let Some(run) = run {
                playing.set(false);
                cursor.dispatch(Step::Show(run.clone(), PAGE_RUN.into()));
                if let Some(at) = at_ms {
                    cursor.dispatch(Step::At(at));
                }
            }
        });
    }
    // Playing: the cursor moves on by the frame's time times the speed, until the run's end.
    {
        let (dispatch, playing_handle) = (cursor.dispatcher(), playing.clone());
        let end = cursor.end_ms();
        let at_end = cursor.t >= end;
        use_effect_with((*playing, speed.to_bits(), at_end), move |&(playing, speed, at_end)| {
            let frames = (playing && !at_end).then(|| {
                let speed = f64::from_bits(speed);
                let mut last = now();
                FrameLoop::start(move |t| {
                    dispatch.dispatch(Step::Advance((t - last) * speed));
                    last = t;
                })
            });
            if playing && at_end {
                playing_handle.set(false);
            }
            move || drop(frames)
        });
    }

    let replay = cursor.replay.clone();
    // The miniature is worked out once per run shown, not at each step.
    let mini = use_memo(Same(replay.clone()), |shown| Same(Rc::new(shown.0.mini())));
    let cast = &replay.cast;
    let events = &replay.events;
    let m = Moment::at(cast, events, cursor.i, cursor.t);
    let current = cursor.i.and_then(|i| events.get(i));
    let sentence = match current {
        Some(e) => words::step(cast, &m, e),
        None if events.is_empty() => {
            "Run the scenario (or open a results file) to step through its event loop.".into()
        }
        None => format!("{}: before the run's first event.", duration(cursor.t)),
    };
    let step = |s: fn() -> Step| {
        let (cursor, playing) = (cursor.dispatcher(), playing.clone());
        Callback::from(move |_| {
            playing.set(false);
            cursor.dispatch(s());
        })
    };
    let on_key = {
        let (cursor, playing) = (cursor.dispatcher(), playing.clone());
        Callback::from(move |e: KeyboardEvent| {
            let step = match e.key().as_str() {
                "ArrowRight" | "ArrowUp" => Step::Next,
                "ArrowLeft" | "ArrowDown" => Step::Previous,
                "Home" => Step::First,
                "End" => Step::Last,
                "PageUp" => Step::By(10),
                "PageDown" => Step::By(-10),
                _ => return,
            };
            e.prevent_default();
            playing.set(false);
            cursor.dispatch(step);
        })
    };
    let on_drag = {
        let cursor = cursor.dispatcher();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                cursor.dispatch(Step::At(input.value_as_number()));
            }
        })
    };
    let on_play = {
        let playing = playing.clone();
        let (cursor, at_end) = (cursor.dispatcher(), cursor.t >= cursor.end_ms());
        Callback::from(move |_| {
            if !*playing && at_end {
                cursor.dispatch(Step::First);
            }
            playing.set(!*playing);
        })
    };
    let on_speed = {
        let speed = speed.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                speed.set(crate::core::number::parse(&select.value()).unwrap_or(1.0));
            }
        })
    };
    let on_file = {
        let (cursor, note, playing) = (cursor.dispatcher(), note.clone(), playing.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let name = file.name();
            if file.size() > MAX_FILE_BYTES {
                note.set(format!(
                    "{name} is larger than 64 MB: it is not a results file this page can open."
                ));
                return;
            }
            let (cursor, note, playing) = (cursor.clone(), note.clone(), playing.clone());
            note.set(format!("Opening {name}\u{2026}"));
            wasm_bindgen_futures::spawn_local(async move {
                let text = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
                match text.map(|t| Replay::from_results(&t)) {
                    Some(Ok(replay)) => {
                        playing.set(false);
                        note.set(String::new());
                        cursor.dispatch(Step::Show(Rc::new(replay), name));
                    }
                    Some(Err(why)) => {
                        note.set(format!("{name} cannot be replayed. {why} What was shown is kept."))
                    }
                    None => note.set(format!("{name} could not be read. What was shown is kept.")),
                }
            });
        })
    };
    let back = match (&props.run, cursor.source.as_str()) {
        (Some(run), source) if source != PAGE_RUN => {
            let (run, cursor) = (run.clone(), cursor.dispatcher());
            let back = Callback::from(move |_| cursor.dispatch(Step::Show(run.clone(), PAGE_RUN.into())));
            html! { <button type="button" class="quiet" onclick={back}>{ "Back to this page's run" }</button> }
        }
        _ => html! {},
    };

    let end = cursor.end_ms();
    let left = if end > 0.0 { clamp(cursor.t / end * 100.0, 0.0, 100.0) } else { 0.0 };
    let title =
        if replay.scenario_name.is_empty() { "a scenario".to_string() } else { replay.scenario_name.clone() };
    let none = |what: &str| html! { <li class="el-none">{ what }</li> };
    let label = |t| cast.label(t);
    let timers = m.timers.iter().map(|&(t, due)| {
        let when = if due > m.at_ms { format!("due at {}", duration(due)) } else { "due, waiting".into() };
        html! { <li>{ format!("{}: {when}", label(t)) }</li> }
    });
    let queued = m.tasks.iter().map(|&(t, what)| html! { <li>{ format!("{}: {what}", label(t)) }</li> });
    let microtasks =
        m.microtasks.iter().map(|&t| html! { <li>{ format!("{}: poll its future", label(t)) }</li> });
    let workers =
        m.workers.iter().map(|&(w, t)| html! { <li>{ format!("Worker {}: {}", w + 1, label(t)) }</li> });
    let lanes = cast.lanes.iter().zip(&m.lanes).map(|(lane, &state)| {
        let busy = matches!(state, LaneState::Running(_));
        html! {
            <li class={classes!(busy.then_some("el-running"))}>
                <strong>{ &lane.name }</strong>{ ": " }{ words::lane(cast, state, m.at_ms) }
            </li>
        }
    });
    let from = cursor.i.unwrap_or(0).saturating_sub(LOG_AROUND);
    let log = events.iter().enumerate().skip(from).take(2 * LOG_AROUND + 1).map(|(j, e)| {
        let here = Some(j) == cursor.i;
        let dispatch = cursor.dispatcher();
        let playing = playing.clone();
        let choose = Callback::from(move |_| {
            playing.set(false);
            dispatch.dispatch(Step::To(j));
        });
        html! {
            <li aria-current={here.then_some("step")}>
                <button type="button" class="el-event" onclick={choose}>
                    <span class="el-time">{ duration(e.at_ms) }</span>{ words::event(cast, e) }
                </button>
            </li>
        }
    });
    let speeds = SPEEDS.iter().map(|&(value, x)| {
        html! { <option {value} selected={*speed == x}>{ format!("{value}\u{d7}") }</option> }
    });
    let n = events.len();
    html! {
        <section class="event-loop" aria-label="Event loop">
            <h3>{ "The event loop, step by step" }</h3>
            <p class="el-source">
                { format!("{}: {title}, {} run, {}", cursor.source, replay.mode, duration(replay.total_ms)) }
                { if n > 0 { format!(" \u{b7} event {} of {n}", cursor.i.map_or(0, |i| i + 1)) } else { String::new() } }
                { " " }{ back }
            </p>
            <div class="el-strip" aria-hidden="true">
                <Plot mini={(*mini).clone()} axis_ms={end.max(1.0)} />
                <div class="el-cursor" style={format!("left:{left:.3}%")}></div>
            </div>
            <input type="range" class="el-slider" aria-label="Moment in the run"
                min="0" max={end.to_string()} step="any" value={cursor.t.to_string()}
                aria-valuetext={sentence.clone()} disabled={n == 0}
                onkeydown={on_key} oninput={on_drag} />
            <div class="el-controls">
                <button type="button" class="quiet" onclick={step(|| Step::Previous)} disabled={n == 0}>{ "Previous event" }</button>
                <button type="button" class="quiet" onclick={step(|| Step::Next)} disabled={n == 0}>{ "Next event" }</button>
                <button type="button" class="quiet" aria-pressed={playing.to_string()} onclick={on_play} disabled={n == 0}>
                    { if *playing { "Pause" } else { "Play" } }
                </button>
                <label>{ "Speed " }<select onchange={on_speed}>{ for speeds }</select></label>
                <label class="el-open quiet">
                    { "Open a results file\u{2026}" }
                    <input type="file" accept=".json,application/json" onchange={on_file} />
                </label>
            </div>
            <p class="el-note" aria-live="polite">{ (*note).clone() }</p>
            <p class="el-now" aria-live={if *playing { "off" } else { "polite" }}>{ sentence }</p>
            <div class="el-picture">
                <div class={classes!("el-box", "el-thread", m.holder.is_some().then_some("el-held"))}>
                    <h4>{ "Main thread" }</h4>
                    <p>{ words::thread(cast, &m) }</p>
                </div>
                <div class="el-box"><h4>{ "Timers" }</h4>
                    <ul>{ if m.timers.is_empty() { none("none pending") } else { timers.collect::<Html>() } }</ul></div>
                <div class="el-box"><h4>{ "Task queue" }</h4>
                    <ol>{ if m.tasks.is_empty() { none("empty") } else { queued.collect::<Html>() } }</ol></div>
                <div class="el-box"><h4>{ "Microtask queue" }</h4>
                    <ol>{ if m.microtasks.is_empty() { none("empty") } else { microtasks.collect::<Html>() } }</ol></div>
                if replay.workers > 0 {
                    <div class="el-box"><h4>{ "Workers" }</h4>
                        <ul>{ if m.workers.is_empty() { none("all idle") } else { workers.collect::<Html>() } }</ul></div>
                }
                <div class="el-box el-lanes"><h4>{ "Lanes" }</h4><ul>{ for lanes }</ul></div>
            </div>
            <ol class="el-log" aria-label="Event log" start={(from + 1).to_string()}>{ for log }</ol>
        </section>
    }
}
