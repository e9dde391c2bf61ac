// Embedding: the demo host page (web/demo-host.html, ordinary site content) shows the app in an
// iframe on the chosen view, without the app's own navigation, filling the iframe, in the chosen
// light or dark colours; the host page gets no message from it and nothing leaves the origin.
// Sandboxed iframes (docs/embedding.md, "Sandboxed iframes"): a host page on 127.0.0.1 frames the
// app on localhost (another origin) with no sandbox, with allow-scripts allow-same-origin, with
// allow-scripts only (no storage: the app runs, says in one line that nothing is kept, with a
// link to the full app, and its Criteria page works), with allow-scripts allow-popups (the link
// opens the full app in a new tab), and with allow-scripts only from a server that sends no CORS
// header (app.wasm is refused: the readable "could not start" card says what the host can change).
// None may leave "Loading…" on screen.
import { brightness, check, currentPage, firstFrame, launch, namedItems, noProblems, press, report, reveal, serve, settled, shotDir, watch } from './lib.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const server = await serve();
const noCors = await serve(undefined, 0, { cors: false });
// The sandbox host pages are real files on a server of their own (on 127.0.0.1), as a host site's
// would be: Chromium refuses a frame on localhost inside a page that did not come from a local
// address.
const hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-hosts-'));
fs.writeFileSync(path.join(hostDir, 'index.html'), '<!doctype html><title>hosts</title>');
const origin = server.url.replace(/\/$/, '');
const views = ['criteria', 'checklist', 'monitoring', 'labs', 'centers', 'guide'];

async function openHost(page, view, theme) {
  await page.goto(`${server.url}demo-host.html?view=${view}&theme=${theme}`);
  const frame = await (await page.waitForSelector('iframe#poems')).contentFrame();
  await frame.waitForURL(/embed\.html/);
  await firstFrame(frame);
  await settled(frame);
  return frame;
}

await report(server, async () => {
  for (const [viewport, list] of [['desktop', views], ['phone', ['criteria', 'guide']]]) {
    console.log(`# ${viewport}`);
    const context = await launch({ viewport });
    await context.addInitScript(() => {
      window.poemsMessages = 0;
      window.addEventListener('message', () => { window.poemsMessages += 1; });
    });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    for (const [i, view] of list.entries()) {
      const theme = i % 2 ? 'dark' : 'light';
      const frame = await openHost(page, view, theme);
      const shown = await frame.evaluate(() => UTF8ToString(Module._poems_current_page()));
      check(shown === view, `the embed shows the ${view} view (${shown})`);
      const nav = Object.keys(await namedItems(frame)).filter((n) => n.startsWith('nav:'));
      check(nav.length === 0, `the embed draws none of the app's navigation${nav.length ? ': ' + nav.join(', ') : ''}`);
      check(await frame.evaluate(() => Module._poems_dark()) === (theme === 'dark' ? 1 : 0), `the app was asked for ${theme} colours`);

      const iframe = await page.$('iframe#poems');
      const box = await iframe.boundingBox();
      const canvas = await frame.evaluate(() => {
        const c = document.getElementById('canvas');
        return { cssW: c.clientWidth, cssH: c.clientHeight, w: c.width, dpr: devicePixelRatio };
      });
      check(Math.abs(canvas.cssW - box.width) <= 2 && Math.abs(canvas.cssH - box.height) <= 2,
            `the app fills its iframe (${canvas.cssW}x${canvas.cssH} in ${box.width}x${box.height})`);
      check(canvas.w === Math.floor(canvas.cssW * canvas.dpr), `and draws at the device's pixel ratio (${canvas.w} px)`);

      const shot = await iframe.screenshot({ path: path.join(shotDir, `embed-${viewport}-${view}-${theme}.png`) });
      const light = await brightness(context, shot);
      check(theme === 'dark' ? light < 0.35 : light > 0.7, `the embed is drawn ${theme} (mean brightness ${light.toFixed(2)})`);
      if (i === 0) await page.screenshot({ path: path.join(shotDir, `embed-${viewport}-host-page.png`), fullPage: true });
    }

    if (viewport === 'desktop') {
      // A link inside the embedded view that leads to another page ("Check the criteria" on the
      // Checklist) opens it in the embed, with a way back to the embedded view.
      const own = await context.newPage();
      await own.setViewportSize({ width: 1000, height: 1300 });
      await own.goto(`${server.url}embed.html?view=checklist&today=2026-11-22`);
      await firstFrame(own);
      await settled(own);
      await press(own, 'checklist:ask:criteria');
      check(await currentPage(own) === 'criteria', 'a link in the embedded Checklist opens the Criteria page in the embed');
      check('embed:back' in await namedItems(own), 'with a "Back to Checklist" button');
      await own.screenshot({ path: path.join(shotDir, 'embed-desktop-back-button.png') });
      await press(own, 'embed:back');
      check(await currentPage(own) === 'checklist', '"Back to Checklist" returns to the embedded view');
      await own.close();
    }

    // The host follows a change of choice: the same page, now dark.
    const frame = await openHost(page, list[0], 'dark');
    const dark = await brightness(context, await (await page.$('iframe#poems')).screenshot());
    check(await frame.evaluate(() => Module._poems_dark()) === 1 && dark < 0.35,
          `switching the host to dark switches the embed (brightness ${dark.toFixed(2)})`);
    check(await page.evaluate(() => window.poemsMessages) === 0, 'the host page received no message from the app');
    noProblems(problems, 'console errors, failed or foreign requests');
    await context.close();
  }
  await sandboxed();
}, async () => {
  noCors.stop();
  fs.rmSync(hostDir, { recursive: true, force: true });
});

