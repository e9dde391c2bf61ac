// The browser side of the wasm runner (main_wasm.cpp): IndexedDB storage through IDBFS, downloads,
// the file picker and the clipboard. Linked into app.js with --pre-js; everything here runs in
// the page, with the Emscripten runtime (FS, IDBFS, allocateUTF8, _free) in scope.
'use strict';

Module.poemsInstallBridges = function (dir) {
  // Storage: read IndexedDB into /persistent before the app exists (it loads the record at once).
  // A page with no storage at all (a sandboxed iframe without allow-same-origin, whose origin is
  // "null", or a browser that refuses it) keeps the folder in memory only; the app says so.
  FS.mkdir(dir);
  FS.mount(IDBFS, {}, dir);
  Module.poemsStorage = 'loading';
  performance.mark('poems:storage-asked');
  const refused = storageRefused();
  if (refused) {
    Module.poemsStorage = 'none';
    setTimeout(function () { callWithString('_poems_storage_ready', refused); }, 0);
  } else {
    const ready = function (err) {
      Module.poemsStorage = err ? 'error' : 'idbfs';
      callWithString('_poems_storage_ready', err ? String(err.message || err) : '');
    };
    // The files web/record_preload.js began reading at page start, or (without them) IDBFS's own read.
    const preload = window.poemsRecordPreload;
    if (preload && typeof preload.then === 'function') {
      preload.then(function (got) {
        if (!got || got.dir !== dir) return FS.syncfs(true, ready);
        // Should anything fail here, IDBFS reads everything again (and overwrites what was put).
        if (takePreloaded(dir, got)) return FS.syncfs(true, ready);
        Module.poemsRecordPreloaded = true;
        ready(null);
        if (!IDBFS.dbs[dir]) openForSaves(dir);
      });
    } else {
      FS.syncfs(true, ready);
    }
  }

  // Debounced FS.syncfs(false): many quick edits make one IndexedDB write; a write asked for while
  // another runs is queued, never dropped.
  let timer = null;
  let running = false;
  let again = false;
  function run() {
    running = true;
    FS.syncfs(false, function (err) {
      running = false;
      Module.poemsLastPersist = err ? 'error' : 'ok';
      const ptr = allocateUTF8(err ? String(err.message || err) : '');
      Module._poems_persist_done(err ? 0 : 1, ptr);
      _free(ptr);
      if (again) { again = false; run(); }
    });
  }
  Module.poemsPersist = function (now) {
    if (timer) { clearTimeout(timer); timer = null; }
    const go = function () { if (running) again = true; else run(); };
    if (now) go(); else timer = setTimeout(function () { timer = null; go(); }, 300);
  };
  // Leaving the page (tab switch, close, phone app switcher): write what is pending at once.
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden' && Module.poemsStorage === 'idbfs') Module.poemsPersist(true);
  });
  window.addEventListener('pagehide', function () {
    if (Module.poemsStorage === 'idbfs') Module.poemsPersist(true);
  });
  if (refused) return;
  // Ask the browser not to evict the data under storage pressure, and tell the app the answer
  // (it shows where the record stands). No API, or a refusal, counts as "may be deleted".
  const answer = function (granted) {
    Module.poemsPersistGranted = !!granted;
    Module._poems_storage_persistent(granted ? 1 : 0);
  };
  try {
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().then(answer, function () { answer(false); });
    else setTimeout(function () { answer(false); }, 0);
  } catch (err) {
    setTimeout(function () { answer(false); }, 0);
  }
};

