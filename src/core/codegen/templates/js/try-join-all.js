// Starts every lane at once, and calls back once all of them are over, or at the first
// error, whichever comes first.
function tryJoinAll(lanes, callback) {
    let pending = lanes.length;
    let over = false;
    for (const lane of lanes) {
        lane((err) => {
            if (over) {
                return;
            }
            pending -= 1;
            if (err || pending === 0) {
                over = true;
                callback(err);
            }
        });
    }
}
