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

    // A timer: the thread is free for the other lanes until it fires.
    function sleep(ms) {
        return new Promise((resolve) => setTimeout(resolve, ms));
    }

    // The lanes: one function each, chaining its tasks one after another.

    function lane1() {
        return sleep(1 * UNIT_MS)
            .then(() => done(""));
    }

    function you() {
        return sleep(1 * UNIT_MS)
            .then(() => done("say \"hi\" \\o/ {braces} ${x} `tick`"));
    }

    function you2() {
        return sleep(1 * UNIT_MS)
            .then(() => done("*/ oops /* // not a comment"));
    }

    function fn() {
        return sleep(1 * UNIT_MS)
            .then(() => done("two\nlines\r\n\ttabbed"));
    }

    function awaitLane() {
        return sleep(1 * UNIT_MS)
            .then(() => done("\u003C/script>\u003Cscript>alert(1)\u003C/script>\u003C!--"));
    }

    function classLane() {
        return sleep(1 * UNIT_MS)
            .then(() => done("\u202Ebidi\u2028sep\u0000nul"));
    }

    function unicode() {
        return sleep(1 * UNIT_MS)
            .then(() => done("Ünïcødé 東京 🎉 é"));
    }

    function quoteAndBackSlash() {
        return sleep(1 * UNIT_MS)
            .then(() => done("'single'"));
    }

    function end() {
        return Promise.resolve();
    }

    function lineBreak() {
        return Promise.resolve();
    }

    function script() {
        return Promise.resolve();
    }

    function lane3Lanes() {
        return Promise.resolve();
    }

    function doneLane() {
        return Promise.resolve();
    }

    function step2Lane() {
        return Promise.resolve();
    }

    // Run every lane at once, and wait for all of them whatever happens in the others.
    const lanes = [
        lane1(),
        you(),
        you2(),
        fn(),
        awaitLane(),
        classLane(),
        unicode(),
        quoteAndBackSlash(),
        end(),
        lineBreak(),
        script(),
        lane3Lanes(),
        doneLane(),
        step2Lane(),
    ];
    Promise.allSettled(lanes)
        .then(() => {
            console.log("finished");
        });
})();
