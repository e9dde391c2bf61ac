// Starts the app: checks that this browser can run it, shows that it is working while the
// WebAssembly loads, and explains in words (never a blank page, never "Loading…" for ever) when
// something is missing or fails: a missing feature, a browser API that throws (a sandboxed iframe),
// a refused fetch, a failed compile or an error before the first frame all end in the "could not
// start" card, which names the cause and, in an embed, what the host site can change.
// It also registers the service worker (sw.js) that keeps the app usable offline, and tells the
// person when a new version has arrived. Used by index.html and embed.html (data-embed="1").
'use strict';
(function () {
  performance.mark('poems:boot');  // start-up marks "poems:..." (main_wasm.cpp), for the bench
  const embedded = document.body.dataset.embed === '1';
  // A sandboxed iframe without allow-same-origin: the page's origin is "null" (opaque), so it has
  // no storage and no service worker, and fetches its own files cross-origin (they need CORS).
  const opaque = window.origin === 'null' && /^https?:$/.test(location.protocol);
  const statusBox = document.getElementById('status');
  const statusText = document.getElementById('status-text');
  let started = false;  // the first frame was drawn: from then on the app reports its own problems
  // The "Loading…" card shows only when the first frame takes more than half a second (a phone, a
  // slow connection). Shown at once, its text was laid out before anything else could run: the
  // page's first text layout took 15-20 ms of this thread and put the whole start back about
  // 30-50 ms (issue 21; two runs of 11 interleaved loads), for a card most desktops saw for 0.2 s.
  const showCardAfterMs = 500;
  setTimeout(() => { if (!started) statusBox.classList.remove('hidden'); }, showCardAfterMs);

  // Every sentence this file shows, in one place (the app's own words live in ui/app/ui_strings.hpp).
  const words = {
    wasm: 'This browser cannot run WebAssembly, which POEMS Companion needs. Please open this page in a ' +
          'recent version of Firefox, Chrome, Edge or Safari, or use the desktop app.',
    webgl2: 'This browser cannot draw with WebGL 2, which POEMS Companion needs. It may be turned off, ' +
            'or the graphics driver may be blocked. Please try a recent version of Firefox, Chrome, Edge or ' +
            'Safari, or use the desktop app.',
    start: 'The app could not be started ({cause}). Check the connection and reload the page.',
    load: 'The app could not be loaded ({cause}). Check the connection and reload the page.',
    sandboxed: 'POEMS Companion could not load its program in this sandboxed frame ({cause}).',
    error: 'POEMS Companion could not start because of an error in this browser ({cause}). Reloading the page ' +
           'usually helps. Nothing you entered has been sent anywhere.',
    abort: 'POEMS Companion stopped because of an internal error ({cause}). Reloading the page usually helps. ' +
           'Nothing you entered has been sent anywhere.',
    deferred: 'Part of POEMS Companion could not be loaded ({cause}). Check the connection and reload the page. ' +
              'What you entered is kept on this device.',
    // Added to a failure in an embed: what the site around it can change (docs/embedding.md).
    embedHost: 'For the site showing this page: the embed needs an iframe that allows scripts ' +
               '(sandbox="allow-scripts allow-same-origin"), and the app\'s files served as they are.',
    opaqueFiles: 'For the site showing this page: this frame is sandboxed without allow-same-origin, so the app ' +
                 'loads its own files from another origin and the server must send them with the header ' +
                 '"Access-Control-Allow-Origin: *". Send that header, or add allow-same-origin to the ' +
                 'iframe\'s sandbox attribute.',
  };
  const say = (key, cause) => words[key].replace('{cause}', cause);

  function fatal(message) {
    statusBox.classList.remove('hidden');
    statusBox.querySelector('.card').classList.add('fatal');
    statusText.textContent = message;
    statusBox.querySelector('.bar').style.display = 'none';
    document.body.dataset.state = 'error';
  }
  // A failure while starting: its cause, and in an embed the host's part in it.
  function failed(key, cause, host = 'embedHost') {
    fatal(say(key, cause) + (embedded ? ' ' + words[host] : ''));
  }
  window.poemsFatal = (why) => fatal(words[why] || why);
  // Anything thrown and not caught before the first frame would leave the loading screen up.
  const uncaught = (e) => { if (!started && document.body.dataset.state !== 'error') failed('error', describe(e.error || e.reason || e.message)); };
  window.addEventListener('error', uncaught);
  window.addEventListener('unhandledrejection', uncaught);

  try {
    boot();
  } catch (err) {
    failed('error', describe(err));
  }

  function describe(err) {
    return String((err && err.message) || err || 'unknown error');
  }

  function boot() {
    const theme = new URLSearchParams(location.search).get('theme');
    if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
    offline();

    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') return fatal(words.wasm);
    // Fetch and compile app.wasm from here on, while app.js downloads and parses, rather than after
    // app.js has run: it is most of the start-up time. app.js takes the module through
    // Module.instantiateWasm below.
    const compiled = compileWasm('app.wasm');
    compiled.catch(() => {});  // reported when app.js asks for it
    // The font atlas made at build time for this pixel ratio (tools/font-atlas), when there is one:
    // the app takes it if it fits its fonts and text size, and otherwise builds its own (about 20 ms
    // of a desktop start; issue 21). A failed fetch only means the app builds it.
    const atlasFile = { 1: 'fonts-1x.atlas', 2: 'fonts-2x.atlas' }[window.devicePixelRatio];
    const atlasArrived = atlasFile
      ? fetchBytes(atlasFile).then((bytes) => { window.Module.poemsFontAtlas = bytes; }, () => {}) : null;
    window.addEventListener('poems-first-frame', () => {
      if (!deferredAtStart) fetchDeferred().catch(() => {});  // fetchNow() tries again when needed
      started = true;
      statusBox.classList.add('hidden');
      document.body.dataset.state = 'ready';
      // An embed never takes the keyboard focus from the page around it.
      if (!embedded) document.getElementById('canvas').focus();
    });

    // The record's files (record_preload.js reads them in a worker) are best in hand before the app
    // starts: the app then draws its first frame with the record in it. The read usually ends
    // before the compile; when it does not, the app starts at most waitMs after the compile and
    // takes the record when it comes. The font atlas is waited for the same way.
    const waitMs = 200;
    const arrivedOrLater = (promise) => Promise.race([promise, new Promise((resolve) => setTimeout(resolve, waitMs))]);
    // The rest of the program: app.wasm holds what start-up runs, app.deferred.wasm the rest
    // (wasm-split; tools/split-wasm/split_wasm.mjs). It is compiled right after the first frame, so a tap on
    // another page finds it ready. A start on another page (?view=) fetches it with app.wasm,
    // since its first frame needs it.
    // Its bytes are kept from their arrival until the compile has ended, so a page reached in
    // between compiles them there and then. Only before they arrive does the app ask for the file
    // synchronously, and that request does not pass through the service worker (Chromium: offline
    // it fails; tests/browser/offline.test.mjs, SAFETY H31).
    let deferred = null;       // the compiled module, once here
    let deferredBytes = null;  // its bytes, until then
    const fetchDeferred = () => fetchBytes('app.deferred.wasm').then((bytes) => {
      deferredBytes = bytes;
      return WebAssembly.compile(bytes);
    }).then((module) => {
      deferred = module;
      deferredBytes = null;
    });
    const startsElsewhere = new URLSearchParams(location.search).has('view');
    const deferredAtStart = startsElsewhere ? fetchDeferred() : null;
    if (deferredAtStart) deferredAtStart.catch(() => {});
    window.Module = {
      poemsEmbedded: embedded,
      // Called by app.js the first time a function of app.deferred.wasm runs; synchronous, so a
      // call before the compile ended compiles the bytes here and now (fetching them first if
      // they have not arrived).
      loadSplitModule: (file, imports) => {
        try {
          const module = deferred || new WebAssembly.Module(deferredBytes || fetchNow(file));
          performance.mark('poems:deferred-instantiated');
          return [new WebAssembly.Instance(module, imports), module];
        } catch (err) {
          // Offline before the service worker had it, or a host that lacks the file: say so, and
          // write what is pending to IndexedDB before the app stops.
          if (Module.poemsPersist && Module.poemsStorage === 'idbfs') Module.poemsPersist(true);
          fatal(say('deferred', describe(err)));
          throw err;
        }
      },
      instantiateWasm: (imports, receive) => {
        compiled.then((module) => Promise.all([arrivedOrLater(window.poemsRecordPreload), atlasArrived && arrivedOrLater(atlasArrived),
                                                deferredAtStart])
          .then(() => WebAssembly.instantiate(module, imports)).then((instance) => receive(instance, module)))
          .catch((err) => (opaque ? failed('sandboxed', describe(err), 'opaqueFiles') : failed('start', describe(err))));
        return {};  // the exports arrive through receive()
      },
      canvas: document.getElementById('canvas'),
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      // No setStatus: the app has no data files for Emscripten to report on, and with one set,
      // Emscripten puts off main() to a later task.
      onAbort: (what) => fatal(say('abort', what)),
    };
    const script = document.createElement('script');
    script.src = 'app.js';
    script.onload = () => performance.mark('poems:app-js-run');
    script.onerror = () => failed('load', 'app.js');
    document.body.appendChild(script);
    // No WebGL 2 probe here: main() says so when it cannot make its context (poemsFatal('webgl2')).
    // The probe took 13-20 ms of this thread before app.js could run, and the app's own context
    // came no sooner after it (issue 21; 2 x 11 interleaved loads).
  }

  // Streaming compilation needs the server to send .wasm as application/wasm; a static host that
  // does not gets the slower path instead of a failure. From an opaque origin (a sandboxed embed)
  // the request is cross-origin: it works when the server sends Access-Control-Allow-Origin: *.
  function compileWasm(url) {
    const slow = () => fetchBytes(url).then((bytes) => WebAssembly.compile(bytes));
    if (typeof WebAssembly.compileStreaming !== 'function') return slow();
    return WebAssembly.compileStreaming(fetch(url, { credentials: 'same-origin' })).catch(slow);
  }

  // A file's bytes; a failure names the file.
  function fetchBytes(url) {
    return fetch(url, { credentials: 'same-origin' }).then((r) => {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.arrayBuffer();
    }, (err) => { throw new Error(url + ': ' + describe(err)); });
  }

  // app.deferred.wasm's bytes, now: a synchronous request (as x-user-defined text, the one way a
  // synchronous request returns binary on a page). Only when the person reaches code of the
  // deferred part before its asynchronous download has ended.
  function fetchNow(url) {
    const request = new XMLHttpRequest();
    request.open('GET', url, false);
    request.overrideMimeType('text/plain; charset=x-user-defined');
    request.send();
    if (request.status !== 200 && request.status !== 0) throw new Error(url.split('/').pop() + ': HTTP ' + request.status);
    const text = request.responseText;
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i) & 0xff;
    return bytes;
  }

  // Offline: sw.js keeps the app's files. It needs http(s) (localhost counts); from a file:// page
  // the app simply runs without it. A page that was already controlled and sees its controller
  // change is running an older build than the one now installed: say so, never stay silent.
  // The worker is registered once the app has read the record and drawn its first frame: filling
  // its cache shares the browser's storage with IndexedDB and would delay the record by a second
  // or more, and its install took the CPU from the first frame (issue 21: record open to first
  // frame 79 -> 26 and 61 -> 41 ms in two runs of 9 interleaved loads).
  // The browser itself checks for a new sw.js on every visit.
  // In a sandboxed iframe without allow-same-origin, merely reading navigator.serviceWorker throws:
  // the app then runs without offline use.
  function offline() {
    if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol) || opaque) return;
    let sw;
    try {
      sw = navigator.serviceWorker;
    } catch (err) {
      console.warn('Offline use is not available: ' + describe(err));
      return;
    }
    const hadController = !!sw.controller;
    sw.addEventListener('controllerchange', () => { if (hadController) showUpdated(); });
    const happened = (name) => new Promise((resolve) => window.addEventListener(name, resolve, { once: true }));
    Promise.all([happened('poems-record-opened'), happened('poems-first-frame')]).then(() => {
      sw.register('sw.js', { updateViaCache: 'none' }).then((registration) => {
        // A page left open for days (a phone's home-screen app) still looks for updates.
        setInterval(() => registration.update().catch(() => {}), 6 * 60 * 60 * 1000);
      }, (err) => console.warn('Offline use is not available: ' + err.message));
    });
  }
  function showUpdated() {
    const banner = document.getElementById('update');
    banner.hidden = false;
    document.body.dataset.update = 'ready';
    document.getElementById('update-reload').onclick = () => {
      // Write what is pending to IndexedDB first; reloading then runs the new version.
      if (window.Module && Module.poemsPersist && Module.poemsStorage === 'idbfs') Module.poemsPersist(true);
      setTimeout(() => location.reload(), 300);
    };
  }
})();
