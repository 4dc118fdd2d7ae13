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

    // Logs a task that has failed.
    function failed(label) {
        console.log(`failed: ${label}`);
    }

    // A timer: the thread is free for the other lanes until it fires.
    function sleep(ms) {
        return new Promise((resolve) => setTimeout(resolve, ms));
    }

    // A request: fetches the page's own favicon.svg, with a timer alongside for the latency.
    // It is over when both are, and gives the response.
    function request(ms) {
        return Promise.all([fetch("favicon.svg"), sleep(ms)]).then((results) => results[0]);
    }

    // The lanes: one function each, chaining its tasks one after another.

    function user() {
        return request(2 * UNIT_MS)
            .catch((err) => {
                failed("Fetch the user");
                throw err; // the lane ends here
            })
            .then(() => done("Fetch the user"));
    }

    function posts() {
        return request(1 * UNIT_MS)
            .catch((err) => {
                failed("Fetch the posts");
                throw err; // the lane ends here
            })
            .then(() => done("Fetch the posts"));
    }

    function comments() {
        return request(3 * UNIT_MS)
            .catch((err) => {
                failed("Fetch the comments");
                throw err; // the lane ends here
            })
            .then(() => done("Fetch the comments"));
    }

    // Run every lane at once, and wait for all of them whatever happens in the others.
    Promise.allSettled([user(), posts(), comments()])
        .then((results) => {
            for (const result of results) {
                if (result.status === "rejected") {
                    console.log(`error: ${result.reason}`);
                }
            }
        })
        .then(() => {
            console.log("finished");
        });
})();
