// Waits ms, then reads the shared counter and writes it back plus one at once, and calls
// back: nothing between the read and the write, so no other lane can come in between.
function updateAfterWait(ms, callback) {
    setTimeout(() => {
        counter = counter + 1;
        callback();
    }, ms);
}
