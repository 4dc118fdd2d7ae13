// A timer: the thread is free for the other lanes until it fires.
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
