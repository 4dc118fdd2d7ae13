// Waits ms, then reads the shared counter and writes it back plus one at once: no await
// between the read and the write, so no other lane can come in between.
async function updateAfterWait(ms) {
    await sleep(ms);
    counter = counter + 1;
}
