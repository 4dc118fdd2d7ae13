//! The page's wasm split in two after the release build: the first view keeps what the page
//! runs until the learner does something, and the rest moves to [`REST`], a file loaded after
//! the first view (it goes to the parts folder, `parts.rs`). Which functions those are is
//! measured, not guessed: `xtask/split/profile.mjs` loads an instrumented copy of the bundle in
//! headless Chromium as a learner and a course page open it, and `xtask/split/split.mjs` (over
//! binaryen.js) moves every other function out, leaving a stub that loads the rest if it is
//! called before the rest has come, and with them the constants in memory that only their code
//! refers to (`xtask/split/data.mjs`, which learns where each constant begins and ends from the
//! linker's map: [`link_map`]). The boot script (`boot.rs`) links the rest to the page.
//!
//! The split depends on a run of the page, so two builds of the same source need not split
//! alike: the first view's wasm is renamed by its content after the split, and the boot script
//! that names it too, so a page never pairs its wasm with another build's rest (which is in
//! the parts folder, itself named by content).

use crate::cmd;
use crate::tools::Env;
use std::path::{Path, PathBuf};

/// The rest of the page's wasm, as the boot script and the parts folder name it.
pub const REST: &str = "page-rest.wasm";

/// The stylesheet of what only the rest draws (`static/rest.css`): taken out of the page by
/// `csp.rs`, moved to the parts folder, and loaded with the rest by the boot script (`boot.rs`).
pub const REST_SHEET: &str = "rest.css";

/// The wasm features the release build uses, as wasm-opt takes them (`xtask/split/wasm.mjs`
/// writes the same set).
const FEATURES: [&str; 7] = [
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// The variable `build.rs` reads: where the linker writes its map of the page's wasm.
pub const LINK_MAP_ENV: &str = "ASYNC_PLAYGROUND_LINK_MAP";

/// The linker's map of the page's wasm: where each constant in its memory begins and ends.
pub fn link_map() -> PathBuf {
    work_dir().join("page.map")
}

/// The linker's map, if it was written by the link that made the page's wasm: the split reads
/// where each constant is from it, and another link's map would place them elsewhere.
fn fresh_link_map() -> Result<PathBuf, String> {
    let map = link_map();
    let linked = crate::target_dir().join("wasm32-unknown-unknown/release/async-playground.wasm");
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    match (modified(&map), modified(&linked)) {
        // One link writes both, within a second or two of each other.
        (Some(map_time), Some(wasm_time))
            if map_time >= wasm_time || wasm_time.duration_since(map_time).is_ok_and(|d| d.as_secs() < 2) =>
        {
            Ok(map)
        }
        _ => Err(format!(
            "{} is missing or older than {}: it was linked without {LINK_MAP_ENV} (build.rs). Touch src/main.rs and \
             run `cargo xtask build` again.",
            map.display(),
            linked.display()
        )),
    }
}

/// Where the build keeps the profile and the page's wasm as it was before the split (for
/// `bench/first-run.mjs`).
pub fn work_dir() -> PathBuf {
    crate::bench::out_dir().parent().map(Path::to_path_buf).unwrap_or_default().join("split")
}

/// Profiles the page in `dist`, splits its wasm, and renames the first view's wasm and the boot
/// script by their new content.
pub fn apply(dist: &Path, env: &Env) -> Result<(), String> {
    // (The other binaries are still beside it: they move to the parts folder after this.)
    let page_wasm = |name: &str| name.ends_with("_bg.wasm") && !crate::parts::FILES.contains(&name);
    let wasm = only(dist, page_wasm, "the page's wasm")?;
    let boot_script = |name: &str| {
        name.strip_prefix("boot-")
            .and_then(|rest| rest.strip_suffix(".js"))
            .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
    };
    let boot = only(dist, boot_script, "the boot script")?;
    let work = work_dir();
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let wasm_path = dist.join(&wasm);
    let whole = work.join("whole.wasm");
    std::fs::copy(&wasm_path, &whole).map_err(|e| format!("{}: {e}", whole.display()))?;
    let ran = work.join("ran.json");
    let (dist_arg, wasm_arg, ran_arg) =
        (dist.display().to_string(), wasm_path.display().to_string(), ran.display().to_string());
    let profile = ["xtask/split/profile.mjs", "--app", &dist_arg, "--wasm", &wasm_arg, "--out", &ran_arg];
    cmd::run(cmd::command("node", &profile, env))?;
    let rest = dist.join(REST).display().to_string();
    let map = fresh_link_map()?.display().to_string();
    let split =
        ["xtask/split/split.mjs", "--wasm", &wasm_arg, "--ran", &ran_arg, "--rest", &rest, "--map", &map];
    cmd::run(cmd::command("node", &split, env))?;
    // Both parts optimised again as trunk optimised the whole (1 KB of the first view, around
    // the stubs), with the features the whole was built with (its section that named them is
    // gone).
    let params = crate::wasm_opt_params()?;
    for part in [&wasm_arg, &rest] {
        let mut args = vec!["-Oz", part.as_str(), "-o", part.as_str()];
        args.extend(FEATURES);
        args.extend(params.iter().map(String::as_str));
        cmd::run(cmd::command("wasm-opt", &args, env))?;
    }

    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
    let write = |path: &Path, bytes: &[u8]| {
        std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    };
    let renamed_wasm = by_content(&wasm, &read(&wasm_path)?)?;
    std::fs::rename(&wasm_path, dist.join(&renamed_wasm)).map_err(|e| format!("{wasm}: {e}"))?;
    let script = String::from_utf8(read(&dist.join(&boot))?).map_err(|e| format!("{boot}: {e}"))?;
    let script = replace_once(&script, &wasm, &renamed_wasm).map_err(|e| format!("{boot}: {e}"))?;
    let renamed_boot = by_content(&boot, script.as_bytes())?;
    write(&dist.join(&renamed_boot), script.as_bytes())?;
    std::fs::remove_file(dist.join(&boot)).map_err(|e| format!("{boot}: {e}"))?;
    let index = dist.join("index.html");
    let html = String::from_utf8(read(&index)?).map_err(|e| format!("index.html: {e}"))?;
    let html = replace_once(&html, &boot, &renamed_boot).map_err(|e| format!("index.html: {e}"))?;
    write(&index, html.as_bytes())?;
    println!("xtask: the page's wasm is split: {renamed_wasm} for the first view, {REST} for the rest");
    Ok(())
}

/// The one file at the top of `dir` whose name `matches`.
fn only(dir: &Path, matches: impl Fn(&str) -> bool, what: &str) -> Result<String, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let found: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| matches(name))
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(format!("{}: expected one file for {what}, found {found:?}", dir.display())),
    }
}

