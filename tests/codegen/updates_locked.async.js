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

    // The counter the update tasks share.
    let counter = 0;

    // The one lock: withLock(task) runs task() once every earlier holder has let go, and
    // gives what task() gives.
    let lockQueue = Promise.resolve();
    function withLock(task) {
        const result = lockQueue.then(task);
        // The next holder waits for this one, however it ends.
        lockQueue = result.catch(() => {});
        return result;
    }

    // Logs a task that has finished.
    function done(label) {
        console.log(`done: ${label}`);
    }

    // A timer: the thread is free for the other lanes until it fires.
    function sleep(ms) {
        return new Promise((resolve) => setTimeout(resolve, ms));
    }

    // Reads the shared counter, waits ms (other lanes run meanwhile, and may update it too),
    // then writes back what it read plus one.
    async function update(ms) {
        const read = counter;
        await sleep(ms);
        counter = read + 1;
    }

    // The lanes: one async function each, running its tasks one after another.

    async function alice() {
        await withLock(() => update(2 * UNIT_MS));
        done("Alice adds one");
    }

    async function bob() {
        await withLock(() => update(2 * UNIT_MS));
        done("Bob adds one");
    }

    async function carol() {
        await sleep(1 * UNIT_MS);
        done("Carol waits");
        await withLock(() => update(2 * UNIT_MS));
        done("Carol adds one");
        await update(1 * UNIT_MS);
        done("Carol adds another");
    }

    // Run every lane at once, and wait for all of them whatever happens in the others.
    await Promise.allSettled([alice(), bob(), carol()]);
    console.log(`counter: ${counter}`);
    console.log("finished");
})();
