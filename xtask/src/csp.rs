//! The release page under a strict Content-Security-Policy. Trunk starts the wasm with an
//! inline `<script type="module">`, which `script-src 'self'` forbids; after a release build
//! this moves that script into a file of its own (`boot-<hash>.js`, named by its content so a
//! cached copy never outlives the bundle it imports) and writes the policy into the page as a
//! `<meta http-equiv>` (static hosts such as GitHub Pages cannot set headers). `trunk serve`
//! keeps trunk's page as it is: its live-reload script is inline too.

use crate::boot;
use std::path::Path;

/// The policy, one line. Styles need `'unsafe-inline'` because Yew writes `style` attributes;
/// scripts need `'wasm-unsafe-eval'` to compile the wasm, and nothing else. The end-to-end
/// server (tests/e2e/serve.mjs) sends the same policy as a header, and README quotes it.
pub const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'self'; \
form-action 'self'; object-src 'none'";

/// The page after [`harden`]: the HTML to write, the script file it now loads, and the rest's
/// stylesheet as trunk named it, which the boot script now loads instead of the page.
#[derive(Debug)]
pub struct Hardened {
    pub html: String,
    pub boot_name: String,
    pub boot_js: String,
    pub rest_sheet: String,
}

/// One `<script …>…</script>` element: byte ranges in the page.
struct Script {
    /// From `<script` to just past `</script>`.
    whole: (usize, usize),
    /// The text between the tags.
    body: (usize, usize),
    open_tag: String,
}

fn scripts(html: &str) -> Result<Vec<Script>, String> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find("<script").map(|i| i + from) {
        let open_end = html[at..].find('>').map(|i| i + at + 1).ok_or("a <script> tag is not closed")?;
        let close =
            html[open_end..].find("</script>").map(|i| i + open_end).ok_or("a <script> has no </script>")?;
        let end = close + "</script>".len();
        out.push(Script {
            whole: (at, end),
            body: (open_end, close),
            open_tag: html[at..open_end].to_string(),
        });
        from = end;
    }
    Ok(out)
}

/// Moves trunk's one inline module script into a file and adds the policy as a meta tag.
/// Pure: the caller writes the files. An error if the page is not the shape trunk writes
/// (no inline script, several, or a policy already there), rather than a page that breaks.
pub fn harden(html: &str) -> Result<Hardened, String> {
    if html.contains("http-equiv=\"Content-Security-Policy\"") {
        return Err("the page already has a Content-Security-Policy meta tag".into());
    }
    let all = scripts(html)?;
    let inline: Vec<&Script> = all.iter().filter(|s| !s.open_tag.contains(" src=")).collect();
    let [boot] = inline.as_slice() else {
        return Err(format!("expected trunk's one inline script in the page, found {}", inline.len()));
    };
    // Quoted as trunk writes it, or bare where the release build minifies the page.
    if boot.open_tag != "<script type=\"module\">" && boot.open_tag != "<script type=module>" {
        return Err(format!(
            "trunk's inline script starts with `{}`, not `<script type=\"module\">`",
            boot.open_tag
        ));
    }
    // The script imports the bindings by the public URL (`./`, `/`, `/playground/`); the boot
    // file sits beside them, so it is loaded by the same prefix. It is rewritten to start the
    // app or, for `load=click`, the poster (`boot.rs`), and the page no longer preloads the app.
    let app =
        boot::app_of(&html[boot.body.0..boot.body.1]).map_err(|e| format!("trunk's inline script: {e}"))?;
    let base = &app.bindings[..app.bindings.rfind('/').map_or(0, |i| i + 1)];
    let boot_js = boot::script(&app, base);
    let boot_name = format!("boot-{:016x}.js", fnv1a(boot_js.as_bytes()));
    // `async`: it fetches the app beside the stylesheet, and waits for it itself (`boot.rs`).
    // Unquoted where the URL allows it, as the minified page writes its attributes.
    let src = format!("{base}{boot_name}");
    let src = if src.contains(|c: char| c.is_whitespace() || "\"'=<>`".contains(c)) {
        format!("\"{src}\"")
    } else {
        src
    };
    let tag = format!("<script type=module async src={src}></script>");
    let page = format!("{}{tag}{}", &html[..boot.whole.0], &html[boot.whole.1..]);
    let (mut page, rest_sheet) = boot::without_rest_sheet(&boot::without_preloads(&page, &app))?;
    // Trunk reads `data-integrity="none"` (index.html) and leaves it on the tag: it says nothing.
    page = page.replace(" data-integrity=none", "").replace(" data-integrity=\"none\"", "");

    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">");
    // Right after the charset (which must come first), before anything the policy governs.
    let anchor = page.find("<meta charset").or_else(|| page.find("<head")).ok_or("the page has no <head>")?;
    let after = page[anchor..].find('>').map(|i| i + anchor + 1).ok_or("the page's <head> is not closed")?;
    page.insert_str(after, &meta);
    Ok(Hardened { html: page, boot_name, boot_js, rest_sheet })
}