/// `name` (`stem-<hash><ending>`) with its hash replaced by one of `bytes`, in 16 hex digits.
/// (Trunk writes its hash without leading zeros, so it can be shorter: one build in sixteen.)
fn by_content(name: &str, bytes: &[u8]) -> Result<String, String> {
    let dash = name.rfind('-').ok_or_else(|| format!("{name}: no hash in the name"))?;
    let digits = name[dash + 1..].bytes().take_while(u8::is_ascii_hexdigit).count();
    if !(1..=16).contains(&digits) {
        return Err(format!("{name}: no hash in the name"));
    }
    Ok(format!("{}-{:016x}{}", &name[..dash], crate::csp::fnv1a(bytes), &name[dash + 1 + digits..]))
}

/// `text` with its one occurrence of `from` replaced by `to`; an error if there is not exactly one.
fn replace_once(text: &str, from: &str, to: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!("names {from} {n} times, expected once")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_renamed_by_its_content() {
        let a = by_content("async-playground-fe0c72bde830dc78_bg.wasm", b"one").unwrap();
        let b = by_content("async-playground-fe0c72bde830dc78_bg.wasm", b"two").unwrap();
        assert!(a.starts_with("async-playground-") && a.ends_with("_bg.wasm") && a.len() == 41, "{a}");
        assert_ne!(a, b);
        assert_eq!(a, by_content("async-playground-0000000000000000_bg.wasm", b"one").unwrap());
        // Trunk's hash has no leading zeros: fifteen digits here.
        assert_eq!(a, by_content("async-playground-1b48b40194a39fe_bg.wasm", b"one").unwrap());
        let boot = by_content("boot-bd33ca9b94ef0124.js", b"one").unwrap();
        assert!(boot.starts_with("boot-") && boot.ends_with(".js") && boot.len() == 24, "{boot}");
        assert!(by_content("page.wasm", b"one").is_err());
        assert!(by_content("async-playground-nothex_bg.wasm", b"one").is_err());
    }

    #[test]
    fn a_name_is_replaced_only_where_it_occurs_once() {
        assert_eq!(replace_once("fetch('./a.wasm')", "./a.wasm", "./b.wasm").unwrap(), "fetch('./b.wasm')");
        assert!(replace_once("a a", "a", "b").unwrap_err().contains("2 times"));
        assert!(replace_once("x", "a", "b").unwrap_err().contains("0 times"));
    }
}
