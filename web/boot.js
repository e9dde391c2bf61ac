// Starts the app: checks that this browser can run it, shows that it is working while the
// WebAssembly loads, and explains in words (never a blank page) when something is missing or fails.
// It also registers the service worker (sw.js) that keeps the app usable offline, and tells the
// person when a new version has arrived. Used by index.html and embed.html (data-embed="1").
'use strict';
(function () {
  performance.mark('poems:boot');  // start-up marks "poems:..." (main_wasm.cpp), for the bench
  const embedded = document.body.dataset.embed === '1';
  const theme = new URLSearchParams(location.search).get('theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
  offline();
  const statusBox = document.getElementById('status');
  const statusText = document.getElementById('status-text');

  function fatal(message) {
    statusBox.classList.remove('hidden');
    statusBox.querySelector('.card').classList.add('fatal');
    statusText.textContent = message;
    statusBox.querySelector('.bar').style.display = 'none';
    document.body.dataset.state = 'error';
  }
  const reasons = {
    wasm: 'This browser cannot run WebAssembly, which POEMS Companion needs. Please open this page in a ' +
          'recent version of Firefox, Chrome, Edge or Safari, or use the desktop app.',
    webgl2: 'This browser cannot draw with WebGL 2, which POEMS Companion needs. It may be turned off, ' +
            'or the graphics driver may be blocked. Please try a recent version of Firefox, Chrome, Edge or ' +
            'Safari, or use the desktop app.',
  };
  window.poemsFatal = (why) => fatal(reasons[why] || why);

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') return fatal(reasons.wasm);
  // Fetch and compile app.wasm from here on, while app.js downloads and parses, rather than after
  // app.js has run: it is most of the start-up time. app.js takes the module through
  // Module.instantiateWasm below.
  const compiled = compileWasm('app.wasm');
  compiled.catch(() => {});  // reported when app.js asks for it
  window.addEventListener('poems-first-frame', () => {
    statusBox.classList.add('hidden');
    document.body.dataset.state = 'ready';
    // An embed never takes the keyboard focus from the page around it.
    if (!embedded) document.getElementById('canvas').focus();
  });

  window.Module = {
    poemsEmbedded: embedded,
    instantiateWasm: (imports, receive) => {
      compiled.then((module) => WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module)))
        .catch((err) => fatal('The app could not be started (' + err.message + '). Check the connection and reload the page.'));
      return {};  // the exports arrive through receive()
    },
    canvas: document.getElementById('canvas'),
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    // No setStatus: the app has no data files for Emscripten to report on, and with one set,
    // Emscripten puts off main() to a later task.
    onAbort: (what) => fatal('POEMS Companion stopped because of an internal error (' + what + '). ' +
                             'Reloading the page usually helps. Nothing you entered has been sent anywhere.'),
  };
  const script = document.createElement('script');
  script.src = 'app.js';
  script.onload = () => performance.mark('poems:app-js-run');
  script.onerror = () => fatal('The app could not be loaded. Check the connection and reload the page.');
  document.body.appendChild(script);

  // Probed while app.js downloads (the first WebGL context also starts the browser's GPU side,
  // which the app's own context then finds ready).
  const probe = document.createElement('canvas');
  if (!probe.getContext('webgl2')) {
    Module.noInitialRun = true;
    return fatal(reasons.webgl2);
  }
  performance.mark('poems:webgl2-probed');

  // Streaming compilation needs the server to send .wasm as application/wasm; a static host that
  // does not gets the slower path instead of a failure.
  function compileWasm(url) {
    const slow = () => fetch(url, { credentials: 'same-origin' }).then((r) => {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.arrayBuffer();
    }).then((bytes) => WebAssembly.compile(bytes));
    if (typeof WebAssembly.compileStreaming !== 'function') return slow();
    return WebAssembly.compileStreaming(fetch(url, { credentials: 'same-origin' })).catch(slow);
  }

  // Offline: sw.js keeps the app's files. It needs http(s) (localhost counts); from a file:// page
  // the app simply runs without it. A page that was already controlled and sees its controller
  // change is running an older build than the one now installed: say so, never stay silent.
  // The worker is registered once the app has started and read the record: filling its cache
  // shares the browser's storage with IndexedDB and would delay the record by a second or more.
  // The browser itself checks for a new sw.js on every visit.
  function offline() {
    if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
    const sw = navigator.serviceWorker;
    const hadController = !!sw.controller;
    sw.addEventListener('controllerchange', () => { if (hadController) showUpdated(); });
    window.addEventListener('poems-record-opened', () => {
      sw.register('sw.js', { updateViaCache: 'none' }).then((registration) => {
        // A page left open for days (a phone's home-screen app) still looks for updates.
        setInterval(() => registration.update().catch(() => {}), 6 * 60 * 60 * 1000);
      }, (err) => console.warn('Offline use is not available: ' + err.message));
    }, { once: true });
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
