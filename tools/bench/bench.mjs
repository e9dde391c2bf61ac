#!/usr/bin/env node
// Prints the app's size and speed beside the bare Dear ImGui demo's, in one run:
//   transfer size (raw and gzip) of everything the browser loads, and of what the first frame needs,
//   time to first frame and to the record being open in headless Chromium (median of 11 fresh
//   loads, the two pages in turn): a first visit (a fresh profile, no record), a returning visit
//   (one profile, kept, holding a ten-year record: 5,000 lab results, 2,000 diary entries) and a
//   first visit on a phone-class device (4x CPU slowdown, 1.6 Mbit/s, 150 ms round trip,
//   390x844 at 3x, files gzipped),
//   the main-thread cost of saving a change to that record (browser and native), each page
//   scrolled with that record (frames over 50 ms, mirror elements),
//   idle frames per second and CPU fraction over 5 s (all Chromium processes, one core = 100%),
//   native time to first frame and peak RSS under Xvfb.
// usage: node tools/bench/bench.mjs WASM_BUILD_DIR NATIVE_BUILD_DIR
//   POEMS_BENCH_RUNS=N sets the loads per page and case (default 11; the phone case takes a third);
//   POEMS_BENCH_ONLY=first-visit prints only the first visit's figures and start-up marks.
import { chromium } from '../../tests/browser/node_modules/playwright-core/index.mjs';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const wasmBuild = path.resolve(process.argv[2] || path.join(repo, 'build/wasm-release'));
const nativeBuild = path.resolve(process.argv[3] || path.join(repo, 'build/native-release'));
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

const subjects = [
  { name: 'POEMS Companion', dir: path.join(wasmBuild, 'dist'), page: 'index.html',
    // Everything the page and its service worker's offline copy fetch: all of dist/ but the demo host.
    files: null,
    native: path.join(nativeBuild, 'ui/poems-companion') },
  { name: 'bare ImGui demo', dir: path.join(wasmBuild, 'dist-baseline'), page: 'index.html',
    files: ['index.html', 'demo.js', 'demo.wasm'], native: path.join(nativeBuild, 'tools/bench/baseline/imgui-demo') },
];

const kb = (n) => (n / 1024).toFixed(0) + ' KB';
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// What the first frame needs (the rest, e.g. the icons and the service worker, comes later). The
// start-up script and stylesheet are inside index.html (tools/inline-startup); the font atlas is
// the desktop's (pixel ratio 1; a phone at 3 fetches none, one at 2 fonts-2x.atlas instead).
const firstFrameFiles = new Set(['index.html', 'record_preload.js', 'app.js', 'app.wasm', 'fonts-1x.atlas',
  'demo.js', 'demo.wasm']);

function sizes(s) {
  let raw = 0, gz = 0, firstGz = 0;
  const rows = [];
  const files = s.files || fs.readdirSync(s.dir).filter((f) => !f.startsWith('.') && !f.startsWith('demo-host')).sort();
  for (const f of files) {
    const p = path.join(s.dir, f);
    if (!fs.existsSync(p)) continue;
    const data = fs.readFileSync(p);
    const g = zlib.gzipSync(data, { level: 9 }).length;
    raw += data.length; gz += g;
    if (firstFrameFiles.has(f)) firstGz += g;
    rows.push(`${f} ${kb(data.length)} (${kb(g)} gzip)`);
  }
  return { raw, gz, firstGz, rows };
}

function serve(dir, gzip = false) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repo, 'tools/serve.mjs'), ...(gzip ? ['--gzip'] : []), dir, '0'],
                        { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (c) => { const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(c.toString()); if (m) resolve({ url: m[0], stop: () => child.kill() }); });
  });
}

// CPU time (user+system, seconds) of every process whose command line mentions `marker`.
function cpuSeconds(marker) {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / tick;
    } catch { /* the process ended */ }
  }
  return total;
}