/// FNV-1a, 64 bits: enough to tell one build's file from the next (the boot script, the parts
/// folder, `parts.rs`).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// Hardens `dist/index.html` in place and writes the boot script beside it.
pub fn apply(dist: &Path) -> Result<(), String> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let page = harden(&html).map_err(|e| format!("{}: {e}", index.display()))?;
    let boot = dist.join(&page.boot_name);
    std::fs::write(&boot, &page.boot_js).map_err(|e| format!("{}: {e}", boot.display()))?;
    std::fs::write(&index, &page.html).map_err(|e| format!("{}: {e}", index.display()))?;
    let (from, to) = (dist.join(&page.rest_sheet), dist.join(crate::split::REST_SHEET));
    std::fs::rename(&from, &to).map_err(|e| format!("{}: {e}", from.display()))?;
    println!(
        "xtask: moved trunk's inline script to dist/{}, its link to {} out of the page (the boot script loads it, as {}), \
         and set the Content-Security-Policy",
        page.boot_name,
        page.rest_sheet,
        crate::split::REST_SHEET
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What trunk 0.21 writes for a release build, with `base` as the public URL.
    fn trunk_page(base: &str) -> String {
        format!(
            r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Async Playground</title>
    <link rel="icon" href="favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="{base}style-1.css" integrity="sha384-x"/>
    <link rel="stylesheet" href="{base}rest-2.css" integrity="sha384-y"/>
<script type="module">
import init, * as bindings from '{base}app-1.js';
const wasm = await init({{ module_or_path: '{base}app-1_bg.wasm' }});
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{detail: {{wasm}}}}));
</script>
  <link rel="modulepreload" href="{base}app-1.js" crossorigin="anonymous"></head>
  <body><div id="app"></div></body>
</html>"#
        )
    }

    #[test]
    fn moves_the_inline_script_to_a_file_and_adds_the_policy() {
        let page = harden(&trunk_page("./")).unwrap();
        assert!(page.boot_name.starts_with("boot-") && page.boot_name.ends_with(".js"), "{}", page.boot_name);
        // The boot script starts the app (or the poster, boot.rs) from the same files.
        assert!(page.boot_js.contains("import('./app-1.js')"), "{}", page.boot_js);
        assert!(page.boot_js.contains("fetch('./app-1_bg.wasm')"));
        let tag = format!("<script type=module async src=./{}></script>", page.boot_name);
        assert_eq!(page.html.matches("<script").count(), 1);
        assert!(page.html.contains(&tag), "{}", page.html);
        assert!(!page.html.contains("import init"));
        // The policy comes right after the charset, before the stylesheet and the script.
        let meta = format!(
            "<meta charset=\"utf-8\" /><meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">"
        );
        assert!(page.html.contains(&meta), "{}", page.html);
        assert_eq!(page.html.matches("Content-Security-Policy").count(), 1);
        // The app is no longer preloaded by the page (its boot script fetches it, or not, for
        // `load=click`); everything else is as trunk wrote it.
        assert!(!page.html.contains("modulepreload"), "{}", page.html);
        assert!(page
            .html
            .contains("<link rel=\"stylesheet\" href=\"./style-1.css\" integrity=\"sha384-x\"/>"));
        // The rest's stylesheet is the boot script's to load, with the rest.
        assert_eq!(page.rest_sheet, "rest-2.css");
        assert!(!page.html.contains("rest-2.css"), "{}", page.html);
        assert!(page.html.ends_with("<body><div id=\"app\"></div></body>\n</html>"));
    }

    #[test]
    fn loads_the_boot_script_by_the_public_url_it_was_built_for() {
        for (base, expected) in [
            ("/", "=/boot-"),
            ("/course/playground/", "=/course/playground/boot-"),
            ("", "=boot-"),
            // Quoted only where the URL needs it.
            ("/my course/", "=\"/my course/boot-"),
        ] {
            let page = harden(&trunk_page(base)).unwrap();
            assert!(
                page.html.contains(&format!("{expected}{}", &page.boot_name[5..])),
                "{base}: {}",
                page.html
            );
        }
    }

    #[test]
    fn names_the_boot_script_by_its_content() {
        let a = harden(&trunk_page("./")).unwrap();
        assert_eq!(a.boot_name, harden(&trunk_page("./")).unwrap().boot_name);
        assert_ne!(a.boot_name, harden(&trunk_page("/")).unwrap().boot_name);
        assert_eq!(a.boot_name.len(), "boot-".len() + 16 + ".js".len());
    }

    #[test]
    fn drops_the_integrity_setting_trunk_leaves_on_a_tag() {
        for tag in [
            "<link data-integrity=none href=./s.css rel=stylesheet>",
            "<link data-integrity=\"none\" href=./s.css>",
        ] {
            let page = trunk_page("./").replace("<title>", &format!("{tag}<title>"));
            let html = harden(&page).unwrap().html;
            assert!(!html.contains("integrity=none") && !html.contains("integrity=\"none\""), "{html}");
            assert!(html.contains("<link href=./s.css"), "{html}");
        }
    }

    #[test]
    fn refuses_a_page_it_does_not_recognise() {
        fn check(html: &str, expected: &str) {
            let err = harden(html).unwrap_err();
            assert!(err.contains(expected), "{err:?} should mention {expected:?}");
        }
        let once = harden(&trunk_page("./")).unwrap().html;
        check(&once, "already has a Content-Security-Policy");
        check("<html><head><meta charset=\"utf-8\"></head><body></body></html>", "found 0");
        let two = trunk_page("./").replace("</body>", "<script>alert(1)</script></body>");
        check(&two, "found 2");
        let nonce =
            trunk_page("./").replace("<script type=\"module\">", "<script type=\"module\" nonce=\"x\">");
        check(&nonce, "not `<script type=\"module\">`");
        check("<head><script type=\"module\">", "no </script>");
        check("<head><script type=\"module\">init()</script>", "no `from '");
    }

    /// The policy is written in three places; they must not drift apart.
    #[test]
    fn the_e2e_server_and_the_readme_give_the_same_policy() {
        for file in ["tests/e2e/serve.mjs", "README.md"] {
            let text = std::fs::read_to_string(crate::root().join(file)).unwrap();
            assert!(text.contains(POLICY), "{file} should quote the policy exactly:\n{POLICY}");
        }
    }
}
