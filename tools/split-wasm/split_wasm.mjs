#!/usr/bin/env node
// Splits app.wasm in two (Binaryen's wasm-split): app.wasm keeps the functions the app runs while
// it starts, app.deferred.wasm has the rest (other pages, documents, imports...), which the page
// fetches after its first frame (web/boot.js). A first visit then downloads and compiles about
// half the code before it can draw (issue 21: 628 KB gzip -> about 370 KB).
//
// Which functions run while the app starts is measured, not guessed: the app is linked with
// -sSPLIT_MODULE (app.wasm instrumented, app.wasm.orig as linked), and this script runs the
// instrumented one in headless Chromium through the start-ups a person meets (a first visit and
// a returning visit with a record that has an entry in every list, at desktop and phone size, and
// the embed), asks it for its profile, and splits app.wasm.orig with the merged profiles.
// A function the profile missed still works: its first call loads app.deferred.wasm (boot.js).
//
// usage: node split_wasm.mjs BUILD_WASM_DIR WEB_DIR RECORD_JSON OUT_DIR [FILE...]
//   BUILD_WASM_DIR holds app.js, app.wasm (instrumented) and app.wasm.orig; OUT_DIR gets app.wasm
//   and app.deferred.wasm. FILEs are served beside them, as dist/ has them (the font atlases: a
//   desktop start takes one, a phone's builds its own, and both ways must be in app.wasm).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [wasmDir, webDir, recordFile, outDir, ...extraFiles] = process.argv.slice(2).map((p) => path.resolve(p));
if (!outDir) {
  console.error('usage: node split_wasm.mjs BUILD_WASM_DIR WEB_DIR RECORD_JSON OUT_DIR [FILE...]');
  process.exit(2);
}
const fail = (why) => {
  console.error(`split_wasm: ${why}`);
  process.exit(1);
};
let chromium;
try {
  ({ chromium } = await import(path.join(repo, 'tests/browser/node_modules/playwright-core/index.mjs')));
} catch (err) {
  fail(`playwright-core is not installed (tools/setup.sh installs it): ${err.message}`);
}
if (!fs.existsSync('/usr/bin/chromium')) fail('/usr/bin/chromium is missing (Debian package chromium; tools/setup.sh)');

// A page to profile: the web shell with the instrumented build.
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-split-'));
for (const f of fs.readdirSync(webDir)) if (f !== 'sw.js') fs.copyFileSync(path.join(webDir, f), path.join(site, f));
fs.copyFileSync(path.join(wasmDir, 'app.js'), path.join(site, 'app.js'));
fs.copyFileSync(path.join(wasmDir, 'app.wasm'), path.join(site, 'app.wasm'));
for (const f of extraFiles) fs.copyFileSync(f, path.join(site, path.basename(f)));

const server = spawn(process.execPath, [path.join(repo, 'tools/serve.mjs'), site, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => server.stdout.on('data', (d) => {
  const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(d.toString());
  if (m) resolve(m[0]);
}));

// The profile lives in the module's memory: __write_profile(ptr, size) writes it there.
const profileOf = (page) => page.evaluate(() => {
  const exports = Module.asm;
  const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
  const size = 1 << 20;
  const at = Module._malloc(size);
  const length = exports.__write_profile(at, size);
  return Array.from(new Uint8Array(memory.buffer, at, length));
});
// Started, record opened, and a moment for the frames after the first (the description, layout).
// The hooks the browser tests and the bench read as soon as a page has started are called too, so
// that reading them does not load app.deferred.wasm at a moment a person's visit would not.
const settle = async (page) => {
  await page.waitForFunction(() => window.poemsRecordOpenedAt !== undefined || document.body.dataset.state === 'error',
                             null, { timeout: 60000 });
  if (await page.evaluate(() => document.body.dataset.state === 'error')) fail(`the app did not start: ${await page.textContent('#status-text')}`);
  await page.waitForTimeout(1500);
  await page.evaluate(() => [Module._poems_frames_drawn(), Module._poems_ticks(), UTF8ToString(Module._poems_named_items()),
                             UTF8ToString(Module._poems_current_page())]);
};
const record = fs.readFileSync(recordFile, 'utf8');
const profiles = [];
const devices = [{ viewport: { width: 1280, height: 800 } },
                 { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true }];
try {
  for (const device of devices) {
    const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-split-profile-'));
    const context = await chromium.launchPersistentContext(userDir, {
      executablePath: '/usr/bin/chromium', headless: true, ...device,
      args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
    const page = context.pages()[0];
    await page.goto(url + 'index.html');  // a first visit
    await settle(page);
    profiles.push(await profileOf(page));
    await page.evaluate((text) => new Promise((resolve, reject) => {
      Module.FS.writeFile('/persistent/record.json', text);
      Module.poemsLastPersist = undefined;
      Module.poemsPersist(true);
      const wait = () => (Module.poemsLastPersist === 'ok' ? resolve() : Module.poemsLastPersist ? reject(new Error('persist failed')) : setTimeout(wait, 20));
      wait();
    }), record);
    for (const shell of ['index.html', 'embed.html']) {  // returning, with a record; the embed
      await page.goto(url + shell);
      await settle(page);
      profiles.push(await profileOf(page));
    }
    await context.close();
    fs.rmSync(userDir, { recursive: true, force: true });
  }
} finally {
  server.kill();
}

// Merge, split, report.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-split-out-'));
const files = profiles.map((bytes, i) => {
  const f = path.join(scratch, `profile.${i}`);
  fs.writeFileSync(f, Buffer.from(bytes));
  return f;
});
const merged = path.join(scratch, 'profile');
execFileSync('wasm-split', ['--merge-profiles', ...files, '-o', merged]);
fs.mkdirSync(outDir, { recursive: true });
// The features app.wasm uses (wasm-split needs them named): C++ exceptions, bulk memory (-mbulk-memory),
// and what Emscripten's default target has.
execFileSync('wasm-split', [path.join(wasmDir, 'app.wasm.orig'), `--profile=${merged}`,
  '-o1', path.join(outDir, 'app.wasm'), '-o2', path.join(outDir, 'app.deferred.wasm'),
  '--enable-exception-handling', '--enable-bulk-memory', '--enable-mutable-globals', '--enable-sign-ext']);
const kb = (f) => {
  const data = fs.readFileSync(path.join(outDir, f));
  return `${(data.length / 1024).toFixed(0)} KB (${(zlib.gzipSync(data, { level: 9 }).length / 1024).toFixed(0)} KB gzip)`;
};
console.log(`split_wasm: ${profiles.length} start-ups profiled; app.wasm ${kb('app.wasm')}, app.deferred.wasm ${kb('app.deferred.wasm')}`);
fs.rmSync(site, { recursive: true, force: true });
fs.rmSync(scratch, { recursive: true, force: true });
