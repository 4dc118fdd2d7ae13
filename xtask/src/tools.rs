//! Installs what the project needs, each at its pinned version, and only when missing:
//! the wasm32 target, trunk and wasm-bindgen-cli (`cargo install`, to cargo's bin folder),
//! wasm-opt and esbuild (npm's `binaryen` and `esbuild`, into the git-ignored `.tools/`), and
//! for tests Chromium with chromedriver, Firefox ESR, WebKitWebDriver and Xvfb (apt-get, as
//! root), geckodriver (`cargo install`, pinned) and the end-to-end packages (`npm ci` in
//! tests/e2e); for `cargo xtask bench --lighthouse` only, Lighthouse (`npm ci` in bench/).
//! A second run finds everything and installs nothing.

use crate::cmd;
use crate::pins;
use std::ffi::OsString;
use std::path::PathBuf;

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The environment every tool runs in: tool folders first on PATH, trunk kept offline.
pub struct Env {
    pub path: OsString,
    pub vars: Vec<(String, String)>,
}

/// Cargo's home: `CARGO_HOME`, else `~/.cargo`.
pub fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

fn cargo_bin() -> PathBuf {
    cargo_home().join("bin")
}

fn tools_dir() -> PathBuf {
    crate::root().join(".tools")
}

fn env() -> Result<Env, String> {
    let mut dirs = vec![cargo_bin(), tools_dir().join("node_modules/.bin")];
    dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    let path = std::env::join_paths(dirs).map_err(|e| format!("PATH: {e}"))?;
    Ok(Env {
        path,
        vars: vec![
            ("TRUNK_SKIP_VERSION_CHECK".into(), "true".into()),
            ("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD".into(), "1".into()),
        ],
    })
}

fn status(ok: bool, what: &str) {
    println!("{} {what}", if ok { "ok      " } else { "install " });
}

/// Everything `serve` and `build` need.
pub fn ensure_build_tools() -> Result<Env, String> {
    let pins = pins::read()?;
    let env = env()?;

    let targets = cmd::output("rustup", &["target", "list", "--installed"], &env)
        .ok_or("rustup is missing: install Rust with rustup (https://rustup.rs), then run this again")?;
    let has_target = targets.lines().any(|t| t.trim() == WASM_TARGET);
    status(has_target, &format!("rust target {WASM_TARGET}"));
    if !has_target {
        cmd::run(cmd::command("rustup", &["target", "add", WASM_TARGET], &env))?;
    }

    // Trunk runs cargo offline (Trunk.toml), so fetch every crate first; quick when cached.
    cmd::run(cmd::command("cargo", &["fetch", "--quiet"], &env))?;

    let trunk_ok = version_is(&env, "trunk", &format!("trunk {}", pins.trunk));
    status(trunk_ok, &format!("trunk {}", pins.trunk));
    if !trunk_ok {
        cmd::run(cmd::command(
            "cargo",
            &["install", "--locked", "--force", "trunk", "--version", &pins.trunk],
            &env,
        ))?;
    }

    let bindgen_ok = ["wasm-bindgen", "wasm-bindgen-test-runner"]
        .iter()
        .all(|tool| version_is(&env, tool, &format!("{tool} {}", pins.wasm_bindgen)));
    status(bindgen_ok, &format!("wasm-bindgen-cli {}", pins.wasm_bindgen));
    if !bindgen_ok {
        // Not --locked: its lock file names a crate version the registry no longer has.
        cmd::run(cmd::command(
            "cargo",
            &["install", "--force", "wasm-bindgen-cli", "--version", &pins.wasm_bindgen],
            &env,
        ))?;
    }

    let opt_ok = cmd::output("wasm-opt", &["--version"], &env).is_some_and(|v| {
        v.contains(&format!("version {} ", pins.wasm_opt))
            || v.ends_with(&format!("version {}", pins.wasm_opt))
    });
    status(opt_ok, &format!("wasm-opt {} (npm binaryen, in .tools/)", pins.wasm_opt));
    if !opt_ok {
        std::fs::create_dir_all(tools_dir()).map_err(|e| format!(".tools: {e}"))?;
        let package = format!("binaryen@{}.0.0", pins.wasm_opt);
        let mut c = cmd::command("npm", &["install", "--no-audit", "--no-fund", &package], &env);
        c.current_dir(tools_dir());
        cmd::run(c)?;
    }

    let esbuild_ok = cmd::output("esbuild", &["--version"], &env).as_deref() == Some(pins::ESBUILD);
    status(esbuild_ok, &format!("esbuild {} (npm, in .tools/)", pins::ESBUILD));
    if !esbuild_ok {
        std::fs::create_dir_all(tools_dir()).map_err(|e| format!(".tools: {e}"))?;
        let package = format!("esbuild@{}", pins::ESBUILD);
        let mut c = cmd::command("npm", &["install", "--no-audit", "--no-fund", &package], &env);
        c.current_dir(tools_dir());
        cmd::run(c)?;
    }
    Ok(env)
}

