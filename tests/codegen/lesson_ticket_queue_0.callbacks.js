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

    // Computes for ms milliseconds in bursts of burstMs, giving the thread back with
    // yieldNow between bursts, then calls back.
    function work(ms, burstMs, yieldNow, callback) {
        const burst = Math.min(burstMs, ms);
        spin(burst);
        if (ms - burst > 0) {
            yieldNow(() => work(ms - burst, burstMs, yieldNow, callback));
        } else {
            callback();
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
    function yieldFrameAware(callback) {
        const due = performance.now() - lastFrame >= 16;
        lastYield = performance.now();
        if (!watchingFrames) {
            watchFrames();
        } else if (due) {
            // A hidden page draws no frames: a timer ends the wait (whichever comes first).
            let waited = false;
            const after = () => {
                if (!waited) {
                    waited = true;
                    yieldWithMessageChannel(callback);
                }
            };
            requestAnimationFrame(after);
            setTimeout(after, 100);
            return;
        }
        yieldWithMessageChannel(callback);
    }

    // Gives the thread back until a MessageChannel message arrives: a new task, at once, so
    // timers, input and frames get their turn first.
    function yieldWithMessageChannel(callback) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
            channel.port1.close();
            channel.port2.close();
            callback();
        };
        channel.port2.postMessage(null);
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

    function you(callback) {
        setTimeout(() => {
            done("Wait in the ticket queue");
            callback(null);
        }, 5 * UNIT_MS);
    }

    function phone(callback) {
        work(2 * UNIT_MS, 8, yieldFrameAware, () => {
            done("Take selfies");
            callback(null);
        });
    }

    // Run every lane at once, and wait for all of them whatever happens in the others.
    joinAll([you, phone], () => {
        console.log("finished");
    });
})();
