// Starts reading the person's record from IndexedDB as soon as the page starts, while app.wasm
// downloads and compiles, instead of after the app's main() (Emscripten's FS.syncfs). The app
// takes the files from window.poemsRecordPreload (wasm/browser_bridges.js) and puts them in its
// /persistent folder exactly as IDBFS would have, with the same modification times, so IDBFS's
// later syncs write only the files that change.
// The read runs in a worker (this same file, started as one): IndexedDB hands each step of a read
// (open, upgrade, transaction, result) back to the thread that asked, and the page's main thread
// is busy for most of the first second (instantiating the app, its first frames), so read from
// there the record arrived a second after the first frame whatever its size (issue 21). The
// worker's steps do not queue behind the page's; the files come back in one message, their
// buffers transferred, not copied.
// Where a worker cannot start or read (an old browser, a policy refusing workers),
// the same read runs on the main thread; if that fails in any way the app falls back to
// FS.syncfs, so nothing here can lose a record.
// The database is IDBFS's own: named after the mount point, store FILE_DATA, version 21
// (Emscripten 3.1.6, library_idbfs.js).
// The first script of index.html and embed.html, inside them in dist/ (tools/inline-startup); the
// worker starts from this file.
'use strict';
(function () {
  const kRecordDir = '/persistent';  // kBrowserRecordDir: IDBFS names its database after the mount point

  // Reads every entry of IDBFS's database; done(entries, db) with an object of path -> entry and
  // the open database (the caller closes it or hands it on), or done(null) on any failure. Runs in
  // the worker or, failing that, on the page.
  function readRecordStore(factory, done) {
    const storeName = 'FILE_DATA';
    const dbVersion = 21;
    let request;
    try {
      request = factory.open(kRecordDir, dbVersion);
    } catch (err) {
      return done(null);
    }
    // A first visit: make the database as IDBFS would (an object store with a timestamp index).
    let created = false;  // it did not exist: nothing to read
    request.onupgradeneeded = function (event) {
      created = event.oldVersion === 0;
      const db = request.result;
      const store = db.objectStoreNames.contains(storeName) ? event.target.transaction.objectStore(storeName)
        : db.createObjectStore(storeName);
      if (!store.indexNames.contains('timestamp')) store.createIndex('timestamp', 'timestamp', { unique: false });
    };
    request.onerror = function (event) { event.preventDefault(); done(null); };
    request.onblocked = function () { done(null); };
    request.onsuccess = function () {
      const db = request.result;
      // A database made just now holds no files: no read (a first visit's record came about 17 ms
      // sooner, 21 interleaved loads; issue 21).
      if (created) return done({}, db);
      try {
        const tx = db.transaction([storeName], 'readonly');
        const store = tx.objectStore(storeName);
        const keys = store.getAllKeys();
        const values = store.getAll();
        tx.oncomplete = function () {
          const entries = {};
          for (let i = 0; i < keys.result.length; ++i) entries[keys.result[i]] = values.result[i];
          done(entries, db);
        };
        tx.onerror = function (event) { event.preventDefault(); db.close(); done(null); };
        tx.onabort = function () { db.close(); done(null); };
      } catch (err) {
        db.close();
        done(null);
      }
    };
  }

  if (typeof window === 'undefined') {
    // Started as the worker: read, answer once with the entries (their file contents transferred,
    // not copied), end.
    readRecordStore(self.indexedDB, function (entries, db) {
      if (db) db.close();
      const buffers = [];
      if (entries) {
        for (const path in entries) {
          const contents = entries[path] && entries[path].contents;
          if (contents && contents.buffer && buffers.indexOf(contents.buffer) < 0) buffers.push(contents.buffer);
        }
      }
      // `at`: when the read ended, on the page's clock (the bench's "record-read" mark).
      self.postMessage({ entries: entries, at: performance.timeOrigin + performance.now() }, buffers);
      self.close();
    });
    return;
  }

  window.poemsRecordPreload = new Promise(function (resolve) {
    let settled = false;
    // `db`: read on the page, the open database, handed to IDBFS as it was before the worker
    // (without it, IDBFS opens its own at its first save).
    const answer = function (entries, where, db) {
      if (settled) return;
      settled = true;
      if (!entries) return resolve(null);
      performance.mark('poems:record-preloaded');
      resolve({ dir: kRecordDir, entries: entries, where: where, db: db || null });
    };
    const onPage = function () {
      try {
        readRecordStore(window.indexedDB, function (entries, db) { answer(entries, 'page', db); });
      } catch (err) {
        answer(null);
      }
    };
    try {
      // A sandboxed frame without allow-same-origin has no storage (reading indexedDB may throw).
      if (window.origin === 'null' && /^https?:$/.test(location.protocol)) return resolve(null);
      if (!window.indexedDB) return resolve(null);
    } catch (err) {
      return resolve(null);
    }
    performance.mark('poems:record-preload-start');
    let worker = null;
    try {
      worker = new Worker('record_preload.js');  // this file, also inside the page (tools/inline-startup)
    } catch (err) {
      worker = null;
    }
    if (!worker) return onPage();
    let answered = false;
    worker.onmessage = function (event) {
      answered = true;
      const entries = event.data && event.data.entries;
      // The worker could not read (no IndexedDB in workers here, or a failure): try on the page.
      if (!entries) return onPage();
      try {
        performance.mark('poems:record-read', { startTime: event.data.at - performance.timeOrigin });
      } catch (err) { /* an older browser: no mark, the same record */ }
      answer(entries, 'worker');
    };
    // The worker did not start (its file could not be loaded) or failed: read on the page.
    worker.onerror = function (event) {
      if (event && event.preventDefault) event.preventDefault();
      if (!answered) { answered = true; worker.terminate(); onPage(); }
    };
  });
})();
