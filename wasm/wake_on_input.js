// Wakes the browser runner's main loop (main_wasm.cpp) when something may need a new frame.
// While idle the runner pauses its requestAnimationFrame loop entirely: even a tick that only
// polls SDL for events cost about 10% of a core in headless Chromium, 60 times a second. SDL
// keeps queuing the events it listens to while the loop sleeps; these listeners (capture phase
// on the window, so they run before SDL's own) only restart the loop, which then reads them.
// Linked into app.js with --pre-js.
'use strict';

Module.poemsInstallWake = function () {
  const events = ['mousedown', 'mouseup', 'mousemove', 'wheel', 'keydown', 'keyup', 'keypress',
                  'touchstart', 'touchmove', 'touchend', 'touchcancel', 'focus', 'blur', 'resize',
                  'orientationchange', 'fullscreenchange', 'visibilitychange'];
  const wake = function () { Module._poems_wake(); };
  for (const name of events) window.addEventListener(name, wake, { capture: true, passive: true });
  // devicePixelRatio changes (browser zoom, a window dragged to another screen) without a resize.
  // SDL sizes the canvas's drawing buffer by the pixel ratio only when it sees a resize, so one is
  // sent: the app then draws at the new ratio, its fonts rasterised for it (crisp when zoomed).
  (function watchPixelRatio() {
    if (!window.matchMedia) return;
    matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)').addEventListener('change', function () {
      window.dispatchEvent(new Event('resize'));
      wake();
      watchPixelRatio();
    }, { once: true });
  })();
};
