// Offline and updates: after one online visit the service worker holds every file of the app, so
// a reload with the network off (and the server gone) still draws the app; the manifest makes it
// installable; and when a new build is published, the page that runs the old one says
// "Updated — reload" and the Reload button brings the new version.
// Works on a copy of dist/ (the "new version" is made by editing the copy, never the build).
import { check, currentPage, distDir, firstFrame, launch, noProblems, openApp, press, report, serve, settled, shotDir, watch } from './lib.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-offline-site-'));
fs.cpSync(distDir, site, { recursive: true });
let server = await serve(site);
const port = Number(new URL(server.url).port);
const origin = server.url.replace(/\/$/, '');
const url = `${server.url}?today=2026-11-22`;

const swVersion = (page) => page.evaluate(() => new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = (e) => resolve(e.data);
  navigator.serviceWorker.controller.postMessage('version', [channel.port2]);
}));

const context = await launch({ viewport: 'phone' });
await report(server, async () => {
  const page = context.pages()[0] || await context.newPage();
  const problems = watch(page, origin);
  await openApp(page, url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  check(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'after the first visit the service worker controls the page');
  const oldVersion = await swVersion(page);
  check(/^[0-9a-f]{16}$/.test(oldVersion), `the cache version is a content hash filled in by the build (${oldVersion})`);

  const cached = await page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('poems-companion-'));
    const cache = await caches.open(names[0]);
    return { names, files: (await cache.keys()).map((r) => new URL(r.url).pathname) };
  });
  check(cached.names.length === 1 && cached.names[0].endsWith(oldVersion), `one versioned cache (${cached.names.join(', ')})`);
  // (boot.js and app.css are inside the pages; record_preload.js is also the record's worker.)
  const needed = ['/', '/index.html', '/embed.html', '/record_preload.js', '/app.js', '/app.wasm', '/app.deferred.wasm',
                  '/fonts-1x.atlas', '/fonts-2x.atlas', '/icon.svg', '/manifest.webmanifest'];
  const missing = needed.filter((f) => !cached.files.includes(f));
  check(missing.length === 0, `the cache holds every file of the app${missing.length ? '; missing: ' + missing.join(', ') : ''}`);

  // Installable: Chromium's own check of the manifest, icon and service worker.
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  check(manifest.errors.length === 0 && /"name": "POEMS Companion"/.test(manifest.data || ''),
        `the manifest is found and parses${manifest.errors.length ? ': ' + JSON.stringify(manifest.errors) : ''}`);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  check(installabilityErrors.length === 0,
        `Chromium finds the app installable${installabilityErrors.length ? ': ' + JSON.stringify(installabilityErrors) : ''}`);
  noProblems(problems, 'console errors or failed requests online');

  // Offline: no server at all, and the network emulated off.
  server.stop();
  await context.setOffline(true);
  await page.reload();
  await firstFrame(page);
  check(await currentPage(page) === 'criteria', 'offline, a reload draws the app (Criteria page)');
  await page.goto(`${server.url}?view=guide&today=2026-11-22`);
  await firstFrame(page);
  check(await currentPage(page) === 'guide', 'offline, another view of the app opens too (?view=guide)');
  await settled(page);
  await page.screenshot({ path: path.join(shotDir, 'offline-phone-guide.png') });
  check(await page.evaluate(() => document.getElementById('update').hidden), 'no update banner when nothing changed');

  // Offline, a page reached before app.deferred.wasm's compile has ended (held here): the app
  // compiles the bytes the service worker gave it. (A synchronous request, which it made before,
  // does not pass through the service worker: the page stopped with "could not be loaded". SAFETY H31.)
  {
    const early = await context.newPage();
    // (app.wasm is compiled with compileStreaming, app.deferred.wasm's bytes with compile.)
    await early.addInitScript(() => { WebAssembly.compile = () => new Promise(() => {}); });
    await early.goto(url);
    await firstFrame(early);
    await press(early, 'nav:checklist', { touch: true });
    const state = await early.evaluate(() => document.body.dataset.state);
    check(state === 'ready' && await currentPage(early) === 'checklist' &&
          await early.evaluate(() => performance.getEntriesByName('poems:deferred-instantiated').length === 1),
          `offline, with app.deferred.wasm's compile held, Checklist opens (state ${state})`);
    await early.close();
  }

  // A new version is published at the same address: a changed page and so a new cache version.
  const indexFile = path.join(site, 'index.html');
  fs.writeFileSync(indexFile, fs.readFileSync(indexFile, 'utf8').replace('</head>', '<meta name="poems-test-build" content="2">\n</head>'));
  const swFile = path.join(site, 'sw.js');
  const sw = fs.readFileSync(swFile, 'utf8');
  check(sw.includes(`const VERSION = '${oldVersion}'`), 'the served sw.js carries the version it reports');
  fs.writeFileSync(swFile, sw.replace(`const VERSION = '${oldVersion}'`, "const VERSION = 'feedfacefeedface'"));
  await context.setOffline(false);
  server = await serve(site, port);
  await page.reload();
  await firstFrame(page);
  check(await page.evaluate(() => !document.querySelector('meta[name=poems-test-build]')),
        'the reload still runs the old build from the cache, while the new one installs');
  await page.waitForSelector('#update:not([hidden])', { timeout: 30000 });
  const banner = await page.textContent('#update');
  check(/Updated/.test(banner) && /Reload/.test(banner), `the page says "${banner.replace(/\s+/g, ' ').trim()}"`);
  const box = await page.locator('#update-reload').boundingBox();
  check(box.height >= 44, `the Reload button is a 44 px touch target (${box.height} px)`);
  await page.screenshot({ path: path.join(shotDir, 'offline-phone-update-banner.png') });

  await Promise.all([page.waitForEvent('load'), page.tap('#update-reload')]);
  await firstFrame(page);
  check(await page.evaluate(() => !!document.querySelector('meta[name=poems-test-build]')), 'Reload runs the new build');
  check(await swVersion(page) === 'feedfacefeedface', 'the new service worker serves the page');
  const names = await page.evaluate(() => caches.keys());
  check(names.length === 1 && names[0] === 'poems-companion-feedfacefeedface', `the old cache is gone (${names.join(', ')})`);
  check(await page.evaluate(() => document.getElementById('update').hidden), 'after the reload the banner is gone');
}, async () => {
  await context.close();
  server.stop();  // the one serving now: the test stops the first and starts another
  fs.rmSync(site, { recursive: true, force: true });
});
