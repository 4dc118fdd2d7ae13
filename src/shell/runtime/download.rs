//! Saving a file the page made (an export): a Blob, an object URL and a click on a
//! temporary `<a download>`. And turning an SVG picture into a PNG through a canvas.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn document() -> Result<web_sys::Document, JsValue> {
    web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsValue::from_str("no document"))
}

/// Offers `blob` for download as `name`.
fn save_blob(blob: &web_sys::Blob, name: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let link: web_sys::HtmlAnchorElement = document()?.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The click has started the download; the URL is no longer needed.
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Offers `text` for download as `name`, of type `mime`.
pub fn save_text(text: &str, name: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    save_blob(&blob, name)
}

/// Draws `svg` (a standalone SVG document of `width` × `height`) on a canvas at twice its
/// size and offers it for download as a PNG named `name`.
pub async fn save_svg_as_png(svg: &str, width: u32, height: u32, name: &str) -> Result<(), JsValue> {
    let image = web_sys::HtmlImageElement::new()?;
    // A data URL, so a strict Content-Security-Policy (`img-src 'self' data:`) allows it.
    let encoded = js_sys::encode_uri_component(svg);
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
    JsFuture::from(loaded).await?;
    let canvas: web_sys::HtmlCanvasElement = document()?.create_element("canvas")?.dyn_into()?;
    canvas.set_width(width * 2);
    canvas.set_height(height * 2);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or_else(|| JsValue::from_str("no 2d context"))?.dyn_into()?;
    context.scale(2.0, 2.0)?;
    context.draw_image_with_html_image_element(&image, 0.0, 0.0)?;
    let blob = js_sys::Promise::new(&mut |resolve, reject| {
        if let Err(e) = canvas.to_blob(&resolve) {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    });
    let blob: web_sys::Blob = JsFuture::from(blob).await?.dyn_into()?;
    save_blob(&blob, name)
}

/// The width and height an SVG declares, in whole pixels (600 where one is missing).
pub fn svg_size(svg: &str) -> (u32, u32) {
    let number = |name: &str| {
        svg.split_once(&format!(" {name}=\""))
            .and_then(|(_, rest)| rest.split_once('"'))
            .and_then(|(v, _)| crate::core::number::parse(v))
            .map_or(600, |v| v.ceil() as u32)
    };
    (number("width"), number("height"))
}
