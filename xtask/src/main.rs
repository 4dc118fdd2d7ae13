//! Project chores, in Rust rather than shell scripts (the cargo xtask pattern).
//!
//! `cargo xtask serve | test | build | setup | bench`: each installs what is missing first (see
//! `tools.rs`), so a fresh machine needs only rustup/cargo, node/npm and apt.

mod bench;
mod book;
mod boot;
mod budget;
mod cmd;
mod csp;
mod imports;
mod minify;
mod parts;
mod pins;
mod remap;
mod split;
mod stages;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  serve [--address ADDR] [--port PORT]   install what is missing, then serve the app with live
                                         reload (default http://127.0.0.1:8080)
  test                                   install what is missing, then run every check in order
  build [--public-url URL]               write the release bundle to dist/, under a strict
                                         Content-Security-Policy (URL: where its files will be;
                                         default ./, relative, which works under any path)
  setup [--browser]                      only install the tools (--browser: Chromium, Firefox
                                         ESR with geckodriver, WebKitWebDriver with Xvfb, and the
                                         end-to-end test packages too)
  bench [--quick]                        build the release bundle and a minimal Yew page, then
                                         time load, run fidelity, frame gaps, overhead against
                                         plain JavaScript and editor drags in headless
                                         Chromium; prints a table, writes target/bench/bench.json
                                         (--quick: fewer loads and smaller runs, for development;
                                         the full run takes several minutes)
  bench --engines                        every lesson's async and blocking runs, and the event
                                         loop lesson's real order, in Chromium, Firefox and
                                         WebKit over WebDriver (installs Firefox ESR, geckodriver,
                                         WebKitWebDriver and Xvfb); writes target/bench/engines.json
  bench --sizes                          where the first view's wasm goes, by crate and module
                                         (bench/sizes.mjs over the release wasm, names kept)
  bench --lighthouse                     Lighthouse's mobile performance score (simulated slow
                                         4G, 4x CPU) of the app and the minimal Yew page, served
                                         gzipped, median of 3 runs (installs Lighthouse, pinned,
                                         in bench/); writes target/bench/lighthouse.json
";

/// The repository's top folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the repo").to_path_buf()
}

/// Cargo's target folder (`CARGO_TARGET_DIR` if set, relative to the repository if relative).
pub fn target_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from);
    if target.is_absolute() {
        target
    } else {
        root().join(target)
    }
}

/// The wasm-opt options the release build gives trunk (`index.html`'s `data-wasm-opt-params`),
/// for the passes the xtask runs itself on the wasm trunk wrote (`bench --sizes`, `split.rs`).
pub fn wasm_opt_params() -> Result<Vec<String>, String> {
    let html = std::fs::read_to_string(root().join("index.html")).map_err(|e| format!("index.html: {e}"))?;
    let params = html
        .split("data-wasm-opt-params=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .ok_or("index.html has no data-wasm-opt-params")?;
    Ok(params.split_whitespace().map(String::from).collect())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => test(&args[1..]),
        Some("build") => build(&args[1..]),
        Some("setup") => setup(&args[1..]),
        Some("bench") => options("bench", &args[1..], &["--quick", "--engines", "--sizes", "--lighthouse"])
            .and_then(|opts| {
                if opts.iter().any(|o| o.0 == "--engines") {
                    bench::engines()
                } else if opts.iter().any(|o| o.0 == "--sizes") {
                    bench::sizes()
                } else if opts.iter().any(|o| o.0 == "--lighthouse") {
                    bench::lighthouse()
                } else {
                    bench::run(!opts.is_empty())
                }
            }),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown or missing command\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Reads `--name value` options; anything else is an error naming the command.
fn options<'a>(command: &str, args: &'a [String], known: &[&str]) -> Result<Vec<(&'a str, &'a str)>, String> {
    let mut out = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let name = arg.as_str();
        if !known.contains(&name) {
            return Err(format!("`{command}` does not take `{name}`\n\n{USAGE}"));
        }
        if ["--browser", "--quick", "--engines", "--sizes", "--lighthouse"].contains(&name) {
            out.push((name, ""));
            continue;
        }
        let value = rest.next().ok_or_else(|| format!("`{name}` needs a value"))?;
        out.push((name, value.as_str()));
    }
    Ok(out)
}

fn serve(args: &[String]) -> Result<(), String> {
    let opts = options("serve", args, &["--address", "--port"])?;
    let address = opts.iter().find(|o| o.0 == "--address").map_or("127.0.0.1", |o| o.1);
    let port = opts.iter().find(|o| o.0 == "--port").map_or("8080", |o| o.1);
    port.parse::<u16>().map_err(|_| format!("--port must be a port number, not `{port}`"))?;
    let env = tools::ensure_build_tools()?;
    println!("xtask: serving on http://{address}:{port}/ (live reload; Ctrl+C stops)");
    cmd::run(cmd::command("trunk", &["serve", "--address", address, "--port", port], &env))
}

