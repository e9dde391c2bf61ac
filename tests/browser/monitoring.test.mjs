// Monitoring page in the browser: type a bad date (refused, nothing saved), then an ASCT date,
// see the plan with its first item, and download the calendar file, at desktop and phone sizes.
import { check, currentPage, launch, namedItems, noProblems, openApp, press, report, serve, settled, shotDir, typeInto, watch } from './lib.mjs';
import path from 'node:path';

const server = await serve();
const origin = server.url.replace(/\/$/, '');

// On a phone the form runs below the fold: scroll to each widget first, as a person would.
const tap = (page, name, touch) => press(page, name, { touch, scroll: true });


await report(server, async () => {
  for (const [viewport, touch] of [['desktop', false], ['phone', true]]) {
    console.log(`# ${viewport}`);
    const context = await launch({ viewport, context: { acceptDownloads: true } });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    await openApp(page, `${server.url}?view=monitoring&today=2025-05-20`);
    check(await currentPage(page) === 'monitoring', 'the app opens on the Monitoring page');
    check((await namedItems(page))['monitoring:save_date'] !== undefined, 'with no dates, the dates form is open');

    await tap(page, 'monitoring:kind:2', touch);  // Stem cell transplant (ASCT)
    await typeInto(page, 'monitoring:date', '2024-13-01', touch);
    await tap(page, 'monitoring:save_date', touch);
    let items = await namedItems(page);
    check(items['monitoring:plan:first'] === undefined && items['monitoring:save_date'] !== undefined,
          'an impossible date (2024-13-01) is refused and the form stays open');
    await page.screenshot({ path: path.join(shotDir, `monitoring-${viewport}-bad-date.png`) });

    await typeInto(page, 'monitoring:date', '2024-05-15', touch);
    await tap(page, 'monitoring:save_date', touch);
    items = await namedItems(page);
    await page.screenshot({ path: path.join(shotDir, `monitoring-${viewport}-saved.png`) });
    check(Object.keys(items).some((n) => n.startsWith('monitoring:event:')), 'the ASCT date is listed');
    check(items['monitoring:plan:first'] !== undefined, 'the plan shows a first item');
    const first = items['monitoring:plan:first'];
    const same = Object.keys(items).filter((n) => n.startsWith('monitoring:item:') &&
                                             items[n].every((v, i) => v === first[i]));
    console.log(`  first plan item: ${same.join(', ')}`);
    check(same.includes('monitoring:item:2024-08-15'), 'the first item is 3 months after the ASCT (2024-08-15)');
    check(items['monitoring:status:2024-08-15:overdue'] !== undefined, 'with no results it is marked overdue');
    check(items['monitoring:status:2025-05-15:due'] !== undefined, 'the 12-month date (2025-05-15) is due');
    check(items['monitoring:recovery:here'] !== undefined, 'the recovery timeline marks "you are here"');
    await page.screenshot({ path: path.join(shotDir, `monitoring-${viewport}.png`) });

    if (!items['monitoring:ics']) throw new Error('no "Add to calendar" button: the browser runner offers no platform.save_file');
    const download = page.waitForEvent('download', { timeout: 10000 });
    await tap(page, 'monitoring:ics', touch);
    const d = await download;
    check(d.suggestedFilename() === 'poems-monitoring.ics', `a calendar file was downloaded (${d.suggestedFilename()})`);
    const file = await d.path();
    const text = (await import('node:fs')).readFileSync(file, 'utf8');
    check(text.startsWith('BEGIN:VCALENDAR') && text.includes('DTSTART;VALUE=DATE:20250815'),
          'the file is an iCalendar file with the next date 2025-08-15');
    noProblems(problems);
    await context.close();
  }
});
