// The person's record in the browser: data entered (here through Import, with the real file
// picker) survives a reload and closing and reopening the browser with the same profile, and
// "Delete all my data" removes it. What the app holds is read back through a real Export download.
import { check, launch, openApp, press, serve, settled, shotDir, watch, repo } from './lib.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const fixture = path.join(repo, 'tests/fixtures/record-migrations/v1-full.json');
const expected = JSON.parse(fs.readFileSync(path.join(repo, 'tests/fixtures/record-migrations/v1-full.expected.json'), 'utf8'));

async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, 'data:export')]);
  return JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
}
const persisted = (page) => page.waitForFunction(() => Module.poemsLastPersist === 'ok', null, { timeout: 10000 });

const server = await serve();
const url = server.url + '?view=settings&today=2026-11-22';
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-profile-'));
let failed = false;
try {
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
  await press(page, 'data:import:confirm');
  await persisted(page);
  const afterImport = await exported(page);
  check(afterImport.labs.length === expected.labs.length && afterImport.labs.length > 0,
        `importing a version-1 file gives its ${expected.labs.length} lab results, migrated`);

  await page.reload();
  await openApp(page, url);
  check(JSON.stringify(await exported(page)) === JSON.stringify(afterImport), 'after a reload the record is the same');
  check(problems.length === 0, `no console errors or failed requests${problems.length ? ': ' + problems.join('; ') : ''}`);
  await context.close();

  context = await launch({ userDataDir: profile });
  page = context.pages()[0];
  problems = watch(page, server.url.replace(/\/$/, ''));
  await openApp(page, url);
  check(JSON.stringify(await exported(page)) === JSON.stringify(afterImport),
        'after closing and reopening the browser the record is the same');

  await press(page, 'data:delete');
  await press(page, 'data:delete:confirm');
  await persisted(page);
  await page.reload();
  await openApp(page, url);
  check((await exported(page)).labs.length === 0, '"Delete all my data" leaves an empty record after a reload');
  await page.screenshot({ path: path.join(shotDir, 'record-settings.png') });
  check(problems.length === 0, `no console errors or failed requests${problems.length ? ': ' + problems.join('; ') : ''}`);
  await context.close();
} catch (e) {
  console.error(`not ok - ${e.stack || e.message}`);
  failed = true;
} finally {
  server.stop();
  fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
