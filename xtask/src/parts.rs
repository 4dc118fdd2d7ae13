//! The files the page loads after its first view, moved under a folder named by their content.
//!
//! Trunk names the first view's files by their content, but the files the page loads later (the
//! runner, the extras, the workers' code, the click-to-load poster and the lessons) keep fixed
//! names. After a site is updated, a browser could then pair the new page with an old runner
//! from its cache, and a run would fail. After the release build they move to
//! `dist/parts-<hash>/`, the hash taken over every one of them (name and bytes), and the page
//! says where in an attribute of its root element, `<html data-parts="parts-<hash>/">`. One source
//! names one folder: every file in it is written the same way by each build (`minify.rs`). The app
//! (`shell::runtime::parts`) and the boot script prefix what they load with it; the loaders
//! load the rest relative to themselves. Whichever page a browser has, new or cached, the
//! folder it names holds the files built with it, or, once a later update has replaced it, is
//! gone, and the page says that a part could not be loaded: never another build's files. A page
//! without the attribute (`trunk serve`) loads the files beside it.

use std::path::Path;

/// What moves: the loaded-later files, by name, and the lessons' folder.
pub const FILES: &[&str] = &[
    "runner-loader.js",
    "runner.js",
    "runner_bg.wasm",
    "extras.js",
    "extras-loader.js",
    "extras.css",
    "extras_bg.wasm",
    "compute-worker-loader.js",
    "compute-worker.js",
    "compute-worker_bg.wasm",
    "poster.js",
    crate::split::REST,
    crate::split::REST_SHEET,
];
pub const FOLDER: &str = "lessons";

/// The folder for `files` (each a path below the folder and its bytes): `parts-` and a hash of
/// the names and contents, so a change to any file, or a file renamed, names another folder.
pub fn folder_for(files: &[(String, Vec<u8>)]) -> String {
    let mut sorted: Vec<&(String, Vec<u8>)> = files.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut all = Vec::new();
    for (name, bytes) in sorted {
        // Lengths first, so no two lists of files hash the same bytes.
        all.extend((name.len() as u64).to_le_bytes());
        all.extend(name.as_bytes());
        all.extend((bytes.len() as u64).to_le_bytes());
        all.extend(bytes);
    }
    format!("parts-{:016x}", crate::csp::fnv1a(&all))
}

/// `html` with `data-parts="<folder>/"` on its root element. An error for a page with no
/// `<html>` tag or one already marked, rather than a page that loads the wrong files.
pub fn mark(html: &str, folder: &str) -> Result<String, String> {
    if html.contains("data-parts=") {
        return Err("the page already names a parts folder".into());
    }
    let at = html
        .find("<html")
        .filter(|&i| html[i + 5..].starts_with([' ', '>']))
        .ok_or("the page has no <html> tag")?;
    let after = at + "<html".len();
    Ok(format!("{} data-parts=\"{folder}/\"{}", &html[..after], &html[after..]))
}

/// Moves the loaded-later files of `dist` into their folder and marks the page.
pub fn apply(dist: &Path) -> Result<(), String> {
    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
    let mut files = Vec::new();
    for name in FILES {
        files.push((name.to_string(), read(&dist.join(name))?));
    }
    let lessons = dist.join(FOLDER);
    let entries = std::fs::read_dir(&lessons).map_err(|e| format!("{}: {e}", lessons.display()))?;
    for entry in entries.flatten() {
        files.push((format!("{FOLDER}/{}", entry.file_name().to_string_lossy()), read(&entry.path())?));
    }
    let folder = folder_for(&files);
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let marked = mark(&html, &folder).map_err(|e| format!("{}: {e}", index.display()))?;
    let to = dist.join(&folder);
    std::fs::create_dir_all(&to).map_err(|e| format!("{}: {e}", to.display()))?;
    let rename = |from: &Path, to: &Path| {
        std::fs::rename(from, to).map_err(|e| format!("{} → {}: {e}", from.display(), to.display()))
    };
    for name in FILES {
        rename(&dist.join(name), &to.join(name))?;
    }
    rename(&lessons, &to.join(FOLDER))?;
    std::fs::write(&index, marked).map_err(|e| format!("{}: {e}", index.display()))?;
    println!("xtask: moved {} files loaded after the first view to dist/{folder}/", files.len());
    Ok(())
}

/// The parts folder of a built `dist`, as the page names it.
pub fn folder_of(dist: &Path) -> Result<std::path::PathBuf, String> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let name = html
        .split_once("data-parts=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(name, _)| name.trim_end_matches('/'))
        .ok_or("dist/index.html names no parts folder: build with `cargo xtask build`")?;
    Ok(dist.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
        list.iter().map(|(n, b)| (n.to_string(), b.as_bytes().to_vec())).collect()
    }

    #[test]
    fn the_folder_follows_every_name_and_every_byte() {
        let base = folder_for(&files(&[("runner.js", "a"), ("lessons/x.json", "{}")]));
        assert!(base.starts_with("parts-") && base.len() == "parts-".len() + 16, "{base}");
        // The order the files were listed in does not matter.
        assert_eq!(base, folder_for(&files(&[("lessons/x.json", "{}"), ("runner.js", "a")])));
        for other in [
            files(&[("runner.js", "b"), ("lessons/x.json", "{}")]),
            files(&[("runner.js", "a"), ("lessons/y.json", "{}")]),
            files(&[("runner.js", "a")]),
            // The same bytes split another way between names.
            files(&[("runner.js", "a{"), ("lessons/x.json", "}")]),
        ] {
            assert_ne!(base, folder_for(&other));
        }
    }

    #[test]
    fn the_page_names_the_folder_on_its_root_element() {
        let folder = "parts-0123456789abcdef";
        assert_eq!(
            mark("<!doctype html><html lang=en><head>", folder).unwrap(),
            "<!doctype html><html data-parts=\"parts-0123456789abcdef/\" lang=en><head>"
        );
        assert_eq!(mark("<html>", folder).unwrap(), "<html data-parts=\"parts-0123456789abcdef/\">");
        // Not a page, or one marked already.
        assert!(mark("<htmlx>", folder).is_err());
        assert!(mark("<body>", folder).is_err());
        assert!(mark(&mark("<html>", folder).unwrap(), folder).is_err());
    }

    #[test]
    fn the_folder_is_read_back_from_the_page() {
        let dist = std::env::temp_dir().join(format!("xtask-parts-{}", std::process::id()));
        std::fs::create_dir_all(dist.join(FOLDER)).unwrap();
        for name in FILES {
            std::fs::write(dist.join(name), name).unwrap();
        }
        std::fs::write(dist.join(FOLDER).join("ticket-queue.json"), "{}").unwrap();
        std::fs::write(dist.join("index.html"), "<html lang=en><body></body></html>").unwrap();
        apply(&dist).unwrap();
        let folder = folder_of(&dist).unwrap();
        for name in FILES {
            assert!(!dist.join(name).exists() && folder.join(name).exists(), "{name}");
        }
        assert!(folder.join(FOLDER).join("ticket-queue.json").exists());
        // A second pass would move nothing and mark nothing: it fails, and says why.
        assert!(apply(&dist).is_err());
        std::fs::remove_dir_all(&dist).unwrap();
    }
}
