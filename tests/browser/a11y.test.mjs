// The accessibility mirror (wasm/a11y_mirror.js, ui/app/description.hpp): what the canvas shows,
// as Chromium's accessibility tree has it, which is what screen readers read.
//  - Every page at desktop and phone sizes: the tree's structure (landmarks, headings, controls
//    with their names and states) matches the expected snapshot in tests/browser/a11y/ (words
//    that come from content/ are written {content} there and checked against content/ here, so
//    rewording content does not break a snapshot; POEMS_UPDATE_A11Y=1 rewrites the snapshots);
//    axe-core finds 0 WCAG 2.1 A/AA violations (its "incomplete" results are listed).
//  - The criteria check of ../shared/vignettes/classic.json done only through the tree (getByRole,
//    focus and Enter, or a click event on the element, as assistive technology does), reading
//    the verdict from the tree; then the same by keyboard alone (Tab, Space, Enter).
//  - The Guide: every word of the chapter text drawn on screen is in the tree.
//  - Idle: 0 DOM mutations and 0 frames in 1 s after settling.
//  - At 390 and 360 px, no text of any page runs past the right edge (from the description).
import { check, firstFrame, framesDrawn, launch, noProblems, openApp, repo, report, serve, settled, shotDir, watch } from './lib.mjs';
import fs from 'node:fs';
import path from 'node:path';

const server = await serve();
const origin = server.url.replace(/\/$/, '');
const snapDir = path.join(repo, 'tests/browser/a11y');
const update = process.env.POEMS_UPDATE_A11Y === '1';
const axeSource = fs.readFileSync(path.join(repo, 'tests/browser/node_modules/axe-core/axe.min.js'), 'utf8');
const vignettes = process.env.POEMS_VIGNETTES || path.join(repo, '../shared/vignettes');
const fallbackVignettes = '/work/shared/vignettes';
const readVignette = (name) => {
  for (const dir of [vignettes, fallbackVignettes]) {
    const f = path.join(dir, name + '.json');
    if (fs.existsSync(f)) return JSON.parse(fs.readFileSync(f, 'utf8'));
  }
  throw new Error(`vignette ${name} not found in ${vignettes}`);
};

// Every string of content/'s topic files (language maps' English), whitespace squeezed, to tell
// clinical content's words from the app's own (content/ui.json: kept in the snapshots).
const squeeze = (s) => s.replace(/\s+/g, ' ').trim();
const contentStrings = [];
for (const f of fs.readdirSync(path.join(repo, 'content')).filter((f) => f.endsWith('.json') && f !== 'ui.json')) {
  (function walk(v) {
    if (typeof v === 'string') contentStrings.push(squeeze(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  })(JSON.parse(fs.readFileSync(path.join(repo, 'content', f), 'utf8')));
}
const corpus = contentStrings.join('\n');
const fromContent = (s) => s.length >= 12 && corpus.includes(squeeze(s));

// An aria snapshot reduced to structure: the words of text are left out (checked elsewhere), the
// names of headings and controls kept unless they are content's words ({content}).
// A run of text lines is kept as one, so a paragraph more or less in content/ is not a change of
// structure.
function structure(yaml) {
  return yaml.split('\n').map((line) => {
    let m = /^(\s*- )(paragraph|text|listitem|status|alert|generic)(:.*)?$/.exec(line);
    if (m) return `${m[1]}${m[2]}${m[3] && m[3].trim() !== ':' ? '' : m[3] || ''}`;
    m = /^(\s*- [a-z]+ )"((?:[^"\\]|\\.)*)"(.*)$/.exec(line);
    if (m && fromContent(JSON.parse(`"${m[2]}"`))) return `${m[1]}"{content}"${m[3]}`;
    return line;
  }).filter((line, i, all) => !(i > 0 && line === all[i - 1] && /^\s*- (paragraph|text|listitem)$/.test(line))).join('\n');
}

const description = (page) => page.evaluate(() => JSON.parse(UTF8ToString(Module._poems_description())).nodes);
const pages = ['criteria', 'checklist', 'monitoring', 'labs', 'diary', 'centers', 'guide', 'settings'];
const titles = { criteria: 'Criteria', checklist: 'Checklist', monitoring: 'Monitoring', labs: 'Labs', diary: 'Diary', centers: 'Centers',
                 guide: 'Guide', settings: 'Settings' };

