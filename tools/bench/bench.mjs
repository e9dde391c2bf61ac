#!/usr/bin/env node
// Prints the app's size and speed beside the bare Dear ImGui demo's, in one run:
//   transfer size (raw and gzip) of everything the browser loads,
//   time to first frame in headless Chromium (median of 11 fresh loads, the two pages in turn),
//   idle frames per second and CPU fraction over 5 s (all Chromium processes, one core = 100%),
//   native time to first frame and peak RSS under Xvfb.
// usage: node tools/bench/bench.mjs WASM_BUILD_DIR NATIVE_BUILD_DIR
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

function sizes(s) {
  let raw = 0, gz = 0;
  const rows = [];
  const files = s.files || fs.readdirSync(s.dir).filter((f) => !f.startsWith('.') && !f.startsWith('demo-host')).sort();
  for (const f of files) {
    const p = path.join(s.dir, f);
    if (!fs.existsSync(p)) continue;
    const data = fs.readFileSync(p);
    const g = zlib.gzipSync(data, { level: 9 }).length;
    raw += data.length; gz += g;
    rows.push(`${f} ${kb(data.length)} (${kb(g)} gzip)`);
  }
  return { raw, gz, rows };
}

function serve(dir) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repo, 'tools/serve.mjs'), dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
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
async function loadOnce(s, server, measureIdle) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs, viewport: { width: 1280, height: 800 } });
  const page = context.pages()[0];
  await page.goto(server.url + s.page);
  await page.waitForFunction(() => window.poemsFirstFrameAt !== undefined, null, { timeout: 60000 });
  const out = { firstFrame: await page.evaluate(() => window.poemsFirstFrameAt) };
  // The app shows before IndexedDB has given it the record (its "record-opened" mark); it
  // takes input from then on.
  if (s.name.startsWith('POEMS'))
    await page.waitForFunction(() => window.poemsRecordOpenedAt !== undefined, null, { timeout: 60000 });
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
  fs.rmSync(profile, { recursive: true, force: true });
  return out;
}

// Fresh loads of every subject in turn (app, demo, app, demo, ...), so that the machine's
// changing load falls on both alike: on this 2-core machine a run of loads of one page can be
// 30% slower than the next run of the same page. Returns each subject's medians.
async function browserFigures(subjects, runs) {
  const servers = [];
  for (const s of subjects) servers.push(await serve(s.dir));
  const loads = subjects.map(() => []);
  for (let run = 0; run < runs; ++run)
    for (let i = 0; i < subjects.length; ++i) loads[i].push(await loadOnce(subjects[i], servers[i], run === 0));
  for (const server of servers) server.stop();
  return loads.map((l) => {
    const marks = l.map((x) => x.marks);
    const phases = Object.keys(marks[0]).map((k) => [k, median(marks.map((m) => m[k] ?? NaN))]).sort((a, b) => a[1] - b[1]);
    const recordOpened = phases.find(([k]) => k === 'record-opened');
    return { firstFrame: median(l.map((x) => x.firstFrame)), firstFrames: l.map((x) => x.firstFrame),
             recordOpened: recordOpened ? recordOpened[1] : null, idleFps: l[0].idleFps, idleCpu: l[0].idleCpu, phases };
  });
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
const browserRuns = 11;  // each page; the median of 7 still moved by 0.2x between runs on this machine
const browser = await browserFigures(subjects, browserRuns);
const results = subjects.map((s, i) => ({ s, size: sizes(s), browser: browser[i], native: nativeFigures(s) }));

console.log(`\nPOEMS Companion bench (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, headless Chromium + SwiftShader, Xvfb)\n`);
const pad = (x, n = 22) => String(x).padEnd(n);
console.log(pad('') + results.map((r) => pad(r.s.name, 26)).join(''));
const row = (label, f) => console.log(pad(label) + results.map((r) => pad(f(r), 26)).join(''));
row('transfer (raw)', (r) => kb(r.size.raw));
row('transfer (gzip)', (r) => kb(r.size.gz));
row(`first frame, browser`, (r) => r.browser.firstFrame.toFixed(0) + ' ms');
row('record read, browser', (r) => r.browser.recordOpened === null ? '-' : r.browser.recordOpened.toFixed(0) + ' ms');
row('idle frames/s', (r) => r.browser.idleFps.toFixed(2));
row('idle CPU (1 core=100%)', (r) => (100 * r.browser.idleCpu).toFixed(1) + ' %');
row('first frame, native', (r) => r.native ? r.native.firstFrame.toFixed(0) + ' ms' : 'not built');
row('peak RSS, native', (r) => r.native ? (r.native.rssKb / 1024).toFixed(1) + ' MB' : 'not built');
console.log('');
for (const r of results) console.log(`${r.s.name}: ${r.size.rows.join(', ')}`);
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
  await context.close();
  server.stop();
}
console.log(`\nfirst frame, browser, each of the ${browserRuns} loads (ms; loads alternate between the two):`);
for (const r of results) console.log(`  ${r.s.name}: ${r.browser.firstFrames.map((t) => t.toFixed(0)).join(' ')}`);
for (const r of results) {
  if (r.browser.phases.length < 2) continue;
  console.log(`\n${r.s.name}, start-up in the browser (median ms since navigation):`);
  console.log('  ' + r.browser.phases.map(([k, t]) => `${k} ${t.toFixed(0)}`).join(', '));
}
const [app, base] = results;
console.log(`\nbudget: app transfer ${kb(app.size.gz)} gzip (<= 1024 KB), first frame ${(app.browser.firstFrame / base.browser.firstFrame).toFixed(2)} x the demo's (<= 1.5), idle ${app.browser.idleFps.toFixed(2)} frames/s (<= 1)`);
