/// A timer: the thread is free for the other lanes until it fires.
async fn sleep(ms: f64) {
    TimeoutFuture::new(ms.round() as u32).await;
}
