//! Components: one per file, each with `<Component>Props` (or, for one or two values, plain
//! arguments). They render state and turn DOM events into callbacks; they start no effects of
//! their own.
//!
//! What keeps no state of its own and is cheap to draw again is a plain function returning
//! `Html`, called from the app's view (`site_header`, `notices`, `status_region`, `mode_strip`,
//! `compare_all`, `scenario_panel`, `run_controls`, `predict_prompt`, `lesson_intro`, every
//! extra's place): it is drawn again with the app, and it
//! costs the first view none of the generic code a Yew component brings (about 0.6 KB each,
//! gzip, measured). A Yew component is kept where there are hooks, or where skipping an
//! unchanged part matters (a task on the timeline, of which there may be thousands).

pub mod code_host;
pub mod code_view;
pub mod compare_all;
pub mod event_loop;
pub mod extra_host;
pub mod history_host;
pub mod inspector_host;
pub mod lesson_intro;
pub mod mode_strip;
pub mod multiples;
pub mod notices;
pub mod predict_prompt;
pub mod pulse;
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
