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

    // Logs a task that has finished.
    function done(label) {
        console.log(`done: ${label}`);
    }

    // Keeps the main thread busy for ms milliseconds, as real work (an image filter, a parser)
    // would. Nothing else on the page runs meanwhile.
    function spin(ms) {
        const deadline = performance.now() + ms;
        while (performance.now() < deadline) {
            // Busy: real work would compute something here.
        }
    }

    // The lanes: one function each, chaining its tasks one after another.

    function nothingToDo() {
        return Promise.resolve();
    }

    function busy() {
        spin(1 * UNIT_MS); // never yields: holds the thread throughout
        done("Compute first");
        return Promise.resolve();
    }

    // Run every lane at once, until the first one finishes (or fails).
    // JavaScript cannot drop a promise the way Rust drops a future: the other lanes
    // run on to their end (timers, work and all), so their lines can still appear
    // after "finished".
    Promise.race([nothingToDo(), busy()])
        .then(() => {
            console.log("finished");
        });
})();
