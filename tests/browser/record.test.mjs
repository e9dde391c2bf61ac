// The person's record in the browser: data entered (here through Import, with the real file
// picker) survives a reload and closing and reopening the browser with the same profile, and
// "Delete all my data" removes it. What the app holds is read back through a real Export download.
// When IndexedDB is slow, the pages show first but take no input until the record is read, so
// nothing can be entered into (or saved over) a record that has not arrived yet.
import { check, exported, launch, noProblems, openApp, press, repo, report, serve, settled, shotDir, watch } from './lib.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const fixture = path.join(repo, 'tests/fixtures/record-migrations/v1-full.json');
const expected = JSON.parse(fs.readFileSync(path.join(repo, 'tests/fixtures/record-migrations/v1-full.expected.json'), 'utf8'));

// Presses `name` (a confirmation that saves) and waits for that save to reach IndexedDB: the last
// save's state is cleared first, so an earlier save's 'ok' is not taken for this one's.
async function pressAndPersist(page, name) {
  await page.evaluate(() => { Module.poemsLastPersist = undefined; });
  await press(page, name);
  await page.waitForFunction(() => Module.poemsLastPersist === 'ok', null, { timeout: 10000 });
}

const server = await serve();
const url = server.url + '?view=settings&today=2026-11-22';
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-profile-'));
await report(server, async () => {
  let context = await launch({ userDataDir: profile });
  let page = context.pages()[0];
  let problems = watch(page, server.url.replace(/\/$/, ''));
  await openApp(page, url);
  check(await page.evaluate(() => Module.poemsStorage) === 'idbfs', 'storage is IndexedDB (IDBFS)');
  check((await exported(page)).labs.length === 0, 'a new profile starts with an empty record');

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(page, 'data:import')]);
  await chooser.setFiles(fixture);
  await page.waitForFunction(() => UTF8ToString(Module._poems_named_items()).includes('data:import:confirm'), null, { timeout: 10000 });
  await settled(page);
  await page.screenshot({ path: path.join(shotDir, 'record-import-review.png') });
  await pressAndPersist(page, 'data:import:confirm');
  const afterImport = await exported(page);
  check(afterImport.labs.length === expected.labs.length && afterImport.labs.length > 0,
        `importing a version-1 file gives its ${expected.labs.length} lab results, migrated`);

  await page.reload();
  await openApp(page, url);
  check(JSON.stringify(await exported(page)) === JSON.stringify(afterImport), 'after a reload the record is the same');
  noProblems(problems);
  await context.close();

  context = await launch({ userDataDir: profile });
  page = context.pages()[0];
  problems = watch(page, server.url.replace(/\/$/, ''));
  await openApp(page, url);
  check(JSON.stringify(await exported(page)) === JSON.stringify(afterImport),
        'after closing and reopening the browser the record is the same');

  // Slow storage: every IndexedDB open is held back 4 s, well past the second the app waits for
  // its record before its first frame. The read runs on the page (no worker: a test cannot slow a worker's
  // IndexedDB from here).
  await page.addInitScript(() => {
    window.Worker = function () { throw new Error('no workers in this test'); };
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (...args) {
      const held = { result: null, error: null, transaction: null };
      setTimeout(() => {
        const real = open.apply(indexedDB, args);
        for (const k of ['result', 'error', 'transaction']) Object.defineProperty(held, k, { get: () => real[k] });
        for (const k of ['onsuccess', 'onerror', 'onupgradeneeded', 'onblocked'])
          real[k] = (e) => held[k] && held[k].call(held, e);
      }, 4000);
      return held;
    };
  });
  await page.reload();
  await page.waitForFunction(() => window.poemsFirstFrameAt !== undefined, null, { timeout: 60000 });
  await settled(page);
  check(await page.evaluate(() => window.poemsRecordOpenedAt === undefined), 'with slow storage the app shows before the record is read');
  await page.screenshot({ path: path.join(shotDir, 'record-opening.png') });
  const box = (await page.evaluate(() => JSON.parse(UTF8ToString(Module._poems_named_items()))))['data:export'];
  let early = null;
  page.once('download', (d) => { early = d; });
  await page.mouse.click((box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
  await page.waitForTimeout(300);
  check(early === null && await page.evaluate(() => window.poemsRecordOpenedAt === undefined),
        'its buttons take no input until then (Export did nothing)');
  await page.waitForFunction(() => window.poemsRecordOpenedAt !== undefined, null, { timeout: 15000 });
  await settled(page);
  check(JSON.stringify(await exported(page)) === JSON.stringify(afterImport), 'then the record arrives, whole, and Export works');

  await press(page, 'data:delete');
  await pressAndPersist(page, 'data:delete:confirm');
  await page.reload();
  await openApp(page, url);
  check((await exported(page)).labs.length === 0, '"Delete all my data" leaves an empty record after a reload');
  await page.screenshot({ path: path.join(shotDir, 'record-settings.png') });

  // Results for a test this version's catalogue does not know (a newer version's, a hand-edited
  // file) are imported as they are and shown on the Labs page, never hidden (SAFETY H26).
  const unknown = path.join(path.dirname(profile), `poems-unknown-${path.basename(profile)}.json`);
  fs.writeFileSync(unknown, JSON.stringify({ schema: 'poems-record/3', labs: [
    { id: 'lab-1', date: '2026-10-01', test_id: 'labs.from_a_newer_version', value: 42, unit: 'U/L' },
    { id: 'lab-2', date: '2026-10-01', test_id: 'labs.vegf_serum', value: 900, unit: 'pg/mL' }] }));
  const [picker] = await Promise.all([page.waitForEvent('filechooser'), press(page, 'data:import')]);
  await picker.setFiles(unknown);
  await page.waitForFunction(() => UTF8ToString(Module._poems_named_items()).includes('data:import:confirm'), null, { timeout: 10000 });
  await settled(page);
  await pressAndPersist(page, 'data:import:confirm');
  fs.rmSync(unknown, { force: true });
  await press(page, 'nav:labs');
  const items = await page.evaluate(() => JSON.parse(UTF8ToString(Module._poems_named_items())));
  check(items['labs:unknown_row:lab-1'] !== undefined,
        'a result for a test this version does not know is shown on the Labs page, in its own card');
  const texts = await page.evaluate(() => JSON.parse(UTF8ToString(Module._poems_description())).nodes.map((n) => n.n).join('\n'));
  check(texts.includes('labs.from_a_newer_version'), 'its test id is shown as it is in the record');
  await page.screenshot({ path: path.join(shotDir, 'record-unknown-test.png') });
  noProblems(problems);
  await context.close();
}, async () => fs.rmSync(profile, { recursive: true, force: true }));