/// What the browser tests need on top: Chromium, chromedriver and the Playwright packages.
pub fn ensure_browser_tools(env: &Env) -> Result<(), String> {
    ensure_chromium(env)?;
    npm_ci(env, "tests/e2e", "end-to-end test packages (npm ci in tests/e2e)")
}

/// What the release build needs to split the page's wasm (`split.rs`): a Chromium to profile the
/// page in and the Playwright packages. The Chromium is `CHROMIUM` from the environment where it
/// is set (a CI image's Chrome: `.github/workflows/pages.yml`), else the Debian package's.
pub fn ensure_split_tools(env: &Env) -> Result<(), String> {
    match std::env::var("CHROMIUM") {
        Ok(given) => {
            let ok = cmd::output(&given, &["--version"], env).is_some();
            status(ok, &format!("{given} (CHROMIUM)"));
            if !ok {
                return Err(format!("CHROMIUM={given} does not run"));
            }
        }
        Err(_) => ensure_chromium(env)?,
    }
    npm_ci(env, "tests/e2e", "end-to-end test packages (npm ci in tests/e2e)")
}

/// Chromium and chromedriver, the Debian packages (apt-get, as root).
fn ensure_chromium(env: &Env) -> Result<(), String> {
    let chromium = cmd::output(CHROMIUM, &["--version"], env);
    let driver = cmd::output(CHROMEDRIVER, &["--version"], env);
    let browser_ok = chromium.is_some() && driver.is_some();
    status(browser_ok, "chromium and chromedriver (Debian packages)");
    if !browser_ok {
        let root = cmd::output("id", &["-u"], env).as_deref() == Some("0");
        if !root {
            return Err("Chromium and chromedriver are missing. Install them, then run this again:\n  \
                 sudo apt-get update && sudo apt-get install -y chromium chromium-driver"
                .into());
        }
        cmd::run(cmd::command("apt-get", &["update"], env))?;
        let mut c = cmd::command("apt-get", &["install", "-y", "chromium", "chromium-driver"], env);
        c.env("DEBIAN_FRONTEND", "noninteractive");
        cmd::run(c)?;
    }
    Ok(())
}

/// `npm ci` in `folder` (relative to the root) unless its node_modules was installed from the
/// same package-lock.json (a stamp file in node_modules keeps the lock it was installed from).
fn npm_ci(env: &Env, folder: &str, what: &str) -> Result<(), String> {
    let dir = crate::root().join(folder);
    let lock = std::fs::read(dir.join("package-lock.json"))
        .map_err(|e| format!("{folder}/package-lock.json: {e}"))?;
    let stamp = dir.join("node_modules/.xtask-installed-lock");
    let npm_ok = std::fs::read(&stamp).is_ok_and(|s| s == lock);
    status(npm_ok, what);
    if !npm_ok {
        let mut c = cmd::command("npm", &["ci", "--no-audit", "--no-fund"], env);
        c.current_dir(&dir);
        cmd::run(c)?;
        std::fs::write(&stamp, lock).map_err(|e| format!("{}: {e}", stamp.display()))?;
    }
    Ok(())
}

