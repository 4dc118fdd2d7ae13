// Gives the thread back until the next frame (requestAnimationFrame): one burst a frame.
function yieldWithAnimationFrame() {
    return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
