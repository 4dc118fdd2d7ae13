/// Gives the thread back with `setTimeout(0)`: a new task, but browsers make nested timeouts
/// wait at least 4 ms.
async fn yield_with_set_timeout() {
    TimeoutFuture::new(0).await;
}
