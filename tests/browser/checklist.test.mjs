// Checklist page in the browser. The tick state is in each checkbox's name:
// "checklist:item:<id>:on" / ":off"; the stage shown is named "checklist:shown:<stage id>".
//  - desktop, mouse: an empty record opens on the suggested stage ("If you think you might have
//    POEMS"); ticking a step updates the progress, is saved to IndexedDB, and after a reload the
//    step is still ticked with today's date.
//  - phone, touch: tapping the family stage opens it, tapping a step opens its explanation,
//    tapping its checkbox ticks it.
// Note: the named-widget map keeps names from earlier frames, so every check here looks for a
// name that only a drawing of the new state can have produced.
// Screenshots: <shotDir>/checklist-desktop-*.png, checklist-phone-*.png.
import { check, currentPage, launch, namedItems, noProblems, openApp, press, report, reveal, serve, shotDir, watch } from './lib.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FIRST = 'checklist.suspect.ask_mprotein_tests';
const FAMILY_STEP = 'checklist.family.recovery_takes_years';

const tap = (page, name, touch) => press(page, name, { touch, scroll: true });

const server = await serve();
const origin = server.url.replace(/\/$/, '');
const url = `${server.url}?view=checklist&today=2026-11-22`;
await report(server, async () => {
  {
    console.log('# desktop: tick, reload, still ticked');
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-checklist-'));
    const context = await launch({ viewport: 'desktop', userDataDir });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    await openApp(page, url);
    check(await currentPage(page) === 'checklist', 'the app opens on the Checklist page');
    let items = await namedItems(page);
    check(!!items['checklist:shown:stage.suspect'] && !!items['checklist:suggested'],
          'an empty record opens the suggested stage "If you think you might have POEMS", marked as suggested');
    for (const s of ['stage.suspect', 'stage.just_diagnosed', 'stage.in_treatment', 'stage.family'])
      check(!!items[`checklist:stage:${s}`], `the ${s} stage can be opened`);
    check(!!items['checklist:progress:0-of-4'], 'the progress says 0 of 4 done');
    check(!!items[`checklist:item:${FIRST}:off`] && !items[`checklist:item:${FIRST}:on`], 'the first step is not ticked');
    const box = items[`checklist:item:${FIRST}:off`];
    check(box[2] - box[0] >= 44 && box[3] - box[1] >= 44, `its checkbox is at least 44 px (${box[2] - box[0]} x ${box[3] - box[1]})`);
    await page.screenshot({ path: path.join(shotDir, 'checklist-desktop-start.png') });

    await page.evaluate(() => { Module.poemsLastPersist = undefined; });
    await tap(page, `checklist:item:${FIRST}:off`, false);
    items = await namedItems(page);
    check(!!items[`checklist:item:${FIRST}:on`], 'clicking the checkbox ticks the step');
    check(!!items['checklist:progress:1-of-4'], 'the progress says 1 of 4 done');
    await page.waitForFunction(() => Module.poemsLastPersist !== undefined, null, { timeout: 10000 });
    check(await page.evaluate(() => Module.poemsLastPersist) === 'ok', 'the record was written to IndexedDB');

    await tap(page, `checklist:item:${FIRST}`, false);
    items = await namedItems(page);
    check(!!items[`checklist:why:${FIRST}`], 'clicking the step opens why it matters');
    await page.screenshot({ path: path.join(shotDir, 'checklist-desktop-ticked.png') });

    await openApp(page, url);  // a fresh load of the page: the record comes back from IndexedDB
    items = await namedItems(page);
    check(!!items[`checklist:item:${FIRST}:on`] && !items[`checklist:item:${FIRST}:off`], 'after a reload the step is still ticked');
    check(!!items['checklist:progress:1-of-4'], 'after a reload the progress still says 1 of 4 done');

    await reveal(page, 'checklist:ask:copy');
    await page.screenshot({ path: path.join(shotDir, 'checklist-desktop-ask.png') });
    noProblems(problems);
    await context.close();
  }
  {
    console.log('# phone: touch taps on a stage and a step');
    const context = await launch({ viewport: 'phone' });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    await openApp(page, url);
    await page.screenshot({ path: path.join(shotDir, 'checklist-phone-start.png') });
    let items = await namedItems(page);
    const tab = items['checklist:stage:stage.family'];
    check(tab && tab[2] <= page.viewportSize().width && tab[3] - tab[1] >= 44, 'the family stage button fits the phone and is at least 44 px high');
    await tap(page, 'checklist:stage:stage.family', true);
    items = await namedItems(page);
    check(!!items['checklist:shown:stage.family'], 'tapping the family stage opens it');
    check(!!items['checklist:open-suggested'], 'the family stage points back to the suggested stage');
    await tap(page, `checklist:item:${FAMILY_STEP}`, true);
    items = await namedItems(page);
    check(!!items[`checklist:why:${FAMILY_STEP}`], 'tapping a step opens why it matters');
    const why = items[`checklist:why:${FAMILY_STEP}`];
    check(why[2] <= page.viewportSize().width, 'the explanation fits the phone width');
    await page.screenshot({ path: path.join(shotDir, 'checklist-phone-open.png') });
    await tap(page, `checklist:item:${FAMILY_STEP}:off`, true);
    items = await namedItems(page);
    check(!!items[`checklist:item:${FAMILY_STEP}:on`], 'tapping its checkbox ticks it');
    check(!!items['checklist:progress:1-of-4'], 'the family stage now says 1 of 4 done');
    await page.screenshot({ path: path.join(shotDir, 'checklist-phone-ticked.png') });
    noProblems(problems);
    await context.close();
  }
});
