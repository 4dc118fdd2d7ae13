// Computes for ms milliseconds in bursts of burstMs, giving the thread back with
// yieldNow() between bursts.
async function work(ms, burstMs, yieldNow) {
    let left = ms;
    while (left > 0) {
        const burst = Math.min(burstMs, left);
        spin(burst);
        left -= burst;
        if (left > 0) {
            await yieldNow();
        }
    }
}