// Opens a page as assistive technology would: the link in the tree, activated by a click event.
async function openPage(page, id) {
  const nav = page.getByRole('navigation');
  let link = nav.getByRole('link', { name: titles[id], exact: true });
  if (!await link.count()) link = page.getByRole('banner').getByRole('link', { name: titles[id], exact: true });
  if (!await link.count()) {
    // A phone's row holds four pages; the others are under "More".
    const more = nav.getByRole('button', { name: 'More' });
    const before = await framesDrawn(page);
    await more.dispatchEvent('click');
    await page.waitForFunction((n) => Module._poems_frames_drawn() > n, before, { timeout: 10000 });
    await settled(page, 100);
    soft(await more.getAttribute('aria-expanded') === 'true', `"More" says it is expanded`);
    link = nav.getByRole('link', { name: titles[id], exact: true });
  }
  const before = await framesDrawn(page);
  await link.dispatchEvent('click');
  await page.waitForFunction((n) => Module._poems_frames_drawn() > n, before, { timeout: 10000 });
  await settled(page, 100);
  const shown = await page.evaluate(() => UTF8ToString(Module._poems_current_page()));
  if (shown !== id) throw new Error(`the ${titles[id]} link opened ${shown}`);
}

async function axe(page) {
  await page.evaluate(axeSource + '\n;0');
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return { violations: r.violations.map((v) => `${v.id} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`),
             incomplete: r.incomplete.map((v) => `${v.id} (${v.nodes.length})`) };
  });
}

async function idle(page) {
  await settled(page);
  const frames = await framesDrawn(page);
  const mutations = await page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const o = new MutationObserver((list) => { n += list.length; });
    o.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    setTimeout(() => { o.disconnect(); resolve(n); }, 1000);
  }));
  return { mutations, frames: (await framesDrawn(page)) - frames };
}

// Text of the description that runs past the right edge of the window (or past its own column).
async function cutText(page) {
  const width = page.viewportSize().width;
  return (await description(page)).filter((n) => n.r !== 'none' && !['banner', 'navigation', 'main'].includes(n.r) &&
                                                  (n.c || n.x + n.w > width + 0.5))
    .map((n) => `${n.r} "${n.n.slice(0, 40)}" at x ${n.x}..${Math.round(n.x + n.w)}`);
}

// Every content item by id, for the Guide's text.
const items = new Map();
for (const f of fs.readdirSync(path.join(repo, 'content')).filter((f) => f.endsWith('.json'))) {
  (function walk(v) {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof v.id === 'string') items.set(v.id, v);
      Object.values(v).forEach(walk);
    }
  })(JSON.parse(fs.readFileSync(path.join(repo, 'content', f), 'utf8')));
}

// The Guide draws every chapter, title and items' text one after the other: all of it must be in
// the tree as text (the whole page, not only what is on screen), word for word.
async function guideText(page) {
  const tree = squeeze(await page.locator('#poems-a11y').evaluate((el) => el.innerText || el.textContent));
  const guide = JSON.parse(fs.readFileSync(path.join(repo, 'content/guide.json'), 'utf8'));
  let checked = 0;
  const missing = [];
  for (const chapter of guide.chapters) {
    const texts = [chapter.title.en];
    for (const id of chapter.item_ids) {
      const item = items.get(id);
      for (const field of ['text', 'definition']) if (item && item[field] && item[field].en) texts.push(item[field].en);
    }
    for (const t of texts) {
      ++checked;
      if (!tree.includes(squeeze(t))) missing.push(`${chapter.id}: "${squeeze(t).slice(0, 60)}"`);
    }
  }
  soft(missing.length === 0, `the Guide: all ${checked} chapter titles and item texts of content/guide.json are in the tree` +
        (missing.length ? ` (${missing.length} missing: ${missing.slice(0, 5).join('; ')})` : ''));
}

const allIncomplete = new Map();
const criteria = JSON.parse(fs.readFileSync(path.join(repo, 'content/criteria.json'), 'utf8'));
const questionOf = (key) => criteria.criteria.find((c) => c.key === key).question.en;

// Checks of every page go on after one fails, so one run lists every page's problems.
const failures = [];
function soft(condition, message) {
  if (condition) console.log(`  ok - ${message}`);
  else {
    console.log(`not ok - ${message}`);
    failures.push(message.split('\n')[0]);
  }
}

