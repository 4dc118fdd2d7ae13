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
    async function work(ms, burstMs, yieldNow) {
        let left = ms;
        while (left > 0) {
            const burst = Math.min(burstMs, left);
            spin(burst);
            left -= burst;
            if (left > 0) {
                await yieldNow();
            }
        }
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

    // The lanes: one async function each, running its tasks one after another.

    async function kettle() {
        try {
            await requestJson(1 * UNIT_MS);
        } catch (err) {
            failed("Check the kettle");
            throw err; // the lane ends here
        }
        done("Check the kettle");
        await sleep(4 * UNIT_MS);
        done("Boil the water");
        await work(0.5 * UNIT_MS, 8, yieldFrameAware);
        done("Pour the tea");
    }

    async function toaster() {
        await sleep(2 * UNIT_MS);
        done("Toast the bread");
        await work(0.5 * UNIT_MS, 8, yieldFrameAware);
        done("Butter the toast");
    }

    // Run every lane at once, and wait for all of them whatever happens in the others.
    const results = await Promise.allSettled([kettle(), toaster()]);
    for (const result of results) {
        if (result.status === "rejected") {
            console.log(`error: ${result.reason}`);
        }
    }
    console.log("finished");
})();
