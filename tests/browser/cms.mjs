// The editors' form (Decap CMS at admin/) in a real browser, end to end:
// a copy of the catalogue gets `cms: {backend: test-repo}` (Decap's
// in-browser backend, which keeps files in memory), is built, and the
// generated admin page is opened with Decap served from node_modules in
// place of the CDN, so nothing leaves the machine. An activity is created
// through the form; the file Decap produces (in a pull request, since the
// form uses the editorial workflow) is written into the copy, which must
// then pass `samkat check` and build into a page that shows what was typed.
//
//   node cms.mjs --catalogue DIR --samkat BIN [--out DIR] [--chromium PATH]

import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const { values: opt } = parseArgs({
  options: {
    catalogue: { type: 'string', default: '.' },
    samkat: { type: 'string' },
    out: { type: 'string', default: 'tests/browser/out' },
    chromium: { type: 'string', default: process.env.CHROMIUM || '/usr/bin/chromium' },
    keep: { type: 'boolean', default: false },
  },
});
if (!opt.samkat) {
  console.error('usage: node cms.mjs --catalogue DIR --samkat BIN [--out DIR] [--chromium PATH]');
  process.exit(2);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const decapDir = path.join(here, 'node_modules', 'decap-cms');
const decapVersion = JSON.parse(readFileSync(path.join(decapDir, 'package.json'), 'utf8')).version;
const started = Date.now();
const failures = [];
const fail = (m) => { failures.push(m); console.log('FAIL  ' + m); };
const ok = (m) => console.log('ok    ' + m);

// What the test types into the form, and expects to see on the built page.
const entry = {
  namn: 'Stöd på väg',
  slug: 'stod-pa-vag', // å ä ö folded, as samkat derives slugs
  funktion: 'Samordnande insatser',
  kommuner: ['Borås', 'Mark'],
  finansiering: 'Finsam',
  kontakt: { namn: 'Kim Provperson', roll: 'Samordnare', telefon: '033-12 34 56', epost: 'kim.provperson@example.se' },
  start: '2026-01-15',
  granskad: '2026-11-20',
  body: 'Verksamheten ger stöd på vägen tillbaka till arbete.',
};

// visibleText opens a page of a built site in the browser and returns
// what a reader sees of it.
async function visibleText(site, base, page) {
  const server = await serve(site, base.endsWith('/') ? base : base + '/');
  const browser = await chromium.launch({ executablePath: opt.chromium, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const p = await browser.newPage();
    await p.goto(server.base + page, { waitUntil: 'load' });
    await p.screenshot({ path: path.join(opt.out, 'cms-page.png') });
    return (await p.locator('body').innerText()).replace(/\s+/g, ' ');
  } finally {
    await browser.close();
    await server.close();
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'samkat-cms-'));
try {
  // 1. A copy of the catalogue that asks for the form with the test backend.
  const cat = path.join(work, 'katalog');
  for (const dir of ['content', 'layouts', 'static']) {
    if (existsSync(path.join(opt.catalogue, dir))) cpSync(path.join(opt.catalogue, dir), path.join(cat, dir), { recursive: true });
  }
  const indexFile = path.join(cat, 'content', '_index.md');
  const index = readFileSync(indexFile, 'utf8');
  const end = index.indexOf('\n---', 3);
  writeFileSync(indexFile, index.slice(0, end) + '\ncms:\n  backend: test-repo' + index.slice(end));
  const samkat = (...args) => execFileSync(opt.samkat, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const site = path.join(work, 'site');
  samkat('build', '-o', site, '--now', '2026-11-22', cat);

  // 2. The admin page loads the pinned Decap with the hash of the npm file.
  const admin = readFileSync(path.join(site, 'admin', 'index.html'), 'utf8');
  const script = admin.match(/<script src="?([^" >]+)"? integrity="?([^" >]+)"? crossorigin="?anonymous"?/);
  const want = 'sha384-' + createHash('sha384').update(readFileSync(path.join(decapDir, 'dist', 'decap-cms.js'))).digest('base64');
  if (!script) fail('admin/index.html has no script with integrity and crossorigin="anonymous"');
  else {
    if (script[2] !== want) fail(`integrity ${script[2]} is not the hash of decap-cms@${decapVersion}/dist/decap-cms.js (${want})`);
    if (!script[1].includes(`decap-cms@${decapVersion}/dist/decap-cms.js`)) fail(`script ${script[1]} is not decap-cms@${decapVersion}`);
    if (script[2] === want && script[1].includes(`@${decapVersion}/`)) ok(`admin page loads decap-cms@${decapVersion} with its sha384 hash`);
  }
  if (!/<meta name="?robots"? content="?noindex/.test(admin)) fail('admin/index.html is not noindex');
  // The Nu HTML checker on the admin page, when Java is there (.ci/browser installs it).
  try {
    execFileSync('java', ['-jar', path.join(here, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar'), '--errors-only',
      path.join(site, 'admin', 'index.html')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    ok('vnu: admin/index.html');
  } catch (e) {
    if (e.code === 'ENOENT') console.log('skip  vnu: no java');
    else fail('vnu: admin/index.html:\n' + (e.stdout || '') + (e.stderr || ''));
  }
  const cdnDir = script ? script[1].slice(0, script[1].lastIndexOf('/') + 1) : 'https://unpkg.com/none/';

  // 3. The form in the browser, Decap's files from node_modules.
  const base = new URL(readFileSync(path.join(cat, 'content', '_index.md'), 'utf8').match(/^baseurl:\s*(\S+)/m)?.[1] || 'http://x/').pathname;
  const server = await serve(site, base.endsWith('/') ? base : base + '/');
  const browser = await chromium.launch({
    executablePath: opt.chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  let file;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', reducedMotion: 'reduce' });
    const fromCDN = [];
    const foreign = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(server.origin + '/')) return route.continue();
      if (url.startsWith(cdnDir)) {
        const name = url.slice(cdnDir.length).split(/[?#]/)[0];
        if (!/^[A-Za-z0-9._-]+$/.test(name)) return route.abort();
        fromCDN.push(name);
        const type = name.endsWith('.wasm') ? 'application/wasm' : name.endsWith('.css') ? 'text/css' : 'text/javascript';
        return route.fulfill({
          status: 200, body: readFileSync(path.join(decapDir, 'dist', name)),
          headers: { 'Content-Type': type, 'Access-Control-Allow-Origin': '*' },
        });
      }
      if (!url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push('script error: ' + e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
    await page.goto(server.base + 'admin/', { waitUntil: 'load' });
    await page.getByRole('button', { name: 'Logga in' }).click({ timeout: 20000 });
    await page.goto(server.base + 'admin/#/collections/verksamheter/new');
    await page.locator('label[for^="namn-field-"]').first().waitFor({ timeout: 20000 });

    // Every field of the generated config has a widget in the form. The
    // Go tests hold the config to the contract's field lists.
    const conf = readFileSync(path.join(site, 'admin', 'config.yml'), 'utf8');
    const activityFields = conf.split('\n  - name: ')[1]
      .split('\n    fields:\n')[1]
      .match(/^ {6}- label: .*\n {8}name: (\S+)/gm)
      .map((s) => s.match(/name: (\S+)/)[1]);
    const missing = [];
    for (const name of activityFields) {
      if (await page.locator(`[for^="${name}-field-"], [id^="${name}-field-"]`).count() === 0) missing.push(name);
    }
    if (missing.length) fail('no widget in the form for ' + missing.join(', '));
    else ok(`every field has a widget in the form (${activityFields.length}: ${activityFields.join(', ')})`);

    // Fill in the form as an editor would.
    const input = (name) => page.locator(`input[id^="${name}-field-"]`).first();
    await input('namn').fill(entry.namn);
    const choose = async (name, label) => {
      await input(name).click();
      await input(name).fill(label);
      await page.getByRole('option', { name: label, exact: false }).first().click();
    };
    await choose('funktion', entry.funktion);
    for (const k of entry.kommuner) await choose('kommuner', k);
    await choose('finansiering', entry.finansiering);
    // Decap's Swedish texts lack this button's, so it reads "Add kontakt".
    await page.getByRole('button', { name: /^(Add|Lägg till) kontakt/ }).click();
    for (const [k, v] of Object.entries(entry.kontakt)) {
      await page.locator(`input[id^="${k}-field-"]`).last().fill(v);
    }
    await input('start').fill(entry.start);
    // Fields filled in and cleared again: Decap writes them as '', which
    // samkat takes as left out.
    for (const [name, value] of [['slut', '2027-06-30'], ['webb', 'https://example.se/'], ['platser', '12']]) {
      await input(name).fill(value);
      await input(name).fill('');
    }
    await input('granskad').fill(entry.granskad);
    const editor = page.locator('[data-slate-editor="true"]').first();
    await editor.click();
    await page.keyboard.type(entry.body);
    await page.locator('label[for^="namn-field-"]').first().scrollIntoViewIfNeeded();
    mkdirSync(opt.out, { recursive: true });
    await page.screenshot({ path: path.join(opt.out, 'cms-form.png') });

    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    const key = `verksamheter/${entry.slug}`;
    await page.waitForFunction((k) => window.repoFilesUnpublished && window.repoFilesUnpublished[k], key, { timeout: 20000 })
      .catch(() => {});
    const pr = await page.evaluate((k) => window.repoFilesUnpublished?.[k] || null, key);
    if (!pr) {
      const keys = await page.evaluate(() => Object.keys(window.repoFilesUnpublished || {}));
      fail(`saving made no pull request for ${key} (there are: ${keys.join(', ') || 'none'})`);
    } else {
      const diff = pr.diffs.find((d) => d.path.endsWith('.md'));
      ok(`saving made a pull request (status ${pr.status}) with ${diff.path}`);
      file = diff;
    }
    await page.screenshot({ path: path.join(opt.out, 'cms-saved.png') });

    // Approving it in the form, as a reviewer could instead of merging the
    // pull request on GitHub, puts the same file in the repository.
    if (pr) {
      page.on('dialog', (d) => d.accept());
      await page.getByRole('button', { name: /^Status:/ }).click();
      await page.getByRole('menuitem', { name: 'Redo' }).click();
      await page.getByRole('button', { name: 'Publicera', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Publicera nu' }).click();
      const published = await page.waitForFunction(
        (p) => p.split('/').reduce((o, s) => o && o[s], window.repoFiles)?.content, file.path, { timeout: 20000 },
      ).then((h) => h.jsonValue()).catch(() => null);
      if (published !== file.content) fail(`publishing in the form did not put the pull request's file at ${file.path}`);
      else ok('approving it in the form publishes the same file');
    }
    // The other collections open with their fields too.
    for (const [hash, what] of [['#/collections/forbund/new', 'a new förbund page'],
      ['#/collections/finansiering/entries/finsam', 'the page of a declared financing source'],
      ['#/collections/funktioner/entries/specialresurser', 'the page of a declared function']]) {
      await page.goto(server.base + 'admin/' + hash);
      const shown = await page.locator('label[for^="namn-field-"]').first().waitFor({ timeout: 20000 }).then(() => true, () => false);
      if (!shown) fail(`the form for ${what} (${hash}) did not open`);
      else ok(`the form opens for ${what}`);
    }
    if (foreign.length) fail('requests to other hosts: ' + [...new Set(foreign)].join(', '));
    else ok(`no request left the machine; from the CDN folder: ${[...new Set(fromCDN)].join(', ')}`);
    if (errors.length) fail('errors in the admin page:\n' + errors.join('\n'));
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }

  // 4. The file passes check and builds into the page.
  if (file) {
    if (file.path !== `content/verksamheter/${entry.slug}.md`) fail(`Decap wrote ${file.path}, want content/verksamheter/${entry.slug}.md`);
    writeFileSync(path.join(opt.out, 'cms-entry.md'), file.content);
    console.log('      ' + file.content.trim().replaceAll('\n', '\n      '));
    writeFileSync(path.join(cat, file.path), file.content);
    if (!/^(slut|webb|platser): (''|"")$/m.test(file.content)) console.log('      (Decap left the cleared fields out)');
    try {
      const out = samkat('check', '--now', '2026-11-22', cat);
      const mine = out.split('\n').filter((l) => l.includes(entry.slug + '.md'));
      if (mine.length) fail('samkat check reports on the new file:\n' + mine.join('\n'));
      else ok('samkat check passes with the new file');
    } catch (e) {
      fail('samkat check fails with the new file:\n' + (e.stdout || '') + (e.stderr || ''));
    }
    const site2 = path.join(work, 'site2');
    try {
      samkat('build', '-o', site2, '--now', '2026-11-22', cat);
      const text = await visibleText(site2, base, `verksamheter/${entry.slug}/`);
      const wanted = [entry.namn, ...entry.kommuner, entry.kontakt.namn, entry.kontakt.telefon, entry.kontakt.epost, entry.body];
      const absent = wanted.filter((w) => !text.includes(w));
      if (absent.length) fail('the built page lacks ' + absent.map((s) => JSON.stringify(s)).join(', '));
      else ok(`built verksamheter/${entry.slug}/ shows the name, municipalities, contact and text`);
    } catch (e) {
      fail('samkat build fails with the new file:\n' + (e.stdout || '') + (e.stderr || ''));
    }
  }
} finally {
  if (!opt.keep) rmSync(work, { recursive: true, force: true });
  else console.log('kept ' + work);
}
console.log(`== form check ${failures.length ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
process.exit(failures.length ? 1 : 0);
