//! Raw DEFLATE with the browser's own `CompressionStream("deflate-raw")`, so the bundle carries
//! no compressor of its own (share links are compressed here, and read by `core::share`).

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn call(target: &JsValue, method: &str, args: &Array) -> Result<JsValue, JsValue> {
    let function: js_sys::Function = Reflect::get(target, &JsValue::from_str(method))?.dyn_into()?;
    function.apply(target, args)
}

const DECOMPRESSOR: &str = "DecompressionStream";

/// Whether the browser's `name` (`CompressionStream` or `DecompressionStream`) does raw DEFLATE:
/// it came in Chrome 103, Firefox 113 and Safari 16.4 (an older Chrome has the class without it).
fn has(name: &str) -> bool {
    construct(name, &Array::of1(&JsValue::from_str("deflate-raw"))).is_ok()
}

/// Whether this browser can make share links.
pub fn can_compress() -> bool {
    has("CompressionStream")
}

fn construct(name: &str, args: &Array) -> Result<JsValue, JsValue> {
    let class: js_sys::Function = Reflect::get(&js_sys::global(), &JsValue::from_str(name))?.dyn_into()?;
    Reflect::construct(&class, args)
}

/// `bytes` compressed with raw DEFLATE: `new Response(new Blob([bytes]).stream()
/// .pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer()`.
pub async fn deflate_raw(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let blob = construct("Blob", &Array::of1(&Array::of1(&Uint8Array::from(bytes))))?;
    let stream = call(&blob, "stream", &Array::new())?;
    let compressor = construct("CompressionStream", &Array::of1(&JsValue::from_str("deflate-raw")))?;
    let compressed = call(&stream, "pipeThrough", &Array::of1(&compressor))?;
    let response = construct("Response", &Array::of1(&compressed))?;
    let buffer =
        JsFuture::from(js_sys::Promise::from(call(&response, "arrayBuffer", &Array::new())?)).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Why compressed bytes could not be unpacked.
#[derive(Debug, PartialEq)]
pub enum InflateError {
    /// They unpack to more than the limit (unpacking stopped there).
    TooLarge,
    /// They are not raw DEFLATE, or cut short.
    Damaged,
    /// The browser has no `DecompressionStream`.
    Unsupported,
}

/// `bytes` unpacked from raw DEFLATE with the browser's `DecompressionStream("deflate-raw")`,
/// read chunk by chunk and given up as soon as it passes `limit` bytes.
pub async fn inflate_raw(bytes: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let damaged = |_| InflateError::Damaged;
    if !has(DECOMPRESSOR) {
        return Err(InflateError::Unsupported);
    }
    let blob = construct("Blob", &Array::of1(&Array::of1(&Uint8Array::from(bytes)))).map_err(damaged)?;
    let stream = call(&blob, "stream", &Array::new()).map_err(damaged)?;
    let inflater =
        construct(DECOMPRESSOR, &Array::of1(&JsValue::from_str("deflate-raw"))).map_err(damaged)?;
    let inflated = call(&stream, "pipeThrough", &Array::of1(&inflater)).map_err(damaged)?;
    let reader = call(&inflated, "getReader", &Array::new()).map_err(damaged)?;
    let mut out = Vec::new();
    loop {
        let read = call(&reader, "read", &Array::new()).map_err(damaged)?;
        let chunk = JsFuture::from(js_sys::Promise::from(read)).await.map_err(damaged)?;
        if Reflect::get(&chunk, &JsValue::from_str("done")).map_err(damaged)?.is_truthy() {
            return Ok(out);
        }
        let value: Uint8Array =
            Reflect::get(&chunk, &JsValue::from_str("value")).map_err(damaged)?.unchecked_into();
        if out.len() + value.length() as usize > limit {
            let _ = call(&reader, "cancel", &Array::new());
            return Err(InflateError::TooLarge);
        }
        out.extend(value.to_vec());
    }
}
