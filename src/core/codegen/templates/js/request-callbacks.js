// A request: fetches the page's own favicon.svg, with a timer alongside for the latency,
// and calls back (err, response) when both are over. fetch only speaks promises: .then
// turns its answer into a callback.
function request(ms, callback) {
    let pending = 2;
    let error = null;
    let response = null;
    function finish() {
        pending -= 1;
        if (pending === 0) {
            callback(error, response);
        }
    }
    fetch("favicon.svg").then(
        (answer) => {
            response = answer;
            finish();
        },
        (err) => {
            error = err;
            finish();
        },
    );
    setTimeout(finish, ms);
}
