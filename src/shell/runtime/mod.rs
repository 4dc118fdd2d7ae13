//! Runtime effects: the clock, frames, yielding, CPU work, requests, the two run modes,
//! long-task observation, lesson files, messages to the parent page, downloads, user timings and
//! painting the timeline's canvases.
//!
//! Everything here talks to the browser; nothing here decides what to show.

pub mod binaries;
pub mod clock;
pub mod compress;
pub mod compute_worker;
pub mod download;
pub mod extras;
pub mod frames;
pub mod lesson_files;
pub mod listening;
pub mod live_timeline;
pub mod long_tasks;
pub mod page_rest;
pub mod page_root;
pub mod paint;
pub mod parts;
pub mod post;
pub mod recording;
pub mod request;
pub mod run_async;
pub mod run_blocking;
pub mod runner_module;
pub mod share_links;
pub mod stage_view;
pub mod storage;
pub mod timer;
pub mod turn;
pub mod user_timing;
pub mod work;
pub mod worker_pool;
pub mod yield_now;
