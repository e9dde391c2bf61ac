// Centers page in the browser: search, filters, the no-results state and a card's details.
// What the list shows is in one name, "centers:results:<id>,<id>..." ("centers:results:none" when
// nothing matches). The named-widget map keeps names from earlier frames, so each check looks
// for a name only the new state can have produced.
//  - desktop, mouse and keyboard: "hopitaux" finds AP-HP only; its card opens to the details and
//    the copy action; "zzz" gives the no-results state, whose button clears everything; the
//    remote filter leaves Mayo Clinic and UCLH.
//  - phone, touch: the remote filter and a card by taps, everything within the phone's width.
// Screenshots: <shotDir>/centers-desktop-*.png, centers-phone-*.png.
import { check, currentPage, launch, namedItems, noProblems, openApp, press, report, reveal, serve, settled, shotDir, watch } from './lib.mjs';
import path from 'node:path';

const ALL = 'center.mayo,center.cleveland,center.dana_farber,center.uclh,center.aphp,center.pumch,center.chiba,center.ncc_tokyo';

async function typeInSearch(page, text, touch = false) {
  await press(page, 'centers:search', { touch });  // keyboard input goes to the canvas, to the focused field
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 30 });
  await settled(page);
}

const server = await serve();
const origin = server.url.replace(/\/$/, '');
const url = `${server.url}?view=centers&today=2026-11-22`;
await report(server, async () => {
  {
    console.log('# desktop');
    const context = await launch({ viewport: 'desktop' });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    await openApp(page, url);
    check(await currentPage(page) === 'centers', 'the app opens on the Centers page');
    let items = await namedItems(page);
    check(!!items[`centers:results:${ALL}`], 'all eight centers are listed at first, in the guide\'s order');
    await page.screenshot({ path: path.join(shotDir, 'centers-desktop-all.png') });

    await typeInSearch(page, 'hopitaux');
    items = await namedItems(page);
    check(!!items['centers:results:center.aphp'], 'typing "hopitaux" leaves only the AP-HP card (accents ignored)');
    await reveal(page, 'centers:card:center.aphp');
    await press(page, 'centers:card:center.aphp');
    items = await namedItems(page);
    check(!!items['centers:copy:center.aphp'], 'clicking the AP-HP card opens its details with "Copy details"');
    await page.screenshot({ path: path.join(shotDir, 'centers-desktop-aphp.png') });

    await typeInSearch(page, 'zzz');
    items = await namedItems(page);
    check(!!items['centers:results:none'], 'typing "zzz" shows the no-results state');
    await page.screenshot({ path: path.join(shotDir, 'centers-desktop-none.png') });
    await press(page, 'centers:clear');

    await press(page, 'centers:remote:off');
    items = await namedItems(page);
    check(!!items['centers:remote:on'], 'the remote-consultation filter is on');
    check(!!items['centers:results:center.mayo,center.uclh'],
          'the remote filter leaves Mayo Clinic and UCLH only (so the no-results button had cleared "zzz")');
    await page.screenshot({ path: path.join(shotDir, 'centers-desktop-remote.png') });
    noProblems(problems);
    await context.close();
  }
  {
    console.log('# phone');
    const context = await launch({ viewport: 'phone' });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    await openApp(page, url);
    await page.screenshot({ path: path.join(shotDir, 'centers-phone-all.png') });
    let items = await namedItems(page);
    const width = page.viewportSize().width;
    const tooWide = Object.entries(items).filter(([n, r]) => n.startsWith('centers:') && r[2] > width);
    check(tooWide.length === 0, `no control of the page is wider than the phone${tooWide.length ? ': ' + tooWide.map(([n]) => n).join(', ') : ''}`);
    const remote = items['centers:remote:off'];
    check(remote[3] - remote[1] >= 44, `the remote filter is a touch target of at least 44 px (${remote[3] - remote[1]})`);
    await press(page, 'centers:remote:off', { touch: true });
    items = await namedItems(page);
    check(!!items['centers:results:center.mayo,center.uclh'], 'tapping the remote filter leaves Mayo Clinic and UCLH only');
    await reveal(page, 'centers:card:center.mayo');
    await press(page, 'centers:card:center.mayo', { touch: true });
    items = await namedItems(page);
    check(!!items['centers:copy:center.mayo'], 'tapping the Mayo Clinic card opens its details');
    await page.screenshot({ path: path.join(shotDir, 'centers-phone-mayo.png') });
    noProblems(problems);
    await context.close();
  }
});
