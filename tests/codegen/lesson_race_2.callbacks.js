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

    // The counter the update tasks share.
    let counter = 0;

    // Logs a task that has finished.
    function done(label) {
        console.log(`done: ${label}`);
    }

    // Waits ms, then reads the shared counter and writes it back plus one at once, and calls
    // back: nothing between the read and the write, so no other lane can come in between.
    function updateAfterWait(ms, callback) {
        setTimeout(() => {
            counter = counter + 1;
            callback();
        }, ms);
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

    function alice(callback) {
        updateAfterWait(2 * UNIT_MS, () => {
            done("Alice adds a like");
            callback(null);
        });
    }

    function bob(callback) {
        updateAfterWait(2 * UNIT_MS, () => {
            done("Bob adds a like");
            callback(null);
        });
    }

    // Run every lane at once, and wait for all of them whatever happens in the others.
    joinAll([alice, bob], () => {
        console.log(`counter: ${counter}`);
        console.log("finished");
    });
})();
