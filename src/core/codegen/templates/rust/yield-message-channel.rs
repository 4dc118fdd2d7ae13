/// Gives the thread back until a `MessageChannel` message arrives: a new task, at once, so
/// timers, input and frames get their turn first.
async fn yield_with_message_channel() {
    let channel = web_sys::MessageChannel::new().expect("every browser has MessageChannel");
    let port = channel.port1();
    let message = js_sys::Promise::new(&mut |resolve, _reject| port.set_onmessage(Some(&resolve)));
    channel.port2().post_message(&JsValue::NULL).expect("an empty message can be posted");
    let _ = JsFuture::from(message).await;
    port.close();
    channel.port2().close();
}
