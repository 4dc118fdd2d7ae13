//! Runtime effects: the clock, frames, yielding, CPU work, requests, the two run modes,
//! long-task observation and messages to the parent page.
//!
//! Everything here talks to the browser; nothing here decides what to show.

pub mod clock;
pub mod frames;
pub mod live_timeline;
pub mod long_tasks;
pub mod post;
pub mod recording;
pub mod request;
pub mod run_async;
pub mod run_blocking;
pub mod work;
pub mod yield_now;
