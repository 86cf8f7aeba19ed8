// Search in a real browser: for a built site, time every keystroke of a few
// typical queries typed into the front page's search field, and count the
// bytes downloaded before the first result is shown. With --pagefind it
// does the same with Pagefind's own API on a Pagefind index of the same
// site (run pagefind on the site first, so that DIR/pagefind/ exists).
//
//   node tests/search/bench.mjs --site DIR [--pagefind] [--runs N] [--pause MS] [--chromium PATH] [--query Q …]
//
// Needs the npm packages of tests/browser (cd tests/browser && npm ci
// --ignore-scripts) and Debian's Chromium. See docs/search.md for numbers.
//
// A keystroke is timed inside the page (typeQuery in typing.mjs), from
// setting the field's value and firing its input event until the result
// list is no longer aria-busy (the answer, counts, results, matrix and
// status line are in the DOM), plus a forced layout, so that style and
// layout of the changed page are counted too; painting is not. Each
// keystroke is typed once the one before is answered, and --pause MS
// later (default 0), so without a pause a file that a typist's pause would
// have loaded is waited for. The time spent waiting for files (while some
// request the answer needs is under way; samkat's target group files are
// not: results are shown without them) is also given subtracted, since it
// depends on the server and the network more than on the search: the
// local test server takes 4-12 ms a file. Every run opens a fresh browser
// context.
//
// Bytes are the sizes of the files the page requested until the first
// result was shown, as stored and gzip -9 compressed (Pagefind's index
// files are gzip already; gzip -9 of them is counted if smaller): the
// search's script and index only, not the page itself. Pagefind is driven
// through its JavaScript API (no UI, so no rendering is timed), loading
// the fragments of the first five results as its default UI does.

import { parseArgs } from 'node:util';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const browserTests = path.join(here, '..', 'browser');
const require = createRequire(path.join(browserTests, 'package.json'));
const { chromium } = require('playwright-core');
const { serve } = await import(new URL('../browser/server.mjs', import.meta.url));
const { typeQuery } = await import(new URL('./typing.mjs', import.meta.url));

const { values: opt } = parseArgs({
  options: {
    site: { type: 'string' },
    pagefind: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    pause: { type: 'string', default: '0' },
    chromium: { type: 'string', default: process.env.CHROMIUM || '/usr/bin/chromium' },
    query: { type: 'string', multiple: true },
  },
});
if (!opt.site) {
  console.error('usage: node tests/search/bench.mjs --site DIR [--pagefind] [--runs N] [--pause MS] [--chromium PATH] [--query Q …]');
  process.exit(2);
}
const QUERIES = opt.query || ['unga', 'sjukskrivning', 'arbetsträning borås', 'psykisk ohälsa', 'lotsen'];
const RUNS = Number(opt.runs);
const PAUSE = Number(opt.pause);
const site = path.resolve(opt.site);

function sitePrefix() {
  const html = readFileSync(path.join(site, 'index.html'), 'utf8');
  const m = html.match(/<link rel="?canonical"? href="?([^" >]+)/);
  if (!m) return '/';
  const p = new URL(m[1]).pathname;
  return p.endsWith('/') ? p : p + '/';
}

// pagefindQuery runs in the page: the same keystrokes through Pagefind's
// JavaScript API, loading the display data (fragments) of the first five
// results, as its default UI does.
async function pagefindQuery([query, bundle, pause]) {
  const pf = await import(bundle + 'pagefind.js');
  await pf.options({ bundlePath: bundle });
  const keys = [];
  let firstResult = null;
  for (let i = 1; i <= query.length; i++) {
    if (pause > 0 && i > 1) await new Promise((resolve) => setTimeout(resolve, pause));
    const t0 = performance.now();
    const s = await pf.search(query.slice(0, i));
    const shown = await Promise.all(s.results.slice(0, 5).map((r) => r.data()));
    const t1 = performance.now();
    keys.push({ typed: query.slice(0, i), total: t1 - t0, results: s.results.length, from: performance.timeOrigin + t0, to: performance.timeOrigin + t1 });
    if (shown.length > 0 && firstResult === null) firstResult = { keystroke: i, at: performance.timeOrigin + t1 };
  }
  return { keys, firstResult };
}

const sizes = new Map();
function sizeOf(file) {
  if (!sizes.has(file)) {
    const data = readFileSync(file);
    sizes.set(file, { raw: data.length, gz: Math.min(data.length, gzipSync(data, { level: 9 }).length) });
  }
  return sizes.get(file);
}

// track records the requests of a page (and its workers): when each was
// sent and when its response had arrived, in milliseconds since the epoch.
function track(page) {
  const requests = [];
  page.on('requestfinished', (r) => {
    const t = r.timing();
    requests.push({ url: r.url(), at: t.startTime, done: t.startTime + Math.max(0, t.responseEnd) });
  });
  return requests;
}

