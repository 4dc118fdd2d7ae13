//! Hooks: where effects live. Each returns a `Use…Handle` the components use.

pub mod use_autosave;
pub mod use_boot;
pub mod use_clipboard;
pub mod use_commands;
pub mod use_extra;
pub mod use_first_paint;
pub mod use_frame_meter;
pub mod use_frame_resize;
pub mod use_hash_links;
pub mod use_open_lesson;
pub mod use_replay;
pub mod use_runner;
pub mod use_share_value;
pub mod use_theme;
pub mod use_timeline_paint;
pub mod use_turn;
pub mod use_undo_keys;

pub use use_autosave::use_autosave;
pub use use_boot::use_boot;
pub use use_clipboard::{use_clipboard, UseClipboardHandle};
pub use use_commands::use_commands;
pub use use_extra::{use_extra, Extra};
pub use use_first_paint::use_first_paint;
pub use use_frame_meter::{use_frame_meter, UseFrameMeterHandle};
pub use use_frame_resize::use_frame_resize;
pub use use_hash_links::use_hash_links;
pub use use_open_lesson::{use_open_lesson, Opening, UseOpenLessonHandle};
pub use use_replay::{use_replay, UseReplayHandle};
pub use use_runner::{use_runner, UseRunnerHandle};
pub use use_share_value::{use_share_value, ShareValue};
pub use use_theme::use_theme;
pub use use_timeline_paint::{use_timeline_paint, Painting};
pub use use_turn::{use_turn, UseTurnHandle};
pub use use_undo_keys::use_undo_keys;
