// Privacy: at two phone sizes and a desktop size, walk through every page by its navigation button and fail
// if any request leaves the app's origin (and, at the phone sizes, if any control of a page sticks out past
// the screen's right edge), if the Content-Security-Policy is missing, or if the
// policy had to block anything the app does. Then show that the policy is really enforced: a
// connection to another origin and code made from a string (eval) are refused. A screenshot of every page at each size.
import { check, currentPage, distDir, repo, launch, namedItems, noProblems, openApp, press, report, serve, settled, shotDir, watch } from './lib.mjs';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const server = await serve();
const origin = server.url.replace(/\/$/, '');
const pages = ['criteria', 'checklist', 'monitoring', 'labs', 'diary', 'centers', 'guide', 'settings'];
const required = ["default-src 'self'", "connect-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'",
                  "img-src 'self' data: blob:", "worker-src 'self'"];

await report(server, async () => {
  // Both phone sizes the app is made for (390x844, 360x740), then a desktop.
  for (const [viewport, touch] of [['phone', true], ['small_phone', true], ['desktop', false]]) {
    console.log(`# ${viewport}`);
    const context = await launch({ viewport });
    // Every policy violation of any frame, from the very start of the page.
    await context.addInitScript(() => {
      window.poemsViolations = [];
      document.addEventListener('securitypolicyviolation',
        (e) => window.poemsViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`));
    });
    const page = context.pages()[0] || await context.newPage();
    const problems = watch(page, origin);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    for (const file of ['index.html', 'embed.html']) {
      await openApp(page, `${server.url}${file}?today=2026-11-22`);
      const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content || '');
      const lacking = required.filter((d) => !csp.includes(d));
      check(csp && lacking.length === 0, `${file} carries the policy${lacking.length ? '; lacking: ' + lacking.join(', ') : ''}`);
      check(!/'unsafe-eval'|'unsafe-inline'/.test(csp), `${file}'s policy allows no eval or inline code`);
      // The start-up script and stylesheet are inside the page (tools/inline-startup), each allowed
      // by its own hash: nothing else inline may run, and no style attribute or event handler.
      const html = fs.readFileSync(path.join(distDir, file), 'utf8');
      const inline = [...html.matchAll(/<(script|style)(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/\1>/gi)];
      const unlisted = inline.filter(([, tag, text]) => {
        const hash = `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
        return !new RegExp(`${tag === 'script' ? 'script' : 'style'}-src [^;]*${hash.replace(/[+/]/g, '\\$&')}`).test(csp);
      });
      check(inline.length > 0 && unlisted.length === 0,
            `${file}'s ${inline.length} inline scripts and stylesheets are each allowed by their hash` +
            (unlisted.length ? `; not allowed: ${unlisted.map(([, tag, text]) => `<${tag}> of ${text.length} characters`).join(', ')}` : ''));
      const markup = inline.reduce((rest, [element]) => rest.replace(element, ''), html);
      check(!/\sstyle=|\son[a-z]+=/i.test(markup), `${file} has no style attribute or inline event handler`);
      // With the code inside, the page is still well-formed HTML (html5lib, strict).
      const parsed = spawnSync('/usr/bin/python3', [path.join(repo, 'tests/documents/check_html.py'), path.join(distDir, file)],
                               { encoding: 'utf8' });
      check(parsed.status === 0, `${file} parses as strict HTML5 (html5lib)${parsed.status ? ': ' + parsed.stderr.trim() : ''}`);
    }

    await openApp(page, `${server.url}?today=2026-11-22`);
    for (const id of pages) {
      await press(page, `nav:${id}`, { touch });
      check(await currentPage(page) === id, `nav:${id} opens the ${id} page`);
      await settled(page);
      await page.screenshot({ path: path.join(shotDir, `privacy-${viewport}-${id}.png`) });
      if (touch) {
        // On a phone the page's content gets at least 80% of the screen's height: the header is
        // one line and the navigation one row.
        const area = (await namedItems(page))['layout:page'];
        const share = area ? (area[3] - area[1]) / page.viewportSize().height : 0;
        check(share >= 0.8, `the ${id} page's content has ${(100 * share).toFixed(0)}% of the screen's height (at least 80%)`);
        // On a phone nothing sticks out past the right edge of the screen (it could not be reached).
        const width = page.viewportSize().width;
        const past = Object.entries(await namedItems(page)).filter(([, r]) => r[2] > width + 0.5);
        check(past.length === 0, `nothing on the ${id} page is cut off at the right edge at ${width} px` +
              (past.length ? ': ' + past.map(([n, r]) => `${n} ends at ${r[2].toFixed(0)}`).join(', ') : ''));
      }
    }
    const violations = await page.evaluate(() => window.poemsViolations);
    check(violations.length === 0, `the policy blocked nothing the app does${violations.length ? ': ' + violations.join('; ') : ''}`);
    const foreign = requests.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u));
    check(requests.length > 0 && foreign.length === 0,
          `all ${requests.length} requests stayed in the app's origin${foreign.length ? '; left: ' + foreign.join(', ') : ''}`);
    noProblems(problems, 'console errors, failed or foreign requests');

    // The policy is enforced, not only written: another origin and eval are refused.
    const refused = await page.evaluate(async () => {
      const out = {};
      try { await fetch('http://192.0.2.1/collect'); out.fetch = 'allowed'; } catch (e) { out.fetch = 'refused'; }
      // (eval() itself cannot be tried from here: DevTools' evaluate may bypass the policy; a timer
      // given a string is compiled later, by the page.)
      window.poemsEvalRan = false;
      setTimeout('window.poemsEvalRan = true', 0);
      await new Promise((r) => setTimeout(r, 100));
      out.eval = window.poemsEvalRan ? 'allowed' : 'refused';
      out.violations = window.poemsViolations.slice();
      return out;
    });
    check(refused.fetch === 'refused' && refused.violations.some((v) => v.startsWith('connect-src')),
          'a connection to another origin is refused by the policy');
    check(refused.eval === 'refused' && refused.violations.some((v) => v.startsWith('script-src')),
          'code made from a string (eval) is refused by the policy');
    await context.close();
  }
});
