// Reads the shared counter, waits ms (other lanes run meanwhile, and may update it too),
// then writes back what it read plus one and calls back.
function update(ms, callback) {
    const read = counter;
    setTimeout(() => {
        counter = read + 1;
        callback();
    }, ms);
}