// One fresh load of a subject's page in a new profile: its first-frame time and start-up marks;
// on the first load also its idle frame rate and CPU.
// A phone-class device, as Chromium's device emulation gives one.
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
async function emulatePhone(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions',
                 { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
}

// `kept`: a profile to use and keep (a returning visit) instead of a fresh one; `onPhone`: as a phone.
async function loadOnce(s, server, measureIdle, { kept = null, onPhone = false } = {}) {
  const profile = kept || fs.mkdtempSync(path.join(os.tmpdir(), 'poems-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs,
    ...(onPhone ? phone : { viewport: { width: 1280, height: 800 } }) });
  const page = context.pages()[0];
  if (onPhone) await emulatePhone(context, page);
  await page.goto(server.url + s.page);
  await page.waitForFunction(() => window.poemsFirstFrameAt !== undefined, null, { timeout: 60000 });
  const out = { firstFrame: await page.evaluate(() => window.poemsFirstFrameAt) };
  // The app shows before IndexedDB has given it the record (its "record-opened" mark); it
  // takes input from then on.
  if (s.name.startsWith('POEMS')) {
    await page.waitForFunction(() => window.poemsRecordOpenedAt !== undefined, null, { timeout: 60000 });
    out.recordOpened = await page.evaluate(() => window.poemsRecordOpenedAt);
    // A returning visit must really have had the record to open.
    if (kept) out.recordBytes = await page.evaluate(() => { try { return Module.FS.stat('/persistent/record.json').size; } catch { return 0; } });
  }
  // Where the start-up time went: the app's "poems:..." marks and when its files arrived.
  out.marks = await page.evaluate(() => {
    const at = {};
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('poems:')) at[m.name.slice(6)] = m.startTime;
    for (const r of performance.getEntriesByType('resource')) {
      const file = r.name.split('/').pop();
      if (/\.(js|wasm)$/.test(file)) at[file + ' received'] = r.responseEnd;
    }
    return at;
  });
  if (measureIdle) {
    await page.waitForTimeout(2000);  // let start-up settle
    const f0 = await page.evaluate(() => Module._poems_frames_drawn());
    const c0 = cpuSeconds(profile), t0 = Date.now();
    await page.waitForTimeout(5000);
    const f1 = await page.evaluate(() => Module._poems_frames_drawn());
    const seconds = (Date.now() - t0) / 1000;
    out.idleFps = (f1 - f0) / seconds;
    out.idleCpu = (cpuSeconds(profile) - c0) / seconds;
  }
  await context.close();
  if (!kept) fs.rmSync(profile, { recursive: true, force: true });
  return out;
}

// A profile that has been to the page before and holds `recordText` as its record: the first load
// writes it into the app's IndexedDB (as an import would) and lets the service worker settle.
async function returningProfile(s, server, recordText) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-bench-kept-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs, viewport: { width: 1280, height: 800 } });
  const page = context.pages()[0];
  await page.goto(server.url + s.page);
  await page.waitForFunction(() => window.poemsFirstFrameAt !== undefined, null, { timeout: 60000 });
  if (recordText !== null) {
    await page.waitForFunction(() => window.poemsRecordOpenedAt !== undefined, null, { timeout: 60000 });
    await page.evaluate((text) => new Promise((resolve, reject) => {
      Module.FS.writeFile('/persistent/record.json', text);
      Module.poemsLastPersist = undefined;
      Module.poemsPersist(true);
      const wait = () => Module.poemsLastPersist === 'ok' ? resolve() : Module.poemsLastPersist ? reject(new Error('persist failed')) : setTimeout(wait, 20);
      wait();
    }), recordText);
  }
  await page.waitForTimeout(3000);  // the service worker installs and caches the app's files
  await context.close();
  return profile;
}

// Fresh loads of every subject in turn (app, demo, app, demo, ...), so that the machine's
// changing load falls on both alike: on this 2-core machine a run of loads of one page can be
// 30% slower than the next run of the same page. Returns each subject's medians.
async function browserFigures(subjects, runs, { recordText = undefined, onPhone = false } = {}) {
  const servers = [];
  for (const s of subjects) servers.push(await serve(s.dir, onPhone));
  const returning = recordText !== undefined;
  const kept = [];
  if (returning)
    for (let i = 0; i < subjects.length; ++i)
      kept.push(await returningProfile(subjects[i], servers[i], subjects[i].name.startsWith('POEMS') ? recordText : null));
  const loads = subjects.map(() => []);
  for (let run = 0; run < runs; ++run)
    for (let i = 0; i < subjects.length; ++i)
      loads[i].push(await loadOnce(subjects[i], servers[i], run === 0 && !returning && !onPhone, { kept: kept[i] || null, onPhone }));
  for (const server of servers) server.stop();
  for (const p of kept) fs.rmSync(p, { recursive: true, force: true });
  return loads.map((l) => {
    const marks = l.map((x) => x.marks);
    const phases = Object.keys(marks[0]).map((k) => [k, median(marks.map((m) => m[k] ?? NaN))]).sort((a, b) => a[1] - b[1]);
    const recordOpened = phases.find(([k]) => k === 'record-opened');
    const opened = l.filter((x) => x.recordOpened !== undefined);
    return { firstFrame: median(l.map((x) => x.firstFrame)), firstFrames: l.map((x) => x.firstFrame),
             recordOpened: recordOpened ? recordOpened[1] : null, idleFps: l[0].idleFps, idleCpu: l[0].idleCpu, phases,
             // per load, then the median: the record open this long after that load's first frame
             openAfterFrame: opened.length ? median(opened.map((x) => x.recordOpened - x.firstFrame)) : null,
             recordOpenedEach: opened.map((x) => x.recordOpened), recordBytes: l.map((x) => x.recordBytes) };
  });
}

