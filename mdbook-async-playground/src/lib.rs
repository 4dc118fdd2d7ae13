//! An mdBook preprocessor for the playground: a chapter writes
//!
//! ```text
//! {{#async-playground ticket-queue embed controls=async,pulse height=auto}}
//! ```
//!
//! and the book gets the playground's frame for that lesson, with the playground's address
//! from `book.toml` (`[preprocessor.async-playground] url = "…"`). The frame is the Embed
//! dialog's (`core::embed`); the words after the lesson are the URL parameters of
//! `docs/contracts.md` (`scale=`, `controls=`, `theme=`, `at=`, `readonly`, `load=click`;
//! `embed` is always on) and `height=` (pixels, or `auto`, the default: 900 px to start, then
//! the frame follows its content). A directive that cannot be used stops the build with the
//! chapter, the directive and why.

use async_playground::core::controls::Controls;
use async_playground::core::embed::{Embed, RESIZE_SCRIPT};
use async_playground::core::lesson;
use async_playground::core::params::Params;
use serde_json::Value;

/// The directive's opening.
const OPEN: &str = "{{#async-playground";
/// Where an automatic height starts, in pixels.
const AUTO_START_PX: u32 = 900;

/// One directive's frame (and the script that sizes it, for `height=auto`), or why not.
pub fn frame(url: &str, args: &str) -> Result<String, String> {
    let mut words = args.split_whitespace();
    let id = words.next().ok_or("name a lesson, as in {{#async-playground ticket-queue}}")?;
    let lesson = lesson::entry(id).ok_or_else(|| {
        let ids: Vec<&str> = lesson::CATALOGUE.iter().map(|e| e.id).collect();
        format!("there is no lesson \u{201c}{id}\u{201d}; the lessons are {}", ids.join(", "))
    })?;
    let (mut query, mut height, mut load_on_click, mut more) =
        (vec![format!("lesson={id}")], None, false, vec![]);
    for word in words {
        let (key, value) = word.split_once('=').unwrap_or((word, ""));
        match key {
            "embed" if value.is_empty() => {}
            "height" if value == "auto" => height = None,
            "height" => {
                let px = value.parse::<u32>().ok().filter(|px| (200..=4000).contains(px));
                height = Some(px.ok_or_else(|| format!("height={value} is not auto or a number of pixels from 200 to 4000"))?);
            }
            "load" if value == "click" => load_on_click = true,
            "scale" | "controls" | "readonly" | "theme" | "at" => {
                query.push(word.to_string());
                if matches!(key, "theme" | "at") {
                    more.push(word.to_string());
                }
            }
            _ => return Err(format!("\u{201c}{word}\u{201d} is not one of embed, height=, scale=, controls=, theme=, at=, readonly, load=click")),
        }
    }
    // The values are read as the playground reads its URL: a bad one is the build's error.
    let params = Params::from_query(&query.join("&"));
    if let Some(why) = params.warnings.first() {
        return Err(why.clone());
    }
    let embed = Embed {
        base: url,
        lesson,
        scale: params.scale,
        controls: if params.controls == Controls::ALL { Controls::ALL } else { params.controls },
        share: None,
        height: height.unwrap_or(AUTO_START_PX),
        load_on_click,
        readonly: params.readonly,
        more: more.join("&"),
    };
    Ok(match height {
        None => format!("{}\n{RESIZE_SCRIPT}", embed.frame()),
        Some(_) => embed.frame(),
    })
}

