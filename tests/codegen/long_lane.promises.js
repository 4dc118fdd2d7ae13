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

    // The one lock: withLock(task) runs task() once every earlier holder has let go, and
    // gives what task() gives.
    let lockQueue = Promise.resolve();
    function withLock(task) {
        const result = lockQueue.then(task);
        // The next holder waits for this one, however it ends.
        lockQueue = result.catch(() => {});
        return result;
    }

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

    // Keeps the main thread busy for ms milliseconds, as real work (an image filter, a parser)
    // would. Nothing else on the page runs meanwhile.
    function spin(ms) {
        const deadline = performance.now() + ms;
        while (performance.now() < deadline) {
            // Busy: real work would compute something here.
        }
    }

    // Computes for ms milliseconds in bursts of burstMs, giving the thread back with
    // yieldNow() between bursts.
    function work(ms, burstMs, yieldNow) {
        const burst = Math.min(burstMs, ms);
        spin(burst);
        if (ms - burst > 0) {
            return yieldNow().then(() => work(ms - burst, burstMs, yieldNow));
        }
        return Promise.resolve();
    }

    // Notes when each frame runs, for as long as work keeps yielding: the frame-aware yield asks
    // whether one ran lately.
    let lastFrame = 0;
    let lastYield = 0;
    let watchingFrames = false;

    function watchFrames() {
        watchingFrames = true;
        lastFrame = performance.now();
        requestAnimationFrame(function frame() {
            lastFrame = performance.now();
            watchingFrames = lastFrame - lastYield < 100;
            if (watchingFrames) {
                requestAnimationFrame(frame);
            }
        });
    }

    // Gives the thread back by a MessageChannel message, after the next frame when one is due.
    // Some browsers (Firefox) run message tasks ahead of drawing: yielding by messages alone, the
    // page can draw only a few frames a second. A watch notes when each frame ran, for as long as
    // the work keeps yielding; when none ran for 16 ms, the work waits for the next one.
    async function yieldFrameAware() {
        const due = performance.now() - lastFrame >= 16;
        lastYield = performance.now();
        if (!watchingFrames) {
            watchFrames();
        } else if (due) {
            // A hidden page draws no frames: a timer ends the wait.
            await new Promise((resolve) => {
                requestAnimationFrame(() => resolve());
                setTimeout(resolve, 100);
            });
        }
        await yieldWithMessageChannel();
    }

    // Gives the thread back until a MessageChannel message arrives: a new task, at once, so
    // timers, input and frames get their turn first.
    function yieldWithMessageChannel() {
        return new Promise((resolve) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
                channel.port1.close();
                channel.port2.close();
                resolve();
            };
            channel.port2.postMessage(null);
        });
    }

    // Reads the shared counter, waits ms (other lanes run meanwhile, and may update it too),
    // then writes back what it read plus one.
    function update(ms) {
        const read = counter;
        return sleep(ms).then(() => {
            counter = read + 1;
        });
    }

    // The lanes: one function each, chaining its tasks one after another.

    function errands() {
        return sleep(1 * UNIT_MS)
            .then(() => done("Walk to the bank"))
            .then(() =>
                request(1 * UNIT_MS).catch((err) => {
                    failed("Check the balance");
                    throw err; // the lane ends here
                }),
            )
            .then(() => done("Check the balance"))
            .then(() => {
                spin(1 * UNIT_MS); // never yields: holds the thread throughout
                done("Fill in a form");
            })
            .then(() => work(1 * UNIT_MS, 5, yieldFrameAware))
            .then(() => done("Sign it"))
            .then(() => withLock(() => update(1 * UNIT_MS)))
            .then(() => done("Count an errand"))
            .then(() => sleep(1 * UNIT_MS))
            .then(() => done("Walk to the shop"))
            .then(() =>
                requestJson(1 * UNIT_MS).catch((err) => {
                    failed("Pay");
                    throw err; // the lane ends here
                }),
            )
            .then(() => done("Pay"))
            .then(() => sleep(1 * UNIT_MS))
            .then(() => done("Walk home"));
    }

    // Run every lane at once, and wait for all of them whatever happens in the others.
    Promise.allSettled([errands()])
        .then((results) => {
            for (const result of results) {
                if (result.status === "rejected") {
                    console.log(`error: ${result.reason}`);
                }
            }
        })
        .then(() => {
            console.log(`counter: ${counter}`);
            console.log("finished");
        });
})();
