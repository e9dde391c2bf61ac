// Never lose a record to the browser (docs/record.md, "Keeping the record"):
//  - with navigator.storage.persist() answering false (stubbed) Settings and the header warn that
//    the browser may delete the data; answering true, they show the record as kept; an embed
//    that is not kept says so in one line with a link to the full app;
//  - export reminders, with ?today=: a record never exported shows the reminder after a change,
//    and Export clears it; after an export a change 10 days later shows none, 31 days later it
//    shows again; never twice on one day;
//  - iPhone Safari (user agent, navigator.standalone stubbed false): the Home Screen advice shows
//    once, then only in Settings; not with standalone true, nor on other platforms (an iPad's Mac
//    user agent with touch points counts as an iPad).
// Screenshots: keeping-*.png at phone (390 px) and desktop sizes.
import { check, launch, namedItems, noProblems, openApp, press, report, reveal, serve, settled, shotDir, watch } from './lib.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const server = await serve();
const origin = server.url.replace(/\/$/, '');
const texts = (page) => page.evaluate(() => JSON.parse(UTF8ToString(Module._poems_named_texts())));
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPAD = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';

// A fresh browser profile whose navigator.storage.persist() answers `granted`, and (optionally)
// whose navigator.standalone and navigator.maxTouchPoints (an iPad reports 5) are stubbed.
async function browser({ viewport = 'desktop', granted = false, userAgent, standalone, touchPoints, userDataDir } = {}) {
  const context = await launch({ viewport, userDataDir, context: userAgent ? { userAgent } : {} });
  await context.addInitScript(({ granted, standalone, touchPoints }) => {
    StorageManager.prototype.persist = () => Promise.resolve(granted);
    if (standalone !== undefined) Object.defineProperty(Navigator.prototype, 'standalone', { get: () => standalone, configurable: true });
    if (touchPoints !== undefined) Object.defineProperty(Navigator.prototype, 'maxTouchPoints', { get: () => touchPoints, configurable: true });
  }, { granted, standalone, touchPoints });
  const page = context.pages()[0] || await context.newPage();
  return { context, page, problems: watch(page, origin) };
}

// Waits until the app has the browser's answer about persistence (the Settings text says it).
async function keepingText(page) {
  await page.waitForFunction(() => !JSON.parse(UTF8ToString(Module._poems_named_texts()))['settings:keeping']?.startsWith('Asking'),
                             null, { timeout: 10000 });
  await settled(page);
  return (await texts(page))['settings:keeping'];
}

// One change to the record: an answer on the Criteria page (a different one each time).
async function change(page, key) {
  await reveal(page, `criteria:${key}:0`, { pane: 'criteria:pane:questions' });
  await press(page, `criteria:${key}:0`);
  await page.waitForFunction(() => Module.poemsLastPersist === 'ok', null, { timeout: 10000 }).catch(() => {});
  await settled(page);
}

