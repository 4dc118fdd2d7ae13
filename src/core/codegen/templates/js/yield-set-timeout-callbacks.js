// Gives the thread back with setTimeout(0): a new task, but browsers make nested timeouts
// wait at least 4 ms.
function yieldWithSetTimeout(callback) {
    setTimeout(callback, 0);
}
