// The record's journal and its early read in the browser (docs/record.md, "The journal";
// web/record_preload.js): a change after the first save is appended to record.json.journal and
// record.json is not written again; after a reload the record, read from IndexedDB at page start
// in a worker and there for the first frame, has the change; and a journal damaged in IndexedDB is set aside with a message, never applied
// half-way or lost. Changes are made through Import (the real file picker), read back through
// a real Export download.
import { check, exported, launch, namedItems, noProblems, openApp, press, repo, report, serve, settled, watch } from './lib.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const base = JSON.parse(fs.readFileSync(path.join(repo, 'tests/fixtures/record-migrations/v1-full.expected.json'), 'utf8'));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-journal-'));
const write = (name, record) => {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, JSON.stringify(record, null, 1));
  return file;
};
const first = write('first.json', base);
const changed = structuredClone(base);
changed.labs.push({ id: 'lab-journal-1', date: '2026-11-20', test_id: 'labs.vegf_serum', value: 980, unit: 'pg/mL' });
changed.profile.display_name = 'Maria J.';
const second = write('second.json', changed);

async function importFile(page, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(page, 'data:import')]);
  await chooser.setFiles(file);
  await page.waitForFunction(() => UTF8ToString(Module._poems_named_items()).includes('data:import:confirm'), null, { timeout: 10000 });
  await settled(page);
  await page.evaluate(() => { Module.poemsLastPersist = undefined; });
  await press(page, 'data:import:confirm');
  await page.waitForFunction(() => Module.poemsLastPersist === 'ok', null, { timeout: 10000 });
}
const files = (page) => page.evaluate(() => Module.FS.readdir('/persistent').filter((f) => !f.startsWith('.')).sort());
const stat = (page, f) => page.evaluate((f) => { const s = Module.FS.stat('/persistent/' + f); return { size: s.size, mtime: +s.mtime }; }, f);
const opened = (page) => page.waitForFunction(() => window.poemsRecordOpenedAt !== undefined, null, { timeout: 30000 });
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const server = await serve();
const url = server.url + '?view=settings&today=2026-11-22';
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-profile-'));
await report(server, async () => {
  let context = await launch({ userDataDir: profile });
  let page = context.pages()[0];
  const problems = watch(page, server.url.replace(/\/$/, ''));
  await openApp(page, url);
  await opened(page);
  // The worker closes its database: the page opens its own once the first frame is drawn, so a
  // save asked for as the page closes does not wait for an open.
  await page.waitForFunction(() => !!IDBFS.dbs['/persistent'], null, { timeout: 5000 }).catch(() => {});
  check(await page.evaluate(() => !!IDBFS.dbs['/persistent'] && Module.poemsLastPersist === undefined),
        'IDBFS has its database open before any save');
  await importFile(page, first);
  const whole = await exported(page);
  const before = await stat(page, 'record.json');
  check(!(await files(page)).includes('record.json.journal'), 'the first save writes the whole record, no journal');

  await importFile(page, second);
  const afterChange = await exported(page);
  check(afterChange.labs.length === whole.labs.length + 1 && afterChange.profile.display_name === 'Maria J.', 'the change is in the record');
  check((await files(page)).includes('record.json.journal'), 'the change went to record.json.journal');
  const after = await stat(page, 'record.json');
  check(after.size === before.size && after.mtime === before.mtime, 'record.json was not written again');

  await page.reload();
  await openApp(page, url);
  await opened(page);
  check(await page.evaluate(() => Module.poemsRecordPreloaded === true), 'after a reload the record was read from IndexedDB at page start');
  check(await page.evaluate(() => performance.getEntriesByName('poems:record-preloaded').length === 1), 'record_preload.js marked when it had the files');
  check(await page.evaluate(() => window.poemsRecordPreload.then((got) => got && got.where === 'worker')),
        'the files were read in record_preload.js\'s worker, not on the page');
  check(await page.evaluate(() => window.poemsRecordOpenedAfterFrame === 0 && window.poemsRecordOpenedAt <= window.poemsFirstFrameAt),
        'the first frame already showed the record (it came before the app started)');
  check(same(await exported(page), afterChange), 'and holds the change from the journal');

  // A page that cannot start a worker (an old browser, a stricter policy): the same read runs on
  // the page, and the record is the same.
  await page.addInitScript(() => { window.Worker = function () { throw new Error('no workers in this test'); }; });
  await openApp(page, url);
  await opened(page);
  check(await page.evaluate(() => window.poemsRecordPreload.then((got) => got && got.where === 'page')),
        'without a worker the files were read on the page');
  check(same(await exported(page), afterChange), 'and the record is the same');
  noProblems(problems);
  await context.close();

  // The journal damaged in IndexedDB (one byte of the change's line): set aside with a message.
  context = await launch({ userDataDir: profile });
  page = context.pages()[0];
  await openApp(page, url);
  await opened(page);
  await page.evaluate(() => new Promise((resolve) => {
    const p = '/persistent/record.json.journal';
    const bytes = Module.FS.readFile(p);
    const at = bytes.lastIndexOf(10, bytes.length - 2) + 40;  // inside the last line
    bytes[at] = bytes[at] === 120 ? 121 : 120;
    Module.FS.writeFile(p, bytes);
    Module.poemsLastPersist = undefined;
    Module.poemsPersist(true);
    const wait = () => Module.poemsLastPersist ? resolve() : setTimeout(wait, 20);
    wait();
  }));
  await context.close();
  context = await launch({ userDataDir: profile });
  page = context.pages()[0];
  const problems2 = watch(page, server.url.replace(/\/$/, ''));
  await openApp(page, url);
  await opened(page);
  await settled(page);
  const kept = await files(page);
  check(kept.includes('record.json.broken-1'), 'a damaged journal is kept aside, its damaged change not applied');
  check(same(await exported(page), whole), 'the record is the one saved whole before the damaged change');
  check('notices:dismiss' in await namedItems(page), 'and the app shows a message about it (its words: tests/core/test_record_journal.cpp)');
  noProblems(problems2);
  await context.close();
}, async () => {
  fs.rmSync(profile, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});
