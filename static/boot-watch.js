// Never a blank page: until the app mounts (and removes #app's loading text), this classic
// script watches for what would stop it, and says so in plain words instead of leaving the
// loading line up forever: no WebAssembly, no JavaScript modules, or a file that failed to
// load (the wasm, its bindings, the boot script). It runs in every browser with JavaScript.
// It stands first in the page's head, so it listens before any other file can fail (the boot
// script loads async and may fail early); what it has to say waits for the page to be parsed.
(function () {
  function booting() {
    var app = document.getElementById('app');
    return app && app.querySelector('.booting');
  }
  function show(why) {
    var loading = booting();
    if (!loading) return;
    var box = document.createElement('div');
    box.className = 'boot-failed';
    box.setAttribute('role', 'alert');
    var head = document.createElement('p');
    head.textContent = 'Async Playground could not start: ' + why + '.';
    var help = document.createElement('p');
    help.textContent =
      'It needs a browser with JavaScript and WebAssembly (a recent Chrome, Edge, Firefox or Safari). Check the connection and reload the page to try again.';
    box.appendChild(head);
    box.appendChild(help);
    loading.parentNode.replaceChild(box, loading);
  }
  function fail(why) {
    // Before the page is parsed the app cannot have started: say it once the loading line is
    // there (the first failure replaces it, so later ones say nothing more).
    if (document.readyState !== 'loading') return show(why);
    document.addEventListener('DOMContentLoaded', function () {
      show(why);
    });
  }
  if (typeof WebAssembly !== 'object') return fail('this browser has no WebAssembly');
  if (!('noModule' in document.createElement('script'))) return fail('this browser cannot load JavaScript modules');
  // A script or the wasm that fails to load reports an error on its element (caught here);
  // a wasm that fails to compile rejects the boot script's await.
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && (t.tagName === 'SCRIPT' || t.tagName === 'LINK')) fail('a file it needs (' + (t.src || t.href) + ') did not load');
    else if (e.message) fail(e.message);
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    fail(String((e.reason && e.reason.message) || e.reason || 'it stopped while loading'));
  });
})();
