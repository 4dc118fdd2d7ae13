//! `cargo xtask bench`: timing measured in a real browser, against baselines run in the same
//! session, never asserted by tests (and never run by `cargo xtask test`). It builds the release
//! bundle (as `cargo xtask build` does) and the minimal Yew page under `bench/minimal-yew/`,
//! then runs `bench/run.mjs` in Node: Playwright drives the system's headless Chromium over the
//! playground, the minimal page and the hand-written JavaScript baseline (`bench/baseline.*`),
//! prints a Markdown table with each figure beside its target, and writes the raw figures as
//! JSON to `<target dir>/bench/bench.json`. Other modes: `--engines`, `--sizes` and
//! `--lighthouse` (Lighthouse's mobile performance score, its own pinned npm package).

use crate::{cmd, root, tools};
use std::path::{Path, PathBuf};

/// Where the benchmark writes: `bench/` under cargo's target folder (`CARGO_TARGET_DIR` if set).
pub fn out_dir() -> PathBuf {
    crate::target_dir().join("bench")
}

/// `cargo xtask bench --engines`: every lesson's async and blocking runs, the ticket queue
/// watched from outside from a real click, every way of the yielding lesson, the workers
/// lesson's photos and the event-loop lesson's real order, in Chromium, Firefox and WebKit over
/// W3C WebDriver
/// (`bench/engines.mjs`), with the engines installed first. Writes
/// `<target dir>/bench/engines.json`.
pub fn engines() -> Result<(), String> {
    let env = tools::ensure_build_tools()?;
    tools::ensure_browser_tools(&env)?;
    tools::ensure_engine_tools(&env)?;
    crate::release_build(&env, None)?;
    let json = out_dir().join("engines.json");
    let app = root().join("dist").display().to_string();
    let out = json.display().to_string();
    cmd::run(cmd::command("node", &["bench/engines.mjs", "--app", &app, "--out", &out], &env))?;
    println!("\nxtask: raw figures in {out}");
    Ok(())
}

/// `cargo xtask bench --sizes`: where the page's wasm goes, by crate and by module, and what of
/// it runs before `ready`. The release build's wasm is bound again with its function names kept
/// and optimised as the bundle's is (`index.html`'s `data-wasm-opt-params`), then
/// `bench/sizes.mjs` reads it, and `bench/first-run.mjs` loads the bundle with an instrumented
/// copy of the page's whole wasm (as it was before the split) in headless Chromium.
pub fn sizes() -> Result<(), String> {
    let env = tools::ensure_build_tools()?;
    tools::ensure_browser_tools(&env)?;
    crate::release_build(&env, None)?;
    let dir = out_dir().join("sizes");
    let target = out_dir().parent().map(Path::to_path_buf).unwrap_or_default();
    let built = target.join("wasm32-unknown-unknown/release/async-playground.wasm");
    let dir_arg = dir.display().to_string();
    let built_arg = built.display().to_string();
    cmd::run(cmd::command(
        "wasm-bindgen",
        &["--target", "web", "--keep-debug", "--out-dir", &dir_arg, "--out-name", "named", &built_arg],
        &env,
    ))?;
    let params = crate::wasm_opt_params()?;
    let input = dir.join("named_bg.wasm").display().to_string();
    let output = dir.join("named.wasm").display().to_string();
    let mut args = vec!["-Oz", "-g", &input, "-o", &output];
    args.extend(params.iter().map(String::as_str));
    cmd::run(cmd::command("wasm-opt", &args, &env))?;
    cmd::run(cmd::command("node", &["bench/sizes.mjs", &output], &env))?;
    let dist = root().join("dist").display().to_string();
    let whole = crate::split::work_dir().join("whole.wasm").display().to_string();
    let args = ["bench/first-run.mjs", "--app", &dist, "--whole", &whole, "--named", &output];
    cmd::run(cmd::command("node", &args, &env))
}

/// A benchmark script's arguments for `node`: the script, the app's and the minimal page's
/// folders and the output file.
fn script_args(script: &str, app: &Path, minimal: &Path, out: &Path) -> Vec<String> {
    vec![
        script.to_string(),
        "--app".into(),
        app.display().to_string(),
        "--minimal".into(),
        minimal.display().to_string(),
        "--out".into(),
        out.display().to_string(),
    ]
}

