// Computes for ms milliseconds in bursts of burstMs, giving the thread back with
// yieldNow() between bursts.
function work(ms, burstMs, yieldNow) {
    const burst = Math.min(burstMs, ms);
    spin(burst);
    if (ms - burst > 0) {
        return yieldNow().then(() => work(ms - burst, burstMs, yieldNow));
    }
    return Promise.resolve();
}
