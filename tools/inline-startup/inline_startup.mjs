#!/usr/bin/env node
// Puts the start-up script and stylesheet inside the pages of dist/, allowed by their SHA-256 in
// each page's Content-Security-Policy (issue 21). As files, boot.js ran only once it and app.css
// had downloaded beside app.wasm and app.js (about 45 ms after the page on a desktop, a round trip
// more on a phone), and record_preload.js held up the parser until it came; inside the page they
// run as soon as it is parsed.
//
// In web/*.html a tag to inline is marked data-inline:
//   <script src="boot.js" data-inline></script>          -> <script>…boot.js…</script>
//   <link rel="stylesheet" href="app.css" data-inline>   -> <style>…app.css…</style>
// data-inline="keep" keeps the file in dist/ as well (record_preload.js: it is also the record's
// worker); the others are removed once every page has them inline.
// usage: node inline_startup.mjs DIST PAGE...   (e.g. dist index.html embed.html)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [dist, ...pages] = process.argv.slice(2);
if (!dist || pages.length === 0) {
  console.error('usage: node inline_startup.mjs DIST PAGE...');
  process.exit(2);
}

function fail(message) {
  console.error(`inline_startup: ${message}`);
  process.exit(1);
}

const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// A tag marked for inlining: its kind, the file it names, and whether the file stays in dist/.
const marked = /<script src="([^"]+)" data-inline(?:="(keep)")?><\/script>|<link rel="stylesheet" href="([^"]+)" data-inline(?:="(keep)")?>/g;

const inlined = new Map();  // file -> kept in dist/ too
for (const page of pages) {
  const file = path.join(dist, page);
  let html = fs.readFileSync(file, 'utf8');
  const hashes = { 'script-src': [], 'style-src': [] };
  html = html.replace(marked, (tag, scriptName, scriptKeep, styleName, styleKeep) => {
    const name = scriptName || styleName;
    const source = path.join(dist, name);
    if (!fs.existsSync(source)) fail(`${page}: ${name} is marked data-inline but is not in ${dist}`);
    const text = fs.readFileSync(source, 'utf8');
    // The HTML parser would end the element early at these, whatever the code meant.
    const closing = scriptName ? /<\/script|<!--/i : /<\/style/i;
    if (closing.test(text)) fail(`${page}: ${name} holds "${text.match(closing)[0]}", which cannot go inside the page`);
    hashes[scriptName ? 'script-src' : 'style-src'].push(sha256(text));
    inlined.set(name, Boolean(inlined.get(name) || scriptKeep || styleKeep));
    return scriptName ? `<script>${text}</script>` : `<style>${text}</style>`;
  });
  // Each inline script and stylesheet is allowed by its hash, added to the page's policy.
  const policy = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/;
  const found = html.match(policy);
  if (!found) fail(`${page}: no Content-Security-Policy meta tag to add the inline code's hashes to`);
  let directives = found[2];
  for (const [directive, list] of Object.entries(hashes)) {
    if (list.length === 0) continue;
    const at = new RegExp(`(${directive} [^;]*)`);
    if (!at.test(directives)) fail(`${page}: its policy has no ${directive} to add ${list.length} hash(es) to`);
    directives = directives.replace(at, `$1 ${list.join(' ')}`);
  }
  html = html.replace(policy, `$1${directives}$3`);
  fs.writeFileSync(file, html);
  console.log(`inline_startup: ${page}: ${hashes['script-src'].length} script(s), ${hashes['style-src'].length} stylesheet(s) inlined`);
}
for (const [name, keep] of inlined) if (!keep) fs.rmSync(path.join(dist, name));
