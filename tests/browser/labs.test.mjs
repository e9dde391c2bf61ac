// Labs page in the browser: add two serum VEGF results by clicking and typing, check that the
// chart changes and both results are listed, that an impossible value is refused without a new
// result, at desktop and phone sizes; screenshots of the chart; and a drawing benchmark with a
// 10-year series of 1,000 results (figures printed, not asserted).
import { check, currentPage, framesDrawn, launch, namedItems, noProblems, openApp, press, report, serve, settled, shotDir, typeInto, watch } from './lib.mjs';
import path from 'node:path';

const server = await serve();
const origin = server.url.replace(/\/$/, '');
const chart = 'labs:chart:labs.vegf_serum';

// On a phone the form runs below the fold: scroll to each widget first, as a person would.
const tap = (page, name, touch) => press(page, name, { touch, scroll: true });


async function addResult(page, { value, date }, touch) {
  await tap(page, 'labs:add', touch);
  await tap(page, 'labs:test', touch);
  await tap(page, 'labs:test:labs.vegf_serum', touch);
  await typeInto(page, 'labs:value', value, touch);
  await typeInto(page, 'labs:date', date, touch);
  await tap(page, 'labs:save', touch);
  await tap(page, 'labs:cancel', touch);  // close the form so the chart is in view
}

async function shootItem(page, name, file) {
  const r = (await namedItems(page))[name];
  if (!r) throw new Error(`no widget named ${name}`);
  return page.screenshot({ path: file && path.join(shotDir, file), clip: { x: r[0], y: r[1], width: r[2] - r[0], height: r[3] - r[1] } });
}

const rows = async (page) => Object.keys(await namedItems(page)).filter((n) => n.startsWith('labs:row:')).sort();

await report(server, async () => {
  for (const [viewport, touch] of [['desktop', false], ['phone', true]]) {
    console.log(`# ${viewport}`);
    const context = await launch({ viewport });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    await openApp(page, `${server.url}?view=labs&today=2025-05-20`);
    check(await currentPage(page) === 'labs', 'the app opens on the Labs page');

    await addResult(page, { value: '1200', date: '2025-01-10' }, touch);
    const items = await namedItems(page);
    check(items[chart] !== undefined, 'after the first result the serum VEGF chart is drawn');
    const w = items[chart][2] - items[chart][0], h = items[chart][3] - items[chart][1];
    console.log(`  chart: ${w.toFixed(0)} x ${h.toFixed(0)} px`);
    // Margins, card padding and the page's scrollbar take at most 80 px of a phone's width.
    if (viewport === 'phone') check(w >= page.viewportSize().width - 80, 'the chart takes the phone\'s width');
    const before = await shootItem(page, chart, `labs-${viewport}-chart-1.png`);
    check((await rows(page)).length === 1, 'one result is listed');

    await addResult(page, { value: '800', date: '2025-04-10' }, touch);
    const after = await shootItem(page, chart, `labs-${viewport}-chart-2.png`);
    check(!before.equals(after), 'the chart changed after the second result');
    check((await rows(page)).length === 2, `both results are listed (${(await rows(page)).join(', ')})`);

    // A value below zero is refused: no new result, and the form stays open with what was typed.
    await tap(page, 'labs:add', touch);
    await typeInto(page, 'labs:value', '-5', touch);
    await tap(page, 'labs:save', touch);
    check((await rows(page)).length === 2, 'an impossible value (-5) is not saved');
    check((await namedItems(page))['labs:save'] !== undefined, 'the form stays open after the refusal');
    await page.screenshot({ path: path.join(shotDir, `labs-${viewport}-refused.png`) });
    await tap(page, 'labs:cancel', touch);

    // The exact value of a point, on hover (desktop) or tap (phone).
    const r = (await namedItems(page))[chart];
    await page.screenshot({ path: path.join(shotDir, `labs-${viewport}.png`) });
    if (!touch) {
      // The newest point is at the right; sweep across to find it.
      for (let x = r[2] - 5; x > r[0]; x -= 4) {
        await page.mouse.move(x, (r[1] + r[3]) / 2);
      }
      await settled(page);
    }
    noProblems(problems);

    if (viewport === 'desktop') {
      // Benchmark: a 10-year series of 1,000 results, then redraws with the pointer over the chart.
      const added = await page.evaluate(() => {
        const id = allocateUTF8('labs.vegf_serum');
        const n = Module._poems_bench_add_lab_series(id, 1000);
        Module._free(id);
        return n;
      });
      await page.mouse.move(5, 5);
      await settled(page);
      const r2 = (await namedItems(page))[chart];
      const times = [], builds = [], frames = [];
      for (let i = 0; i < 20; i++) {
        const n = await framesDrawn(page);
        const t0 = await page.evaluate(() => performance.now());
        await page.mouse.move(r2[0] + (r2[2] - r2[0]) * (0.1 + 0.04 * i), (r2[1] + r2[3]) / 2);
        await page.waitForFunction((k) => Module._poems_frames_drawn() > k, n);
        times.push(await page.evaluate((t) => performance.now() - t, t0));
        builds.push(await page.evaluate(() => Module._poems_bench_chart_ms()));
        frames.push(await page.evaluate(() => Module._poems_last_frame_ms()));
      }
      await settled(page);
      await shootItem(page, chart, 'labs-desktop-chart-1000.png');
      const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
      console.log(`  bench: ${added} results added; pointer move to next frame median ${med(times).toFixed(1)} ms ` +
                  `(max ${Math.max(...times).toFixed(1)}); chart draw-list build median ${med(builds).toFixed(3)} ms ` +
                  `(max ${Math.max(...builds).toFixed(3)}); whole frame median ${med(frames).toFixed(1)} ms ` +
                  `(max ${Math.max(...frames).toFixed(1)}); the move-to-frame time includes the test driver's round trips`);
    }
    await context.close();
  }
});
