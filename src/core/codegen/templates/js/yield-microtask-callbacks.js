// Gives the thread back for a microtask only. Microtasks run before the browser may draw
// or take input, so the page still freezes.
function yieldWithMicrotask(callback) {
    queueMicrotask(callback);
}
