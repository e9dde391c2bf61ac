// Shared helpers for the browser tests: Debian's Chromium driven by playwright-core, the built
// dist/ served on 127.0.0.1, and ways to click the app's canvas by widget name.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const distDir = process.env.POEMS_DIST || path.join(repo, 'build/wasm-release/dist');
export const shotDir = process.env.POEMS_SHOTS || path.join(repo, 'build/screenshots');
fs.mkdirSync(shotDir, { recursive: true });

// Flags checked with Debian bookworm's Chromium: no sandbox as root, software WebGL,
// and no background networking (this machine's closed network refuses it anyway).
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

export const viewports = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  small_phone: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};

// Serves a folder with tools/serve.mjs on a free port (or on `port`, to come back to the same
// origin after stopping); resolves to { url, stop }. `cors: false` leaves out the
// Access-Control-Allow-Origin header, as a host that does not send it would.
export function serve(dir = distDir, port = 0, { cors = true } = {}) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir} has no index.html: build the wasm preset first`);
  return new Promise((resolve, reject) => {
    const args = [path.join(repo, 'tools/serve.mjs'), ...(cors ? [] : ['--no-cors']), dir, String(port)];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk) => {
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(chunk.toString());
      if (m) resolve({ url: m[0], stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

export async function launch(options = {}) {
  const userDataDir = options.userDataDir || fs.mkdtempSync(path.join(os.tmpdir(), 'poems-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs,
    ...viewports[options.viewport || 'desktop'], ...(options.context || {}),
  });
}

// Watches a page for console errors, page errors and failed or foreign requests.
export function watch(page, origin) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('request', (r) => {
    if (origin && !r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
      problems.push(`request left the app's origin: ${r.url()}`);
  });
  return problems;
}

export async function openApp(page, url, { timeout = 60000 } = {}) {
  await page.goto(url);
  await firstFrame(page, { timeout });
}

export const framesDrawn = (page) => page.evaluate(() => Module._poems_frames_drawn());
export const currentPage = (page) => page.evaluate(() => UTF8ToString(Module._poems_current_page()));
export const namedItems = (page) => page.evaluate(() => JSON.parse(UTF8ToString(Module._poems_named_items())));

// Clicks (or taps, on touch viewports) the centre of a named widget, then waits for the app to
// draw the result. With `scroll`, first scrolls the widget into view, as a person would.
export async function press(page, name, { touch = false, scroll = false } = {}) {
  if (scroll) await reveal(page, name);
  let items = await namedItems(page);
  // On a phone some pages are under "More" in the bottom row: open it first, as a person would.
  if (!items[name] && name.startsWith('nav:') && items['nav:more']) {
    await press(page, 'nav:more', { touch });
    items = await namedItems(page);
  }
  const r = items[name];
  if (!r) throw new Error(`no widget named "${name}" on screen; named: ${Object.keys(items).join(', ')}`);
  const x = (r[0] + r[2]) / 2, y = (r[1] + r[3]) / 2;
  const before = await framesDrawn(page);
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
  await page.waitForFunction((n) => Module._poems_frames_drawn() > n, before, { timeout: 10000 });
  await settled(page);
}

// Taps (or clicks) a text field, scrolled into view first, selects what it holds and types `text`
// key by key, as a person does; then waits for the app to draw the result.
export async function typeInto(page, name, text, touch = false) {
  await press(page, name, { touch, scroll: true });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await settled(page);
}

// The record as the person gets it: Settings' Export button, and the downloaded file read back.
export async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, 'data:export')]);
  return JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
}

// Waits until the app has stopped drawing (it draws only while input is being handled).
export async function settled(page, quietMs = 250) {
  let last = -1, now = await framesDrawn(page);
  while (now !== last) {
    last = now;
    await page.waitForTimeout(quietMs);
    now = await framesDrawn(page);
  }
}

// The part of the screen where a page's content shows: a named pane's rectangle, or by default
// the window between the header (and a reminder card under it, which appears after a change)
// and the phone's bottom navigation.
function visibleArea(page, items, pane) {
  if (pane) {
    if (!items[pane]) throw new Error(`no pane named "${pane}"`);
    const p = items[pane];
    return [p[0], p[1] + 4, p[2], p[3] - 4];
  }
  const { width, height } = page.viewportSize();
  const navTops = Object.entries(items).filter(([n, b]) => n.startsWith('nav:') && b[1] > height / 2).map(([, b]) => b[1]);
  const top = Math.max(...['status:save', 'reminders'].map((n) => (items[n] ? items[n][3] + 8 : 0)));
  const bottom = (navTops.length ? Math.min(...navTops) : height) - 8;
  return [0, top, width, bottom];
}

