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

    // A request whose body is then read as JSON. favicon.svg is an SVG image, not JSON, so
    // this fails with a real SyntaxError.
    function requestJson(ms) {
        return request(ms).then((response) => response.json());
    }

    // The lanes: one function each, chaining its tasks one after another.

    function firstMirrorOfTheDownloadSite() {
        return request(3 * UNIT_MS)
            .catch((err) => {
                failed("Mirror 1");
                throw err; // the lane ends here
            })
            .then(() => done("Mirror 1"));
    }

    function secondMirrorOfTheDownloadSite() {
        return request(2 * UNIT_MS)
            .catch((err) => {
                failed("Mirror 2");
                throw err; // the lane ends here
            })
            .then(() => done("Mirror 2"));
    }

    function thirdMirrorOfTheDownloadSite() {
        return request(4 * UNIT_MS)
            .catch((err) => {
                failed("Mirror 3");
                throw err; // the lane ends here
            })
            .then(() => done("Mirror 3"));
    }

    function fourthMirrorOfTheDownloadSite() {
        return requestJson(1 * UNIT_MS)
            .catch((err) => {
                failed("Mirror 4");
                throw err; // the lane ends here
            })
            .then(() => done("Mirror 4"));
    }

    function giveUp() {
        return sleep(5 * UNIT_MS)
            .then(() => done("Too slow"));
    }

    // Run every lane at once, until the first one finishes (or fails).
    // JavaScript cannot drop a promise the way Rust drops a future: the other lanes
    // run on to their end (timers, work and all), so their lines can still appear
    // after "finished".
    const lanes = [
        firstMirrorOfTheDownloadSite(),
        secondMirrorOfTheDownloadSite(),
        thirdMirrorOfTheDownloadSite(),
        fourthMirrorOfTheDownloadSite(),
        giveUp(),
    ];
    Promise.race(lanes)
        .catch((err) => {
            console.log(`error: ${err}`);
        })
        .then(() => {
            console.log("finished");
        });
})();
