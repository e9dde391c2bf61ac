// Browser smoke test: load the served page in headless Chromium at desktop and phone sizes, wait
// for the first frame, press a navigation button, check the page changed, save screenshots, and
// fail on any console error, failed request or request leaving the app's origin. It also checks
// that an idle page runs no code (the main loop sleeps) and that input and resizes wake it.
import { check, currentPage, distDir, firstFrame, framesDrawn, launch, namedItems, noProblems, openApp, press, report, serve, settled, shotDir, watch } from './lib.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const server = await serve();
const origin = server.url.replace(/\/$/, '');
await report(server, async () => {
  for (const [viewport, touch] of [['desktop', false], ['phone', true]]) {
    console.log(`# ${viewport}`);
    const context = await launch({ viewport });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    // Count what start-up sends: the font atlas is the one big texture, and the two big files
    // are preloaded by the page, which must not make the browser fetch them a second time.
    await page.addInitScript(() => {
      const upload = WebGL2RenderingContext.prototype.texImage2D;
      window.poemsBigTextureUploads = 0;
      WebGL2RenderingContext.prototype.texImage2D = function (...args) {
        if (args.length >= 9 && args[3] * args[4] >= 256 * 256) ++window.poemsBigTextureUploads;
        return upload.apply(this, args);
      };
    });
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
    await openApp(page, server.url);
    check(await currentPage(page) === 'criteria', 'the app opens on the Criteria page');
    const uploads = await page.evaluate(() => window.poemsBigTextureUploads);
    check(uploads === 1, `the font atlas went to the GPU once at start-up (${uploads} uploads)`);
    const count = (f) => fetched.filter((x) => x === f).length;
    check(count('app.wasm') === 1 && count('app.js') === 1,
          `app.wasm and app.js were each fetched once (${count('app.wasm')}, ${count('app.js')})`);
    const canvas = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cssW: c.clientWidth, dpr: devicePixelRatio };
    });
    check(canvas.cssW === page.viewportSize().width, `the canvas fills the viewport width (${canvas.cssW} px)`);
    check(canvas.w === Math.floor(canvas.cssW * canvas.dpr),
          `the canvas renders at devicePixelRatio ${canvas.dpr} (${canvas.w} device px)`);
    await settled(page);
    const ticks = () => page.evaluate(() => Module._poems_ticks());
    const idleFrom = [await framesDrawn(page), await ticks()];
    await page.waitForTimeout(1000);
    const idleTo = [await framesDrawn(page), await ticks()];
    check(idleTo[0] === idleFrom[0] && idleTo[1] === idleFrom[1],
          `idle for 1 s: no frame drawn and the main loop asleep (${idleTo[0] - idleFrom[0]} frames, ${idleTo[1] - idleFrom[1]} ticks)`);
    const size = page.viewportSize();
    await page.setViewportSize({ width: size.width - 40, height: size.height });
    await page.waitForFunction((n) => Module._poems_frames_drawn() > n, idleTo[0], { timeout: 5000 });
    await settled(page);
    await page.setViewportSize(size);
    await page.waitForFunction((w) => document.getElementById('canvas').clientWidth === w, size.width);
    await settled(page);
    check(await framesDrawn(page) > idleTo[0], 'a resize wakes the sleeping app and it draws again');
    const before = await page.screenshot();
    await page.screenshot({ path: path.join(shotDir, `smoke-${viewport}-criteria.png`) });
    await press(page, 'nav:checklist', { touch });
    check(await currentPage(page) === 'checklist', `${touch ? 'tapping' : 'clicking'} Checklist opens the Checklist page`);
    const after = await page.screenshot({ path: path.join(shotDir, `smoke-${viewport}-checklist.png`) });
    check(!before.equals(after), 'the screen changed after the click');
    // app.wasm holds what start-up runs; the rest (app.deferred.wasm, tools/split-wasm) comes after
    // the first frame, once, and runs the other pages.
    const deferred = await page.evaluate(() => ({
      askedAt: performance.getEntriesByType('resource').find((r) => r.name.endsWith('/app.deferred.wasm'))?.startTime,
      firstFrame: performance.getEntriesByName('poems:first-frame')[0].startTime,
      instantiated: performance.getEntriesByName('poems:deferred-instantiated').length }));
    check(deferred.askedAt > deferred.firstFrame && count('app.deferred.wasm') === 1,
          `app.deferred.wasm was asked for once, after the first frame (${deferred.askedAt?.toFixed(0)} ms, first frame ${deferred.firstFrame.toFixed(0)} ms)`);
    check(deferred.instantiated === 1, 'the Checklist page ran code of app.deferred.wasm');
    noProblems(problems);
    await context.close();
  }
  // A page reached before app.deferred.wasm has compiled (its compile held: app.wasm is compiled
  // with compileStreaming, app.deferred.wasm's bytes with compile) or before its bytes have come (the
  // first request for it held): the app compiles the bytes it has, or fetches them there and then
  // (boot.js fetchNow), and the page works.
  for (const held of ['compile', 'download']) {
    const context = await launch({ viewport: 'desktop' });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    if (held === 'compile') {
      await page.addInitScript(() => { WebAssembly.compile = () => new Promise(() => {}); });
    } else {
      let asked = 0;
      await page.route('**/app.deferred.wasm', (route) => (++asked === 1 ? undefined : route.continue()));
    }
    await openApp(page, server.url);
    await press(page, 'nav:checklist');
    check(await currentPage(page) === 'checklist' &&
          await page.evaluate(() => performance.getEntriesByName('poems:deferred-instantiated').length === 1),
          `with app.deferred.wasm's ${held} still going, Checklist opens: the app loaded it at once`);
    noProblems(problems);
    await context.close();
  }

  // app.deferred.wasm missing (a host that did not copy it; offline before the service worker had
  // it): the page says so in words when it is needed, not a blank or frozen canvas.
  {
    const lacking = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-no-deferred-'));
    fs.cpSync(distDir, lacking, { recursive: true });
    fs.rmSync(path.join(lacking, 'app.deferred.wasm'));
    const host = await serve(lacking);
    try {
      const context = await launch({ viewport: 'desktop' });
      const page = context.pages()[0] || await context.newPage();
      await openApp(page, host.url);
      const r = (await namedItems(page))['nav:checklist'];
      await page.mouse.click((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
      await page.waitForFunction(() => document.body.dataset.state === 'error', null, { timeout: 10000 });
      const message = await page.textContent('#status-text');
      check(/could not be loaded \(\S*app\.deferred\.wasm: HTTP 404\)/.test(message) && await page.isVisible('#status-text'),
            `without app.deferred.wasm the page explains: "${message.slice(0, 70)}..."`);
      await context.close();
    } finally {
      host.stop();
    }
    fs.rmSync(lacking, { recursive: true, force: true });
  }

  // A browser without WebGL 2 (turned off, or a blocked driver) gets words, not a blank page.
  const context = await launch({ viewport: 'phone' });
  const page = context.pages()[0] || await context.newPage();
  await page.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return /webgl/.test(type) ? null : getContext.call(this, type, ...rest);
    };
  });
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.state === 'error', null, { timeout: 30000 });
  const message = await page.textContent('#status-text');
  check(/WebGL 2/.test(message) && await page.isVisible('#status-text'), `without WebGL 2 the page explains: "${message.slice(0, 60)}..."`);
  await page.screenshot({ path: path.join(shotDir, 'smoke-phone-no-webgl2.png') });
  await context.close();

  // A slow start (app.wasm held back for 2 s) shows the "Loading…" card after half a second, not
  // a blank page, and the card goes once the app is drawn.
  {
    const context = await launch({ viewport: 'phone' });
    const page = context.pages()[0] || await context.newPage();
    await page.route('**/app.wasm', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    });
    await page.goto(server.url);
    await page.waitForTimeout(1000);
    const early = await page.evaluate(() => ({ frame: window.poemsFirstFrameAt !== undefined, text: document.getElementById('status-text').textContent }));
    check(!early.frame && /Loading/.test(early.text) && await page.isVisible('#status-text'),
          `1 s into a slow start, before the first frame, the page shows "${early.text}"`);
    await page.screenshot({ path: path.join(shotDir, 'smoke-phone-slow-start.png') });
    await firstFrame(page);
    await page.waitForTimeout(200);
    check(!await page.isVisible('#status'), 'once the app is drawn, the loading card is gone');
    await context.close();
  }
});
