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

    // The one lock: lock(callback) calls back once the lock is free; the holder calls unlock()
    // when it is done, which lets the next one in.
    let lockHeld = false;
    const lockWaiting = [];
    function lock(callback) {
        if (lockHeld) {
            lockWaiting.push(callback);
        } else {
            lockHeld = true;
            callback();
        }
    }
    function unlock() {
        const next = lockWaiting.shift();
        if (next) {
            next();
        } else {
            lockHeld = false;
        }
    }

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

    // A request whose body is then read as JSON. favicon.svg is an SVG image, not JSON, so
    // this calls back with a real SyntaxError.
    function requestJson(ms, callback) {
        request(ms, (err, response) => {
            if (err) {
                callback(err);
                return;
            }
            response.json().then(
                (data) => callback(null, data),
                (error) => callback(error),
            );
        });
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

    // Reads the shared counter, waits ms (other lanes run meanwhile, and may update it too),
    // then writes back what it read plus one and calls back.
    function update(ms, callback) {
        const read = counter;
        setTimeout(() => {
            counter = read + 1;
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

    function errands(callback) {
        // Too many tasks to nest callbacks readably: each task is a named step that
        // starts the next one.
        function step1() {
            setTimeout(() => {
                done("Walk to the bank");
                step2();
            }, 1 * UNIT_MS);
        }

        function step2() {
            request(1 * UNIT_MS, (err) => {
                if (err) {
                    failed("Check the balance");
                    callback(err); // the lane ends here
                    return;
                }
                done("Check the balance");
                step3();
            });
        }

        function step3() {
            spin(1 * UNIT_MS); // never yields: holds the thread throughout
            done("Fill in a form");
            step4();
        }

        function step4() {
            work(1 * UNIT_MS, 5, yieldFrameAware, () => {
                done("Sign it");
                step5();
            });
        }

        function step5() {
            lock(() => {
                update(1 * UNIT_MS, () => {
                    unlock();
                    done("Count an errand");
                    step6();
                });
            });
        }

        function step6() {
            setTimeout(() => {
                done("Walk to the shop");
                step7();
            }, 1 * UNIT_MS);
        }

        function step7() {
            requestJson(1 * UNIT_MS, (err) => {
                if (err) {
                    failed("Pay");
                    callback(err); // the lane ends here
                    return;
                }
                done("Pay");
                step8();
            });
        }

        function step8() {
            setTimeout(() => {
                done("Walk home");
                callback(null);
            }, 1 * UNIT_MS);
        }

        step1();
    }

    // Run every lane at once, and wait for all of them whatever happens in the others.
    joinAll([errands], (errors) => {
        for (const err of errors) {
            console.log(`error: ${err}`);
        }
        console.log(`counter: ${counter}`);
        console.log("finished");
    });
})();
