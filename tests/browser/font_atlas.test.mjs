// The font atlas made at build time (tools/font-atlas, ui/app/font_atlas_file.hpp): at pixel
// ratios 1 and 2 the app starts with the file for its ratio and draws exactly what it draws when
// it rasterises the fonts itself (the file refused by the server); on a phone (ratio 3) no file is
// fetched; at another text size the file is fetched but not used.
import { check, launch, noProblems, openApp, report, serve, settled, shotDir, watch } from './lib.mjs';
import path from 'node:path';

const server = await serve();
const origin = server.url.replace(/\/$/, '');
const page0 = `${server.url}index.html?today=2026-11-22`;
const fromFile = (page) => page.evaluate(() => performance.getEntriesByName('poems:fonts-from-file').length === 1);

// One fresh start: whether the atlas came from the file, what was asked for, the screen.
async function start(viewport, { refuseAtlas = false, settings = null, shot = null } = {}) {
  const context = await launch({ viewport });
  const page = context.pages()[0] || await context.newPage();
  const problems = refuseAtlas ? [] : watch(page, origin);
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname.split('/').pop()));
  if (refuseAtlas) await page.route('**/*.atlas', (route) => route.fulfill({ status: 404, body: '' }));
  if (settings) await page.addInitScript((s) => localStorage.setItem('poems-settings', s), JSON.stringify(settings));
  await openApp(page, page0);
  await settled(page);
  const screen = await page.screenshot();
  if (shot) await page.screenshot({ path: path.join(shotDir, shot) });
  const result = { fromFile: await fromFile(page), atlases: asked.filter((f) => f.endsWith('.atlas')), screen, problems, page };
  result.close = () => context.close();
  return result;
}

await report(server, async () => {
  for (const [viewport, file] of [['desktop', 'fonts-1x.atlas'], ['small_phone', 'fonts-2x.atlas']]) {
    console.log(`# ${viewport}`);
    const withFile = await start(viewport, { shot: `font-atlas-${viewport}.png` });
    check(withFile.atlases.length === 1 && withFile.atlases[0] === file, `${file} was fetched once (${withFile.atlases.join(', ')})`);
    check(withFile.fromFile, 'the app took its font atlas from the file');
    noProblems(withFile.problems);
    await withFile.close();

    const built = await start(viewport, { refuseAtlas: true });
    check(!built.fromFile, 'with the file refused, the app built its own atlas and started');
    check(withFile.screen.equals(built.screen), 'the screen is the same, pixel for pixel, either way');
    await built.close();
  }

  console.log('# phone (pixel ratio 3)');
  const phone = await start('phone');
  check(phone.atlases.length === 0, `no font atlas file was fetched (${phone.atlases.join(', ') || 'none'})`);
  check(!phone.fromFile, 'the app built its own atlas');
  noProblems(phone.problems);
  await phone.close();

  console.log('# desktop, text size 150%');
  const large = await start('desktop', { settings: { text_size_percent: 150, dark: false } });
  check(!large.fromFile, 'the file made for 100% was not used');
  noProblems(large.problems);
  await large.close();
});
