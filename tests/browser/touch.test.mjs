// Touch scrolling on a phone: dragging the content scrolls the page under the finger, a drag that
// starts on a checkbox scrolls without ticking it, and a tap still ticks. Touches are sent through
// the DevTools protocol (Playwright's touchscreen only taps).
import { check, currentPage, launch, namedItems, noProblems, openApp, press, report, serve, settled, shotDir, watch } from './lib.mjs';
import path from 'node:path';

const server = await serve();
const origin = server.url.replace(/\/$/, '');
const FIRST = 'checklist.suspect.ask_mprotein_tests';

// One finger from (x, y) moved by dy in steps, then lifted.
async function drag(page, cdp, x, y, dy, steps = 12) {
  const point = (yy) => [{ x: Math.round(x), y: Math.round(yy) }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(y) });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y + (dy * i) / steps) });
    await page.waitForTimeout(30);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await settled(page);
}

await report(server, async () => {
  const context = await launch({ viewport: 'phone' });
  const page = context.pages()[0] || await context.newPage();
  const problems = watch(page, origin);
  const cdp = await context.newCDPSession(page);
  await openApp(page, `${server.url}?view=checklist&today=2026-11-22`);
  check(await currentPage(page) === 'checklist', 'the app opens on the Checklist page');

  const at = async () => (await namedItems(page))[`checklist:item:${FIRST}:off`];
  const top = (await at())[1];
  // A drag in the middle of the page, up by 300 px, brings the first step (below the fold) up.
  await drag(page, cdp, 195, 600, -300);
  const moved = top - (await at())[1];
  check(Math.abs(moved - 300) <= 12, `the page moved with the finger (${moved.toFixed(0)} px for a 300 px drag)`);
  await page.screenshot({ path: path.join(shotDir, 'touch-phone-checklist-dragged.png') });

  // A drag that starts on the checkbox itself scrolls and does not tick it.
  const box = await at();
  const y0 = box[1];
  await drag(page, cdp, (box[0] + box[2]) / 2, (box[1] + box[3]) / 2, -100);
  let items = await namedItems(page);
  check(!!items[`checklist:item:${FIRST}:off`] && !items[`checklist:item:${FIRST}:on`], 'a drag that starts on the checkbox does not tick it');
  check(Math.abs(y0 - items[`checklist:item:${FIRST}:off`][1] - 100) <= 12, 'and scrolls the page instead');

  // Drag back down: the page returns to the top.
  await drag(page, cdp, 195, 300, 450);
  check(Math.abs((await at())[1] - top) <= 1, 'dragging down scrolls back to the top');

  await drag(page, cdp, 195, 600, -300);
  await press(page, `checklist:item:${FIRST}:off`, { touch: true });
  items = await namedItems(page);
  check(!!items[`checklist:item:${FIRST}:on`], 'a tap still ticks the step');
  check(await currentPage(page) === 'checklist', 'no drag followed a link or changed the page');
  // The Guide, a long page, scrolls the same way.
  await press(page, 'nav:guide', { touch: true });
  check(await currentPage(page) === 'guide', 'tapping Guide opens the Guide');
  const sections = async () => Object.entries(await namedItems(page)).filter(([n]) => n.startsWith('guide:section:'));
  const [name, r0] = (await sections()).filter(([, r]) => r[1] > 250 && r[1] < 600)[0] || [];
  check(!!name, `a chapter heading is on screen (${name})`);
  await drag(page, cdp, 195, 650, -80);
  const r1 = (await namedItems(page))[name];
  check(r1 && Math.abs(r0[1] - r1[1] - 80) <= 12, `the Guide moved with the finger (${r1 ? (r0[1] - r1[1]).toFixed(0) : "?"} px for 80)`);
  await page.screenshot({ path: path.join(shotDir, 'touch-phone-guide-dragged.png') });
  check(await currentPage(page) === 'guide', 'the drag followed no link');
  noProblems(problems);
  await context.close();
});
