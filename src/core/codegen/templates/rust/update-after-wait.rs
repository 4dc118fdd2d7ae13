/// Waits `ms`, then reads the shared counter and writes it back plus one at once: no await
/// between the read and the write, so no other lane can come in between.
async fn update_after_wait(counter: &Cell<u32>, ms: f64) {
    sleep(ms).await;
    counter.set(counter.get() + 1);
}
