//! Minifies the page's JavaScript (the first view's, the runner's, the extras' and the worker's
//! bindings) and the extras' stylesheet in `dist/`
//! with esbuild, after trunk's release build:
//! trunk minifies the stylesheet and the page, but its own JavaScript minifier cannot read the
//! module wasm-bindgen writes (it stops at `export default`) and leaves it as it was, and the
//! plain scripts it copies (`boot-watch.js`, `latency-sw.js`, the click-to-load `poster.js`) it
//! copies as they are, and the boot script is written after it ran (`csp.rs`). They are loaded
//! without an integrity hash, so rewriting them in place is safe. The runner's bindings and
//! loader are minified too: they load just after the first view, before a learner's first run.
//! The worker's and the extras' bindings are plain scripts (wasm-bindgen's "no modules"), which
//! trunk does minify, with minify-js; but that orders their declarations differently from one
//! build to the next, so one source would name another parts folder each time (`parts.rs`).
//! They are taken again as wasm-bindgen wrote them (in trunk's folder under cargo's target
//! folder) and minified by esbuild, which writes the same every time. Their stylesheet, a file
//! trunk copies, is minified as trunk minifies the page's.

use crate::cmd;
use crate::tools::Env;
use std::path::Path;

/// How a file is minified: the app's and the runner's bindings (`async-playground-<hash>.js`,
/// `runner.js`) and the boot script (`boot-<hash>.js`, written by `csp.rs`) as modules, the
/// page's plain scripts and the extras' stylesheet as they are; `None` for anything else.
fn minified_as(name: &str) -> Option<&'static [&'static str]> {
    if (name.starts_with("async-playground-") && name.ends_with(".js")) || name == "runner.js" {
        Some(&["--format=esm"])
    } else if ["boot-watch.js", "latency-sw.js", "runner-loader.js", "extras.css"].contains(&name)
        || PLAIN_BINDINGS.contains(&name)
    {
        Some(&[])
    } else if name == "poster.js" || (name.starts_with("boot-") && name.ends_with(".js")) {
        Some(&["--format=esm"])
    } else {
        None
    }
}

/// The bindings wasm-bindgen writes as plain scripts, which trunk minifies unlike one build to
/// the next: taken again from where trunk had wasm-bindgen write them.
const PLAIN_BINDINGS: &[&str] = &["extras.js", "compute-worker.js"];

pub fn bindings(dist: &Path, env: &Env) -> Result<(), String> {
    let written = crate::target_dir().join("wasm-bindgen/release");
    for name in PLAIN_BINDINGS {
        let from = written.join(name);
        std::fs::copy(&from, dist.join(name)).map_err(|e| format!("{}: {e}", from.display()))?;
    }
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
    fn the_bindings_and_the_page_s_own_scripts_are_minified() {
        assert_eq!(minified_as("async-playground-4095e7813258d0e1.js"), Some(&["--format=esm"][..]));
        assert_eq!(minified_as("runner.js"), Some(&["--format=esm"][..]));
        assert_eq!(minified_as("runner-loader.js"), Some(&[][..]));
        assert!(minified_as("boot-watch.js").is_some() && minified_as("latency-sw.js").is_some());
        assert_eq!(minified_as("extras.css"), Some(&[][..]));
        // Plain scripts: their top level is the page's or the worker's global scope.
        assert_eq!(minified_as("extras.js"), Some(&[][..]));
        assert_eq!(minified_as("compute-worker.js"), Some(&[][..]));
        assert_eq!(minified_as("boot-5b9393167b16f5c0.js"), Some(&["--format=esm"][..]));
        for other in [
            "async-playground-4095e7813258d0e1_bg.wasm",
            "runner_bg.wasm",
            "compute-worker-loader.js",
            "embed-demo.js",
            "extras-loader.js",
        ] {
            assert_eq!(minified_as(other), None, "{other}");
        }
    }
}
