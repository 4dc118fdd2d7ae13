// A request whose body is then read as JSON. favicon.svg is an SVG image, not JSON, so
// this fails with a real SyntaxError.
async function requestJson(ms) {
    const response = await request(ms);
    return response.json();
}
