// The playground's service worker. A request task fetches `playground-request?ms=<latency>`;
// this worker answers it with the icon once the latency has passed, so the request really
// takes that long: the browser's Network panel shows it, and a request dropped before then
// (a lost race, a failed try_join, Stop) is cancelled there, aborted by its AbortSignal.
// Every other request goes to the network untouched. Where no worker controls the page (the
// first visit until it starts, a browser or frame without service workers), the page fetches
// the icon with a timer beside it instead (src/shell/runtime/request.rs).
const LONGEST_MS = 600000;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (!url.pathname.endsWith('/playground-request')) return;
  const ms = Math.min(LONGEST_MS, Math.max(0, Number(url.searchParams.get('ms')) || 0));
  const signal = event.request.signal;
  const answer = new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('The request was dropped.', 'AbortError'));
    });
  }).then(() => fetch(new URL('favicon.svg', self.registration.scope), { cache: 'no-store' }));
  event.respondWith(answer);
});
