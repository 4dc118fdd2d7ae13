//! The release build's `RUSTFLAGS`: the crates' source folder left out of the paths the binaries
//! carry.
//!
//! A panic's location names its source file, and inside a dependency that is a full path
//! under Cargo's home: `/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/yew-0.23.0/
//! src/dom_bundle/blist.rs`. About 40 of them reach the first view. With the prefix remapped
//! to nothing they read `yew-0.23.0/src/dom_bundle/blist.rs`: 139 B less of the first view
//! after compression, and a bundle that no longer depends on where the builder's home is.
//!
//! Only the release build gets these flags, so the other builds (tests, clippy) keep their
//! compiled dependencies; the release profile has its own anyway. `RUSTFLAGS` in the
//! environment takes the place of any `rustflags` in Cargo's config files, so the caller's own
//! `RUSTFLAGS` are kept, and this repository's config sets none.

use std::path::{Path, PathBuf};

/// `RUSTFLAGS` for the release build: `existing` (the caller's own, if any) followed by a
/// remap for each registry's source folder under `cargo_home`.
pub fn rustflags(existing: Option<&str>, cargo_home: &Path) -> String {
    let mut flags: Vec<String> =
        existing.filter(|f| !f.trim().is_empty()).map(|f| f.trim().to_owned()).into_iter().collect();
    for folder in registries(cargo_home) {
        // A path with a space would split the flag: such a home keeps its long paths.
        let folder = folder.to_string_lossy().into_owned();
        if !folder.contains(char::is_whitespace) {
            flags.push(format!("--remap-path-prefix={folder}/="));
        }
    }
    flags.join(" ")
}

/// Each registry's folder of unpacked crates (`registry/src/<index>`), sorted.
fn registries(cargo_home: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(cargo_home.join("registry").join("src"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_registry_is_remapped_after_the_callers_own_flags() {
        let home = std::env::temp_dir().join(format!("xtask-remap-{}", std::process::id()));
        let src = home.join("registry").join("src");
        std::fs::create_dir_all(src.join("index.crates.io-abc")).unwrap();
        std::fs::create_dir_all(src.join("github.com-def")).unwrap();
        std::fs::write(src.join("stray-file"), "").unwrap();
        let flags = rustflags(Some(" -C debuginfo=0 "), &home);
        let want = format!(
            "-C debuginfo=0 --remap-path-prefix={}/= --remap-path-prefix={}/=",
            src.join("github.com-def").display(),
            src.join("index.crates.io-abc").display()
        );
        assert_eq!(flags, want);
        assert_eq!(rustflags(Some(""), &home), want.trim_start_matches("-C debuginfo=0 "));
        std::fs::remove_dir_all(&home).unwrap();
    }

    #[test]
    fn no_registry_leaves_the_flags_as_they_were() {
        let nowhere = Path::new("/nonexistent/cargo-home");
        assert_eq!(rustflags(None, nowhere), "");
        assert_eq!(rustflags(Some("-C opt-level=z"), nowhere), "-C opt-level=z");
    }
}