// A host page (made up by the test: the demo host allows only its own origin), its iframe
// filling the window so that the frame's coordinates are the page's.
function hostPage(appUrl, sandbox) {
  return '<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Sandbox host</title>' +
    '<style>html,body{margin:0;height:100%}iframe{position:fixed;inset:0;width:100%;height:100%;border:0}</style>' +
    `<iframe id="poems" title="POEMS Companion" src="${appUrl}"${sandbox === null ? '' : ` sandbox="${sandbox}"`}></iframe>`;
}

// The frame, as lib.mjs's press() and reveal() use a page: its own scripts, the page's mouse.
function asPage(page, frame) {
  return {
    evaluate: (...a) => frame.evaluate(...a), waitForFunction: (...a) => frame.waitForFunction(...a),
    mouse: page.mouse, touchscreen: page.touchscreen, waitForTimeout: (ms) => page.waitForTimeout(ms),
    viewportSize: () => page.viewportSize(),
  };
}

async function sandboxed() {
  const variants = [
    { name: 'none', sandbox: null, runs: true, kept: true },  // kept: as far as the browser allows
    { name: 'scripts-same-origin', sandbox: 'allow-scripts allow-same-origin', runs: true, kept: true },
    { name: 'scripts-only', sandbox: 'allow-scripts', runs: true, kept: false },
    { name: 'scripts-popups', sandbox: 'allow-scripts allow-popups allow-popups-to-escape-sandbox', runs: true, kept: false },
    { name: 'scripts-only-no-cors', sandbox: 'allow-scripts', runs: false, server: noCors },
  ];
  const hosts = await serve(hostDir);
  try {
    for (const viewport of ['desktop', 'phone']) await sandboxedAt(viewport, variants, hosts);
  } finally {
    hosts.stop();
  }
}

