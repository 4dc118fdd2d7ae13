// Waits ms, then reads the shared counter and writes it back plus one at once: nothing
// between the read and the write, so no other lane can come in between.
function updateAfterWait(ms) {
    return sleep(ms).then(() => {
        counter = counter + 1;
    });
}
