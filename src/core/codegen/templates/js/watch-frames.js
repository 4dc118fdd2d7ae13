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