// waiting is how long, between from and to, at least one request was under
// way (of those that needed(url)): time the page spent waiting for files
// rather than working.
function waiting(requests, from, to, needed) {
  const spans = requests.filter((r) => needed(r.url)).map((r) => [Math.max(r.at, from), Math.min(r.done, to)]).filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0, end = -Infinity;
  for (const [a, b] of spans) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

// settle adds to each keystroke the time not spent waiting for files
// that needed(url).
function settle(res, requests, needed = () => true) {
  for (const k of res.keys) k.working = k.total - waiting(requests, k.from, k.to, needed);
  return res;
}

// bytes sums the sizes of the search files among the requested URLs.
function bytes(urls, base, isSearchFile) {
  let raw = 0, gz = 0, files = 0;
  for (const u of new Set(urls)) {
    if (!u.startsWith(base)) continue;
    const rel = decodeURIComponent(new URL(u).pathname.slice(new URL(base).pathname.length));
    if (!isSearchFile(rel)) continue;
    const file = path.join(site, rel);
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) continue;
    const s = sizeOf(file);
    raw += s.raw;
    gz += s.gz;
    files++;
  }
  return { files, raw, gz };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => x.toFixed(1).padStart(6);
const kb = (x) => (x / 1024).toFixed(1).padStart(7) + ' KB';

const server = await serve(site, sitePrefix());
const browser = await chromium.launch({
  executablePath: opt.chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

// measure runs every query RUNS times in fresh contexts and prints, per
// query: the first keystroke (which loads the engine and its index), the
// median and largest time of the other keystrokes (each the median of the
// runs), the same without the time spent waiting for files, and the files
// loaded before the first result was shown; for samkat, also the time
// until the matrix below the results was filtered.
async function measure(label, perRun) {
  console.log(`\n== ${label}` + (PAUSE > 0 ? ` (typing with ${PAUSE} ms between an answer and the next key)` : ''));
  console.log('query                   keys  first   later keys: median  max | not waiting: median  max   first result  files before it: raw / gzip');
  const all = [], allWorking = [], allMatrix = [];
  for (const q of QUERIES) {
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await perRun(q));
    const per = (field) => runs[0].keys.map((_, k) => median(runs.map((run) => run.keys[k][field])));
    const total = per('total'), working = per('working');
    const first = runs[0].firstResult;
    const b = first ? first.bytes : { raw: 0, gz: 0, files: 0 };
    all.push(...total.slice(1));
    allWorking.push(...working.slice(1));
    const matrix = runs[0].keys[0].matrix === undefined ? null : per('matrix');
    if (matrix) allMatrix.push(...matrix.slice(1));
    console.log(`${q.padEnd(22)} ${String(total.length).padStart(5)} ${ms(total[0])}      ${ms(median(total.slice(1)))} ${ms(Math.max(...total.slice(1)))}` +
      `      ${ms(median(working.slice(1)))} ${ms(Math.max(...working.slice(1)))}    ${first ? ('key ' + first.keystroke).padEnd(8) : 'none    '}` +
      `    ${String(b.files).padStart(3)} ${kb(b.raw)} / ${kb(b.gz)}`);
    console.log(`   ms per key (results): total/not waiting${matrix ? '/with matrix' : ''}: ` + runs[0].keys.map((k, i) =>
      `${k.typed.slice(-1)} ${total[i].toFixed(0)}/${working[i].toFixed(0)}${matrix ? '/' + matrix[i].toFixed(0) : ''} (${k.results})`).join(', '));
  }
  console.log(`keystrokes after the first: median ${ms(median(all))} ms, max ${ms(Math.max(...all))} ms;` +
    ` not waiting for files: median ${ms(median(allWorking))} ms, max ${ms(Math.max(...allWorking))} ms` +
    (allMatrix.length ? `; until the matrix is filtered too: median ${ms(median(allMatrix))} ms, max ${ms(Math.max(...allMatrix))} ms` : ''));
}

try {
  const samkatFile = (rel) => /^samkat-sok(motor)?\.[0-9a-f]+\.js$/.test(rel) || rel.startsWith('sok/index/');
  await measure(`samkat: ${site}`, async (q) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const requests = track(page);
    await page.goto(server.base, { waitUntil: 'load' });
    await page.waitForSelector('#sok:not([hidden])');
    const targetGroups = (url) => url.includes('/sok/index/d/');
    const res = settle(await page.evaluate(typeQuery, { query: q, pause: PAUSE }), requests, (url) => !targetGroups(url));
    if (res.firstResult) res.firstResult.bytes = bytes(requests.filter((r) => r.at <= res.firstResult.at).map((r) => r.url), server.base, samkatFile);
    await context.close();
    return res;
  });
  if (opt.pagefind) {
    const pfFile = (rel) => rel.startsWith('pagefind/');
    await measure(`Pagefind: ${path.join(site, 'pagefind')}`, async (q) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const requests = track(page);
      await page.goto(server.base + 'om/', { waitUntil: 'load' });
      const res = settle(await page.evaluate(pagefindQuery, [q, server.base + 'pagefind/', PAUSE]), requests);
      if (res.firstResult) res.firstResult.bytes = bytes(requests.filter((r) => r.at <= res.firstResult.at).map((r) => r.url), server.base, pfFile);
      await context.close();
      return res;
    });
  }
} finally {
  await browser.close();
  await server.close();
}
