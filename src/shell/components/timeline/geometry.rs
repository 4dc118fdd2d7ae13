//! The timeline's sizes, in CSS pixels: one definition, which the component sets as custom
//! properties for the stylesheet, the pointer code uses to find a lane, and the tests read from
//! `data-row-px`.

/// The height of one lane row, in CSS pixels: the planned task on top, what the run did under
/// it. The stylesheet reads it (and the others below) from custom properties set here, and the
/// tests from `data-row-px`.
pub const ROW_PX: f64 = 64.0;
/// Where a planned task sits in its row, and how tall it is.
pub const TASK_TOP_PX: f64 = 4.0;
pub const TASK_PX: f64 = 28.0;
/// The track under the tasks where the run is drawn (ghost above, measured bar at its foot).
pub const TRACK_TOP_PX: f64 = 34.0;
pub const TRACK_PX: f64 = 26.0;
/// The main thread's row and each worker's.
pub const THREAD_PX: f64 = 24.0;
/// How far the timeline can be zoomed in (the lanes get this many times their width).
pub const MAX_ZOOM: u32 = 16;
