//! Every golden file the code generator writes for Rust (`tests/codegen/*.rs`), compiled as one
//! module each. Building, testing or linting the workspace therefore checks that the generated
//! Rust compiles, without warnings under `clippy -D warnings`.

include!(concat!(env!("OUT_DIR"), "/goldens.rs"));
