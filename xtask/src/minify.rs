//! Minifies the app's JavaScript bindings in `dist/` with esbuild, after trunk's release build:
//! trunk minifies the stylesheet and the page, but its own JavaScript minifier cannot read the
//! module wasm-bindgen writes (it stops at `export default`) and leaves it as it was. The
//! bindings are loaded without an integrity hash, so rewriting them in place is safe; the
//! worker's files are left alone (they load only when a workers run starts).

use crate::cmd;
use crate::tools::Env;
use std::path::Path;

/// The app's bindings: `async-playground-<hash>.js`.
fn is_app_bindings(name: &str) -> bool {
    name.starts_with("async-playground-") && name.ends_with(".js")
}

pub fn bindings(dist: &Path, env: &Env) -> Result<(), String> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_app_bindings(&name) {
            continue;
        }
        let file = entry.path().to_string_lossy().into_owned();
        let out = format!("--outfile={file}");
        cmd::run(cmd::command(
            "esbuild",
            &[&file, "--minify", "--format=esm", "--allow-overwrite", "--log-level=warning", &out],
            env,
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::is_app_bindings;

    #[test]
    fn only_the_app_bindings_are_minified() {
        assert!(is_app_bindings("async-playground-4095e7813258d0e1.js"));
        for other in
            ["async-playground-4095e7813258d0e1_bg.wasm", "compute-worker.js", "boot-1.js", "embed-demo.js"]
        {
            assert!(!is_app_bindings(other), "{other}");
        }
    }
}
