// Gives the thread back with scheduler.yield() where the browser has it, else with a
// MessageChannel message.
function yieldWithScheduler(callback) {
    if (globalThis.scheduler?.yield) {
        globalThis.scheduler.yield().then(() => callback());
    } else {
        yieldWithMessageChannel(callback);
    }
}