// Each page opened with the ten-year record and scrolled by the mouse wheel (10 steps of 300 px,
// 100 ms apart): the frames drawn, those over 50 ms (Chromium's long animation frames, which a
// person feels as a stall) and the slowest, and how many elements the accessibility mirror holds.
const scrollViews = ['criteria', 'checklist', 'monitoring', 'labs', 'diary', 'centers', 'guide', 'settings'];
async function scrollFigures(s, recordText) {
  const server = await serve(s.dir);
  const profile = await returningProfile(s, server, recordText);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs, viewport: { width: 1280, height: 800 } });
  const page = context.pages()[0];
  const out = [];
  for (const view of scrollViews) {
    await page.goto(`${server.url}${s.page}?view=${view}`);
    await page.waitForFunction(() => window.poemsRecordOpenedAt !== undefined, null, { timeout: 60000 });
    await page.waitForTimeout(1500);  // app.deferred.wasm and the frames after the first
    await page.evaluate(() => {
      window.poemsLongFrames = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.poemsLongFrames.push(e.duration); })
        .observe({ type: 'long-animation-frame' });
    });
    const f0 = await page.evaluate(() => Module._poems_frames_drawn());
    await page.mouse.move(640, 500);
    for (let i = 0; i < 10; ++i) { await page.mouse.wheel(0, 300); await page.waitForTimeout(100); }
    await page.waitForTimeout(500);
    const [frames, long, mirror] = await page.evaluate((f) => [Module._poems_frames_drawn() - f, window.poemsLongFrames,
      document.querySelectorAll('#poems-a11y *').length], f0);
    out.push({ view, frames, long: long.length, slowest: long.length ? Math.max(...long) : 0, mirror });
  }
  await context.close();
  server.stop();
  fs.rmSync(profile, { recursive: true, force: true });
  return out;
}

function nativeFigures(s) {
  if (!fs.existsSync(s.native)) return null;
  const display = ':' + (150 + Math.floor(Math.random() * 50));
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  execFileSync('sleep', ['1']);
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-bench-data-'));
  // Time to first frame: from spawn to the "first frame" line; peak RSS of a 3-frame run.
  const ttff = [], rss = [];
  for (let run = 0; run < 3; ++run) {
    const r = spawnSyncTimed(s, display, data);
    ttff.push(r.ms);
    rss.push(r.rss);
  }
  xvfb.kill();
  fs.rmSync(data, { recursive: true, force: true });
  return { firstFrame: median(ttff), rssKb: median(rss) };
}

function spawnSyncTimed(s, display, data) {
  // A small shell measures the first-frame moment with date and peak RSS with /usr/bin/time.
  const script = `start=$(date +%s%N); /usr/bin/time -f "RSS %M" "$0" --exit-after-frames 3 ${s.name.startsWith('POEMS') ? '--data-dir "$1"' : ''} 2>&1 | while IFS= read -r line; do case "$line" in *"first frame"*) echo "FIRST $(( ($(date +%s%N) - start) / 1000000 ))";; RSS*) echo "$line";; esac; done`;
  const out = execFileSync('bash', ['-c', script, s.native, data], { env: { ...process.env, DISPLAY: display }, encoding: 'utf8' });
  return { ms: Number(/FIRST (\d+)/.exec(out)?.[1] ?? NaN), rss: Number(/RSS (\d+)/.exec(out)?.[1] ?? NaN) };
}

for (const s of subjects)
  if (!fs.existsSync(path.join(s.dir, s.page))) { console.error(`missing ${s.dir}: build the wasm-release preset first`); process.exit(2); }
