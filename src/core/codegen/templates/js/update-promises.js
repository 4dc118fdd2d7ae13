// Reads the shared counter, waits ms (other lanes run meanwhile, and may update it too),
// then writes back what it read plus one.
function update(ms) {
    const read = counter;
    return sleep(ms).then(() => {
        counter = read + 1;
    });
}
