// Browser smoke test: load the served page in headless Chromium at desktop and phone sizes, wait
// for the first frame, press a navigation button, check the page changed, save screenshots, and
// fail on any console error, failed request or request leaving the app's origin.
import { check, currentPage, launch, openApp, press, serve, shotDir, watch } from './lib.mjs';
import path from 'node:path';

const server = await serve();
const origin = server.url.replace(/\/$/, '');
let failed = false;
try {
  for (const [viewport, touch] of [['desktop', false], ['phone', true]]) {
    console.log(`# ${viewport}`);
    const context = await launch({ viewport });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    await openApp(page, server.url);
    check(await currentPage(page) === 'criteria', 'the app opens on the Criteria page');
    const canvas = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cssW: c.clientWidth, dpr: devicePixelRatio };
    });
    check(canvas.cssW === page.viewportSize().width, `the canvas fills the viewport width (${canvas.cssW} px)`);
    check(canvas.w === Math.floor(canvas.cssW * canvas.dpr),
          `the canvas renders at devicePixelRatio ${canvas.dpr} (${canvas.w} device px)`);
    const before = await page.screenshot();
    await page.screenshot({ path: path.join(shotDir, `smoke-${viewport}-criteria.png`) });
    await press(page, 'nav:checklist', { touch });
    check(await currentPage(page) === 'checklist', `${touch ? 'tapping' : 'clicking'} Checklist opens the Checklist page`);
    const after = await page.screenshot({ path: path.join(shotDir, `smoke-${viewport}-checklist.png`) });
    check(!before.equals(after), 'the screen changed after the click');
    check(problems.length === 0, `no console errors or failed requests${problems.length ? ': ' + problems.join('; ') : ''}`);
    await context.close();
  }
} catch (e) {
  console.error(`not ok - ${e.message}`);
  failed = true;
} finally {
  server.stop();
}
process.exit(failed ? 1 : 0);
