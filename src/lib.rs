//! Async Playground: drag tasks onto a timeline and run them as real futures on the
//! browser's event loop, or blocking, and see the difference measured.
//!
//! The crate has two halves (see ARCHITECTURE.md):
//! - [`core`]: the pure model. No browser, no clock, no I/O; built and tested natively.
//! - `shell` (wasm32 only): components, hooks and runtime effects that talk to the browser.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod shell;
