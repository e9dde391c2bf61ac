// Starts reading the person's record from IndexedDB as soon as the page starts, while app.wasm
// downloads and compiles, instead of after the app's main() (Emscripten's FS.syncfs): IndexedDB
// answers on its own thread, and answers fast while the main thread is still free. The app takes
// the files from window.poemsRecordPreload (wasm/browser_bridges.js) and puts them in its
// /persistent folder exactly as IDBFS would have, with the same modification times, so IDBFS's
// later syncs write only the files that change.
// The database is IDBFS's own: named after the mount point, store FILE_DATA, version 21
// (Emscripten 3.1.6, library_idbfs.js); if this read fails in any way the app falls back to
// FS.syncfs, so nothing here can lose a record.
// Loaded by index.html and embed.html before boot.js.
'use strict';
window.poemsRecordPreload = (function () {
  const dbName = '/persistent';  // kBrowserRecordDir
  const storeName = 'FILE_DATA';
  const dbVersion = 21;
  return new Promise(function (resolve) {
    const nothing = function () { resolve(null); };
    let factory;
    try {
      // A sandboxed frame without allow-same-origin has no storage (reading indexedDB may throw).
      if (window.origin === 'null' && /^https?:$/.test(location.protocol)) return nothing();
      factory = window.indexedDB;
      if (!factory) return nothing();
    } catch (err) {
      return nothing();
    }
    performance.mark('poems:record-preload-start');
    let request;
    try {
      request = factory.open(dbName, dbVersion);
    } catch (err) {
      return nothing();
    }
    // A first visit: make the database as IDBFS would (an object store with a timestamp index).
    request.onupgradeneeded = function (event) {
      const db = request.result;
      const store = db.objectStoreNames.contains(storeName) ? event.target.transaction.objectStore(storeName)
        : db.createObjectStore(storeName);
      if (!store.indexNames.contains('timestamp')) store.createIndex('timestamp', 'timestamp', { unique: false });
    };
    request.onerror = function (event) { event.preventDefault(); nothing(); };
    request.onblocked = nothing;
    request.onsuccess = function () {
      const db = request.result;
      try {
        const tx = db.transaction([storeName], 'readonly');
        const store = tx.objectStore(storeName);
        const keys = store.getAllKeys();
        const values = store.getAll();
        tx.oncomplete = function () {
          const entries = {};
          for (let i = 0; i < keys.result.length; ++i) entries[keys.result[i]] = values.result[i];
          performance.mark('poems:record-preloaded');
          resolve({ db: db, dir: dbName, entries: entries });
        };
        tx.onerror = function (event) { event.preventDefault(); db.close(); nothing(); };
        tx.onabort = function () { db.close(); nothing(); };
      } catch (err) {
        db.close();
        nothing();
      }
    };
  });
})();
