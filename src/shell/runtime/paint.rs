//! Fills a `core::paint::Picture` on a 2D canvas in the page's colours: one fill style per
//! ink and one path per batch, whatever the number of bars behind it.

use crate::core::format::Num;
use crate::core::paint::{Ink, Kind, Picture, Rect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The colours the stylesheet gives the timeline (`--wait`, `--busy`, …), read once per theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    kinds: [String; 4],
    busy: String,
    frozen: String,
    focus: String,
}

thread_local! {
    /// The palette last read, and the theme it was read for.
    static PALETTE: RefCell<Option<(String, Rc<Palette>)>> = const { RefCell::new(None) };
}

/// What decides the palette: the page's theme (`data-theme` on the root) and the system's.
fn theme_key() -> String {
    let Some(window) = web_sys::window() else { return String::new() };
    let dark = window.match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|m| m.matches());
    let theme = super::page_root::attribute("data-theme").unwrap_or_default();
    format!("{theme}/{dark}")
}

impl Palette {
    /// The page's palette (read from its computed style when the theme changed).
    pub fn current() -> Rc<Palette> {
        let key = theme_key();
        PALETTE.with(|cell| {
            if let Some((k, palette)) = &*cell.borrow() {
                if *k == key {
                    return palette.clone();
                }
            }
            let palette = Rc::new(Palette::read());
            *cell.borrow_mut() = Some((key, palette.clone()));
            palette
        })
    }

    fn read() -> Palette {
        let css = web_sys::window()
            .and_then(|w| Some((w.clone(), w.document()?.document_element()?)))
            .and_then(|(w, root)| w.get_computed_style(&root).ok().flatten());
        let var = |name: &str, fallback: &str| {
            let value = css
                .as_ref()
                .and_then(|c| c.get_property_value(&format!("--{name}")).ok())
                .unwrap_or_default();
            let value = value.trim();
            if value.is_empty() {
                fallback.to_string()
            } else {
                value.to_string()
            }
        };
        Palette {
            kinds: Kind::ALL.map(|k| var(k.as_str(), "#888")),
            busy: var("busy", "#7a8499"),
            frozen: var("frozen", "#cf3a3a"),
            focus: var("focus", "#1a56db"),
        }
    }

    /// The colour and opacity an ink fills with, and whether it is outlined (dashed) too.
    fn style(&self, ink: Ink) -> (&str, f64, bool) {
        let kind = |k: Kind| self.kinds[k as usize].as_str();
        match ink {
            Ink::Planned(k) => (kind(k), 0.45, false),
            Ink::Ghost(k) => (kind(k), 0.16, true),
            Ink::BusyGhost => (&self.busy, 0.16, true),
            Ink::Measured(k) => (kind(k), 1.0, false),
            Ink::Cancelled(k) => (kind(k), 0.6, false),
            Ink::Busy => (&self.busy, 0.85, false),
            Ink::Frozen | Ink::FailCap => (&self.frozen, 1.0, false),
        }
    }
}

/// Sizes `canvas` to `width` × `height` CSS px at the screen's pixel ratio (only when that
/// changed) and returns its context, scaled so that one unit is one CSS pixel, and cleared.
pub fn prepare(canvas: &HtmlCanvasElement, width: f64, height: f64) -> Option<CanvasRenderingContext2d> {
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
    let (w, h) = ((width * ratio).round().max(1.0) as u32, (height * ratio).round().max(1.0) as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
        let style = canvas.style();
        let _ = style.set_property("width", &format!("{}px", Num(width)));
        let _ = style.set_property("height", &format!("{}px", Num(height)));
    }
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0).ok()?;
    ctx.clear_rect(0.0, 0.0, width, height);
    Some(ctx)
}

/// Fills every batch of `picture`, leaving out the inks `skip` says to.
pub fn fill(
    ctx: &CanvasRenderingContext2d,
    picture: &Picture,
    palette: &Palette,
    skip: impl Fn(Ink) -> bool,
) {
    for (ink, rects) in picture.batches.iter().filter(|(ink, _)| !skip(*ink)) {
        let (colour, alpha, outlined) = palette.style(*ink);
        ctx.set_fill_style_str(colour);
        ctx.set_global_alpha(alpha);
        ctx.begin_path();
        for r in rects {
            ctx.rect(r.x, r.y, r.w, r.h);
        }
        ctx.fill();
        ctx.set_global_alpha(1.0);
        if outlined {
            // Outlined where there is room for an outline; a sliver is only its fill.
            ctx.set_stroke_style_str(colour);
            ctx.set_line_width(1.5);
            let dash = js_sys::Array::of2(&4.0.into(), &3.0.into());
            let _ = ctx.set_line_dash(&dash);
            ctx.begin_path();
            for r in rects.iter().filter(|r| r.w >= 4.0) {
                ctx.rect(r.x + 0.75, r.y + 0.75, r.w - 1.5, r.h - 1.5);
            }
            ctx.stroke();
            let _ = ctx.set_line_dash(&js_sys::Array::new());
        }
    }
}

/// Rings `rect` in the focus colour: the task the keyboard selected.
pub fn ring(ctx: &CanvasRenderingContext2d, rect: &Rect, palette: &Palette) {
    ctx.set_stroke_style_str(&palette.focus);
    ctx.set_line_width(2.0);
    ctx.stroke_rect(rect.x - 2.0, rect.y - 2.0, rect.w + 4.0, rect.h + 4.0);
}
