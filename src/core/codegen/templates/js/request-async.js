// A request: fetches the page's own favicon.svg, with a timer alongside for the latency.
// It is over when both are, and gives the response.
async function request(ms) {
    const [response] = await Promise.all([fetch("favicon.svg"), sleep(ms)]);
    return response;
}
