/// Logs a task that has failed, `failed: <label>`, and hands its error on.
fn failed(label: &str, err: JsValue) -> JsValue {
    log(&format!("failed: {label}"));
    err
}
