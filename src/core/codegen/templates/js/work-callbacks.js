// Computes for ms milliseconds in bursts of burstMs, giving the thread back with
// yieldNow between bursts, then calls back.
function work(ms, burstMs, yieldNow, callback) {
    const burst = Math.min(burstMs, ms);
    spin(burst);
    if (ms - burst > 0) {
        yieldNow(() => work(ms - burst, burstMs, yieldNow, callback));
    } else {
        callback();
    }
}
