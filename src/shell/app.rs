//! The root component: owns the state (one reducer), the frame meter and the runner, and lays
//! out the page: the lesson beside (or, on narrow screens, above) the workspace, whose top is
//! the stage (predict, run, pulse, timeline), with the scenario's settings, the run settings,
//! the code, sharing and the history of runs below it.

use super::components::same::Same;
use super::components::{
    code_host::code_host,
    compare_all::{compare_all, CompareAllProps},
    history_host::history_host,
    lesson_intro::{lesson_intro, LessonIntroProps},
    mode_strip::{mode_strip, ModeRow, ModeStripProps},
    notices::notices,
    predict_prompt::{predict_prompt, PredictPromptProps},
    pulse::Pulse,
    replay_host::{replay_host, ReplayHostProps},
    run_controls::{run_controls, RunControlsProps},
    scenario_panel::{scenario_panel, ScenarioPanelProps},
    share_host::{share_host, ShareHostProps},
    site_header::site_header,
    status_region::status_region,
    timeline::Timeline,
    turn_host::turn_host,
};
use super::hooks::use_frame_meter::MeterTargets;
use super::hooks::{
    use_autosave, use_boot, use_commands, use_first_paint, use_frame_meter, use_frame_resize, use_hash_links,
    use_open_lesson, use_replay, use_runner, use_theme, use_undo_keys,
};
use super::runtime::post::post;
use crate::core::controls::Control;
use crate::core::format::duration;
use crate::core::format::Num;
use crate::core::message::OutMessage;
use crate::core::mode::Mode;
use crate::core::params::{query_with, Params};
use crate::core::question::Question;
use crate::core::share::{Decoded, ShareError};
use crate::core::state::{Action, State};
use crate::core::storage::key_for;
use std::rc::Rc;
use yew::prelude::*;

