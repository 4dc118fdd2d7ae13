// The one lock: lock(callback) calls back once the lock is free; the holder calls unlock()
// when it is done, which lets the next one in.
let lockHeld = false;
const lockWaiting = [];
function lock(callback) {
    if (lockHeld) {
        lockWaiting.push(callback);
    } else {
        lockHeld = true;
        callback();
    }
}
function unlock() {
    const next = lockWaiting.shift();
    if (next) {
        next();
    } else {
        lockHeld = false;
    }
}
