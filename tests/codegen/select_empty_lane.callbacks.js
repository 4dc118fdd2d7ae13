// Async Playground: this scenario as JavaScript with callbacks.
//
// Paste it into the browser console on the playground's page (its requests fetch the page's
// favicon.svg), or load it as a script: it starts at once and ends by itself.
//
// Each lane is a function that calls back when its tasks are over.
// The lanes run at once, on the page's one thread; the tasks of a lane run one after
// another. Each task logs "done: <label>" as it ends (or "failed: <label>"), and the run
// ends with "finished".

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

    // Starts every lane at once, and calls back when the first one is over (done or failed).
    function race(lanes, callback) {
        let over = false;
        for (const lane of lanes) {
            lane((err) => {
                if (!over) {
                    over = true;
                    callback(err);
                }
            });
        }
    }

    // The lanes: one function each, running its tasks one after another, then calling back.

    function nothingToDo(callback) {
        callback(null);
    }

    function busy(callback) {
        spin(1 * UNIT_MS); // never yields: holds the thread throughout
        done("Compute first");
        callback(null);
    }

    // Run every lane at once, until the first one finishes (or fails).
    // Unlike Rust, which drops the futures it no longer waits for, nothing here stops
    // the other lanes: they run on to their end (timers, work and all), so their lines
    // can still appear after "finished".
    race([nothingToDo, busy], () => {
        console.log("finished");
    });
})();