await report(server, async () => {
  for (const viewport of ['desktop', 'phone']) {
    console.log(`# ${viewport}: every page`);
    // The phone's size and touch, at a pixel ratio of 1: the layout in CSS pixels is the same, and
    // software WebGL draws 9 times fewer pixels than at 3 (the other tests draw at 3).
    const context = await launch({ viewport, context: { deviceScaleFactor: 1 } });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    await openApp(page, `${server.url}?view=criteria&today=2026-11-22`);
    await settled(page);
    for (const id of pages) {
      const started = Date.now();
      if (id !== 'criteria') await openPage(page, id);
      const snap = structure(await page.locator('#poems-a11y').ariaSnapshot());
      const file = path.join(snapDir, `${id}-${viewport}.yml`);
      if (update) {
        fs.mkdirSync(snapDir, { recursive: true });
        fs.writeFileSync(file, snap + '\n');
      }
      const expected = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trimEnd() : '(none: run with POEMS_UPDATE_A11Y=1)';
      soft(snap === expected, `${id}: the tree's structure matches tests/browser/a11y/${path.basename(file)}` +
            (snap === expected ? '' : `\n--- got ---\n${snap}\n--- expected ---\n${expected}`));
      const tree = await page.locator('#poems-a11y').ariaSnapshot();
      soft(/- main:/.test(tree) && (/- navigation "Pages":/.test(tree)), `${id}: the tree has the main and navigation landmarks`);
      soft(new RegExp(`- heading "${titles[id]}" \\[level=1\\]`).test(tree), `${id}: the page's title is its level-1 heading`);
      if (id === 'guide' && viewport === 'desktop') await guideText(page);
      const a = await axe(page);
      for (const inc of a.incomplete) allIncomplete.set(inc.replace(/ \(\d+\)$/, ''), (allIncomplete.get(inc.replace(/ \(\d+\)$/, '')) || []).concat(`${id}/${viewport}`));
      soft(a.violations.length === 0, `${id}: axe-core finds 0 WCAG 2.1 A/AA violations${a.violations.length ? ': ' + a.violations.join('; ') : ''}`);
      if (id === 'labs' && viewport === 'desktop') {
        // The form to add a result: its test picker (an ImGui combo) is a combo box with its value.
        const before = await framesDrawn(page);
        await page.getByRole('main').getByRole('button', { name: 'Add a result' }).dispatchEvent('click');
        await page.waitForFunction((n) => Module._poems_frames_drawn() > n, before, { timeout: 10000 });
        await settled(page, 100);
        const combo = page.getByRole('main').getByRole('combobox').first();
        const value = (await combo.count()) ? await combo.textContent() : '';
        soft(value.length > 0, `labs: the form's test picker is a combo box showing "${value}"`);
        const f = await axe(page);
        soft(f.violations.length === 0, `labs form: axe-core finds 0 WCAG 2.1 A/AA violations${f.violations.length ? ': ' + f.violations.join('; ') : ''}`);
      }
      if (viewport === 'phone') {
        for (const width of [390, 360]) {
          await page.setViewportSize({ width, height: 780 });
          await settled(page, 100);
          const cut = await cutText(page);
          soft(cut.length === 0, `${id} at ${width} px: no text runs past the right edge${cut.length ? ': ' + cut.join('; ') : ''}`);
        }
        await page.setViewportSize({ width: 390, height: 844 });
        await settled(page, 100);
      }
      console.log(`# ${id} (${viewport}): ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const quiet = await idle(page);
    soft(quiet.mutations === 0 && quiet.frames === 0, `idle for 1 s after settling: ${quiet.mutations} DOM mutations, ${quiet.frames} frames`);
    if (viewport === 'desktop') {
      // Browser zoom to 200%: the CSS viewport halves and the pixel ratio doubles. The app draws
      // again into a buffer of the new size, its fonts rasterised for it, so zoomed text is crisp.
      const cdp = await context.newCDPSession(page);
      const before = await framesDrawn(page);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: 640, height: 400, deviceScaleFactor: 2, mobile: false });
      await page.waitForFunction((n) => Module._poems_frames_drawn() > n, before, { timeout: 10000 }).catch(() => {});
      await settled(page, 100);
      const buffer = await page.evaluate(() => [Module.canvas.clientWidth, Module.canvas.width, Module.canvas.height]);
      soft(buffer.join() === '640,1280,800', `zoomed to 200% the app draws its 640 CSS px at 1280x800 pixels (${buffer.join(', ')})`);
      await cdp.send('Emulation.clearDeviceMetricsOverride');
      await settled(page, 100);

      // The same mirror in an embed, inside a host's page: no app navigation, the page's controls.
      console.log('# embed.html');
      await page.goto(`${server.url}embed.html?view=criteria&today=2026-11-22`);
      await firstFrame(page);
      await settled(page);
      const tree = await page.locator('#poems-a11y').ariaSnapshot();
      soft(/- main:/.test(tree) && !/- navigation/.test(tree), 'embed: the tree has the main landmark and no app navigation');
      const yes = page.getByRole('radiogroup', { name: questionOf('polyneuropathy') }).getByRole('radio', { name: 'Yes' });
      await yes.dispatchEvent('click');
      await settled(page, 100);
      soft(await yes.getAttribute('aria-checked') === 'true', 'embed: a click event on "Yes" in the tree answers the question');
      const a = await axe(page);
      soft(a.violations.length === 0, `embed: axe-core finds 0 WCAG 2.1 A/AA violations${a.violations.length ? ': ' + a.violations.join('; ') : ''}`);
    }
    noProblems(problems);
    await context.close();
  }
  console.log(`# axe-core "incomplete" (to review): ${[...allIncomplete].map(([k, v]) => `${k} on ${v.length} views`).join('; ') || 'none'}`);

  // ---- The criteria check through the accessibility tree only -------------------------------
  const classic = readVignette('classic');
  const headline = criteria.verdicts.find((v) => v.verdict === classic.expected.verdict).headline.en;
  const present = Object.entries(classic.findings).filter(([, v]) => v === 'present').map(([k]) => k);
  for (const how of ['tree', 'keyboard']) {
    console.log(`# criteria, classic vignette, ${how === 'tree' ? 'through the accessibility tree' : 'by keyboard alone'}`);
    const started = Date.now();
    const context = await launch({ viewport: 'desktop' });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    await openApp(page, `${server.url}?view=criteria&today=2026-11-22`);
    await settled(page);
    if (how === 'tree') {
      for (const key of present) {
        const yes = page.getByRole('radiogroup', { name: questionOf(key) }).getByRole('radio', { name: 'Yes' });
        await yes.focus();
        await page.keyboard.press('Enter');
        await settled(page, 100);
        check(await yes.getAttribute('aria-checked') === 'true', `"${questionOf(key)}": Yes is checked in the tree`);
      }
    } else {
      // Tab from the start of the page to each "Yes" wanted, Space to choose it: no mouse, no
      // element handle, only keys, reading where the focus is as a screen reader would.
      const wanted = new Set(present.map(questionOf));
      for (let i = 0; i < 400 && wanted.size; ++i) {
        await page.keyboard.press('Tab');
        const at = await page.evaluate(() => {
          const el = document.activeElement;
          const group = el && el.closest('[role=radiogroup]');
          return { role: el && el.getAttribute('role'), name: el && el.textContent, group: group && group.getAttribute('aria-label') };
        });
        if (at.role === 'radio' && at.name === 'Yes' && wanted.has(at.group)) {
          await page.keyboard.press('Space');
          await settled(page, 100);
          wanted.delete(at.group);
          console.log(`  ok - Tab x${i + 1}: Space on "Yes" for "${at.group}"`);
        }
      }
      check(wanted.size === 0, `every question of the vignette was reached by Tab${wanted.size ? ' (not: ' + [...wanted].join('; ') + ')' : ''}`);
    }
    const tree = await page.locator('#poems-a11y').ariaSnapshot();
    check(tree.includes(headline), `the tree reads the verdict: "${headline}"`);
    if (how === 'tree') {
      fs.writeFileSync(path.join(shotDir, 'a11y-criteria-classic.yml'), tree + '\n');
      await page.screenshot({ path: path.join(shotDir, 'a11y-criteria-classic.png') });
    } else {
      await page.screenshot({ path: path.join(shotDir, 'a11y-criteria-keyboard.png') });
    }
    noProblems(problems);
    await context.close();
    console.log(`# (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  check(failures.length === 0, `every page passed its checks${failures.length ? ' (failed: ' + failures.join('; ') + ')' : ''}`);
});
