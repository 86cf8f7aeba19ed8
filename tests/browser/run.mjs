// Browser checks of a built samkat site; .ci/browser builds the site and
// runs this. See README.md for what is checked and why.
//
//   node run.mjs --site DIR [--out DIR] [--chromium PATH] [--discover]
//
// --discover checks another catalogue (a generated larger one): one page of
// every type is found in the built site instead of taken from the list
// below, and only axe, narrow screens and the HTML checker run, and the
// print check on a municipality's and a förbund's booklet when the
// booklet is one per municipality and förbund.
//
// Exits 1 if any check fails, after running all of them.

import { parseArgs } from 'node:util';
import { mkdir } from 'node:fs/promises';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { checkAxe } from './axe.mjs';
import { checkKeyboard } from './keyboard.mjs';
import { checkLayout } from './layout.mjs';
import { checkSearch } from './search.mjs';
import { checkPrint, checkPrintPart } from './print.mjs';
import { startVnu } from './vnu.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

const { values: opt } = parseArgs({
  options: {
    site: { type: 'string' },
    out: { type: 'string', default: path.join(here, 'out') },
    chromium: { type: 'string', default: process.env.CHROMIUM || '/usr/bin/chromium' },
    discover: { type: 'boolean', default: false },
  },
});
if (!opt.site) {
  console.error('usage: node run.mjs --site DIR [--out DIR] [--chromium PATH]');
  process.exit(2);
}

// One page of every type. The last one does not exist: the server answers
// with 404.html and status 404, as a web host would.
const FIXED_PAGES = [
  { name: 'front page', path: '' },
  { name: 'activity', path: 'verksamheter/lotsen/' },
  { name: 'municipalities', path: 'kommuner/' },
  { name: 'municipality', path: 'kommuner/mark/' },
  { name: 'functions', path: 'funktioner/' },
  { name: 'function', path: 'funktioner/specialresurser/' },
  { name: 'financing source', path: 'finansiering/finsam/' },
  { name: 'samordningsförbund', path: 'forbund/boras/' },
  { name: 'organisers', path: 'huvudman/' },
  { name: 'ended activities', path: 'avslutade/' },
  { name: 'all activities', path: 'verksamheter/' },
  { name: 'about', path: 'om/' },
  { name: 'accessibility statement', path: 'tillganglighet/' },
  { name: 'review report', path: 'granskning/' },
  { name: 'printable catalogue', path: 'utskrift/' },
  { name: 'not found', path: 'finns-inte/', status: 404 },
];
// discover finds one page of every type in a built site: each listing and
// its first entry, the fixed pages, and a missing page.
function discover(site) {
  const first = (dir) => {
    try {
      const names = readdirSync(path.join(site, dir), { withFileTypes: true })
        .filter((e) => e.isDirectory()).map((e) => e.name).sort();
      return names.length ? dir + names[0] + '/' : null;
    } catch {
      return null;
    }
  };
  const pages = [{ name: 'front page', path: '' }];
  for (const [name, dir] of [['activity', 'verksamheter/'], ['municipality', 'kommuner/'], ['function', 'funktioner/'],
    ['financing source', 'finansiering/'], ['samordningsförbund', 'forbund/'], ['organiser', 'huvudman/']]) {
    const entry = first(dir);
    if (entry) pages.push({ name: name + ' list', path: dir }, { name, path: entry });
  }
  for (const [name, p] of [['ended activities', 'avslutade/'], ['review report', 'granskning/'],
    ['printable catalogue', 'utskrift/'], ['accessibility statement', 'tillganglighet/']]) {
    pages.push({ name, path: p });
  }
  // Above 300 activities utskrift/ links a booklet per municipality and
  // one per förbund, below its page; print is a list of them.
  const kommun = first('utskrift/');
  if (kommun) pages.push({ name: "municipality's booklet", path: kommun, print: { list: 'kommuner/' + kommun.slice('utskrift/'.length), file: 'utskrift-kommun' } });
  const forbund = first('forbund/');
  if (forbund && existsSync(path.join(site, forbund, 'utskrift'))) {
    pages.push({ name: "förbund's booklet", path: forbund + 'utskrift/', print: { list: forbund, file: 'utskrift-forbund' } });
  }
  pages.push({ name: 'not found', path: 'finns-inte/', status: 404 });
  return pages;
}

const PAGES = opt.discover ? discover(opt.site) : FIXED_PAGES;

// axe runs on every page at 1280px in light mode, and on some also in dark
// mode (prefers-color-scheme: dark) and at 375px, where the front page
// matrix is laid out differently.
const AXE_RUNS = [
  ...PAGES,
  { ...PAGES[0], scheme: 'dark' },
  { ...PAGES[1], scheme: 'dark' },
  { ...PAGES[0], width: 375 },
  { ...PAGES[0], width: 375, scheme: 'dark' },
];

// The site is served under the path of its baseurl (its canonical address),
// because the 404 page links absolutely to that path.
function sitePrefix(site) {
  const html = readFileSync(path.join(site, 'index.html'), 'utf8');
  const m = html.match(/<link rel="?canonical"? href="?([^" >]+)/);
  if (!m) return '/';
  const p = new URL(m[1]).pathname;
  return p.endsWith('/') ? p : p + '/';
}

const started = Date.now();
const failures = [];
const report = (title, problems) => {
  if (problems.length === 0) {
    console.log(`ok    ${title}`);
    return;
  }
  console.log(`FAIL  ${title}`);
  const MAX = 30;
  for (const p of problems.slice(0, MAX)) console.log('      ' + p.replaceAll('\n', '\n      '));
  if (problems.length > MAX) console.log(`      … and ${problems.length - MAX} more`);
  failures.push(title);
};

const vnu = startVnu(opt.site);
const server = await serve(opt.site, sitePrefix(opt.site));
console.log(`serving ${opt.site} at ${server.base}`);
const browser = await chromium.launch({
  executablePath: opt.chromium,
  // Playwright starts the browser headless with a fresh temporary profile
  // (its own --user-data-dir). These keep it from reaching the network.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
});

try {
  await mkdir(opt.out, { recursive: true });
  const ctx = { browser, base: server.base, out: opt.out, report };
  console.log('== axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa)');
  await checkAxe(ctx, AXE_RUNS);
  if (!opt.discover) {
    console.log('== keyboard (front page)');
    await checkKeyboard(ctx, '');
    console.log('== search (front page)');
    await checkSearch(ctx);
  }
  console.log('== layout and screenshots');
  await checkLayout(ctx, PAGES);
  if (!opt.discover) {
    console.log('== print (utskrift/)');
    await checkPrint(ctx);
  }
  for (const p of PAGES.filter((p) => p.print)) {
    console.log(`== print (${p.path})`);
    await checkPrintPart(ctx, { path: p.path, ...p.print });
  }
} catch (err) {
  report('browser checks ran to the end', [err.stack || String(err)]);
} finally {
  await browser.close();
  await server.close();
}

console.log('== Nu HTML checker (vnu --errors-only)');
const v = await vnu;
report(`vnu: ${v.files} HTML files`, v.problems);

const secs = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length) {
  console.log(`\n${failures.length} check(s) failed (${secs}s):`);
  for (const f of failures) console.log(`  ${f}`);
  process.exit(1);
}
console.log(`\nall browser checks passed (${secs}s); screenshots in ${opt.out}`);