fn build(args: &[String]) -> Result<(), String> {
    let opts = options("build", args, &["--public-url"])?;
    let public_url = opts.iter().find(|o| o.0 == "--public-url").map(|o| o.1);
    let env = tools::ensure_build_tools()?;
    release_build(&env, public_url)?;
    let report = budget::measure(&root().join("dist"))?;
    println!("{report}");
    println!("{}", budget::poster(&root().join("dist")).unwrap_or_else(|e| e));
    println!("xtask: the bundle is in dist/; copy it to any static host.");
    Ok(())
}

fn setup(args: &[String]) -> Result<(), String> {
    let opts = options("setup", args, &["--browser"])?;
    let env = tools::ensure_build_tools()?;
    if !opts.is_empty() {
        tools::ensure_browser_tools(&env)?;
        tools::ensure_engine_tools(&env)?;
    }
    println!("xtask: tools are ready");
    Ok(())
}

/// `trunk build --release` (relative URLs unless given a public URL), the page moved under the
/// Content-Security-Policy (`csp.rs`, which writes the boot script), then the scripts minified
/// (`minify.rs`) and the names the wasm binaries import their bindings by shortened
/// (`imports.rs`), the page's wasm split in two by what its first view runs (`split.rs`), and
/// the files loaded after the first view moved under a folder named by their content
/// (`parts.rs`). The binaries carry their dependencies' source paths short (`remap.rs`).
fn release_build(env: &tools::Env, public_url: Option<&str>) -> Result<(), String> {
    let mut args = vec!["build", "--release"];
    if let Some(url) = public_url {
        args.extend(["--public-url", url]);
    }
    let mut trunk = cmd::command("trunk", &args, env);
    let flags = remap::rustflags(std::env::var("RUSTFLAGS").ok().as_deref(), &tools::cargo_home());
    // (Set, even empty, RUSTFLAGS would override any rustflags in Cargo's config files.)
    if !flags.is_empty() {
        trunk.env("RUSTFLAGS", flags);
    }
    // The linker's map of the page's wasm, for the split (`build.rs`).
    let work = split::work_dir();
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    trunk.env(split::LINK_MAP_ENV, split::link_map());
    cmd::run(trunk)?;
    csp::apply(&root().join("dist"))?;
    minify::bindings(&root().join("dist"), env)?;
    imports::apply(&root().join("dist"))?;
    // The split runs the page in Chromium (its profile).
    tools::ensure_split_tools(env)?;
    split::apply(&root().join("dist"), env)?;
    parts::apply(&root().join("dist"))
}

fn test(args: &[String]) -> Result<(), String> {
    options("test", args, &[])?;
    let mut stages = stages::Stages::default();
    let env = stages.run("install tools", || {
        let env = tools::ensure_build_tools()?;
        tools::ensure_browser_tools(&env)?;
        tools::ensure_engine_tools(&env)?;
        tools::ensure_mdbook(&env)?;
        Ok(env)
    })?;
    let cargo = |args: &[&str]| cmd::command("cargo", args, &env);
    let wasm = "wasm32-unknown-unknown";
    stages.check("cargo fmt --check", || cmd::run(cargo(&["fmt", "--all", "--check"])))?;
    stages.check("clippy (native)", || {
        cmd::run(cargo(&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))
    })?;
    stages.check("clippy (wasm32)", || {
        cmd::run(cargo(&[
            "clippy",
            "-p",
            "async-playground",
            "--target",
            wasm,
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    stages.check("native tests", || stages::counted(cargo(&["test", "--workspace"])))?;
    stages.check("browser tests (wasm-bindgen-test, headless Chromium)", || {
        let mut c = cargo(&["test", "-p", "async-playground", "--target", wasm]);
        c.env("CHROMEDRIVER", tools::CHROMEDRIVER);
        stages::counted(c)
    })?;
    // The same runtime tests in Firefox: real futures, timers, yields and requests there too.
    stages.check("browser tests (wasm-bindgen-test, headless Firefox)", || {
        let mut c = cargo(&["test", "-p", "async-playground", "--target", wasm, "--test", "web"]);
        c.env("GECKODRIVER", tools::geckodriver());
        stages::counted(c)
    })?;
    stages.check("mdBook preprocessor (a book built by the real mdbook)", || {
        book::check(&env).map(stages::add_passed)
    })?;
    stages.check("release build", || release_build(&env, None))?;
    stages.check("end-to-end tests (Playwright, headless Chromium)", || {
        let mut c = cmd::command("npx", &["playwright", "test"], &env);
        c.current_dir(root().join("tests/e2e"));
        stages::counted(c)
    })?;
    // The journeys a learner depends on, in Firefox and WebKit (Safari's engine), over
    // WebDriver: Playwright drives only its own builds of those engines, not the system's.
    stages.check("end-to-end journeys (WebDriver, Firefox and WebKit)", || {
        let mut c = cmd::command("node", &["tests/engines/journeys.mjs", "--app", "dist"], &env);
        c.current_dir(root());
        c.env("GECKODRIVER", tools::geckodriver());
        stages::counted(c)
    })?;
    stages.check("bundle budget", || {
        let report = budget::measure(&root().join("dist"))?;
        println!("{report}");
        report.check()?;
        println!("{}", budget::poster(&root().join("dist"))?);
        Ok(())
    })?;
    stages.finish()
}
