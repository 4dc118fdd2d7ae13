// Starts the playground's runner (what runs a scenario and draws it live, src/bin/runner.rs):
// the page inserts this script once its first view is drawn, and awaits the promise it leaves
// behind, which holds the runner's exports once its wasm has started. Its bindings are an ES
// module, imported relative to this script, so the bundle works under any sub-path and they do
// not clash with the extras' global ones.
self.__playgroundRunner = import('./runner.js').then((runner) => runner.default().then(() => runner));
