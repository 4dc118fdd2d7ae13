//! Async Playground: drag tasks onto a timeline and run them as real futures on the
//! browser's event loop, or blocking, and see the difference measured.
//!
//! The crate has two halves (see ARCHITECTURE.md):
//! - [`core`]: the pure model. No browser, no clock, no I/O; built and tested natively.
//! - `shell` (wasm32 only): components, hooks and runtime effects that talk to the browser.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod shell;

/// Every wasm binary's allocator (the page's, the runner's, the extras', the worker's; each runs
/// on one thread): talc, in place of the standard library's dlmalloc, makes the compressed first
/// view 3.1 KB smaller and draws as fast (docs/benchmarks.md, History, "The allocator").
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
