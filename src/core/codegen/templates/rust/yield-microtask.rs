/// Gives the thread back for a microtask only (a resolved promise). Microtasks run before the
/// browser may draw or take input, so the page still freezes.
async fn yield_with_microtask() {
    let _ = JsFuture::from(js_sys::Promise::resolve(&JsValue::UNDEFINED)).await;
}
