//! The main thread's busy time as the prediction builds it: spans joined where they touch.

use crate::core::timing::Span;

/// Spans added in order of their start, joining each to the last where they touch (within
/// `tolerance` ms): the main thread's busy time, kept small as it grows.
pub(super) struct Busy {
    pub(super) spans: Vec<Span>,
    pub(super) tolerance: f64,
}

impl Default for Busy {
    fn default() -> Self {
        Busy { spans: Vec::new(), tolerance: 1e-9 }
    }
}

impl Busy {
    pub(super) fn add(&mut self, span: Span) {
        match self.spans.last_mut() {
            Some(last) if span.start_ms <= last.end_ms + self.tolerance => {
                last.end_ms = last.end_ms.max(span.end_ms)
            }
            _ => self.spans.push(span),
        }
    }
}
