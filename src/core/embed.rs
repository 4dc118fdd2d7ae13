//! The links and the `<iframe>` snippet that put the playground on a course page: built from
//! the page's own address, the lesson, the scale, which parts to show, and (for an edited
//! scenario) a share-link fragment.

use super::controls::Controls;
use super::format::Num;
use super::lesson::Entry;

/// What an embed shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Embed<'a> {
    /// The playground's address without query or fragment, e.g. `https://example.org/play/`.
    pub base: &'a str,
    /// The lesson (its id and title, from the catalogue).
    pub lesson: &'static Entry,
    pub scale: f64,
    pub controls: Controls,
    /// The share value (after `#s=`) when the scenario is not the lesson's own.
    pub share: Option<&'a str>,
    /// The frame's height in CSS pixels.
    pub height: u32,
    /// A poster until pressed (`load=click`): a chapter can hold many lessons.
    pub load_on_click: bool,
    /// Runs, no editing (`readonly=1`).
    pub readonly: bool,
    /// More query parameters, already checked (`theme=dark&at=1.2s`), or empty.
    pub more: String,
}

/// A few lines of script that size each playground frame on a course page to its content as it
/// changes (its `resize` messages; the frame's height is where it starts). Pasted once per
/// embed, it only repeats itself.
pub const RESIZE_SCRIPT: &str = "<script>\n\
    addEventListener(\"message\", (e) => {\n  \
      if (e.data?.type !== \"resize\") return;\n  \
      for (const f of document.querySelectorAll(\"iframe\"))\n    \
        if (f.contentWindow === e.source) f.style.height = e.data.height + \"px\";\n\
    });\n\
    </script>";

/// The address that opens the playground on `lesson` at `scale`, with `extra` query
/// parameters and an optional share fragment.
pub fn link(base: &str, lesson: &str, scale: f64, extra: &str, share: Option<&str>) -> String {
    let mut url = format!("{base}?lesson={lesson}&scale={}", Num(scale));
    if !extra.is_empty() {
        url.push('&');
        url.push_str(extra);
    }
    if let Some(value) = share {
        url.push_str("#s=");
        url.push_str(value);
    }
    url
}

/// Text made safe inside a double-quoted HTML attribute.
fn attr(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

impl Embed<'_> {
    /// The frame's address: embedded layout, and `controls=` unless every part is shown.
    pub fn src(&self) -> String {
        let mut extra = "embed=1".to_string();
        if self.controls != Controls::ALL {
            extra.push_str("&controls=");
            extra.push_str(&self.controls.names());
        }
        if self.readonly {
            extra.push_str("&readonly=1");
        }
        if self.load_on_click {
            extra.push_str("&load=click");
        }
        if !self.more.is_empty() {
            extra.push('&');
            extra.push_str(&self.more);
        }
        link(self.base, self.lesson.id, self.scale, &extra, self.share)
    }

    /// The `<iframe>` alone, `height` px tall.
    pub fn frame(&self) -> String {
        format!(
            "<iframe src=\"{}\"\n        title=\"Async Playground: {}\"\n        width=\"100%\" height=\"{}\" \
             style=\"border: 0\" loading=\"lazy\" allow=\"clipboard-write\"></iframe>",
            attr(&self.src()),
            attr(self.lesson.title),
            self.height
        )
    }

    /// The `<iframe>` to paste into a course page, with [`RESIZE_SCRIPT`].
    pub fn snippet(&self) -> String {
        format!("{}\n{RESIZE_SCRIPT}", self.frame())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::controls::Control;
    use crate::core::lesson;

    #[test]
    fn the_snippet_opens_the_lesson_embedded() {
        let race = lesson::entry("race").unwrap();
        let e = Embed {
            base: "https://example.org/play/",
            lesson: race,
            scale: 500.0,
            controls: Controls::ALL,
            share: None,
            height: 900,
            load_on_click: false,
            readonly: false,
            more: String::new(),
        };
        assert_eq!(e.src(), "https://example.org/play/?lesson=race&scale=500&embed=1");
        assert_eq!(
            e.snippet(),
            "<iframe src=\"https://example.org/play/?lesson=race&amp;scale=500&amp;embed=1\"\n        \
             title=\"Async Playground: The lost update\"\n        width=\"100%\" height=\"900\" \
             style=\"border: 0\" loading=\"lazy\" allow=\"clipboard-write\"></iframe>\n<script>\n\
             addEventListener(\"message\", (e) => {\n  if (e.data?.type !== \"resize\") return;\n  \
             for (const f of document.querySelectorAll(\"iframe\"))\n    \
             if (f.contentWindow === e.source) f.style.height = e.data.height + \"px\";\n});\n</script>"
        );
    }

    #[test]
    fn some_parts_and_an_edited_scenario() {
        let only = Controls::parse("async,pulse").0;
        let e = Embed {
            base: "/p/",
            lesson: lesson::entry("ticket-queue").unwrap(),
            scale: 1000.0,
            controls: only,
            share: Some("1.abc-_"),
            height: 600,
            load_on_click: false,
            readonly: false,
            more: String::new(),
        };
        assert_eq!(e.src(), "/p/?lesson=ticket-queue&scale=1000&embed=1&controls=pulse,async#s=1.abc-_");
        let lazy = Embed { load_on_click: true, readonly: true, ..e.clone() };
        assert_eq!(
            lazy.src(),
            "/p/?lesson=ticket-queue&scale=1000&embed=1&controls=pulse,async&readonly=1&load=click#s=1.abc-_"
        );
        assert!(e.snippet().contains("height=\"600\""));
        assert!(only.has(Control::Async));
        assert_eq!(attr("a\"<b>&"), "a&quot;&lt;b&gt;&amp;");
    }
}
