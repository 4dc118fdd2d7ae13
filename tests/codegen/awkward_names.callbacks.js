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

    function lane1(callback) {
        setTimeout(() => {
            done("");
            callback(null);
        }, 1 * UNIT_MS);
    }

    function you(callback) {
        setTimeout(() => {
            done("say \"hi\" \\o/ {braces} ${x} `tick`");
            callback(null);
        }, 1 * UNIT_MS);
    }

    function you2(callback) {
        setTimeout(() => {
            done("*/ oops /* // not a comment");
            callback(null);
        }, 1 * UNIT_MS);
    }

    function fn(callback) {
        setTimeout(() => {
            done("two\nlines\r\n\ttabbed");
            callback(null);
        }, 1 * UNIT_MS);
    }

    function awaitLane(callback) {
        setTimeout(() => {
            done("\u003C/script>\u003Cscript>alert(1)\u003C/script>\u003C!--");
            callback(null);
        }, 1 * UNIT_MS);
    }

    function classLane(callback) {
        setTimeout(() => {
            done("\u202Ebidi\u2028sep\u0000nul");
            callback(null);
        }, 1 * UNIT_MS);
    }

    function unicode(callback) {
        setTimeout(() => {
            done("Ünïcødé 東京 🎉 é");
            callback(null);
        }, 1 * UNIT_MS);
    }

    function quoteAndBackSlash(callback) {
        setTimeout(() => {
            done("'single'");
            callback(null);
        }, 1 * UNIT_MS);
    }

    function end(callback) {
        callback(null);
    }

    function lineBreak(callback) {
        callback(null);
    }

    function script(callback) {
        callback(null);
    }

    function lane3Lanes(callback) {
        callback(null);
    }

    function doneLane(callback) {
        callback(null);
    }

    function step2Lane(callback) {
        callback(null);
    }

    // Run every lane at once, and wait for all of them whatever happens in the others.
    const lanes = [
        lane1,
        you,
        you2,
        fn,
        awaitLane,
        classLane,
        unicode,
        quoteAndBackSlash,
        end,
        lineBreak,
        script,
        lane3Lanes,
        doneLane,
        step2Lane,
    ];
    joinAll(lanes, () => {
        console.log("finished");
    });
})();
