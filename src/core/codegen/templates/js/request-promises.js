// A request: fetches the page's own favicon.svg, with a timer alongside for the latency.
// It is over when both are, and gives the response.
function request(ms) {
    return Promise.all([fetch("favicon.svg"), sleep(ms)]).then((results) => results[0]);
}
