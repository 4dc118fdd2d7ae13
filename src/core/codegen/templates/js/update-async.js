// Reads the shared counter, waits ms (other lanes run meanwhile, and may update it too),
// then writes back what it read plus one.
async function update(ms) {
    const read = counter;
    await sleep(ms);
    counter = read + 1;
}