// Puts the files read at page start into the mounted folder as IDBFS's syncfs(true) would
// (IDBFS.storeLocalEntry: contents, mode, and the stored modification time, which its later
// syncs compare), and hands IDBFS the database when the page itself read it (a worker's read
// closes its own: see openForSaves). Returns an error, or null.
function takePreloaded(dir, got) {
  try {
    if (got.db && !IDBFS.dbs[dir]) IDBFS.dbs[dir] = got.db;
    // Folders before the files in them, as IDBFS does.
    const paths = Object.keys(got.entries).filter(function (p) { return p.indexOf(dir + '/') === 0; }).sort();
    for (const path of paths) {
      const entry = got.entries[path];
      if (FS.isDir(entry.mode)) FS.mkdirTree(path, entry.mode);
      else if (FS.isFile(entry.mode)) FS.writeFile(path, entry.contents, { canOwn: true });
      else continue;
      FS.chmod(path, entry.mode);
      FS.utime(path, entry.timestamp, entry.timestamp);
    }
    return null;
  } catch (err) {
    return err;
  }
}

// After a read in the worker (which closes its database), IDBFS has none: it would open one at
// its first save, one more step for a save asked for as the page closes (pagehide), which may not
// end before the page is gone. Opened once the first frame is drawn instead, off the start's path.
function openForSaves(dir) {
  const open = function () {
    setTimeout(function () {
      IDBFS.getDB(dir, function (err) { if (err) console.warn('IndexedDB could not be opened: ' + err); });
    }, 0);
  };
  if (window.poemsFirstFrameAt !== undefined) open();
  else window.addEventListener('poems-first-frame', open, { once: true });
}

// Why this page can have no IndexedDB at all, or '' when it may: in an opaque origin even
// reading window.indexedDB throws.
function storageRefused() {
  try {
    if (window.origin === 'null' && /^https?:$/.test(location.protocol)) return 'this page is in a sandboxed frame without allow-same-origin';
    if (!window.indexedDB) return 'IndexedDB is not available';
    return '';
  } catch (err) {
    return String(err.message || err);
  }
}

// iPhone or iPad Safari, not running from the Home Screen: Safari may clear the site's storage
// after seven days without a visit, unless the app runs from the Home Screen. iPadOS Safari
// reports a Mac user agent: a Mac with touch points is an iPad.
Module.poemsSuggestHomeScreen = function () {
  const ua = navigator.userAgent || '';
  const ios = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && (navigator.maxTouchPoints || 0) > 1);
  return ios && navigator.standalone !== true;
};

function callWithString(fn, text) {
  const ptr = allocateUTF8(text);
  Module[fn](ptr);
  _free(ptr);
}

Module.poemsDownload = function (name, mime, bytes) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([bytes], { type: mime }));
  a.download = name;
  document.body.appendChild(a);
  a.click();
  setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
};

// Opens the browser's file picker; the chosen file's text goes to the app (or an empty text with
// ok=0 when the file is too large to be a record).
Module.poemsOpenFile = function (accept) {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.onchange = function () {
    const file = input.files && input.files[0];
    if (!file) return;
    const deliver = function (text, ok) {
      const n = allocateUTF8(file.name);
      const t = allocateUTF8(text);
      Module._poems_file_opened(n, t, ok);
      _free(n);
      _free(t);
    };
    if (file.size > 16 * 1024 * 1024) deliver('', 0);
    else file.text().then(function (text) { deliver(text, 1); }, function () { deliver('', 0); });
  };
  input.click();
};

// The system clipboard: the async API where the page is a secure context, else the old way.
Module.poemsCopy = function (text) {
  const fallback = function () {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).catch(fallback);
  else fallback();
};

// An embed's link to the full app: index.html, on the view shown, in a new tab. Returns 0 when it
// opened, else the address (allocated for the app) for the person to open: the site around the
// embed may not allow new tabs (a sandbox without allow-popups).
Module.poemsOpenFullApp = function (view) {
  const url = new URL('index.html', location.href);
  if (view) url.searchParams.set('view', view);
  let tab = null;
  try { tab = window.open(url.href, '_blank'); } catch (err) { tab = null; }
  if (tab) {
    try { tab.opener = null; } catch (err) { /* a tab in another origin */ }
    return 0;
  }
  return allocateUTF8(url.href);
};
