// Criteria page in the browser: answer the questionnaire by clicking, as a person would, and check
// what the page shows (read from the named widgets: the verdict card is named
// "criteria:verdict:<verdict>", each item's status "criteria:status:<key>:<status>").
//  - desktop, mouse: the `classic` vignette (polyneuropathy, M-protein, sclerotic lesion,
//    organomegaly all "yes") gives meets_criteria; after a reload the answers are still there.
//  - phone, touch: the `spep-negative-only` vignette (neuropathy, serum VEGF 2400 pg/mL, edema, one
//    negative SPEP) gives incomplete with the SPEP warning; a negative VEGF is refused next to
//    the field and what was typed stays.
// Screenshots: <shotDir>/criteria-desktop-*.png, criteria-phone-*.png.
import { check, currentPage, launch, namedItems, noProblems, openApp, press, report, reveal, serve, settled, shotDir, watch } from './lib.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const YES = 0, NEGATIVE = 1;  // indexes of the choice buttons: Yes/No/Not tested/Don't know; Positive/Negative/...

const shown = (items, name) => {
  const r = items[name];
  return !!r && r[2] - r[0] > 0 && r[3] - r[1] > 0;
};
const shownVerdict = (items) => Object.keys(items).filter((n) => n.startsWith('criteria:verdict:') && shown(items, n))
  .map((n) => n.slice('criteria:verdict:'.length));

async function answer(page, name, { touch = false, pane = 'criteria:pane:questions' } = {}) {
  await reveal(page, name, { pane });
  await press(page, name, { touch });
}

async function typeInto(page, name, text, { touch = false } = {}) {
  await answer(page, name, { touch });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 30 });
  await page.keyboard.press('Enter');
  await settled(page);
}

async function scrollToTop(page, pane) {
  const items = await namedItems(page);
  const p = items[pane];
  await page.mouse.move((p[0] + p[2]) / 2, (p[1] + p[3]) / 2);
  for (let i = 0; i < 40; i++) await page.mouse.wheel(0, -400);
  await settled(page);
}

