// Keeps the main thread busy for ms milliseconds, as real work (an image filter, a parser)
// would. Nothing else on the page runs meanwhile.
function spin(ms) {
    const deadline = performance.now() + ms;
    while (performance.now() < deadline) {
        // Busy: real work would compute something here.
    }
}
