//! Minifies the first view's and the runner's JavaScript and the extras' stylesheet in `dist/`
//! with esbuild, after trunk's release build:
//! trunk minifies the stylesheet and the page, but its own JavaScript minifier cannot read the
//! module wasm-bindgen writes (it stops at `export default`) and leaves it as it was, and the
//! plain scripts it copies (`boot-watch.js`, `latency-sw.js`, the click-to-load `poster.js`) it
//! copies as they are, and the boot script is written after it ran (`csp.rs`). They are loaded
//! without an integrity hash, so rewriting them in place is safe. The runner's bindings and
//! loader are minified too: they load just after the first view, before a learner's first run.
//! The worker's and the extras' code is left alone (it loads only when needed), but their
//! stylesheet, a file trunk copies, is minified as trunk minifies the page's.

use crate::cmd;
use crate::tools::Env;
use std::path::Path;

/// How a file is minified: the app's and the runner's bindings (`async-playground-<hash>.js`,
/// `runner.js`) and the boot script (`boot-<hash>.js`, written by `csp.rs`) as modules, the
/// page's plain scripts and the extras' stylesheet as they are; `None` for anything else.
fn minified_as(name: &str) -> Option<&'static [&'static str]> {
    if (name.starts_with("async-playground-") && name.ends_with(".js")) || name == "runner.js" {
        Some(&["--format=esm"])
    } else if ["boot-watch.js", "latency-sw.js", "runner-loader.js", "extras.css"].contains(&name) {
        Some(&[])
    } else if name == "poster.js" || (name.starts_with("boot-") && name.ends_with(".js")) {
        Some(&["--format=esm"])
    } else {
        None
    }
}

pub fn bindings(dist: &Path, env: &Env) -> Result<(), String> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(format) = minified_as(&name) else { continue };
        let file = entry.path().to_string_lossy().into_owned();
        let out = format!("--outfile={file}");
        let mut args = vec![file.as_str(), "--minify", "--allow-overwrite", "--log-level=warning", &out];
        args.extend(format);
        cmd::run(cmd::command("esbuild", &args, env))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::minified_as;

    #[test]
    fn only_the_first_view_and_the_runners_scripts_are_minified() {
        assert_eq!(minified_as("async-playground-4095e7813258d0e1.js"), Some(&["--format=esm"][..]));
        assert_eq!(minified_as("runner.js"), Some(&["--format=esm"][..]));
        assert_eq!(minified_as("runner-loader.js"), Some(&[][..]));
        assert!(minified_as("boot-watch.js").is_some() && minified_as("latency-sw.js").is_some());
        assert_eq!(minified_as("extras.css"), Some(&[][..]));
        assert_eq!(minified_as("boot-5b9393167b16f5c0.js"), Some(&["--format=esm"][..]));
        for other in [
            "async-playground-4095e7813258d0e1_bg.wasm",
            "runner_bg.wasm",
            "compute-worker.js",
            "embed-demo.js",
            "extras.js",
        ] {
            assert_eq!(minified_as(other), None, "{other}");
        }
    }
}