const server = await serve();
const origin = server.url.replace(/\/$/, '');
const url = `${server.url}?view=criteria&today=2026-11-22`;
await report(server, async () => {
  // ---- Desktop: the classic vignette by mouse, then a reload -------------------------------
  {
    console.log('# desktop, classic vignette');
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-criteria-'));
    const context = await launch({ viewport: 'desktop', userDataDir });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    await openApp(page, url);
    check(await currentPage(page) === 'criteria', 'the app opens on the Criteria page');
    let items = await namedItems(page);
    check(shownVerdict(items).join() === 'incomplete', `with no answers the verdict card says incomplete (${shownVerdict(items)})`);
    check(shown(items, 'criteria:disclaimer'), 'the disclaimer is shown in the verdict card');
    const card = items['criteria:verdict:incomplete'], disc = items['criteria:disclaimer'];
    check(disc[1] >= card[1] && disc[3] <= card[3], 'the disclaimer sits inside the verdict card');
    const expl = items['criteria:explanation'];
    check(expl && expl[1] >= disc[3] && expl[3] <= card[3], 'the explanation follows in the same card, not behind a click');
    check(shown(items, 'criteria:asked:workup.history_and_exam'), 'incomplete lists the tests to ask about, with "asked my doctor" ticks');
    await page.screenshot({ path: path.join(shotDir, 'criteria-desktop-empty.png') });

    for (const key of ['polyneuropathy', 'monoclonal_plasma_cell_disorder', 'sclerotic_bone_lesions', 'organomegaly'])
      await answer(page, `criteria:${key}:${YES}`);
    items = await namedItems(page);
    check(shownVerdict(items).join() === 'meets_criteria', `after the four answers the verdict card says meets_criteria (${shownVerdict(items)})`);
    for (const key of ['polyneuropathy', 'monoclonal_plasma_cell_disorder', 'sclerotic_bone_lesions', 'organomegaly'])
      check(shown(items, `criteria:status:${key}:present`), `${key} shows as present, with its reason`);
    check(shown(items, 'criteria:redflag:no'), 'the red-flag screen is shown (no earlier diagnosis: no workup flag)');
    await scrollToTop(page, 'criteria:pane:questions');
    await page.screenshot({ path: path.join(shotDir, 'criteria-desktop-classic.png') });

    await openApp(page, url);  // reload: the record must come back from the browser's storage
    items = await namedItems(page);
    const storage = await page.evaluate(() => Module.poemsStorage || 'none');
    check(shownVerdict(items).join() === 'meets_criteria',
          `after a reload the answers are still there and the verdict is meets_criteria (${shownVerdict(items)}; storage: ${storage})`);
    await page.screenshot({ path: path.join(shotDir, 'criteria-desktop-reloaded.png') });
    noProblems(problems);
    await context.close();
  }

  // ---- Phone: spep-negative-only by touch ----------------------------------------------------
  {
    console.log('# phone, spep-negative-only vignette');
    const context = await launch({ viewport: 'phone' });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    await openApp(page, url);
    const touch = true, pane = 'criteria:pane:questions';
    let items = await namedItems(page);
    const card = items['criteria:verdict:incomplete'];
    check(card && card[1] < 300 && card[2] <= 390, `the verdict card comes first and fits the phone width (${card})`);
    await page.screenshot({ path: path.join(shotDir, 'criteria-phone-empty.png') });

    await answer(page, `criteria:polyneuropathy:${YES}`, { touch });
    await answer(page, `criteria:mprotein:spep:${NEGATIVE}`, { touch });
    await typeInto(page, 'criteria:vegf:value', '-5', { touch });
    await answer(page, 'criteria:vegf:unit:0', { touch });
    await answer(page, 'criteria:vegf:sample:0', { touch });
    items = await namedItems(page);
    check(shown(items, 'criteria:problem:/vegf/value'), 'a negative VEGF is refused with a message next to the field');
    await reveal(page, 'criteria:problem:/vegf/value', { pane });
    await page.screenshot({ path: path.join(shotDir, 'criteria-phone-vegf-error.png') });
    await typeInto(page, 'criteria:vegf:value', '2400', { touch });
    items = await namedItems(page);
    check(shown(items, 'criteria:status:vegf_elevated:present'), 'serum VEGF 2400 pg/mL decides "Raised VEGF": present');
    await answer(page, `criteria:extravascular_volume_overload:${YES}`, { touch });

    items = await namedItems(page);
    check(shownVerdict(items).join() === 'incomplete', `the verdict card says incomplete (${shownVerdict(items)})`);
    check(shown(items, 'criteria:status:monoclonal_plasma_cell_disorder:borderline'), 'one negative SPEP leaves the M-protein borderline');
    check(shown(items, 'criteria:warning:criteria.warning.spep_negative_only'), 'the single-negative-SPEP warning is shown');
    check(shown(items, 'criteria:missing:monoclonal_plasma_cell_disorder'), 'the M-protein is listed as still unknown');

    // An earlier MGUS neuropathy diagnosis that did not improve: the guide recommends a workup.
    await answer(page, 'criteria:prior:2', { touch });          // No / CIDP / MGUS neuropathy / ...
    await answer(page, 'criteria:prior:improved:1', { touch }); // Yes / No
    await reveal(page, 'criteria:redflag:yes', { pane });
    items = await namedItems(page);
    check(shown(items, 'criteria:redflag:yes'), 'MGUS neuropathy that did not improve: the red-flag screen recommends a workup ' +
          `(${Object.keys(items).filter((n) => /redflag|prior/.test(n)).join(' ')})`);
    await page.screenshot({ path: path.join(shotDir, 'criteria-phone-red-flag.png') });

    await answer(page, 'criteria:asked:workup.spep_immunofixation', { touch });
    items = await namedItems(page);
    check(shown(items, 'criteria:asked:workup.spep_immunofixation:yes'), 'a test can be ticked as "asked my doctor"');
    await page.screenshot({ path: path.join(shotDir, 'criteria-phone-tests.png') });
    await reveal(page, 'criteria:warning:criteria.warning.spep_negative_only', { pane });
    await page.screenshot({ path: path.join(shotDir, 'criteria-phone-incomplete.png') });
    noProblems(problems);
    await context.close();
  }
});
