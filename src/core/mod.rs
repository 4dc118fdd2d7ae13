//! The pure core: the scenario model, the schedule prediction for each mode, statistics over
//! measured samples, lessons, URL parameters, the reducer's state and the message shapes.
//!
//! **Invariant:** nothing in here imports yew, web-sys, js-sys, gloo or wasm-bindgen, reads a
//! clock or touches I/O. Every function is deterministic and tested natively with `cargo test`.

pub mod browse;
pub mod by_id;
pub mod cap;
pub mod codegen;
pub mod compare;
pub mod controls;
pub mod edit;
pub mod embed;
pub mod export;
pub mod format;
pub mod json;
pub mod layout;
pub mod lesson;
pub mod message;
pub mod mode;
pub mod number;
pub mod numbers;
pub mod origin;
pub mod paint;
pub mod params;
pub mod pool;
pub mod predict;
pub mod question;
pub mod replay;
pub mod report;
pub mod run_order;
pub mod run_record;
pub mod scenario;
pub mod share;
pub mod sort;
pub mod startup;
pub mod state;
pub mod stats;
pub mod storage;
pub mod timing;
pub mod turn;