/// A chapter's text with each directive replaced by its frame.
pub fn expand(url: &str, chapter: &str, text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(OPEN) {
        let args_start = at + OPEN.len();
        let close = rest[args_start..]
            .find("}}")
            .ok_or_else(|| format!("{chapter}: a {OPEN} directive is not closed with }}}}"))?;
        let args = &rest[args_start..args_start + close];
        out.push_str(&rest[..at]);
        let directive = format!("{OPEN}{args}}}}}");
        out.push_str(&frame(url, args).map_err(|why| format!("{chapter}: {}: {why}", directive.trim()))?);
        rest = &rest[args_start + close + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The playground's address from the book's configuration (`[preprocessor.async-playground]`).
pub fn url_of(context: &Value) -> Result<String, String> {
    let url = context["config"]["preprocessor"]["async-playground"]["url"].as_str().ok_or(
        "set the playground's address in book.toml:\n[preprocessor.async-playground]\nurl = \"https://example.org/playground/\"",
    )?;
    // The frame's address is the page's, with the query after it.
    Ok(if url.ends_with('/') || url.ends_with(".html") { url.to_string() } else { format!("{url}/") })
}

/// Every chapter of `book` (mdBook's JSON, any depth) with its directives expanded.
pub fn process(url: &str, book: &mut Value) -> Result<(), String> {
    match book {
        Value::Object(fields) => {
            if let Some(Value::Object(chapter)) = fields.get_mut("Chapter") {
                let name = chapter.get("name").and_then(Value::as_str).unwrap_or("a chapter").to_string();
                if let Some(Value::String(content)) = chapter.get_mut("content") {
                    *content = expand(url, &name, content)?;
                }
            }
            fields.values_mut().try_for_each(|v| process(url, v))
        }
        Value::Array(items) => items.iter_mut().try_for_each(|v| process(url, v)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://example.org/play/";

    #[test]
    fn a_directive_becomes_the_frame_that_follows_its_content() {
        let html = frame(URL, " ticket-queue embed controls=async,pulse height=auto").unwrap();
        assert!(html.starts_with(
            "<iframe src=\"https://example.org/play/?lesson=ticket-queue&amp;scale=1000&amp;embed=1&amp;controls=pulse,async\""
        ), "{html}");
        assert!(
            html.contains("title=\"Async Playground: The ticket queue\"") && html.contains("height=\"900\"")
        );
        assert!(html.ends_with(RESIZE_SCRIPT));
        let fixed = frame(URL, "race height=600 scale=250 readonly load=click theme=dark at=1.2s").unwrap();
        assert!(fixed.contains("?lesson=race&amp;scale=250&amp;embed=1&amp;readonly=1&amp;load=click&amp;theme=dark&amp;at=1.2s\""), "{fixed}");
        assert!(fixed.contains("height=\"600\"") && !fixed.contains("<script>"));
    }

    #[test]
    fn a_directive_that_cannot_be_used_says_why() {
        let refused = |args: &str| frame(URL, args).unwrap_err();
        assert!(refused("").contains("name a lesson"));
        assert!(refused("nope").contains("no lesson \u{201c}nope\u{201d}; the lessons are ticket-queue,"));
        assert!(refused("race height=tall").contains("height=tall is not auto"));
        assert!(refused("race scale=0").contains("time scale"));
        assert!(refused("race controls=everything").contains("not parts of the page"));
        assert!(refused("race colour=red").contains("\u{201c}colour=red\u{201d} is not one of"));
        assert!(refused("race at=soon").contains("not a time in the run"));
    }

    #[test]
    fn chapters_at_any_depth_are_expanded_and_the_rest_left_alone() {
        let mut book: Value = serde_json::from_str(
            r#"{"sections": [
                {"Chapter": {"name": "One", "content": "Before\n\n{{#async-playground race}}\n\nafter {{#include x.rs}}", "sub_items": [
                    {"Chapter": {"name": "Two", "content": "{{#async-playground ticket-queue height=500}}", "sub_items": []}}
                ]}},
                "Separator",
                {"PartTitle": "Part"}
            ], "__non_exhaustive": null}"#,
        )
        .unwrap();
        process(URL, &mut book).unwrap();
        let one = book["sections"][0]["Chapter"]["content"].as_str().unwrap();
        assert!(one.starts_with("Before\n\n<iframe src=\"https://example.org/play/?lesson=race"), "{one}");
        assert!(one.ends_with("</script>\n\nafter {{#include x.rs}}"), "{one}");
        let two = book["sections"][0]["Chapter"]["sub_items"][0]["Chapter"]["content"].as_str().unwrap();
        assert!(two.starts_with("<iframe") && two.contains("height=\"500\""), "{two}");
        assert_eq!(book["sections"][1], "Separator");
        let mut bad: Value = serde_json::from_str(
            r#"{"sections": [{"Chapter": {"name": "Three", "content": "{{#async-playground nope}}"}}]}"#,
        )
        .unwrap();
        assert!(process(URL, &mut bad)
            .unwrap_err()
            .starts_with("Three: {{#async-playground nope}}: there is no lesson"));
        assert!(expand(URL, "Four", "{{#async-playground race").unwrap_err().contains("not closed"));
    }

    #[test]
    fn the_address_comes_from_book_toml() {
        let context =
            |url: &str| serde_json::json!({"config": {"preprocessor": {"async-playground": {"url": url}}}});
        assert_eq!(url_of(&context("https://example.org/play")).unwrap(), "https://example.org/play/");
        assert_eq!(
            url_of(&context("https://example.org/play/index.html")).unwrap(),
            "https://example.org/play/index.html"
        );
        assert!(url_of(&serde_json::json!({"config": {}}))
            .unwrap_err()
            .contains("[preprocessor.async-playground]"));
    }
}
