// Starts the playground's runner (what runs a scenario and draws it live, src/bin/runner.rs):
// the page inserts this script once its first view is drawn, and awaits the promise it leaves
// behind, which holds the runner's exports once its wasm has started. Its bindings are an ES
// module, imported relative to this script, so the bundle works under any sub-path and they do
// not clash with the extras' global ones. A browser keeps a failed import failed for the page's
// life, so the page's next try (it inserts this script again) imports them by another URL.
{
  const tries = (self.__playgroundRunnerTries = (self.__playgroundRunnerTries || 0) + 1);
  const url = tries === 1 ? './runner.js' : `./runner.js?try=${tries}`;
  self.__playgroundRunner = import(url).then((runner) => runner.default().then(() => runner));
}