await report(server, async () => {
  console.log('# where the record stands: persist() false, then true');
  for (const viewport of ['desktop', 'phone']) {
    for (const granted of [false, true]) {
      const { context, page, problems } = await browser({ viewport, granted });
      await openApp(page, `${server.url}?view=settings&today=2026-03-01`);
      const text = await keepingText(page);
      const status = (await texts(page))['status:save'];
      if (granted) {
        check(/^Kept: your browser has agreed/.test(text), `${viewport}, persist() true: Settings shows the record as kept ("${text.slice(0, 50)}...")`);
        check(/your browser keeps it/.test(status), `and the header says so briefly ("${status}")`);
      } else {
        check(/may delete this data without asking/.test(text) && /Export a copy/.test(text),
              `${viewport}, persist() false: Settings warns the browser may delete the data, and says to export ("${text.slice(0, 50)}...")`);
        check(/may delete this data: export a copy/.test(status), `and the header says so briefly ("${status}")`);
      }
      check((await texts(page))['settings:last-export'] === 'Not exported yet.', 'Settings says the record was not exported yet');
      await page.screenshot({ path: path.join(shotDir, `keeping-${viewport}-settings-${granted ? 'kept' : 'may-be-deleted'}.png`) });
      if (!granted && viewport === 'desktop') {
        const embed = await context.newPage();
        await openApp(embed, `${server.url}embed.html?view=criteria&today=2026-03-01`);
        await embed.waitForFunction(() => 'embed:notice:may-be-deleted' in JSON.parse(UTF8ToString(Module._poems_named_items())), null, { timeout: 10000 });
        check('embed:open-app' in await namedItems(embed), 'an embed whose storage is not persistent says so in one line, with a link to the full app');
        await settled(embed);
        await embed.screenshot({ path: path.join(shotDir, 'keeping-desktop-embed-may-be-deleted.png') });
        await embed.close();
      }
      noProblems(problems);
      await context.close();
    }
  }

  console.log('# export reminders');
  for (const viewport of ['desktop']) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-keeping-'));
    const { context, page, problems } = await browser({ viewport, userDataDir: profile });
    const at = (day) => `${server.url}?view=criteria&today=${day}`;
    await openApp(page, at('2026-03-01'));
    check(!('reminder:export' in await namedItems(page)), 'no reminder before any change');
    await change(page, 'polyneuropathy');
    let t = await texts(page);
    check('reminder:export' in await namedItems(page) && /^Not exported yet/.test(t['reminder:text']),
          `a record never exported shows the reminder after a change ("${t['reminder:text']?.slice(0, 45)}...")`);
    await page.screenshot({ path: path.join(shotDir, `keeping-${viewport}-reminder.png`) });
    const [download] = await Promise.all([page.waitForEvent('download'), press(page, 'reminder:export')]);
    check(download.suggestedFilename() === 'poems-record-2026-03-01.json', `its Export button downloads the record (${download.suggestedFilename()})`);
    check(!('reminder:export' in await namedItems(page)), 'and Export clears the reminder');
    await page.waitForFunction(() => Module.poemsLastPersist === 'ok', null, { timeout: 10000 });

    await openApp(page, at('2026-03-11'));
    await change(page, 'organomegaly');
    check(!('reminder:export' in await namedItems(page)), 'after an export, a change 10 days later shows no reminder');

    await openApp(page, at('2026-04-01'));
    await change(page, 'sclerotic_bone_lesions');
    t = await texts(page);
    check('reminder:export' in await namedItems(page) && /last export 31 days ago/.test(t['reminder:text']),
          `a change 31 days after the export shows it again ("${t['reminder:text']?.slice(0, 60)}...")`);
    await press(page, 'reminder:dismiss');
    check(!('reminder:export' in await namedItems(page)), '"Not now" puts it away');
    await change(page, 'monoclonal_plasma_cell_disorder');
    check(!('reminder:export' in await namedItems(page)), 'and another change the same day does not bring it back (once a day)');
    await openApp(page, `${server.url}?view=settings&today=2026-04-01`);
    check((await texts(page))['settings:last-export'] === 'Last exported on 2026-03-01.', 'Settings shows the day of the last export');
    noProblems(problems);
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  {
    // The phone's reminder, for the screenshot and the layout at 390 px.
    const { context, page, problems } = await browser({ viewport: 'phone' });
    await openApp(page, `${server.url}?view=criteria&today=2026-03-01`);
    await reveal(page, 'criteria:polyneuropathy:0');
    await press(page, 'criteria:polyneuropathy:0', { touch: true });
    const r = (await namedItems(page))['reminder:export'];
    check(r && r[2] <= 390, `on a 390 px phone the reminder shows, its Export button inside the screen (right edge ${r?.[2]} px)`);
    await page.screenshot({ path: path.join(shotDir, 'keeping-phone-reminder.png') });
    noProblems(problems);
    await context.close();
  }

  console.log('# the Home Screen advice on iPhone and iPad Safari');
  for (const c of [
    { name: 'iPhone, in Safari', userAgent: IPHONE, standalone: false, shows: true },
    { name: 'iPhone, from the Home Screen', userAgent: IPHONE, standalone: true, shows: false },
    { name: 'iPad (a Mac user agent with touch)', userAgent: IPAD, standalone: false, touchPoints: 5, shows: true },
    { name: 'a Mac (the same user agent, no touch)', viewport: 'desktop', userAgent: IPAD, touchPoints: 0, shows: false },
    { name: 'Android', userAgent: ANDROID, shows: false },
    { name: 'a desktop browser', viewport: 'desktop', shows: false },
  ]) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-keeping-'));
    const { context, page, problems } = await browser({ viewport: c.viewport || 'phone', ...c, userDataDir: profile });
    await openApp(page, `${server.url}?view=criteria&today=2026-03-01`);
    await settled(page);
    const first = await namedItems(page);
    check(('advice:home-screen' in first) === c.shows, `${c.name}: the Home Screen advice ${c.shows ? 'shows' : 'does not show'}`);
    if (c.shows) {
      const t = (await texts(page))['advice:home-screen'];
      check(/Share, then Add to Home Screen/.test(t), `it says how ("${t.slice(0, 60)}...")`);
      if (c.userAgent === IPHONE) await page.screenshot({ path: path.join(shotDir, 'keeping-phone-home-screen-advice.png') });
      await page.waitForFunction(() => Module.poemsLastPersist === 'ok', null, { timeout: 10000 });
      await openApp(page, `${server.url}?view=criteria&today=2026-03-02`);
      check(!('advice:home-screen' in await namedItems(page)), `${c.name}: the next start does not show it again (once)`);
    }
    await openApp(page, `${server.url}?view=settings&today=2026-03-02`);
    check(('settings:home-screen' in await namedItems(page)) === c.shows, `${c.name}: Settings ${c.shows ? 'keeps the advice' : 'has no such advice'}`);
    if (c.shows && c.userAgent === IPHONE) {
      await reveal(page, 'settings:home-screen');
      await page.screenshot({ path: path.join(shotDir, 'keeping-phone-settings-home-screen.png') });
    }
    noProblems(problems);
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