/// The part of the page that holds a mode's row in the run strip.
fn mode_control(mode: Mode) -> Control {
    match mode {
        Mode::Blocking => Control::Blocking,
        Mode::Async => Control::Async,
        Mode::Workers => Control::Workers,
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The URL's query string, e.g. `?lesson=ticket-queue&scale=100`.
    pub query: AttrValue,
    /// The share link the page was opened with, opened (`runtime::share_links`).
    pub link: Option<Result<Decoded, ShareError>>,
    /// Lessons the page needed but could not fetch, as messages.
    pub failed: Vec<String>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let params = use_memo(props.query.clone(), |query| Params::from_query(query));
    let start = use_boot(&params, &props.link, &props.failed);
    let state = use_reducer(|| State::starting((*start).clone()));
    let targets = use_memo((), |_| MeterTargets::default());
    let meter = use_frame_meter((*targets).clone());
    let runner = use_runner(state.clone(), meter.clone());
    // The time-scale control and the lesson picker mirror `?scale=` and `?lesson=` in the
    // address, so a copied link keeps them.
    use_effect_with((state.scale, state.lesson().id), |(scale, lesson)| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let mut query = location.search().unwrap_or_default();
        let now = Params::from_query(&query);
        if now.scale != *scale {
            query = query_with(&query, "scale", &Num(*scale).to_string());
        }
        if now.lesson.id != *lesson {
            query = query_with(&query, "lesson", lesson);
        }
        if query != location.search().unwrap_or_default() {
            let url = format!(
                "{}{}{}",
                location.pathname().unwrap_or_default(),
                query,
                location.hash().unwrap_or_default()
            );
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
    });
    // One callback for the app's lifetime, so components that take it are not re-rendered for it.
    let on_action = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |action: Action| dispatcher.dispatch(action)))).clone()
    };
    use_undo_keys(on_action.clone());
    // The lesson's text, folded away on a narrow screen at first, and opening another lesson.
    let lesson_folded = use_state(|| true);
    let opener = use_open_lesson(on_action.clone());
    // How the last export from the share bar went.
    let share_note = use_state(String::new);
    // The run the event loop's replay is handed, and whether it is wanted.
    let replay = use_replay(state.history.last().cloned().map(Same), state.is_running(), params.at_ms);
    use_theme(params.theme);
    use_autosave(&state, key_for(params.embed, params.lesson.id), on_action.clone());
    use_hash_links(on_action.clone());
    use_commands(on_action.clone(), runner.run.clone(), state.clone());
    use_frame_resize(params.embed);
    // The service worker that gives request tasks their latency: registered once a scenario has
    // one, so a page that never makes a request never fetches or installs it.
    use_effect_with(state.scenario.has_requests(), |&requests| {
        if requests {
            crate::shell::runtime::request::register();
        }
    });
    // Announced once the command listener above is in place.
    use_effect_with((), |_| post(&OutMessage::ready()));
    // What stands below the stage comes once the first view is drawn and the rest has come.
    let painted = use_first_paint();

    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissNotices))
    };
    // All modes share one time axis, so their bars compare at a glance.
    let axis_ms = Mode::ALL
        .into_iter()
        .map(|m| {
            let measured = state.last_run(m).map_or(0.0, |r| r.total_ms);
            state.prediction(m).total_ms.max(measured)
        })
        .fold(state.scale, f64::max);
    let running = match state.run {
        crate::core::state::RunStatus::Running { mode, .. } => Some(mode),
        crate::core::state::RunStatus::Idle => None,
    };
    let lesson = state.lesson();
    let controls = params.controls;
    let shows = |c: Control| controls.has(c);
    let unit = format!("1 {} of the story lasts {} here", lesson.unit.0, duration(state.scale));
    // The ways of running this page offers, and the one the timeline draws.
    let modes: Vec<Mode> = Mode::ALL.into_iter().filter(|m| shows(mode_control(*m))).collect();
    let shown = match state.shown_mode() {
        mode if running == Some(mode) || modes.contains(&mode) => mode,
        mode => modes.first().copied().unwrap_or(mode),
    };
    let rows: Vec<ModeRow> = modes
        .iter()
        .map(|&mode| ModeRow {
            mode,
            prediction: state.prediction(mode),
            report: state.last_run(mode).map(Same),
        })
        .collect();
    let with_lesson = shows(Control::Lesson);
    // What stands below the stage on this page, if anything.
    let editable = shows(Control::Editor) && !state.readonly;
    let with_history = shows(Control::History) && !state.history.is_empty();
    let below_stage =
        editable || shows(Control::Run) || shows(Control::Code) || shows(Control::Share) || with_history;

    html! {
        <div class={if params.embed { "page embed" } else { "page" }}>
            if !params.embed { { site_header() } }
            <main class={if with_lesson { "layout with-lesson" } else { "layout" }}>
                if with_lesson {
                    <div class="lesson-pane">
                        { lesson_intro(&LessonIntroProps {
                            lesson,
                            variant: state.origin.variant(),
                            locked: running.is_some(),
                            on_action: on_action.clone(),
                            folded: &lesson_folded,
                            opener: &opener,
                        }) }
                        // The note holds the answer to the lesson's question: only once it is answered.
                        if state.question_answered() {
                            <section class="notice" aria-labelledby="notice-title">
                                <h2 id="notice-title">{ "What to notice" }</h2>
                                <p>{ lesson.notice }</p>
                            </section>
                        }
                    </div>
                }
                <div class="workspace">
                    { notices(&state.notices, &on_dismiss) }
                    // The stage: everything a run is about, together, fitting the window: guess,
                    // press, and watch the page stay alive or freeze on the timeline.
                    <div class="stage">
                        if shows(Control::Predict) && lesson.question == Question::Order {
                            { turn_host(lesson, &on_action) }
                        }
                        if shows(Control::Predict) || !modes.is_empty() || shows(Control::Run) || shows(Control::Compare) {
                            <div class="stage-top">
                                if shows(Control::Predict) {
                                    { predict_prompt(&PredictPromptProps {
                                        lesson,
                                        scenario: state.scenario.clone(),
                                        prediction: state.prediction(lesson.question.mode()),
                                        report: state.last_run(lesson.question.mode()).filter(|r| Rc::ptr_eq(&r.scenario, &state.scenario)).map(Same),
                                        guess: state.guess,
                                        problem: state.guess_problem,
                                        on_action: on_action.clone(),
                                    }) }
                                }
                                // Stop and Compare all live here too, so they come with `run` or `compare`.
                                if !modes.is_empty() || shows(Control::Run) || shows(Control::Compare) {
                                    { mode_strip(&ModeStripProps {
                                        rows,
                                        scenario: state.scenario.clone(),
                                        lesson,
                                        running,
                                        comparing: state.comparing,
                                        waiting: matches!(state.run, crate::core::state::RunStatus::Running { started: false, .. }),
                                        compare: shows(Control::Compare),
                                        on_run: runner.run.clone(),
                                        on_compare: runner.compare.clone(),
                                        on_stop: runner.stop.clone(),
                                    }) }
                                }
                            </div>
                        }
                        if shows(Control::Pulse) {
                            <Pulse targets={(*targets).clone()} meter={meter.clone()} last={state.history.last().cloned().map(Same)} />
                        }
                        { status_region(&state.status) }
                        <Timeline
                            scenario={state.scenario.clone()}
                            selected={state.selected}
                            edit_note={state.edit_note.clone()}
                            {lesson}
                            can_undo={state.can_undo()}
                            can_redo={state.can_redo()}
                            locked={running.is_some() || state.comparing}
                            {editable}
                            mode={shown}
                            prediction={state.prediction(shown)}
                            report={state.last_run(shown).map(Same)}
                            modes={modes.clone()}
                            {axis_ms}
                            on_action={on_action.clone()}
                        />
                        if shows(Control::Compare) {
                            { compare_all(&CompareAllProps { runs: state.current_runs().into_iter().map(Same).collect(), axis_ms }) }
                        }
                        if shows(Control::Replay) {
                            { replay_host(ReplayHostProps {
                                ran: !state.history.is_empty(),
                                at_ms: params.at_ms,
                                running: running.is_some() || state.comparing,
                                replay: &replay,
                            }) }
                        }
                    </div>
                    if !painted && below_stage {
                        // Said only if the rest is slow to come (the style holds it back a
                        // moment), or at once if the boot script says it cannot come: a render
                        // then could call into what is missing, so both are here from the first.
                        <p class="below-note">
                            <span class="coming">{ "Loading the rest of the playground\u{2026}" }</span>
                            <span class="missing">{ "The rest of the playground could not be loaded. Check the connection and reload the page." }</span>
                        </p>
                    }
                    if painted {
                        if editable {
                            { scenario_panel(&ScenarioPanelProps {
                                scenario: state.scenario.clone(),
                                selected: state.selected,
                                lesson,
                                locked: running.is_some() || state.comparing,
                                on_action: on_action.clone(),
                            }) }
                        }
                        if shows(Control::Run) {
                            { run_controls(RunControlsProps {
                                running,
                                scale: state.scale,
                                cap_ms: state.cap_ms,
                                workers: state.workers,
                                comparing: state.comparing,
                                note: state.settings_note.clone(),
                                on_action: on_action.clone(),
                            }) }
                        }
                        if shows(Control::Code) {
                            { code_host(&state.scenario, state.scale, lesson.code_tab) }
                        }
                        if shows(Control::Share) {
                            { share_host(ShareHostProps {
                                scenario: &state.scenario,
                                origin: state.origin,
                                scale: state.scale,
                                last_run: state.history.last().cloned(),
                                note: &share_note,
                            }) }
                        }
                        if with_history {
                            { history_host(&state.history) }
                        }
                    }
                    <p class="scale-note">{ unit }{ "." }</p>
                </div>
            </main>
        </div>
    }
}
