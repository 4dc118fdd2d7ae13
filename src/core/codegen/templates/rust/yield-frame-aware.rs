thread_local! {
    /// When the last frame ran and the work last yielded, and whether frames are watched.
    static FRAMES: (Cell<f64>, Cell<f64>, Cell<bool>) = const { (Cell::new(0.0), Cell::new(0.0), Cell::new(false)) };
}

/// Notes when each frame runs, for as long as the work keeps yielding.
fn watch_frames() {
    let frame = Closure::once_into_js(|| {
        let watching = FRAMES.with(|(last_frame, last_yield, watching)| {
            last_frame.set(now());
            watching.set(now() - last_yield.get() < 100.0);
            watching.get()
        });
        if watching {
            watch_frames();
        }
    });
    let window = web_sys::window().expect("a browser window");
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

/// Gives the thread back by a `MessageChannel` message, after the next frame when one is due.
/// Some browsers (Firefox) run message tasks ahead of drawing: yielding by messages alone, the
/// page can draw only a few frames a second. When no frame ran for 16 ms, the work waits for
/// the next one (or 100 ms: a hidden page draws none).
async fn yield_frame_aware() {
    let (due, was_watching) = FRAMES.with(|(last_frame, last_yield, watching)| {
        let due = now() - last_frame.get() >= 16.0;
        last_yield.set(now());
        let was_watching = watching.replace(true);
        if !was_watching {
            last_frame.set(now());
        }
        (due, was_watching)
    });
    if !was_watching {
        watch_frames();
    } else if due {
        let window = web_sys::window().expect("a browser window");
        let frame = js_sys::Promise::new(&mut |resolve, _reject| {
            let _ = window.request_animation_frame(&resolve);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
        });
        let _ = JsFuture::from(frame).await;
    }
    yield_with_message_channel().await;
}