/// For `cargo xtask bench --lighthouse` only (never `cargo xtask test`): Chromium, and
/// Lighthouse at the version bench/package.json pins (`npm ci` into bench/node_modules). It
/// downloads no browser: bench/lighthouse.mjs hands it the system's Chromium (`CHROMIUM`).
pub fn ensure_lighthouse(env: &Env) -> Result<(), String> {
    ensure_chromium(env)?;
    npm_ci(env, "bench", "Lighthouse (npm ci in bench/, pinned in bench/package.json)")
}

/// mdBook, pinned (`cargo install`): the book the preprocessor's check builds.
const MDBOOK: &str = "0.4.52";

/// Where `cargo install` puts mdbook.
pub fn mdbook() -> PathBuf {
    cargo_bin().join("mdbook")
}

/// mdBook at the pinned version, for the preprocessor's check (`book.rs`).
pub fn ensure_mdbook(env: &Env) -> Result<(), String> {
    let ok = cmd::output(&mdbook().to_string_lossy(), &["--version"], env)
        .is_some_and(|v| v.trim() == format!("mdbook v{MDBOOK}"));
    status(ok, &format!("mdbook {MDBOOK}"));
    if !ok {
        cmd::run(cmd::command("cargo", &["install", "--locked", "mdbook", "--version", MDBOOK], env))?;
    }
    Ok(())
}

/// The WebDriver for Firefox, pinned (`cargo install`).
const GECKODRIVER: &str = "0.37.1";

/// Where `cargo install` puts geckodriver.
pub fn geckodriver() -> PathBuf {
    cargo_bin().join("geckodriver")
}

/// Firefox ESR with geckodriver, and WebKitGTK's WebKitWebDriver and MiniBrowser with Xvfb,
/// for `cargo xtask bench --engines` (Debian packages, as root; geckodriver from crates.io).
pub fn ensure_engine_tools(env: &Env) -> Result<(), String> {
    let have = |path: &str| std::path::Path::new(path).exists();
    let packages_ok =
        have("/usr/bin/firefox-esr") && have("/usr/bin/WebKitWebDriver") && have("/usr/bin/xvfb-run");
    status(packages_ok, "firefox-esr, webkit2gtk-driver and xvfb (Debian packages)");
    if !packages_ok {
        if cmd::output("id", &["-u"], env).as_deref() != Some("0") {
            return Err(
                "Firefox, WebKitWebDriver or Xvfb is missing. Install them, then run this again:\n  \
                 sudo apt-get update && sudo apt-get install -y firefox-esr webkit2gtk-driver xvfb"
                    .into(),
            );
        }
        cmd::run(cmd::command("apt-get", &["update"], env))?;
        let mut c =
            cmd::command("apt-get", &["install", "-y", "firefox-esr", "webkit2gtk-driver", "xvfb"], env);
        c.env("DEBIAN_FRONTEND", "noninteractive");
        cmd::run(c)?;
    }
    let gecko_ok = cmd::output("geckodriver", &["--version"], env).is_some_and(|v| {
        v.lines().next().is_some_and(|l| l.starts_with(&format!("geckodriver {GECKODRIVER}")))
    });
    status(gecko_ok, &format!("geckodriver {GECKODRIVER}"));
    if !gecko_ok {
        cmd::run(cmd::command(
            "cargo",
            &["install", "--locked", "geckodriver", "--version", GECKODRIVER],
            env,
        ))?;
    }
    Ok(())
}

/// Whether `program --version` prints exactly `expected` (ignoring surrounding space).
fn version_is(env: &Env, program: &str, expected: &str) -> bool {
    cmd::output(program, &["--version"], env).is_some_and(|v| v.trim() == expected)
}
