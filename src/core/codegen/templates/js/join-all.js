// Starts every lane at once, and calls back with their errors once all of them are over.
function joinAll(lanes, callback) {
    const errors = [];
    let pending = lanes.length;
    for (const lane of lanes) {
        lane((err) => {
            if (err) {
                errors.push(err);
            }
            pending -= 1;
            if (pending === 0) {
                callback(errors);
            }
        });
    }
}
