/// Computes for `ms` milliseconds in bursts of `burst_ms`, giving the thread back with
/// `yield_now` between bursts.
async fn work<Y, F>(ms: f64, burst_ms: f64, yield_now: Y)
where
    Y: Fn() -> F,
    F: Future<Output = ()>,
{
    let mut left = ms;
    while left > 0.0 {
        let burst = burst_ms.min(left);
        spin(burst);
        left -= burst;
        if left > 0.0 {
            yield_now().await;
        }
    }
}
