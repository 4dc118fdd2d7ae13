//! Opening a share link in the page: the core checks and unwraps it (`core::share::unwrap`),
//! the browser inflates it (`compress::inflate_raw`, at most `MAX_JSON_BYTES`), the core reads
//! it (`read_inflated`), with the lessons it names fetched first (`lesson_files::with_lessons`).

use crate::core::share::{self, Decoded, ShareError, MAX_JSON_BYTES};
use crate::shell::runtime::compress::{inflate_raw, InflateError};
use crate::shell::runtime::lesson_files::with_lessons;

/// The link in `hash`, if it has one, opened; with what could not be fetched (lessons), as
/// messages.
pub async fn open(hash: &str) -> (Option<Result<Decoded, ShareError>>, Vec<String>) {
    let Some(value) = share::link_value(hash) else { return (None, Vec::new()) };
    // Behind a pointer, so that the unpacking is code of its own: a page opened without a link
    // never runs it, so it is not in the first view's wasm (ARCHITECTURE.md, Invariants).
    let opening: std::pin::Pin<Box<dyn std::future::Future<Output = _>>> = Box::pin(open_value(value));
    opening.await
}

/// The link's value (`share::link_value`) unpacked and read.
async fn open_value(value: &str) -> (Option<Result<Decoded, ShareError>>, Vec<String>) {
    let json = match share::unwrap(value) {
        Ok(deflated) => match inflate_raw(&deflated, MAX_JSON_BYTES).await {
            Ok(json) => json,
            Err(InflateError::TooLarge) => return (Some(Err(ShareError::TooLarge)), Vec::new()),
            Err(InflateError::Damaged) => return (Some(Err(ShareError::Damaged)), Vec::new()),
            Err(InflateError::Unsupported) => return (Some(Err(ShareError::NoUnpacker)), Vec::new()),
        },
        Err(e) => return (Some(Err(e)), Vec::new()),
    };
    let mut result = None;
    let failed = with_lessons(&mut || result = Some(share::read_inflated(&json))).await;
    (result, failed)
}
