// Diary page in the browser (issue 23), at desktop and phone sizes: add three symptom entries, a
// walking level and a weight by tapping and typing; reload; see them in the lists and on the
// charts; edit one entry and delete another (with the confirmation); an appointment added in the
// Diary shows on the Monitoring page and in its calendar file (checked again by Python's
// icalendar). Screenshots at 390 and 360 px. The 390 px run (3x pixels, the slowest to draw in
// software) is diary_phone.test.mjs, so that each stays well within CTest's time limit.
import { check, currentPage, launch, namedItems, noProblems, openApp, press, report, serve, settled, shotDir, watch } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const server = await serve();
const origin = server.url.replace(/\/$/, '');
const url = `${server.url}?view=diary&today=2025-05-20`;

const tap = (page, name, touch) => press(page, name, { touch, scroll: true });

async function typeInto(page, name, text, touch) {
  await tap(page, name, touch);
  await page.keyboard.press('Control+A');
  // A phone's keyboard may send a word as one input event; a desktop's keys go one by one.
  if (touch) await page.keyboard.insertText(text);
  else await page.keyboard.type(text);
  await settled(page);
}

// The record the app holds, as it saves it (record.json plus the journal's lines in storage; the
// reload below shows what storage kept).
const saved = (page) => page.evaluate(() => JSON.parse(UTF8ToString(Module._poems_record_json())));
// Waits until the last change has reached IndexedDB, so a reload finds it.
async function persisted(page) {
  await page.waitForFunction(() => Module.poemsLastPersist === 'ok', null, { timeout: 15000 });
}
const rows = async (page) => Object.keys(await namedItems(page)).filter((n) => n.startsWith('diary:row:')).sort();

async function section(page, i, touch) {
  await tap(page, `diary:section:${i}`, touch);
}

async function addSymptom(page, { symptom, words, severity, date }, touch) {
  await tap(page, 'diary:add', touch);
  await typeInto(page, 'diary:date', date, touch);
  await tap(page, `diary:symptom:${symptom}`, touch);  // the list's position; 10 is Other
  if (words) await typeInto(page, 'diary:words', words, touch);
  await typeInto(page, 'diary:severity', String(severity), touch);
  await tap(page, 'diary:save', touch);
}

