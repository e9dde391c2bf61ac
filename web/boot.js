// Starts the app: checks that this browser can run it, shows progress while the WebAssembly
// loads, and explains in words (never a blank page) when something is missing or fails.
// It also registers the service worker (sw.js) that keeps the app usable offline, and tells the
// person when a new version has arrived. Used by index.html and embed.html (data-embed="1").
'use strict';
(function () {
  const embedded = document.body.dataset.embed === '1';
  const theme = new URLSearchParams(location.search).get('theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
  offline();
  const statusBox = document.getElementById('status');
  const statusText = document.getElementById('status-text');
  const progress = document.getElementById('status-progress');

  function fatal(message) {
    statusBox.classList.remove('hidden');
    statusBox.querySelector('.card').classList.add('fatal');
    statusText.textContent = message;
    progress.parentElement.style.display = 'none';
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
  const probe = document.createElement('canvas');
  if (!probe.getContext('webgl2')) return fatal(reasons.webgl2);

  window.addEventListener('poems-first-frame', () => {
    statusBox.classList.add('hidden');
    document.body.dataset.state = 'ready';
    // An embed never takes the keyboard focus from the page around it.
    if (!embedded) document.getElementById('canvas').focus();
  });

  window.Module = {
    poemsEmbedded: embedded,
    canvas: document.getElementById('canvas'),
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    setStatus: (text) => {
      // Emscripten reports "Downloading data... (12/34)"; turn it into a bar.
      const m = /\((\d+(?:\.\d+)?)\/(\d+)\)/.exec(text || '');
      if (m) progress.style.width = (100 * Number(m[1]) / Number(m[2])).toFixed(0) + '%';
    },
    onAbort: (what) => fatal('POEMS Companion stopped because of an internal error (' + what + '). ' +
                             'Reloading the page usually helps. Nothing you entered has been sent anywhere.'),
  };
  const script = document.createElement('script');
  script.src = 'app.js';
  script.onerror = () => fatal('The app could not be loaded. Check the connection and reload the page.');
  document.body.appendChild(script);

  // Offline: sw.js keeps the app's files. It needs http(s) (localhost counts); from a file:// page
  // the app simply runs without it. A page that was already controlled and sees its controller
  // change is running an older build than the one now installed: say so, never stay silent.
  // The worker is registered after the first frame, so that filling its cache never slows the
  // start; the browser itself checks for a new sw.js on every visit.
  function offline() {
    if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
    const sw = navigator.serviceWorker;
    const hadController = !!sw.controller;
    sw.addEventListener('controllerchange', () => { if (hadController) showUpdated(); });
    window.addEventListener('poems-first-frame', () => {
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
