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
