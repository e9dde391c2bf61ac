// "Take it to the doctor" in the browser: the visit summary and the letter (poems/document.hpp).
//  - A record is imported (tests/fixtures/documents/asct-1-year.json, one year after ASCT).
//  - Print: pressing "Print or save as PDF" opens the document in a new page from a Blob URL and
//    asks for its print dialog (window.print is intercepted in every page of the context), with
//    no request leaving the origin and no policy violation: the app's CSP allows the document's
//    stylesheet by its hash (checked by the style really applying).
//  - The printed page: axe-core finds 0 violations; Chromium prints it to PDF (A4 and Letter),
//    pdfinfo counts at most 2 pages, pdftotext finds every section; pdftoppm renders the pages
//    (<shotDir>/document-summary-a4-<n>.png) to look at.
//  - Download gives the .html file, which html5lib parses strictly with 0 errors.
//  - The letter: the own paragraph typed in the app is in the printed letter.
//  - In embed.html inside a sandbox without allow-popups, the print bridge falls back to a download.
import { check, firstFrame, launch, namedItems, noProblems, openApp, press, repo, report, serve, settled, shotDir, watch } from './lib.mjs';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const fixture = path.join(repo, 'tests/fixtures/documents/asct-1-year.json');
const axeSource = fs.readFileSync(path.join(repo, 'tests/browser/node_modules/axe-core/axe.min.js'), 'utf8');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'poems-documents-'));

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) console.log(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stdout}${r.stderr}`);
  return r;
}

async function importRecord(page) {
  await press(page, 'nav:settings');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(page, 'data:import')]);
  await chooser.setFiles(fixture);
  await page.waitForFunction(() => UTF8ToString(Module._poems_named_items()).includes('data:import:confirm'), null, { timeout: 10000 });
  await press(page, 'data:import:confirm');
  await settled(page);
  // The import is a change, so the export reminder (issue 20) comes up: this person says "Not now".
  if ((await namedItems(page))['reminder:dismiss']) await press(page, 'reminder:dismiss');
}

// Presses Print and returns the page it opened, once its print dialog was asked for.
async function printed(context, page) {
  const [popup] = await Promise.all([context.waitForEvent('page'), press(page, 'documents:print', { scroll: true })]);
  await popup.waitForLoadState('load');
  await popup.waitForFunction(() => window.poemsPrintCalls > 0, null, { timeout: 10000 });
  return popup;
}

async function checkPdf(popup, name, format) {
  const file = path.join(shotDir, `${name}-${format.toLowerCase()}.pdf`);
  await popup.pdf({ path: file, format, printBackground: true });
  const info = run('pdfinfo', [file]).stdout;
  const pages = Number((info.match(/^Pages:\s+(\d+)/m) || [])[1]);
  const text = run('pdftotext', ['-layout', file, '-']).stdout;
  return { file, pages, text };
}

const server = await serve();
const origin = server.url.replace(/\/$/, '');
await report(server, async () => {
  const context = await launch({ viewport: 'desktop', userDataDir: fs.mkdtempSync(path.join(tmp, 'profile-')) });
  // In every page of the context, the app's and the documents': the print dialog is recorded
  // instead of shown, and every policy violation is kept.
  await context.addInitScript(() => {
    window.poemsPrintCalls = 0;
    window.print = () => { window.poemsPrintCalls += 1; };
    window.poemsViolations = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.poemsViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`));
  });
  const page = context.pages()[0] || await context.newPage();
  const problems = watch(page, origin);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await openApp(page, `${server.url}?view=settings&today=2025-06-15`);
  await importRecord(page);

  console.log('# visit summary: print');
  await press(page, 'nav:monitoring');
  await settled(page);
  const popup = await printed(context, page);
  check(popup.url().startsWith('blob:' + origin), `the summary opens from a Blob URL of the app's origin (${popup.url().slice(0, 40)}...)`);
  check(await popup.evaluate(() => window.poemsPrintCalls) === 1, 'its print dialog is asked for once');
  check(await popup.title() === 'Visit summary — 2025-06-15', `its title names it and the date ("${await popup.title()}")`);
  const h1 = await popup.evaluate(() => getComputedStyle(document.querySelector('h1')).fontSize);
  check(h1 === '17.3333px', `the document's stylesheet applies under the app's CSP (h1 ${h1}, 13pt expected)`);
  const violations = await popup.evaluate(() => window.poemsViolations);
  check(violations.length === 0, `no policy violation in the document${violations.length ? ': ' + violations.join('; ') : ''}`);
  check(await popup.evaluate(() => document.scripts.length) === 0, 'the document holds no script');

  await popup.evaluate(axeSource + '\n;0');
  const axe = await popup.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help}`);
  });
  check(axe.length === 0, `axe-core: 0 violations${axe.length ? ': ' + axe.join('; ') : ''}`);

  for (const format of ['A4', 'Letter']) {
    const pdf = await checkPdf(popup, 'document-summary', format);
    check(pdf.pages >= 1 && pdf.pages <= 2, `the 1-year-after-ASCT summary prints on ${pdf.pages} ${format} page(s), at most 2`);
    for (const heading of ['Visit summary', 'The published criteria, item by item', 'Treatment timeline',
                           'Latest lab results', 'Monitoring due or overdue', 'Recent diary entries', 'Sources cited',
                           'not a medical record'])
      check(pdf.text.includes(heading), `the ${format} PDF's text has "${heading}"`);
    if (format === 'A4') {
      run('pdftoppm', ['-png', '-r', '70', pdf.file, path.join(shotDir, 'document-summary-a4')]);
      const pngs = fs.readdirSync(shotDir).filter((f) => f.startsWith('document-summary-a4') && f.endsWith('.png'));
      check(pngs.length === pdf.pages, `pdftoppm rendered ${pngs.length} page image(s): ${pngs.join(', ')}`);
    }
  }
  await popup.close();

  console.log('# visit summary: download');
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, 'documents:download', { scroll: true })]);
  check(download.suggestedFilename() === 'poems-visit-summary-2025-06-15.html', `Download gives ${download.suggestedFilename()}`);
  const saved = path.join(tmp, download.suggestedFilename());
  await download.saveAs(saved);
  const html = fs.readFileSync(saved, 'utf8');
  check(html.startsWith('<!DOCTYPE html>') && html.includes('Maria Example'), 'the downloaded file is the summary of the record');
  const strict = run('/usr/bin/python3', [path.join(repo, 'tests/documents/check_html.py'), saved]);
  check(strict.status === 0, `html5lib (strict) parses the downloaded file with 0 errors: ${strict.stdout.trim()}`);

  console.log('# letter: own paragraph, print');
  await press(page, 'documents:which:1', { scroll: true });
  await press(page, 'documents:own_paragraph', { scroll: true });
  await page.keyboard.type('My feet have been numb for two years.', { delay: 30 });
  await settled(page);
  const letter = await printed(context, page);
  const letterText = await letter.evaluate(() => document.body.innerText);
  check(letterText.includes('Dear Doctor,') && letterText.includes('My feet have been numb for two years.'),
        'the printed letter greets the doctor and holds the paragraph typed in the app');
  await letter.evaluate(axeSource + '\n;0');
  const axeLetter = await letter.evaluate(async () => (await window.axe.run(document)).violations.map((v) => v.id));
  check(axeLetter.length === 0, `axe-core on the letter: 0 violations${axeLetter.length ? ': ' + axeLetter.join(', ') : ''}`);
  const letterPdf = await checkPdf(letter, 'document-letter', 'A4');
  check(letterPdf.pages >= 1 && letterPdf.pages <= 2, `the letter prints on ${letterPdf.pages} A4 page(s)`);
  run('pdftoppm', ['-png', '-r', '70', letterPdf.file, path.join(shotDir, 'document-letter-a4')]);
  await letter.close();

  const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  check(outside.length === 0, `no request left the origin${outside.length ? ': ' + outside.join(', ') : ''}`);
  noProblems(problems);

  console.log('# embed in a sandbox without allow-popups: Print downloads instead');
  const host = await context.newPage();
  const hostProblems = watch(host, origin);
  await host.goto(`${server.url}demo-host.html`);
  await host.evaluate((src) => {
    const f = document.createElement('iframe');
    f.id = 'sandboxed';
    f.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-downloads');
    f.width = '800';
    f.height = '600';
    f.src = src;
    document.body.prepend(f);
  }, `${server.url}embed.html?view=monitoring&today=2025-06-15`);
  let frame = null;
  for (let i = 0; i < 200 && !frame; i++) {
    frame = host.frames().find((f) => f.url().includes('view=monitoring')) || null;
    if (!frame) await host.waitForTimeout(100);
  }
  if (!frame) throw new Error('the sandboxed embed did not load');
  await firstFrame(frame);
  // The bridge the Print button calls (wasm/print_document.js), with the document's HTML.
  const popups = [];
  context.on('page', (p) => popups.push(p));
  const [embedDownload] = await Promise.all([
    host.waitForEvent('download', { timeout: 15000 }),
    frame.evaluate((doc) => Module.poemsPrintDocument('poems-visit-summary-2025-06-15.html', doc), html),
  ]);
  check(embedDownload.suggestedFilename() === 'poems-visit-summary-2025-06-15.html',
        `in the sandboxed embed, Print falls back to downloading ${embedDownload.suggestedFilename()}`);
  check(popups.length === 0, 'no page was opened from the sandbox');
  await host.screenshot({ path: path.join(shotDir, 'documents-embed-fallback.png') });
  // Chromium logs the refused pop-up itself; that one message is the expected outcome.
  const refused = hostProblems.filter((p) => /Blocked opening 'blob:.*'allow-popups' permission is not set/.test(p));
  check(refused.length === 1, 'Chromium refused the new page in the sandbox, as expected (its console says so once)');
  noProblems(hostProblems.filter((p) => !refused.includes(p)), 'other console errors or failed requests in the host page');
  await context.close();
});
