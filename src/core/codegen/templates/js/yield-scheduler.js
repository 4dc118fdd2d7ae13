// Gives the thread back with scheduler.yield() where the browser has it, else with a
// MessageChannel message.
function yieldWithScheduler() {
    if (globalThis.scheduler?.yield) {
        return globalThis.scheduler.yield();
    }
    return yieldWithMessageChannel();
}
