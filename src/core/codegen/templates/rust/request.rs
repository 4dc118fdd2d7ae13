/// A request: fetches the page's own `favicon.svg`, with a timer alongside for the latency.
/// It is over when both are.
async fn request(ms: f64) -> Result<web_sys::Response, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let fetch = JsFuture::from(window.fetch_with_str("favicon.svg"));
    let (response, ()) = futures::join!(fetch, sleep(ms));
    response?.dyn_into()
}
