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

    // Logs a task that has failed.
    function failed(label) {
        console.log(`failed: ${label}`);
    }

    // A request: fetches the page's own favicon.svg, with a timer alongside for the latency,
    // and calls back (err, response) when both are over. fetch only speaks promises: .then
    // turns its answer into a callback.
    function request(ms, callback) {
        let pending = 2;
        let error = null;
        let response = null;
        function finish() {
            pending -= 1;
            if (pending === 0) {
                callback(error, response);
            }
        }
        fetch("favicon.svg").then(
            (answer) => {
                response = answer;
                finish();
            },
            (err) => {
                error = err;
                finish();
            },
        );
        setTimeout(finish, ms);
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

    function download(callback) {
        request(5 * UNIT_MS, (err) => {
            if (err) {
                failed("Fetch the report");
                callback(err); // the lane ends here
                return;
            }
            done("Fetch the report");
            callback(null);
        });
    }

    function timeout(callback) {
        setTimeout(() => {
            done("Give up after 3 seconds");
            callback(null);
        }, 3 * UNIT_MS);
    }

    // Run every lane at once, until the first one finishes (or fails).
    // Unlike Rust, which drops the futures it no longer waits for, nothing here stops
    // the other lanes: they run on to their end (timers, work and all), so their lines
    // can still appear after "finished".
    race([download, timeout], (err) => {
        if (err) {
            console.log(`error: ${err}`);
        }
        console.log("finished");
    });
})();
