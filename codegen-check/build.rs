//! Writes `goldens.rs` into OUT_DIR: one `#[path = "..."] pub mod <name>;` per golden Rust file
//! in `../tests/codegen`, so `src/lib.rs` can `include!` them all and every one is compiled.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../tests/codegen");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::new();
    for path in files {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("golden");
        let name = module_name(stem);
        let path = path.canonicalize().unwrap_or(path);
        writeln!(out, "#[path = {:?}]\npub mod {name};", path.display().to_string())
            .expect("writing to a String cannot fail");
    }
    let target = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("goldens.rs");
    fs::write(target, out).expect("OUT_DIR is writable");
}

/// A module name from a file name: ASCII letters, digits and underscores, never starting with
/// a digit, prefixed so it can never be a keyword.
fn module_name(stem: &str) -> String {
    let clean: String =
        stem.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' }).collect();
    format!("golden_{clean}")
}
