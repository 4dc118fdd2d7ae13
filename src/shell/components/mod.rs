//! The parts of the page: one per file, each with `<Part>Props` (or, for one or two values,
//! plain arguments). They render state and turn DOM events into callbacks; only the host of
//! the extras (`extra_host`) starts effects, through `hooks::use_extra`.
//!
//! A part that keeps no state of its own is a plain function returning `Html`, called from the
//! app's view (`site_header`, `notices`, `status_region`, `mode_strip`, `compare_all`,
//! `scenario_panel`, `run_controls`, `predict_prompt`, `lesson_intro`, `share_host`,
//! `replay_host` and the places of the extras): it is drawn again with the app, and costs the first view none of the
//! generic code a Yew component brings (about 0.6 KB each, gzip, measured). What would cost to
//! draw again on every render of the app (a list as long as the scenario), or would lose what
//! the learner is typing (a field whose value the page sets), is wrapped in `memo::Memo`, drawn
//! again only when its inputs change. A Yew component of its own is kept where there are hooks
//! (`pulse`, whose keystrokes must redraw the pulse, not the page; `timeline` and its canvas;
//! `extra_host`), or where there may be thousands (a task on the timeline).

pub mod code_host;
pub mod code_view;
pub mod compare_all;
pub mod event_loop;
pub mod extra_host;
pub mod history_host;
pub mod inspector_host;
pub mod lesson_intro;
pub mod memo;
pub mod mode_strip;
pub mod multiples;
pub mod notices;
pub mod predict_prompt;
pub mod pulse;
pub mod raw;
pub mod replay_host;
pub mod run_controls;
pub mod run_history;
pub mod same;
pub mod scenario_panel;
pub mod share_bar;
pub mod share_host;
pub mod site_header;
pub mod status_region;
pub mod task_inspector;
pub mod tasks_table;
pub mod timeline;
pub mod turn_host;
pub mod turn_question;
