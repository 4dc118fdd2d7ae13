// Gives the thread back until the next frame (requestAnimationFrame): one burst a frame.
function yieldWithAnimationFrame(callback) {
    requestAnimationFrame(() => callback());
}
