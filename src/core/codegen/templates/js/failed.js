// Logs a task that has failed.
function failed(label) {
    console.log(`failed: ${label}`);
}