async function sandboxedAt(viewport, variants, hosts) {
  {
    console.log(`# sandboxed iframes, ${viewport}`);
    const context = await launch({ viewport });
    for (const v of variants) {
      if (viewport === 'phone' && v.name !== 'scripts-only') continue;
      const app = (v.server || server).url.replace('127.0.0.1', 'localhost');
      fs.writeFileSync(path.join(hostDir, `${v.name}.html`), hostPage(`${app}embed.html?view=criteria&today=2026-11-22`, v.sandbox));
      const host = `${hosts.url}${v.name}.html`;
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const started = Date.now();
      await page.goto(host);
      const frame = await (await page.waitForSelector('iframe#poems')).contentFrame();
      // Started, or the card that says why not: either within the usual start-up time.
      await frame.waitForFunction(() => window.poemsFirstFrameAt !== undefined || document.body?.dataset.state === 'error',
                                  null, { timeout: 60000 });
      const state = await frame.evaluate(() => document.body.dataset.state);
      const text = await frame.textContent('#status-text');
      const label = `sandbox ${v.sandbox === null ? '(none)' : `"${v.sandbox}"`}${v.server ? ' without the CORS header' : ''}`;
      check(!/Loading/.test(text) || state === 'ready', `${label}: no "Loading…" left on screen after ${Date.now() - started} ms`);
      check(errors.length === 0, `${label}: no uncaught page error${errors.length ? ': ' + errors.join('; ') : ''}`);
      if (!v.runs) {
        check(state === 'error' && await frame.isVisible('#status-text'), `${label}: the "could not start" card shows`);
        check(/app\.wasm/.test(text) && /Access-Control-Allow-Origin: \*/.test(text) && /allow-same-origin/.test(text),
              `${label}: it names the cause and what the host can change ("${text.slice(0, 70)}...")`);
        await page.screenshot({ path: path.join(shotDir, `embed-sandbox-${viewport}-${v.name}.png`) });
        await page.close();
        continue;
      }
      check(state === 'ready', `${label}: the app starts${state === 'ready' ? '' : ': ' + text}`);
      await firstFrame(frame);
      await settled(frame);
      const storage = await frame.evaluate(() => Module.poemsStorage);
      let items = await namedItems(frame);
      if (v.kept) {
        // Storage is the browser's to give: this Chromium blocks third-party storage (like its
        // third-party cookies) in a frame of another site, other browsers partition it. Either
        // way the embed must say what is true.
        const notice = 'embed:notice:not-kept' in items;
        check(storage === 'idbfs' ? !notice : storage === 'error' && notice,
              `${label}: storage is ${storage === 'idbfs' ? 'IndexedDB, and no notice' : `refused by the browser (${storage}), and the "not kept" notice says so`}`);
      } else {
        check(storage === 'none', `${label}: the app runs without storage (${storage})`);
        check('embed:notice:not-kept' in items && 'embed:open-app' in items,
              `${label}: one line says answers are not kept here, with a link to the full app`);
        const notice = items['embed:notice:not-kept'], link = items['embed:open-app'];
        check(notice[3] - notice[1] < 80 && link[3] <= notice[3] + 60,
              `${label}: the notice is short (${notice[3] - notice[1]} px high, the link ends at ${link[3]} px)`);
      }
      if (v.name === 'scripts-only') {
        // The Criteria page works without storage: four answers give "meets the criteria".
        const f = asPage(page, frame);
        for (const key of ['polyneuropathy', 'monoclonal_plasma_cell_disorder', 'sclerotic_bone_lesions', 'organomegaly']) {
          await reveal(f, `criteria:${key}:0`, { pane: viewport === 'desktop' ? 'criteria:pane:questions' : undefined });
          await press(f, `criteria:${key}:0`, { touch: viewport === 'phone' });
        }
        items = await namedItems(frame);
        const verdict = Object.keys(items).filter((n) => n.startsWith('criteria:verdict:') && items[n][2] > items[n][0]);
        check(verdict.join() === 'criteria:verdict:meets_criteria', `${label}: the Criteria page works (${verdict})`);
        // Without allow-popups the link cannot open a tab: it shows the address instead. (The
        // notice stays above the page, which scrolls under it.)
        await press(f, 'embed:open-app', { touch: viewport === 'phone' });
        check('embed:open-app:address' in await namedItems(frame),
              `${label}: without allow-popups the link shows the full app's address instead of a tab`);
      }
      if (v.name === 'scripts-popups') {
        const [tab] = await Promise.all([context.waitForEvent('page'), press(asPage(page, frame), 'embed:open-app')]);
        await tab.waitForLoadState('domcontentloaded');
        check(/^http:\/\/localhost:\d+\/index\.html\?view=criteria$/.test(tab.url()), `${label}: the link opens the full app in a new tab (${tab.url()})`);
        await tab.close();
      }
      await page.screenshot({ path: path.join(shotDir, `embed-sandbox-${viewport}-${v.name}.png`) });
      await page.close();
    }
    await context.close();
  }
}
