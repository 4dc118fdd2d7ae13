/// A request whose body is then read as JSON. `favicon.svg` is an SVG image, not JSON, so this
/// fails with a real `SyntaxError`.
async fn request_json(ms: f64) -> Result<JsValue, JsValue> {
    let response = request(ms).await?;
    JsFuture::from(response.json()?).await
}
