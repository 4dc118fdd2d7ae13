// Gives the thread back for a microtask only (a resolved promise). Microtasks run before
// the browser may draw or take input, so the page still freezes.
function yieldWithMicrotask() {
    return Promise.resolve();
}
