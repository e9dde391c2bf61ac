// The service worker: keeps the app's files so that after one visit it opens with no network.
// The build (tools/cmake/service_worker.cmake) fills in the file list and a cache version made
// from the files' contents, so every new build is a new version.
//
// A new version installs in the background while the old one keeps serving the page, takes over
// at once (skipWaiting + clients.claim) and deletes the old cache; the page sees its controller
// change and tells the person "Updated — reload" (boot.js). Nothing is ever fetched from another
// origin, and nothing is sent anywhere.
'use strict';
const VERSION = '@POEMS_CACHE_VERSION@';
const CACHE = 'poems-companion-' + VERSION;
const FILES = @POEMS_PRECACHE@;

self.addEventListener('install', (event) => {
  // cache: 'no-cache' asks the server whether the browser's HTTP copy is still current, so a new
  // version never keeps an old file, yet a file the page has just downloaded is not downloaded
  // again when the host answers "not modified" (most static hosts do).
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'no-cache' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((n) => n.startsWith('poems-companion-') && n !== CACHE)
      .map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

// The app's own files come from the cache (the query, ?view=..., does not matter); anything else
// of this origin goes to the network as usual.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(request, { ignoreSearch: true }))
    .then((hit) => hit || fetch(request)));
});

// The page may ask which version serves it (tests, "about").
self.addEventListener('message', (event) => {
  if (event.data === 'version' && event.ports[0]) event.ports[0].postMessage(VERSION);
});
