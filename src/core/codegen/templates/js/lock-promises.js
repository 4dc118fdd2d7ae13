// The one lock: withLock(task) runs task() once every earlier holder has let go, and
// gives what task() gives.
let lockQueue = Promise.resolve();
function withLock(task) {
    const result = lockQueue.then(task);
    // The next holder waits for this one, however it ends.
    lockQueue = result.catch(() => {});
    return result;
}
