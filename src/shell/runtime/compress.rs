//! Raw DEFLATE with the browser's own `CompressionStream("deflate-raw")`, so the bundle carries
//! no compressor of its own (share links are compressed here, and read by `core::share`).

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn call(target: &JsValue, method: &str, args: &Array) -> Result<JsValue, JsValue> {
    let function: js_sys::Function = Reflect::get(target, &JsValue::from_str(method))?.dyn_into()?;
    function.apply(target, args)
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
