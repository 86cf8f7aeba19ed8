// Hostile content in a real browser: a catalogue whose every
// frontmatter string carries markup, script and event handlers
// (tests/browser/hostile/) is built, and every page is loaded with hooks
// that fail on any dialog or script call. Every element then gets
// mouseover, focus and click-free pointer events so that an injected
// handler would fire, and the search box is fed markup too.
//
//   node hostile.mjs --site DIR [--chromium PATH]

import { parseArgs } from 'node:util';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const { values: opt } = parseArgs({
  options: {
    site: { type: 'string' },
    chromium: { type: 'string', default: process.env.CHROMIUM || '/usr/bin/chromium' },
  },
});
if (!opt.site) {
  console.error('usage: node hostile.mjs --site DIR [--chromium PATH]');
  process.exit(2);
}

function htmlFiles(dir, prefix = '') {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p, prefix + name + '/'));
    else if (name.endsWith('.html')) out.push(prefix + name);
  }
  return out;
}

// Runs in the page before its own scripts: alert, confirm, prompt and
// print are replaced by recorders (eval is left alone: Playwright needs it).
function hooks() {
  window.__xss = [];
  const record = (what) => (...args) => { window.__xss.push(what + '(' + args.join(',') + ')'); };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = record(name);
}

// Looks for anything executable that content could have brought in.
function inspect() {
  const found = [];
  for (const s of document.querySelectorAll('script')) {
    const type = (s.type || '').toLowerCase();
    if (type === 'application/ld+json' || type === 'application/json') continue;
    if (!/^samkat-[a-z]+\.[0-9a-f]{10}\.js$/.test((s.getAttribute('src') || '').split('/').pop())) {
      found.push('script element: ' + s.outerHTML.slice(0, 80));
    }
  }
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) found.push(`${el.tagName} has ${a.name}`);
      if (['href', 'src', 'action', 'formaction'].includes(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value)) {
        found.push(`${el.tagName} ${a.name}=${a.value.slice(0, 40)}`);
      }
    }
  }
  for (const f of document.querySelectorAll('iframe, object, embed')) found.push('element ' + f.tagName);
  for (const el of document.querySelectorAll('body *')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin', 'load', 'error']) {
      el.dispatchEvent(new Event(type, { bubbles: type !== 'mouseenter' && type !== 'focus' }));
    }
  }
  return found;
}

const started = Date.now();
const prefix = '/fientlig/';
const server = await serve(opt.site, prefix);
const browser = await chromium.launch({
  executablePath: opt.chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const failures = [];
const pages = htmlFiles(opt.site).map((f) => f.replace(/index\.html$/, ''));
for (const p of pages) {
  const context = await browser.newContext();
  await context.addInitScript(hooks);
  const page = await context.newPage();
  const problems = [];
  page.on('dialog', (d) => { problems.push('dialog: ' + d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => problems.push('script error: ' + e.message));
  await page.goto(server.base + p, { waitUntil: 'load' });
  problems.push(...await page.evaluate(inspect));
  if (p === '') {
    // The search form shows what was typed as text, never as markup.
    await page.fill('#sok-q', `"><img src=x onerror=alert('sok')><script>alert('sok')</script>`);
    await page.waitForFunction(() => document.querySelector('#sok-status').textContent.length > 3);
    problems.push(...await page.evaluate(inspect));
  }
  problems.push(...(await page.evaluate(() => window.__xss)).map((c) => 'called ' + c));
  await context.close();
  if (problems.length) failures.push(`/${p}:\n      ${problems.join('\n      ')}`);
}
await browser.close();
server.close();
if (failures.length) {
  console.log(`FAIL  hostile catalogue: ${failures.length} of ${pages.length} pages ran or carried content script`);
  for (const f of failures) console.log('  ' + f);
  process.exit(1);
}
console.log(`ok    hostile catalogue: ${pages.length} pages, no dialog, no script call, nothing executable (${((Date.now() - started) / 1000).toFixed(1)}s)`);