// each page; the median of 7 still moved by 0.2x between runs on this machine
const browserRuns = Number(process.env.POEMS_BENCH_RUNS || 11);
const browser = await browserFigures(subjects, browserRuns);
// POEMS_BENCH_ONLY=first-visit: only the first-visit loads and their start-up marks (a minute or
// two instead of seven, to try a change to start-up).
if (process.env.POEMS_BENCH_ONLY === 'first-visit') {
  for (const [i, s] of subjects.entries()) {
    console.log(`${s.name}: first frame ${browser[i].firstFrames.map((t) => t.toFixed(0)).join(' ')} (median ${browser[i].firstFrame.toFixed(0)} ms)`);
    if (browser[i].phases.length > 1) console.log('  ' + browser[i].phases.map(([k, t]) => `${k} ${t.toFixed(0)}`).join(', '));
  }
  console.log(`first frame ${(browser[0].firstFrame / browser[1].firstFrame).toFixed(2)} x the demo's (<= 1.2)`);
  process.exit(0);
}
// The returning visit: the ten-year record of tools/bench/record_bench.cpp, written by bench_record.
const benchRecord = path.join(nativeBuild, 'tools/bench/bench_record');
// POEMS_BENCH_RECORD_FILE: that record from elsewhere (to bench an older build, whose bench_record cannot write it).
let recordText = process.env.POEMS_BENCH_RECORD_FILE ? fs.readFileSync(process.env.POEMS_BENCH_RECORD_FILE, 'utf8') : null;
if (!recordText && fs.existsSync(benchRecord)) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'poems-bench-record-')), 'record.json');
  execFileSync(benchRecord, ['--write-record', file]);
  recordText = fs.readFileSync(file, 'utf8');
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
const returning = recordText ? await browserFigures(subjects, browserRuns, { recordText }) : null;
const scrolling = recordText ? await scrollFigures(subjects[0], recordText) : null;
const phoneRuns = Math.max(3, Math.round(browserRuns / 3));
const onPhone = await browserFigures(subjects, phoneRuns, { onPhone: true });
const results = subjects.map((s, i) => ({ s, size: sizes(s), browser: browser[i], returning: returning && returning[i],
                                          phone: onPhone[i], native: nativeFigures(s) }));

