// A request whose body is then read as JSON. favicon.svg is an SVG image, not JSON, so
// this calls back with a real SyntaxError.
function requestJson(ms, callback) {
    request(ms, (err, response) => {
        if (err) {
            callback(err);
            return;
        }
        response.json().then(
            (data) => callback(null, data),
            (error) => callback(error),
        );
    });
}
