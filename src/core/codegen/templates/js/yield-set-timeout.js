// Gives the thread back with setTimeout(0): a new task, but browsers make nested timeouts
// wait at least 4 ms.
function yieldWithSetTimeout() {
    return new Promise((resolve) => setTimeout(resolve, 0));
}