/// The arguments for `node`: the script, the three folders and the output file.
pub fn node_args(app: &Path, minimal: &Path, out: &Path, quick: bool) -> Vec<String> {
    let mut args = script_args("bench/run.mjs", app, minimal, out);
    // What the first view never loads, as the test budget counts it.
    args.extend(["--not-first-view".into(), crate::budget::NOT_FIRST_VIEW.join(",")]);
    if quick {
        args.push("--quick".into());
    }
    args
}

/// The minimal Yew page (`bench/minimal-yew/`), built by trunk into `<target dir>/bench/minimal-dist`.
fn build_minimal(env: &tools::Env) -> Result<PathBuf, String> {
    let minimal = out_dir().join("minimal-dist");
    let minimal_text = minimal.display().to_string();
    cmd::run(cmd::command(
        "trunk",
        &["build", "--release", "--dist", &minimal_text, "bench/minimal-yew/index.html"],
        env,
    ))?;
    Ok(minimal)
}

pub fn run(quick: bool) -> Result<(), String> {
    let env = tools::ensure_build_tools()?;
    tools::ensure_browser_tools(&env)?;
    crate::release_build(&env, None)?;
    let minimal = build_minimal(&env)?;
    let json = out_dir().join("bench.json");
    let args = node_args(&root().join("dist"), &minimal, &json, quick);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    cmd::run(cmd::command("node", &args, &env))?;
    println!("\nxtask: raw figures in {}", json.display());
    Ok(())
}

/// The arguments for `node` in `--lighthouse` mode: the script, the two folders and the output.
pub fn lighthouse_args(app: &Path, minimal: &Path, out: &Path) -> Vec<String> {
    script_args("bench/lighthouse.mjs", app, minimal, out)
}

/// `cargo xtask bench --lighthouse`: Lighthouse's performance category with its default mobile
/// preset (simulated slow 4G, 4× CPU slowdown), over the release bundle and the minimal Yew
/// page, each served gzipped from 127.0.0.1 (`bench/lighthouse.mjs`), 3 runs each, medians.
/// Lighthouse is installed (pinned, `npm ci` in bench/) by this mode only. Writes
/// `<target dir>/bench/lighthouse.json` and the median runs' HTML reports beside it.
pub fn lighthouse() -> Result<(), String> {
    let env = tools::ensure_build_tools()?;
    crate::release_build(&env, None)?;
    let minimal = build_minimal(&env)?;
    tools::ensure_lighthouse(&env)?;
    let json = out_dir().join("lighthouse.json");
    let args = lighthouse_args(&root().join("dist"), &minimal, &json);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut c = cmd::command("node", &args, &env);
    c.env("CHROME_PATH", tools::CHROMIUM);
    cmd::run(c)?;
    println!("\nxtask: raw figures in {}", json.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_the_folders_what_is_not_first_view_and_the_quick_flag_to_the_script() {
        let args = node_args(Path::new("/d"), Path::new("/m"), Path::new("/o/bench.json"), false);
        assert_eq!(
            args,
            [
                "bench/run.mjs",
                "--app",
                "/d",
                "--minimal",
                "/m",
                "--out",
                "/o/bench.json",
                "--not-first-view",
                "embed-demo.,latency-sw."
            ]
        );
        assert_eq!(
            node_args(Path::new("/d"), Path::new("/m"), Path::new("/o"), true).last().unwrap(),
            "--quick"
        );
        assert!(root().join(&args[0]).is_file(), "the script is where xtask runs it from");
        assert!(out_dir().ends_with("bench"));
    }

    #[test]
    fn passes_lighthouse_the_two_folders_and_the_output_file() {
        let args = lighthouse_args(Path::new("/d"), Path::new("/m"), Path::new("/o/lighthouse.json"));
        assert_eq!(
            args,
            ["bench/lighthouse.mjs", "--app", "/d", "--minimal", "/m", "--out", "/o/lighthouse.json"]
        );
        assert!(root().join(&args[0]).is_file(), "the script is where xtask runs it from");
        let package = std::fs::read_to_string(root().join("bench/package.json")).expect("bench/package.json");
        let version = package.split(r#""lighthouse": ""#).nth(1).and_then(|rest| rest.split('"').next());
        assert!(
            version.is_some_and(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_digit() || c == '.')),
            "bench/package.json pins Lighthouse to an exact version: {version:?}"
        );
        assert!(root().join("bench/package-lock.json").is_file(), "npm ci needs the lock file");
    }
}