console.log(`\nPOEMS Companion bench (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, headless Chromium + SwiftShader, Xvfb)\n`);
const pad = (x, n = 22) => String(x).padEnd(n);
console.log(pad('') + results.map((r) => pad(r.s.name, 26)).join(''));
const row = (label, f) => console.log(pad(label) + results.map((r) => pad(f(r), 26)).join(''));
row('transfer (raw)', (r) => kb(r.size.raw));
row('transfer (gzip)', (r) => kb(r.size.gz));
row('first frame needs', (r) => kb(r.size.firstGz) + ' gzip');
const ms = (x) => x === null || x === undefined ? '-' : x.toFixed(0) + ' ms';
// The record opened this long after the first frame; at or before it, the first frame showed it.
const after = (x) => x === null || x === undefined ? '' : x <= 0 ? ' (in 1st frame)' : ` (+${x.toFixed(0)})`;
const afterFrame = (x) => x === null || x === undefined ? '?' : x <= 0 ? 'with the first frame' : `+${x.toFixed(0)} ms`;
row(`first frame, browser`, (r) => ms(r.browser.firstFrame));
row('record open (+after)', (r) => r.browser.recordOpened === null ? '-' : ms(r.browser.recordOpened) + after(r.browser.openAfterFrame));
if (returning) {
  row('returning: frame', (r) => ms(r.returning.firstFrame));
  row('returning: record', (r) => r.returning.recordOpened === null ? '-' : ms(r.returning.recordOpened) + after(r.returning.openAfterFrame));
}
row('phone: first frame', (r) => ms(r.phone.firstFrame));
row('phone: record open', (r) => r.phone.recordOpened === null ? '-' : ms(r.phone.recordOpened) + after(r.phone.openAfterFrame));
row('idle frames/s', (r) => r.browser.idleFps.toFixed(2));
row('idle CPU (1 core=100%)', (r) => (100 * r.browser.idleCpu).toFixed(1) + ' %');
row('first frame, native', (r) => r.native ? r.native.firstFrame.toFixed(0) + ' ms' : 'not built');
row('peak RSS, native', (r) => r.native ? (r.native.rssKb / 1024).toFixed(1) + ' MB' : 'not built');
console.log('');
for (const r of results) console.log(`${r.s.name}: ${r.size.rows.join(', ')}`);
// "a change (journal line, N bytes): X ms median" in bench_record's output
// (a build without the journal saved the whole record for every change: its save_record figure)
const changeMs = (text) => {
  const m = /a change \(journal line[^)]*\): ([\d.]+) ms median/.exec(text) || /save_record: ([\d.]+) ms median/.exec(text);
  return m ? Number(m[1]) : null;
};
let browserChange = null, nativeChange = null;
// Saving and loading a ten-year record in the browser (tools/bench/record_web), if it was built.
const recordBench = path.join(wasmBuild, 'bench-record');
if (fs.existsSync(path.join(recordBench, 'index.html'))) {
  const server = await serve(recordBench);
  const context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'poems-bench-')), {
    executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
  const page = context.pages()[0];
  const lines = [];
  const done = new Promise((resolve) => page.on('console', (m) => {
    if (m.text().startsWith('bench-record:')) resolve(m.text()); else lines.push(m.text());
  }));
  await page.goto(server.url + 'index.html');
  const end = await Promise.race([done, new Promise((r) => setTimeout(() => r('bench-record: timed out'), 120000))]);
  console.log(`\nrecord save/load in the browser (Chromium, Emscripten MEMFS; ${end}):`);
  for (const l of lines) console.log('  ' + l);
  browserChange = changeMs(lines.join('\n'));
  await context.close();
  server.stop();
}
// The same natively.
if (fs.existsSync(benchRecord)) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-bench-native-'));
  const text = execFileSync(benchRecord, [scratch, '5'], { encoding: 'utf8' });
  fs.rmSync(scratch, { recursive: true, force: true });
  console.log('\nrecord save/load, native (bench_record):');
  for (const l of text.trim().split('\n')) console.log('  ' + l);
  nativeChange = changeMs(text);
}
if (returning) {
  const app = results[0].returning;
  console.log(`\nreturning visit: record.json of ${app.recordBytes.map((b) => kb(b || 0)).join(', ')} in each load; ` +
              `record open (ms): ${app.recordOpenedEach.map((t) => t.toFixed(0)).join(' ')}`);
}
if (scrolling) {
  console.log('\nscrolling each page with the ten-year record (frames drawn; over 50 ms; the slowest; mirror elements):');
  for (const v of scrolling)
    console.log(`  ${v.view.padEnd(11)} ${String(v.frames).padStart(3)} frames, ${v.long} over 50 ms${v.long ? ` (slowest ${v.slowest.toFixed(0)} ms)` : ''}, ${v.mirror} elements`);
}
console.log(`\nfirst frame, browser, each of the ${browserRuns} loads (ms; loads alternate between the two):`);
for (const r of results) console.log(`  ${r.s.name}: ${r.browser.firstFrames.map((t) => t.toFixed(0)).join(' ')}`);
for (const r of results) {
  if (r.browser.phases.length < 2) continue;
  console.log(`\n${r.s.name}, start-up in the browser (median ms since navigation):`);
  console.log('  ' + r.browser.phases.map(([k, t]) => `${k} ${t.toFixed(0)}`).join(', '));
}
const [app, base] = results;
const fixed = (x, d = 0) => x === null || x === undefined ? '?' : x.toFixed(d);
console.log('\nbudget (issue 21; medians):');
console.log(`  record open after the first frame: first visit ${afterFrame(app.browser.openAfterFrame)}, returning visit with a ten-year record ${afterFrame(app.returning && app.returning.openAfterFrame)} (<= +100 ms)`);
console.log(`  first frame ${(app.browser.firstFrame / base.browser.firstFrame).toFixed(2)} x the demo's (<= 1.2)`);
console.log(`  a change to a ten-year record: ${fixed(browserChange, 2)} ms browser, ${fixed(nativeChange, 2)} ms native (<= 8)`);
console.log(`  phone, first visit: record usable at ${(app.phone.recordOpened / base.phone.firstFrame).toFixed(2)} x the demo's first frame (<= 1.3)`);
console.log(`  first frame needs ${kb(app.size.firstGz)} gzip (<= 500 KB; the demo's ${kb(base.size.firstGz)}), all files ${kb(app.size.gz)} gzip` +
            ` (after the first frame: ${app.size.rows.filter((r) => r.startsWith('app.deferred.wasm')).join('') || 'nothing'})`);
console.log(`  idle ${app.browser.idleFps.toFixed(2)} frames/s (<= 1)`);
if (scrolling)
  console.log(`  scrolling with a ten-year record: ${scrolling.reduce((n, v) => n + v.long, 0)} frames over 50 ms of ` +
              `${scrolling.reduce((n, v) => n + v.frames, 0)}, on ${scrolling.filter((v) => v.long).map((v) => v.view).join(', ') || 'no page'}`);
process.exit(0);  // a server or Xvfb child left behind must not keep the bench from ending
