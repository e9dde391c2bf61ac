// Display settings in the browser: the text size and colours a person picks are still there after
// a reload (kept in localStorage, apart from the record), before the first frame; the text size
// also applies to the embed, whose colours stay the host's choice; a page's ?theme= wins over
// the stored colours; a stored entry that is not valid is ignored without an error.
import { check, launch, noProblems, openApp, press, report, serve, settled, shotDir, watch } from './lib.mjs';
import path from 'node:path';

const server = await serve();
const settings = (page) => page.evaluate(() => [Module._poems_text_size(), Module._poems_dark()]);
await report(server, async () => {
  const context = await launch();
  const page = context.pages()[0];
  const problems = watch(page, server.url.replace(/\/$/, ''));
  await openApp(page, server.url + '?view=settings');
  check(String(await settings(page)) === '100,0', 'a new profile starts at 100% text, light colours');

  await press(page, 'settings:text:larger');
  await press(page, 'settings:text:larger');
  await press(page, 'settings:colours:dark');
  await settled(page);
  check(String(await settings(page)) === '120,1', 'two taps on + and Dark give 120% text, dark colours');

  await page.reload();
  await openApp(page, server.url + '?view=settings');
  check(String(await settings(page)) === '120,1', 'after a reload the text is still 120% and the colours dark');
  await settled(page);
  await page.screenshot({ path: path.join(shotDir, 'settings-kept.png') });

  await openApp(page, server.url + '?view=settings&theme=light');
  check(String(await settings(page)) === '120,0', "the page's ?theme=light wins over the stored dark colours");

  const embed = await context.newPage();
  await openApp(embed, server.url + 'embed.html?view=criteria');
  check(String(await settings(embed)) === '120,0', 'the embed takes the text size but keeps the host side\'s colours');
  await embed.close();

  const kept = JSON.parse(await page.evaluate(() => localStorage.getItem('poems-settings')));
  check(kept.text_size_percent === 120 && kept.dark === true, `localStorage holds them as JSON (${JSON.stringify(kept)})`);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.evaluate(() => localStorage.setItem('poems-settings', '{"text_size_percent": 1000, "dark": true'));
  await openApp(page, server.url + '?view=settings');
  check(String(await settings(page)) === '100,0', 'a stored entry that is not valid JSON is ignored: the defaults apply');
  check(warnings.some((w) => w.includes('not valid JSON')), `the console says why (${warnings[0]})`);
  await page.evaluate(() => localStorage.setItem('poems-settings', '{"text_size_percent": 250, "dark": "yes"}'));
  await openApp(page, server.url + '?view=settings');
  check(String(await settings(page)) === '100,0', 'a text size above 200% and a colour that is not true/false are ignored');
  check(warnings.some((w) => w.includes('/text_size_percent: must be a percentage from 100 to 200')) &&
        warnings.some((w) => w.includes('/dark: expected true or false')), 'the console names each value it ignored');

  noProblems(problems);
  await context.close();
});
