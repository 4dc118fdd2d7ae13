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
    async function request(ms) {
        const [response] = await Promise.all([fetch("favicon.svg"), sleep(ms)]);
        return response;
    }

    // A request whose body is then read as JSON. favicon.svg is an SVG image, not JSON, so
    // this fails with a real SyntaxError.
    async function requestJson(ms) {
        const response = await request(ms);
        return response.json();
    }

    // The lanes: one async function each, running its tasks one after another.

    async function profile() {
        try {
            await requestJson(2 * UNIT_MS);
        } catch (err) {
            failed("Fetch the profile");
            throw err; // the lane ends here
        }
        done("Fetch the profile");
        await sleep(1 * UNIT_MS);
        done("Show the profile");
    }

    async function photos() {
        try {
            await request(4 * UNIT_MS);
        } catch (err) {
            failed("Fetch the photos");
            throw err; // the lane ends here
        }
        done("Fetch the photos");
    }

    // Run every lane at once, and wait for all of them, unless one fails first.
    // JavaScript cannot drop a promise the way Rust drops a future: the other lanes
    // run on to their end (timers, work and all), so their lines can still appear
    // after "finished".
    try {
        await Promise.all([profile(), photos()]);
    } catch (err) {
        console.log(`error: ${err}`);
    }
    console.log("finished");
})();
