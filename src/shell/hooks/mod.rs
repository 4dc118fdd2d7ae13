//! Hooks: where effects live. Each returns a `Use…Handle` the components use.

pub mod use_frame_meter;
pub mod use_runner;

pub use use_frame_meter::{use_frame_meter, UseFrameMeterHandle};
pub use use_runner::use_runner;
