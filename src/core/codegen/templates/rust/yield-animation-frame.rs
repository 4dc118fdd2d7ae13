/// Gives the thread back until the next frame (`requestAnimationFrame`): one burst a frame.
async fn yield_with_animation_frame() {
    let window = web_sys::window().expect("a browser window");
    let frame = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = window.request_animation_frame(&resolve);
    });
    let _ = JsFuture::from(frame).await;
}
