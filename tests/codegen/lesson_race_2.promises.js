// Async Playground: this scenario as JavaScript promise chains.
//
// Paste it into the browser console on the playground's page (its requests fetch the page's
// favicon.svg), or load it as a script: it starts at once and ends by itself.
//
// Each lane is a function that returns a chain of promises.
// The lanes run at once, on the page's one thread; the tasks of a lane run one after
// another. Each task logs "done: <label>" as it ends (or "failed: <label>"), and the run
// ends with "finished".
//
// A promise is eager: its work starts the moment it is made, so calling a lane starts it,
// and Promise.all only waits for lanes already going. (A Rust future is lazy: see the Rust
// tab.)

(() => {
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

    // Waits ms, then reads the shared counter and writes it back plus one at once: nothing
    // between the read and the write, so no other lane can come in between.
    function updateAfterWait(ms) {
        return sleep(ms).then(() => {
            counter = counter + 1;
        });
    }

    // The lanes: one function each, chaining its tasks one after another.

    function alice() {
        return updateAfterWait(2 * UNIT_MS)
            .then(() => done("Alice adds a like"));
    }

    function bob() {
        return updateAfterWait(2 * UNIT_MS)
            .then(() => done("Bob adds a like"));
    }

    // Run every lane at once, and wait for all of them whatever happens in the others.
    Promise.allSettled([alice(), bob()])
        .then(() => {
            console.log(`counter: ${counter}`);
            console.log("finished");
        });
})();
