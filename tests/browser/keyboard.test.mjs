// The phone's on-screen keyboard: tapping an ImGui text field (the glossary search) focuses the
// hidden HTML field that raises it, what is typed there reaches the ImGui field exactly once,
// Backspace deletes, Ctrl+A selects all, Enter leaves the field and lets go of the keyboard. On the desktop the
// canvas keeps the keyboard (SDL) and the hidden field stays out of the way.
import { check, launch, namedItems, noProblems, openApp, press, report, serve, settled, shotDir, watch } from './lib.mjs';
import path from 'node:path';

const server = await serve();
const origin = server.url.replace(/\/$/, '');
const activeText = (page) => page.evaluate(() => UTF8ToString(Module._poems_active_text()));
const focused = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);

await report(server, async () => {
  for (const [viewport, touch] of [['phone', true], ['desktop', false]]) {
    console.log(`# ${viewport}`);
    const context = await launch({ viewport });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    await openApp(page, `${server.url}?view=guide&today=2026-11-22`);
    await press(page, 'guide:tab:glossary', { touch });
    check('glossary:search' in await namedItems(page), 'the Glossary shows its search field');
    const countBefore = (await namedItems(page))['glossary:count'];
    check(await focused(page) !== 'poems-text-input', 'before the tap the hidden field does not have the focus');

    await press(page, 'glossary:search', { touch });
    check(await page.evaluate(() => Module._poems_wants_text_input()) === 1, 'the search field is the active ImGui text field');
    if (touch) {
      check(await focused(page) === 'poems-text-input', 'tapping it focuses the hidden text field (the phone keyboard opens)');
    } else {
      const f = await focused(page);
      check(f === 'canvas', `clicking it with a mouse leaves the keyboard with the canvas (${f})`);
    }

    await page.keyboard.type('vegf');
    await settled(page);
    check(await activeText(page) === 'vegf', `typed text reaches the ImGui field once ("${await activeText(page)}")`);
    const countAfter = (await namedItems(page))['glossary:count'];
    check(countAfter && (countAfter[2] - countAfter[0]) !== (countBefore[2] - countBefore[0]),
          'the glossary result line changed with the search');
    await page.screenshot({ path: path.join(shotDir, `keyboard-${viewport}-glossary-vegf.png`) });

    await page.keyboard.press('Backspace');
    await settled(page);
    check(await activeText(page) === 'veg', `Backspace deletes one character ("${await activeText(page)}")`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('castleman');
    await settled(page);
    check(await activeText(page) === 'castleman', `Ctrl+A then typing replaces the text ("${await activeText(page)}")`);
    await page.keyboard.press('Enter');
    await settled(page);
    check(await page.evaluate(() => Module._poems_wants_text_input()) === 0, 'Enter leaves the text field');
    if (touch) check(await focused(page) !== 'poems-text-input', 'and lets go of the hidden field (the keyboard closes)');
    noProblems(problems);
    await context.close();
  }
});