// Scrolls with the mouse wheel over the content until a named widget is fully in view (or, when
// it is taller than the view, until its top is). How far one wheel notch scrolls differs between
// runners, so the first notch measures it and later ones aim the widget a third of the way down.
export async function reveal(page, name, { pane } = {}) {
  let pxPerDelta = 0;
  for (let i = 0; i < 40; i++) {
    const items = await namedItems(page);
    const r = items[name];
    if (!r) throw new Error(`no widget named "${name}"`);
    const [left, top, right, bottom] = visibleArea(page, items, pane);
    if (r[1] >= top && (r[3] <= bottom || r[3] - r[1] > bottom - top && r[1] <= top + (bottom - top) / 2)) return;
    let distance = r[1] - (top + (bottom - top) / 3);
    // A widget that fits but whose bottom is cut off near the aim: scroll at least to show it all.
    if (r[3] - r[1] <= bottom - top && r[3] > bottom) distance = Math.max(distance, r[3] - bottom + 8);
    const delta = pxPerDelta > 0 ? Math.sign(distance) * Math.max(1, Math.round(Math.abs(distance) / pxPerDelta))
                                 : Math.sign(distance) * 100;
    await page.mouse.move((left + right) / 2, (top + bottom) / 2);
    const before = await framesDrawn(page);
    await page.mouse.wheel(0, delta);
    await page.waitForFunction((n) => Module._poems_frames_drawn() > n, before, { timeout: 5000 }).catch(() => {});
    await settled(page, 80);
    const now = (await namedItems(page))[name];
    const moved = now ? r[1] - now[1] : 0;
    if (moved !== 0 && pxPerDelta === 0) pxPerDelta = Math.abs(moved / delta);
  }
  throw new Error(`could not scroll "${name}" into view`);
}

// Waits for the app's first frame after a navigation that openApp did not start (reload, a link),
// then for the saved record: the pages show before it is read, but take input only after.
export async function firstFrame(pageOrFrame, { timeout = 60000 } = {}) {
  await pageOrFrame.waitForFunction(() => window.poemsFirstFrameAt !== undefined || document.body?.dataset.state === 'error',
                                    null, { timeout });
  const state = await pageOrFrame.evaluate(() => document.body.dataset.state);
  if (state !== 'ready') throw new Error(`the app did not start: ${await pageOrFrame.textContent('#status-text')}`);
  await pageOrFrame.waitForFunction(() => window.poemsRecordOpenedAt !== undefined &&
                                          Module._poems_frames_drawn() > window.poemsRecordOpenedAfterFrame, null, { timeout });
}

// The mean brightness (0 black .. 1 white) of a PNG screenshot, decoded by the browser itself in a
// blank page of `context`.
export async function brightness(context, png) {
  const blank = await context.newPage();
  try {
    return await blank.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = canvas.getContext('2d');
      g.drawImage(bitmap, 0, 0);
      const d = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let sum = 0;
      for (let i = 0; i < d.length; i += 4) sum += 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
      return sum / (d.length / 4) / 255;
    }, png.toString('base64'));
  } finally {
    await blank.close();
  }
}

export function check(condition, message) {
  if (!condition) throw Object.assign(new Error(message), { isCheck: true });
  console.log(`  ok - ${message}`);
}

// The check every test ends a page with: what watch() collected must be empty.
export function noProblems(problems, what = 'console errors or failed requests') {
  check(problems.length === 0, `no ${what}${problems.length ? ': ' + problems.join('; ') : ''}`);
}

// Runs a test's body, then runs `cleanup` and stops its server, and exits with the outcome:
// anything thrown prints "not ok - ..." (a failed check() its message, anything else its stack)
// and makes the status 1.
export async function report(server, body, cleanup = async () => {}) {
  let failed = false;
  try {
    await body();
  } catch (e) {
    console.error(`not ok - ${e.isCheck ? e.message : e.stack || e.message}`);
    failed = true;
  } finally {
    await cleanup();  // first: closing a browser can need the server a little longer
    server.stop();
  }
  process.exit(failed ? 1 : 0);
}
