/// Gives the thread back with `scheduler.yield()` where the browser has it, else with a
/// `MessageChannel` message.
async fn yield_with_scheduler() {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into()).unwrap_or_default();
    let yield_fn = js_sys::Reflect::get(&scheduler, &"yield".into()).unwrap_or_default();
    match yield_fn.dyn_into::<js_sys::Function>() {
        Ok(yield_fn) => {
            let promise = js_sys::Promise::resolve(&yield_fn.call0(&scheduler).unwrap_or_default());
            let _ = JsFuture::from(promise).await;
        }
        Err(_) => yield_with_message_channel().await,
    }
}
