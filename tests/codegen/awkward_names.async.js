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

    // A timer: the thread is free for the other lanes until it fires.
    function sleep(ms) {
        return new Promise((resolve) => setTimeout(resolve, ms));
    }

    // The lanes: one async function each, running its tasks one after another.

    async function lane1() {
        await sleep(1 * UNIT_MS);
        done("");
    }

    async function you() {
        await sleep(1 * UNIT_MS);
        done("say \"hi\" \\o/ {braces} ${x} `tick`");
    }

    async function you2() {
        await sleep(1 * UNIT_MS);
        done("*/ oops /* // not a comment");
    }

    async function fn() {
        await sleep(1 * UNIT_MS);
        done("two\nlines\r\n\ttabbed");
    }

    async function awaitLane() {
        await sleep(1 * UNIT_MS);
        done("\u003C/script>\u003Cscript>alert(1)\u003C/script>\u003C!--");
    }

    async function classLane() {
        await sleep(1 * UNIT_MS);
        done("\u202Ebidi\u2028sep\u0000nul");
    }

    async function unicode() {
        await sleep(1 * UNIT_MS);
        done("Ünïcødé 東京 🎉 é");
    }

    async function quoteAndBackSlash() {
        await sleep(1 * UNIT_MS);
        done("'single'");
    }

    async function end() {}

    async function lineBreak() {}

    async function script() {}

    async function lane3Lanes() {}

    async function doneLane() {}

    async function step2Lane() {}

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
    await Promise.allSettled(lanes);
    console.log("finished");
})();
