// Async Playground: this scenario as JavaScript async/await.
//
// Paste it into the browser console on the playground's page (its requests fetch the page's
// favicon.svg), or load it as a script: it starts at once and ends by itself.
//
// Each lane is an async function.
// The lanes run at once, on the page's one thread; the tasks of a lane run one after
// another. Each task logs "done: <label>" as it ends (or "failed: <label>"), and the run
// ends with "finished".
//
// A promise is eager: its work starts the moment it is made, so calling a lane starts it,
// and Promise.all only waits for lanes already going. (A Rust future is lazy: see the Rust
// tab.)

(async () => {
    // Real milliseconds per scenario unit.
    const UNIT_MS = 1000;

    // Logs a task that has finished.
    function done(label) {
        console.log(`done: ${label}`);
    }

    // A timer: the thread is free for the other lanes until it fires.
    function sleep(ms) {
        return new Promise((resolve) => setTimeout(resolve, ms));
    }

    // Keeps the main thread busy for ms milliseconds, as real work (an image filter, a parser)
    // would. Nothing else on the page runs meanwhile.
    function spin(ms) {
        const deadline = performance.now() + ms;
        while (performance.now() < deadline) {
            // Busy: real work would compute something here.
        }
    }

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

    // Gives the thread back until a MessageChannel message arrives: a new task, at once, so
    // timers, input and frames get their turn first.
    function yieldWithMessageChannel() {
        return new Promise((resolve) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
                channel.port1.close();
                channel.port2.close();
                resolve();
            };
            channel.port2.postMessage(null);
        });
    }

    // Gives the thread back with scheduler.yield() where the browser has it, else with a
    // MessageChannel message.
    function yieldWithScheduler() {
        if (globalThis.scheduler?.yield) {
            return globalThis.scheduler.yield();
        }
        return yieldWithMessageChannel();
    }

    // The lanes: one async function each, running its tasks one after another.

    async function clock() {
        await sleep(0.5 * UNIT_MS);
        done("A timer due at 0.5 s");
    }

    async function workLane() {
        await work(1.5 * UNIT_MS, 8, yieldWithScheduler);
        done("Crunch numbers");
    }

    // Run every lane at once, and wait for all of them whatever happens in the others.
    await Promise.allSettled([clock(), workLane()]);
    console.log("finished");
})();
