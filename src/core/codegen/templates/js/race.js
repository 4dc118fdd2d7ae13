// Starts every lane at once, and calls back when the first one is over (done or failed).
function race(lanes, callback) {
    let over = false;
    for (const lane of lanes) {
        lane((err) => {
            if (!over) {
                over = true;
                callback(err);
            }
        });
    }
}
