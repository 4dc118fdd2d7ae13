//! The mdBook preprocessor (`mdbook-async-playground`) tried as a book's author uses it: a small
//! book whose chapters write `{{#async-playground …}}`, built by the real `mdbook` (pinned,
//! installed by the test command), and its HTML read back. A book with a bad directive must
//! fail to build, saying why.

use crate::cmd;
use crate::tools::{self, Env};
use std::path::Path;

const URL: &str = "https://example.org/playground/";

fn write_book(dir: &Path, preprocessor: &Path, chapter: &str) -> Result<(), String> {
    let src = dir.join("src");
    std::fs::create_dir_all(&src).map_err(|e| format!("{}: {e}", src.display()))?;
    let files = [
        (
            dir.join("book.toml"),
            format!(
                "[book]\ntitle = \"Async, by example\"\n\n[preprocessor.async-playground]\n\
                 command = \"{}\"\nurl = \"{URL}\"\n",
                preprocessor.display()
            ),
        ),
        (src.join("SUMMARY.md"), "# Summary\n\n- [Waiting](waiting.md)\n  - [Racing](racing.md)\n".into()),
        (src.join("waiting.md"), chapter.to_string()),
        (
            src.join("racing.md"),
            "# Racing\n\n{{#async-playground race height=600 readonly load=click}}\n".into(),
        ),
    ];
    for (path, text) in files {
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// Builds the two books and checks them; the number of checks passed.
pub fn check(env: &Env) -> Result<usize, String> {
    cmd::run(cmd::command("cargo", &["build", "-p", "mdbook-async-playground"], env))?;
    let preprocessor = crate::root().join("target/debug/mdbook-async-playground");
    let dir = crate::root().join("target/mdbook-check");
    let _ = std::fs::remove_dir_all(&dir);
    let good = dir.join("good");
    write_book(
        &good,
        &preprocessor,
        "# Waiting without blocking\n\nRun it both ways:\n\n\
         {{#async-playground ticket-queue embed controls=async,pulse height=auto}}\n\nThen read on.\n",
    )?;
    cmd::run(cmd::command(&tools::mdbook().to_string_lossy(), &["build", &good.to_string_lossy()], env))?;
    let read = |page: &str| {
        let path = good.join("book").join(page);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let mut passed = 0;
    let mut expect = |ok: bool, what: String| {
        if ok {
            passed += 1;
            Ok(())
        } else {
            Err(what)
        }
    };
    let waiting = read("waiting.html")?;
    let src = format!(
        "<iframe src=\"{URL}?lesson=ticket-queue&amp;scale=1000&amp;embed=1&amp;controls=pulse,async\""
    );
    expect(waiting.contains(&src), format!("waiting.html has no frame starting {src}"))?;
    expect(
        waiting.contains("title=\"Async Playground: The ticket queue\"")
            && waiting.contains("height=\"900\""),
        "waiting.html's frame has no title or starting height".into(),
    )?;
    expect(
        waiting.contains("if (e.data?.type !== \"resize\") return;"),
        "waiting.html has no script sizing the frame (height=auto)".into(),
    )?;
    expect(
        !waiting.contains("{{#async-playground") && waiting.contains("Then read on."),
        "waiting.html still shows the directive, or lost the text after it".into(),
    )?;
    let racing = read("waiting/racing.html").or_else(|_| read("racing.html"))?;
    expect(
        racing.contains("?lesson=race&amp;scale=1000&amp;embed=1&amp;readonly=1&amp;load=click\"")
            && racing.contains("height=\"600\""),
        "racing.html has no read-only, click-to-load frame 600 px tall".into(),
    )?;
    // A bad directive stops the build and says why.
    let bad = dir.join("bad");
    write_book(&bad, &preprocessor, "# Oops\n\n{{#async-playground ticket-queu}}\n")?;
    let out = cmd::command(&tools::mdbook().to_string_lossy(), &["build", &bad.to_string_lossy()], env)
        .output()
        .map_err(|e| format!("could not run mdbook: {e}"))?;
    let said = String::from_utf8_lossy(&out.stderr);
    expect(
        !out.status.success() && said.contains("there is no lesson \u{201c}ticket-queu\u{201d}"),
        format!("a book with a bad directive built, or said something else:\n{said}"),
    )?;
    println!("the mdBook preprocessor: {passed} checks passed");
    Ok(passed)
}
