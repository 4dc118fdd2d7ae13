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

    // Starts every lane at once, and calls back with their errors once all of them are over.
    function joinAll(lanes, callback) {
        const errors = [];
        let pending = lanes.length;
        for (const lane of lanes) {
            lane((err) => {
                if (err) {
                    errors.push(err);
                }
                pending -= 1;
                if (pending === 0) {
                    callback(errors);
                }
            });
        }
    }

    // The lanes: one function each, running its tasks one after another, then calling back.

    function timer(callback) {
        setTimeout(() => {
            done("A timer due at 0.5 s");
            callback(null);
        }, 0.5 * UNIT_MS);
    }

    function click(callback) {
        spin(2 * UNIT_MS); // never yields: holds the thread throughout
        done("The click handler");
        callback(null);
    }

    // Run every lane at once, and wait for all of them whatever happens in the others.
    joinAll([timer, click], () => {
        console.log("finished");
    });
})();
