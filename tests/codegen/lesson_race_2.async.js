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

    // Logs a task that has finished.
    function done(label) {
        console.log(`done: ${label}`);
    }

    // A timer: the thread is free for the other lanes until it fires.
    function sleep(ms) {
        return new Promise((resolve) => setTimeout(resolve, ms));
    }

    // Waits ms, then reads the shared counter and writes it back plus one at once: no await
    // between the read and the write, so no other lane can come in between.
    async function updateAfterWait(ms) {
        await sleep(ms);
        counter = counter + 1;
    }

    // The lanes: one async function each, running its tasks one after another.

    async function alice() {
        await updateAfterWait(2 * UNIT_MS);
        done("Alice adds a like");
    }

    async function bob() {
        await updateAfterWait(2 * UNIT_MS);
        done("Bob adds a like");
    }

    // Run every lane at once, and wait for all of them whatever happens in the others.
    await Promise.allSettled([alice(), bob()]);
    console.log(`counter: ${counter}`);
    console.log("finished");
})();
