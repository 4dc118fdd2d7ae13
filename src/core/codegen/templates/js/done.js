// Logs a task that has finished.
function done(label) {
    console.log(`done: ${label}`);
}