await report(server, async () => {
  for (const viewport of (process.env.POEMS_DIARY_VIEWPORTS || 'desktop,small_phone').split(',')) {
    const touch = viewport !== 'desktop';
    console.log(`# ${viewport}`);
    const started = Date.now();
    const took = () => console.log(`# ${viewport}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-diary-'));
    const context = await launch({ viewport, userDataDir: profile, context: { acceptDownloads: true } });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    await openApp(page, url);
    check(await currentPage(page) === 'diary', 'the app opens on the Diary page');

    // Three symptom entries: two of the list, one in the person's own words.
    await addSymptom(page, { symptom: 0, severity: 5, date: '2025-03-01' }, touch);
    await addSymptom(page, { symptom: 0, severity: 3, date: '2025-05-01' }, touch);
    await addSymptom(page, { symptom: 10, words: 'hiccups', severity: 2, date: '2025-05-10' }, touch);
    let r = await saved(page);
    check(r.schema === 'poems-record/3' && r.symptoms.length === 3, `three symptom entries are saved (${r.symptoms.length})`);
    check(r.symptoms[0].symptom_id === 'diary.symptom.numbness_tingling' && r.symptoms[2].symptom === 'hiccups' &&
          !('symptom_id' in r.symptoms[2]), 'entries store the symptom id, and words only for Other');

    // The first change brings up the export reminder; the person answers "Not now" (it would
    // push the desktop's side navigation down, which the scrolling helper reads as a phone's row).
    if ((await namedItems(page))['reminder:dismiss']) await press(page, 'reminder:dismiss', { touch });

    // A walking level and a weight.
    await section(page, 1, touch);
    await tap(page, 'diary:add', touch);
    await tap(page, 'diary:walking:2', touch);  // 0 is "Not logged": 2 is the second level, one aid
    await tap(page, 'diary:save', touch);
    await section(page, 2, touch);
    await tap(page, 'diary:add', touch);
    await typeInto(page, 'diary:weight', '72,5', touch);  // a decimal comma, as typed in much of the world
    await tap(page, 'diary:save', touch);
    r = await saved(page);
    check(r.function.length === 1 && r.function[0].walking === 'diary.walking.one_aid', 'the walking level is saved');
    check(r.weights.length === 1 && r.weights[0].value === 72.5 && r.weights[0].unit === 'kg', 'the weight is saved (72,5 read as 72.5 kg)');

    // Reload: everything is still there, in the lists and on the charts.
    await persisted(page);
    await page.reload();
    await openApp(page, url);
    let items = await namedItems(page);
    check(JSON.stringify(await rows(page)) === JSON.stringify(['diary:row:sym-1', 'diary:row:sym-2', 'diary:row:sym-3']),
          `after a reload the three entries are listed (${(await rows(page)).join(', ')})`);
    check(items['labs:chart:diary:diary.symptom.numbness_tingling'] !== undefined, 'the numbness chart is drawn');
    check(items['labs:chart:diary:other'] !== undefined, 'the Other chart is drawn');
    await page.screenshot({ path: path.join(shotDir, `diary-${viewport}-symptoms.png`) });
    await section(page, 1, touch);
    items = await namedItems(page);
    check(items['diary:row:fn-1'] !== undefined && items['labs:chart:diary:diary.walking'] !== undefined,
          'the walking entry is listed and charted');
    await section(page, 2, touch);
    items = await namedItems(page);
    check(items['diary:row:wt-1'] !== undefined && items['labs:chart:diary:weight'] !== undefined, 'the weight is listed and charted');
    await page.screenshot({ path: path.join(shotDir, `diary-${viewport}-weight.png`) });

    // Edit one entry, delete another (Delete asks first).
    await section(page, 0, touch);
    await tap(page, 'diary:edit:sym-2', touch);
    await typeInto(page, 'diary:severity', '7', touch);
    await tap(page, 'diary:save', touch);
    r = await saved(page);
    check(r.symptoms.find((s) => s.id === 'sym-2').severity === 7, 'the edited entry is saved with severity 7');
    await tap(page, 'diary:delete:sym-3', touch);
    check(r.symptoms.length === 3 && (await namedItems(page))['diary:delete_confirm:sym-3'] !== undefined,
          'Delete asks before deleting');
    await page.screenshot({ path: path.join(shotDir, `diary-${viewport}-confirm.png`) });
    await tap(page, 'diary:delete_confirm:sym-3', touch);
    r = await saved(page);
    check(r.symptoms.length === 2 && !r.symptoms.some((s) => s.id === 'sym-3'), 'the entry is deleted');
    check(JSON.stringify(await rows(page)) === JSON.stringify(['diary:row:sym-1', 'diary:row:sym-2']), 'two entries are listed');

    // An appointment with tests planned at it: on the Monitoring page and in its calendar file.
    await section(page, 3, touch);
    await tap(page, 'diary:add', touch);
    await typeInto(page, 'diary:date', '2025-06-03', touch);
    await typeInto(page, 'diary:title', 'Haematology review', touch);
    await tap(page, 'diary:test:monitoring.test.vegf', touch);
    await tap(page, 'diary:test:monitoring.test.cbc', touch);
    await tap(page, 'diary:save', touch);
    r = await saved(page);
    check(r.appointments.length === 1 && r.appointments[0].test_ids.join() === 'monitoring.test.vegf,monitoring.test.cbc',
          'the appointment is saved with its two planned tests');
    {
      await press(page, 'nav:monitoring', { touch });
      items = await namedItems(page);
      check(items['monitoring:appointment:appt-1'] !== undefined, 'the appointment shows on the Monitoring page');
      await page.screenshot({ path: path.join(shotDir, `diary-${viewport}-monitoring.png`) });
      const download = page.waitForEvent('download', { timeout: 10000 });
      await tap(page, 'monitoring:ics', touch);
      const file = await (await download).path();
      const out = execFileSync('/usr/bin/python3', ['-c', `
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for e in cal.walk('VEVENT'):
    if str(e['UID']) == 'poems-appointment-appt-1@poems-companion':
        print(e.decoded('DTSTART'), '|', str(e['SUMMARY']), '|', str(e['DESCRIPTION']).replace(chr(10), ';'))
`, file]).toString().trim();
      console.log(`  .ics: ${out}`);
      check(out.startsWith('2025-06-03 | Haematology review | - Serum VEGF;- Complete blood count;'),
            'the calendar file has the appointment with its tests (parsed by icalendar)');
    }
    noProblems(problems);
    await context.close();
    took();
  }
});
