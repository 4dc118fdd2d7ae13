//! The bundle budget: the first-view assets (wasm, js, css, html) compressed with gzip -9
//! must stay under `BUDGET_BYTES`. It was raised from 250 KB as features came in (to 335 KB
//! with the stage and dark mode); since the first view began to shed what it does not show
//! (lessons as files, the extras binary, the runner binary) it only comes down, to the figure each cut reaches.
//! The benchmark reports it against its own, lower target.
//!
//! The page names the folder of what loads after the first view by a hash of its content
//! (`parts.rs`), so any change to the runner, the extras, the worker or the lessons (even a
//! comment that moves a line of the runner's code, and so its panic locations) renames it, and
//! the new name's sixteen hex digits can compress a few bytes better or worse in the page: a
//! budget missed by 1 to 4 B after such a change is that, and is paid for by a cut elsewhere.

use crate::parts;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::fmt;
use std::io::Write;
use std::path::Path;

/// The most the first view may weigh, gzip -9, in bytes: a guard against a change that grows
/// it, not the target (the benchmark reports that). Lowered from 335,000 as the lessons became
/// files fetched when opened, the code view with its generator and the timeline pictures (SVG,
/// PNG) moved to the extras, share links came to be inflated by the browser, and the page's
/// plain scripts came to be minified too, and workers mode dropped gloo-worker for plain
/// `postMessage`, the scenario came to be read and written by hand (no derived serde code), and
/// Share, Embed and Export, the small multiples and the task inspector moved to the extras to
/// make room for the drawn timeline, and the sorts that need no stability became unstable (the
/// stable sort's code left; 311,232 B measured, rounded up to the next 500), and wasm-opt came
/// to strip the producers and target-features sections and run its passes until they converge
/// (about 700 B, most of it taken again by the frame-aware yield: 311,280 B measured) and to
/// assume the lowest kilobyte of memory unused (the stack starts at 1 MB and grows down), which
/// folds constant offsets into loads (1.4 KB; 310,172 B measured), and the run's records came
/// to map ids by a vector and JSON values to be quoted without serde_json's serializer (3.5 KB,
/// of which the postMessage handshake, ping and get-state, took 0.9 KB; with a frame-aware
/// yield that stops waiting where frames do not come, 307,581 B measured), and serde_json came
/// to keep numbers' text for Rust's own parser to read (its exact float parser left: 6 KB; with
/// the embed's resize messages, 301,977 B measured), and the live bars and the canvas's columns
/// came to look tasks up by the same id map (301,687 B), and the app came to read JSON with a
/// reader of its own (serde_json left: 11.7 KB; 290,024 B measured), and one small heapsort
/// took the place of six instantiations of the standard library's (7.8 KB), of which the
/// recording of each run's event loop, its results file, the replay's place and the page's
/// boot without preloads took 5.4 KB (288,564 B; 288,552 B once the replay's placeholder said
/// one sentence; 288,596 B once a request recorded its resumption once), and the standard
/// library's Unicode case tables and Debug escaping left (undo keys compared in ASCII, a
/// refused message quoted as JSON: 8.5 KB), then its float parser with its table of powers of
/// five (12.8 KB) and its float formatting (7.1 KB), every number being read and written by
/// `core::number` instead (258,929 B measured), and the props that carry a run came to compare
/// it by identity (its derived comparison left: 258,453 B), and the extras' styles went with
/// them (1.1 KB), which paid for rendering what stands below the stage after the first paint,
/// the boot script's fetching beside the stylesheet, the extras' wait for a run to end, and
/// the table of runs moving to the extras (258,358 B), whose styles then followed (258,283 B),
/// and the latency service worker came to be registered only for a scenario with a request
/// (401 B), which paid for the boot script's wait for the loading screen's paint and the run
/// strip's layout fixes (258,209 B measured), and the names the wasm imports its bindings by
/// came to be shortened after the build (`imports.rs`: 9.2 KB; 248,988 B measured), and the
/// closures' hashed export names too (248,664 B), then every export of wasm-bindgen's the
/// bindings call, which paid for the extras' wait while a lesson is fetched (248,574 B), and
/// the dependencies' source paths came to be remapped short (`remap.rs`: 139 B), which paid for
/// the run strip's columns sized once for the heads and every row (a subgrid), its buttons' column
/// as wide as their labels and its figures wrapped as flex items (248,529 B), and the boot
/// script came to leave out trunk's unused `wasmBindings` and `TrunkApplicationStarted`, the
/// default lesson to be built in without its indentation and the phone's hidden labels to share
/// one rule, which paid for the extras' first views waiting for a lesson being opened, until the
/// frame that draws it (248,522 B), and the timeline's table of tasks came to be an extra, its
/// rows written by the page (603 B; 247,919 B), and what runs a scenario and draws it live came
/// to be a binary of its own, loaded once the first view is drawn, its record handed back as
/// numbers (`core::run_record`: 9.1 KB; 238,776 B), which paid for saying that a run waits for
/// the runner, and for the page being as if running meanwhile (238,859 B), and the end of a
/// run's live drawing came to be one function (238,836 B), and seven parts of the page that keep
/// no state came to be plain functions in place of Yew components (234,556 B), which paid for a
/// run stopped while it waits for the runner saying that nothing ran (234,663 B), and every
/// extra's place came to be one component, `ExtraHost` (232,550 B), and the guess form's problem
/// came to be state, its prompt a function, which paid for an extra that cannot be loaded
/// offering to try again (232,453 B), and the lesson's introduction came to be a function, its
/// folding and the opening of another lesson the app's (231,614 B), and the page's class names came
/// to be written without `classes!` and Share's place a function, which paid for what must not
/// be drawn again with every render (`Memo`) and for Try again trying every waiting place
/// (231,034 B), and the replay's place came to be a function, what it is handed the app's
/// (`use_replay`), which paid for Stop cancelling a blocking run that waits for the runner
/// (230,042 B), and an extra's argument came to take its inputs whole (229,859 B), and the
/// page's events came to be put in time order by the one small sort, made stable (227,956 B),
/// and the site header to be written as HTML text (67 B), which paid for the run settings'
/// fields keeping a value being typed and saying, beside them, why a value was not taken
/// (228,208 B), and markup that never changes to be written as HTML text (385 B) and the page to
/// lose the stylesheet's integrity hash (61 B), which paid for the page naming the folder of
/// what loads after the first view, so no cache pairs it with another build's (227,862 B), and
/// the wasm binaries' allocator to be talc in place of dlmalloc (224,732 B), and Yew's tracing
/// to be compiled out (`tracing`'s `max_level_off`: 408 B; 224,310 B with the timeline's
/// painting timed after its reads and the live drawing set up before a run), and the boot
/// script's tag to be written unquoted, which paid for the live drawing finding every lane's
/// track by its row, built or not (224,306 B), and a scenario's JSON to be read without copying
/// any part of it, which paid for the page handing the runner its scenario as numbers rather
/// than JSON (223,338 B; 223,333 B once the runner's codes came to be written as the page's are,
/// which renamed the parts folder). Then the page's wasm was split by what the page runs until
/// the learner does something (`split.rs`), the rest loaded after the first view: 178,347 B in
/// three builds in a row, 178,410 B with the boot script's message that the rest could not be
/// had kept in view. The split follows a run of the page in Chromium, and one build in five kept
/// a function fewer (the long-task observer's callback, which the pulse's count used to leave
/// no long task to); with that callback given every long task and both parts optimised again
/// after the split, 177,386 B. Then what the page does of its own accord after its first view
/// came to wait for the rest, so the profile no longer takes it in (175,654 B), and the views the
/// first view does not draw came to be functions of their own, which wasm-opt no longer inlines
/// into the view that calls them (`--one-caller-inline-max-function-size=50`): 167,028 B in two
/// builds, 167,040 B with the boot script saying at once that the rest cannot be had; 167,468 B
/// with a line where what stands below the stage will be, saying it is coming or cannot come.
/// Then the constants only the rest's code refers to came to move with it (`split/data.mjs`):
/// 162,065 B (162,073 B before an address held as half of an i64 kept its constant). Then the
/// profile came to open each parameter a course page may set and to post a command, which
/// waits for the rest (162,577 B), and what only the rest does came out of the functions that
/// ran: carrying out a command, and making an extra's argument before the extra is there (the
/// closed table of tasks made its rows at every first render): 159,858 B. (The JSON of a run's
/// end, out too, saved 570 B more, but written by the rest it called the first view's helpers
/// across the two instances for each task, and the frame that ends a run went long more often.)
/// Then the rules for what only the rest draws (a run's results, what to notice, what stands
/// below the stage) came to be a stylesheet of their own, loaded with the rest (`rest.css`),
/// and the poster's went into `poster.js`: 159,219 B. A build whose profile took in a function
/// more would weigh a little more: the budget leaves it 581 B.
pub const BUDGET_BYTES: u64 = 159_800;

