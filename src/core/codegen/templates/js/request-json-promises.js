// A request whose body is then read as JSON. favicon.svg is an SVG image, not JSON, so
// this fails with a real SyntaxError.
function requestJson(ms) {
    return request(ms).then((response) => response.json());
}
