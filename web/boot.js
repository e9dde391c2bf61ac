// Starts the app: checks that this browser can run it, shows progress while the WebAssembly
// loads, and explains in words (never a blank page) when something is missing or fails.
'use strict';
(function () {
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
    document.getElementById('canvas').focus();
  });

  window.Module = {
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
})();