pub struct Report {
    /// (file name, raw bytes, gzip bytes), largest first.
    pub files: Vec<(String, u64, u64)>,
}

impl Report {
    pub fn gzip_total(&self) -> u64 {
        self.files.iter().map(|f| f.2).sum()
    }

    pub fn check(&self) -> Result<(), String> {
        let total = self.gzip_total();
        if self.files.iter().all(|f| !f.0.ends_with(".wasm")) {
            return Err("dist/ holds no .wasm file: build first".into());
        }
        if total > BUDGET_BYTES {
            return Err(format!("the first view is {total} B gzip, over the {BUDGET_BYTES} B budget"));
        }
        Ok(())
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "first-view assets in dist/ (gzip -9):")?;
        for (name, raw, gz) in &self.files {
            writeln!(f, "  {gz:>9} B gzip  {raw:>9} B raw  {name}")?;
        }
        write!(f, "  {:>9} B gzip in all; budget {BUDGET_BYTES} B", self.gzip_total())
    }
}

/// Files at the top of `dist/` that its first view never loads: the embedding demo and the
/// service worker, registered only once the scenario has a request task (the default lesson has
/// none). What the page loads after its first view (the runner, the extras, the workers' code,
/// the poster, the lessons) is not at the top: it is in the parts folder (`parts.rs`).
pub const NOT_FIRST_VIEW: &[&str] = &["embed-demo.", "latency-sw."];

