// Embedding: the demo host page (web/demo-host.html, ordinary site content) shows the app in an
// iframe on the chosen view, without the app's own navigation, filling the iframe, in the chosen
// light or dark colours; the host page gets no message from it and nothing leaves the origin.
import { brightness, check, currentPage, firstFrame, launch, namedItems, noProblems, press, report, serve, settled, shotDir, watch } from './lib.mjs';
import path from 'node:path';

const server = await serve();
const origin = server.url.replace(/\/$/, '');
const views = ['criteria', 'checklist', 'monitoring', 'labs', 'centers', 'guide'];

async function openHost(page, view, theme) {
  await page.goto(`${server.url}demo-host.html?view=${view}&theme=${theme}`);
  const frame = await (await page.waitForSelector('iframe#poems')).contentFrame();
  await frame.waitForURL(/embed\.html/);
  await firstFrame(frame);
  await settled(frame);
  return frame;
}

await report(server, async () => {
  for (const [viewport, list] of [['desktop', views], ['phone', ['criteria', 'guide']]]) {
    console.log(`# ${viewport}`);
    const context = await launch({ viewport });
    await context.addInitScript(() => {
      window.poemsMessages = 0;
      window.addEventListener('message', () => { window.poemsMessages += 1; });
    });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    for (const [i, view] of list.entries()) {
      const theme = i % 2 ? 'dark' : 'light';
      const frame = await openHost(page, view, theme);
      const shown = await frame.evaluate(() => UTF8ToString(Module._poems_current_page()));
      check(shown === view, `the embed shows the ${view} view (${shown})`);
      const nav = Object.keys(await namedItems(frame)).filter((n) => n.startsWith('nav:'));
      check(nav.length === 0, `the embed draws none of the app's navigation${nav.length ? ': ' + nav.join(', ') : ''}`);
      check(await frame.evaluate(() => Module._poems_dark()) === (theme === 'dark' ? 1 : 0), `the app was asked for ${theme} colours`);

      const iframe = await page.$('iframe#poems');
      const box = await iframe.boundingBox();
      const canvas = await frame.evaluate(() => {
        const c = document.getElementById('canvas');
        return { cssW: c.clientWidth, cssH: c.clientHeight, w: c.width, dpr: devicePixelRatio };
      });
      check(Math.abs(canvas.cssW - box.width) <= 2 && Math.abs(canvas.cssH - box.height) <= 2,
            `the app fills its iframe (${canvas.cssW}x${canvas.cssH} in ${box.width}x${box.height})`);
      check(canvas.w === Math.floor(canvas.cssW * canvas.dpr), `and draws at the device's pixel ratio (${canvas.w} px)`);

      const shot = await iframe.screenshot({ path: path.join(shotDir, `embed-${viewport}-${view}-${theme}.png`) });
      const light = await brightness(context, shot);
      check(theme === 'dark' ? light < 0.35 : light > 0.7, `the embed is drawn ${theme} (mean brightness ${light.toFixed(2)})`);
      if (i === 0) await page.screenshot({ path: path.join(shotDir, `embed-${viewport}-host-page.png`), fullPage: true });
    }

    if (viewport === 'desktop') {
      // A link inside the embedded view that leads to another page ("Check the criteria" on the
      // Checklist) opens it in the embed, with a way back to the embedded view.
      const own = await context.newPage();
      await own.setViewportSize({ width: 1000, height: 1300 });
      await own.goto(`${server.url}embed.html?view=checklist&today=2026-11-22`);
      await firstFrame(own);
      await settled(own);
      await press(own, 'checklist:ask:criteria');
      check(await currentPage(own) === 'criteria', 'a link in the embedded Checklist opens the Criteria page in the embed');
      check('embed:back' in await namedItems(own), 'with a "Back to Checklist" button');
      await own.screenshot({ path: path.join(shotDir, 'embed-desktop-back-button.png') });
      await press(own, 'embed:back');
      check(await currentPage(own) === 'checklist', '"Back to Checklist" returns to the embedded view');
      await own.close();
    }

    // The host follows a change of choice: the same page, now dark.
    const frame = await openHost(page, list[0], 'dark');
    const dark = await brightness(context, await (await page.$('iframe#poems')).screenshot());
    check(await frame.evaluate(() => Module._poems_dark()) === 1 && dark < 0.35,
          `switching the host to dark switches the embed (brightness ${dark.toFixed(2)})`);
    check(await page.evaluate(() => window.poemsMessages) === 0, 'the host page received no message from the app');
    noProblems(problems, 'console errors, failed or foreign requests');
    await context.close();
  }
});
