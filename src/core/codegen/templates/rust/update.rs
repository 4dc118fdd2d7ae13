/// Reads the shared counter, waits `ms` (other lanes run meanwhile, and may update it too),
/// then writes back what it read plus one.
async fn update(counter: &Cell<u32>, ms: f64) {
    let read = counter.get();
    sleep(ms).await;
    counter.set(read + 1);
}