/// The most the click-to-load poster (`load=click`) may weigh, gzip -9: the page, its
/// stylesheet, its scripts (the boot script, the boot watch, `poster.js`) and the largest
/// lesson's file, which it reads for the title and the drawing. Nothing of the app.
pub const POSTER_BYTES: u64 = 20_000;

/// What the poster loads, measured: `Err` names what is missing, or says it is too heavy.
pub fn poster(dist: &Path) -> Result<String, String> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let wanted = name == "index.html"
            || name == "boot-watch.js"
            || (name.starts_with("boot-") && name.ends_with(".js"))
            || (name.starts_with("style-") && name.ends_with(".css"));
        if wanted {
            let bytes = std::fs::read(entry.path()).map_err(|e| format!("{name}: {e}"))?;
            files.push((name, gzip_len(&bytes)));
        }
    }
    // The poster and the lessons are loaded after the first view, from the parts folder.
    let parts = parts::folder_of(dist)?;
    let poster = parts.join("poster.js");
    let bytes = std::fs::read(&poster).map_err(|e| format!("{}: {e}: build first", poster.display()))?;
    files.push(("poster.js".into(), gzip_len(&bytes)));
    let lessons = parts.join(parts::FOLDER);
    let mut largest = (String::new(), 0);
    for entry in std::fs::read_dir(&lessons).map_err(|e| format!("{}: {e}", lessons.display()))?.flatten() {
        let bytes = std::fs::read(entry.path()).map_err(|e| format!("{}: {e}", entry.path().display()))?;
        let gz = gzip_len(&bytes);
        if gz > largest.1 {
            largest = (format!("lessons/{}", entry.file_name().to_string_lossy()), gz);
        }
    }
    files.push(largest);
    let total: u64 = files.iter().map(|f| f.1).sum();
    let list: Vec<String> = files.iter().map(|(n, gz)| format!("{n} {gz} B")).collect();
    let said =
        format!("the click-to-load poster: {total} B gzip ({}); budget {POSTER_BYTES} B", list.join(", "));
    if total > POSTER_BYTES {
        return Err(format!("{said}: over"));
    }
    Ok(said)
}

/// Measures every first-view asset at the top of `dist`.
pub fn measure(dist: &Path) -> Result<Report, String> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !["wasm", "js", "css", "html"].iter().any(|ext| name.ends_with(&format!(".{ext}")))
            || NOT_FIRST_VIEW.iter().any(|prefix| name.starts_with(prefix))
        {
            continue;
        }
        let bytes = std::fs::read(entry.path()).map_err(|e| format!("{name}: {e}"))?;
        files.push((name, bytes.len() as u64, gzip_len(&bytes)));
    }
    files.sort_by_key(|f| std::cmp::Reverse(f.2));
    Ok(Report { files })
}

fn gzip_len(bytes: &[u8]) -> u64 {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory").len() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_only_first_view_assets_and_enforces_the_budget() {
        let dir = std::env::temp_dir().join(format!("xtask-budget-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("app_bg.wasm"), vec![0u8; 10_000]).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
        std::fs::write(dir.join("favicon.svg"), "<svg/>").unwrap();
        std::fs::write(dir.join("embed-demo.html"), "<!doctype html>").unwrap();
        std::fs::write(dir.join("embed-demo.js"), "// demo").unwrap();
        let report = measure(&dir).unwrap();
        assert_eq!(report.files.len(), 2);
        assert!(report.gzip_total() < 1_000, "zeros compress well");
        assert!(report.check().is_ok());
        let mut x = 0x9e37_79b9_7f4a_7c15_u64;
        let noise: Vec<u8> = (0..BUDGET_BYTES as usize + 20_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 32) as u8
            })
            .collect();
        std::fs::write(dir.join("app_bg.wasm"), noise).unwrap();
        assert!(measure(&dir).unwrap().check().unwrap_err().contains("over the"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
