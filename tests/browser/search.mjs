// The search form on the front page: typing, filters, chips, a shared
// address, the back button, keyboard-only use, the matrix filtered in
// place, axe with results and with every filter group open, the page
// without JavaScript, and the time per keystroke.
//
// What the form should show comes from internal/search/testdata/vectors.json,
// the Go search's answers for content/ (which tests/search/engine.test.mjs
// holds the browser's engine to). When the site was built for another day
// than the vectors, the page's own engine answers instead.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { open } from './page.mjs';
import { checkAxe } from './axe.mjs';
import { typeQuery } from '../search/typing.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vectors = JSON.parse(readFileSync(path.join(repo, 'internal/search/testdata/vectors.json'), 'utf8'));
const contentSet = vectors.sets.find((s) => s.catalogue === '.' && !s.index);
const querySet = JSON.parse(readFileSync(path.join(repo, 'internal/search/testdata/queries.json'), 'utf8'));
const MIN_TOP3 = 0.95; // of the query set's queries, answered among the first three results
const PAGE = 20; // results shown before "Visa fler"
const SHARED = '?q=unga&kommun=Tranemo';

// settled waits until the form shows what the address says (the field and
// the boxes), the result list is no longer busy and the matrix has been
// filtered (it is, a frame after the results), and every facet shows its
// count (the form drops data-counting once f.json has loaded).
async function settled(page) {
  await page.waitForFunction(() => {
    const p = new URLSearchParams(location.search);
    const boxes = [...document.querySelectorAll('#sok input[type=checkbox]')];
    return !document.getElementById('sok').hidden &&
      document.getElementById('sok-q').value.trim() === (p.get('q') || '') &&
      boxes.every((b) => b.checked === p.getAll(b.name).includes(b.value)) &&
      !document.getElementById('sok-resultat').hasAttribute('aria-busy') &&
      !document.querySelector('table.matrix[data-pending]') &&
      !document.querySelector('#sok [data-counting]');
  }, null, { timeout: 10000 }).catch(async () => {
    const s = await page.evaluate(() => ({
      address: location.search,
      q: document.getElementById('sok-q').value,
      ticked: [...document.querySelectorAll('#sok input:checked')].map((b) => `${b.name}=${b.value}`).join('&'),
      busy: document.getElementById('sok-resultat').hasAttribute('aria-busy'),
    }));
    throw new Error(`the form did not settle in 10 s: address "${s.address}", field "${s.q}", ticked "${s.ticked}"` +
      (s.busy ? ', results still busy' : ''));
  });
}

// step runs one check: fn returns its problems, and whatever it throws is
// one more, so that the other checks still run.
async function step(ctx, title, fn) {
  let problems;
  try {
    problems = await fn();
  } catch (err) {
    problems = [err.message.split('\n')[0]];
  }
  ctx.report(title, problems);
}

// state is what the form shows.
function state() {
  const boxes = [...document.querySelectorAll('#sok input[type=checkbox]')];
  const matrix = [...document.querySelectorAll('li[data-sok]')];
  return {
    q: document.getElementById('sok-q').value,
    search: location.search,
    results: [...document.querySelectorAll('#sok-resultat > li > a')].map((a) => a.getAttribute('href')),
    status: document.getElementById('sok-status').textContent,
    chips: document.querySelector('.search-chips').hidden ? [] :
      [...document.querySelectorAll('.search-chips li button')].map((b) => b.textContent.trim()),
    checked: boxes.filter((b) => b.checked).map((b) => `${b.name}=${b.value}`),
    counts: Object.fromEntries(boxes.map((b) => [`${b.name}=${b.value}`, b.parentElement.querySelector('[data-count]').textContent])),
    selected: Object.fromEntries([...document.querySelectorAll('[data-selected]')].map((s) => [s.dataset.selected, s.textContent])),
    matrixShown: [...new Set(matrix.filter((li) => !li.hidden && li.offsetParent !== null).map((li) => li.querySelector('a').getAttribute('href')))],
    matrixAll: [...new Set(matrix.map((li) => li.querySelector('a').getAttribute('href')))],
    emptied: [...document.querySelectorAll('table.matrix td')].filter((td) => {
      const items = [...td.querySelectorAll('li[data-sok]')];
      return items.length > 0 && items.every((li) => li.hidden);
    }).length,
    marked: [...document.querySelectorAll('table.matrix td .matrix-none')].map((s) => s.textContent),
  };
}

// builtFor is the day the served site was built for.
async function builtFor(base) {
  const res = await fetch(base + 'data/verksamheter.json');
  return res.ok ? (await res.json()).datum : null;
}

// expect returns the answer to query: from the vectors, or from the page's
// own engine when the site was built for another day.
async function expect(ctx, page, name) {
  const v = contentSet.vectors.find((x) => x.name === name);
  if (!v) throw new Error(`no vector ${JSON.stringify(name)} in vectors.json`);
  if (ctx.searchDay === contentSet.now) return v;
  return page.evaluate(async (query) => {
    const sec = document.getElementById('sok');
    const { Index } = await import(new URL(sec.dataset.engine, document.baseURI).href);
    const ix = await Index.load(new URL(sec.dataset.index, document.baseURI).href);
    const res = await ix.search({ text: query.text || '', filters: query.filters || {}, age: query.age || 0, status: query.status || [] });
    const shown = await ix.display(res.hits.map((h) => h.doc));
    return { name: '(engine)', query, urls: shown.map((d) => d.url), counts: res.counts };
  }, v.query);
}

// differences compares what the form shows with the answer v.
function differences(s, v) {
  const p = [];
  const want = v.urls.slice(0, PAGE);
  if (JSON.stringify(s.results) !== JSON.stringify(want)) {
    p.push(`results ${JSON.stringify(s.results)}, want ${JSON.stringify(want)} (${v.name})`);
  }
  const n = v.urls.length;
  if (n === 0 ? !/^Ingen/.test(s.status) : !s.status.startsWith(String(n) + ' ')) {
    p.push(`status line "${s.status}" does not give the ${n} results`);
  }
  for (const [box, shown] of Object.entries(s.counts)) {
    const [facet, value] = box.split('=');
    let c = (v.counts[facet] || {})[value] || 0;
    if (facet === 'status' && value === 'pagaende') c += (v.counts.status || {}).planerad || 0;
    if (shown !== `(${c})`) p.push(`count for ${box} is "${shown}", want "(${c})"`);
  }
  const matrixWant = new Set(v.urls);
  const extra = s.matrixShown.filter((u) => !matrixWant.has(u));
  const missing = [...matrixWant].filter((u) => !s.matrixShown.includes(u));
  if (extra.length) p.push(`the matrix still shows ${extra.join(', ')}`);
  if (missing.length) p.push(`the matrix hides ${missing.join(', ')}`);
  return p;
}

// resultTextProblems waits until the target groups of the results shown
// have loaded (the list drops data-pending), then compares what each result
// says with the site's export, data/verksamheter.json.
async function resultTextProblems(page) {
  await page.waitForFunction(() => !document.getElementById('sok-resultat').hasAttribute('data-pending'), null, { timeout: 10000 });
  return page.evaluate(async () => {
    const problems = [];
    const res = await fetch(new URL('data/verksamheter.json', document.baseURI));
    const { verksamheter } = await res.json();
    const items = [...document.querySelectorAll('#sok-resultat > li')];
    if (items.length === 0) problems.push('no results to compare');
    for (const li of items) {
      const href = li.querySelector('a').getAttribute('href');
      const a = verksamheter.find((x) => href === `verksamheter/${x.slug}/`);
      if (!a) {
        problems.push(`result ${href} is no activity of the export`);
        continue;
      }
      const meta = a.funktion.map((f) => f.namn).join(', ') + ' · ' + (a.alla_kommuner ? 'Alla kommuner' : a.kommuner.join(', '));
      const got = {
        name: li.querySelector('a').textContent,
        meta: li.querySelector('.meta')?.textContent,
        target: li.querySelector('.target')?.textContent,
      };
      const want = { name: a.namn, meta, target: a.malgrupp };
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`result ${href} shows ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
    }
    return problems;
  });
}

const params = (search) => [...new URLSearchParams(search)].map(([k, v]) => `${k}=${v}`).sort().join('&');

function addressProblems(s, want) {
  return params(s.search) === params(want) ? [] : [`address ${s.search || '(no query)'}, want ${want}`];
}

// focusInfo describes the focused element and whether it shows its focus.
function focusInfo() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {
    name: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.name ? `[name=${el.name}]` : '') +
      (el.value && el.type === 'checkbox' ? `[value=${el.value}]` : ''),
    text: (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40),
    id: el.id,
    tag: el.tagName.toLowerCase(),
    kind: el.type || '',
    value: el.value || '',
    href: el.getAttribute('href'),
    inResults: !!el.closest('#sok-resultat'),
    facet: el.tagName === 'SUMMARY' ? el.parentElement.querySelector('input')?.name || '' : '',
    visible: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none',
    onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight,
  };
}

// tabUntil presses Tab until want(focus) holds, at most max times, and
// notes every stop without a visible focus.
async function tabUntil(page, want, max, problems) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(focusInfo);
    if (!f) continue;
    if (!f.visible) problems.push(`no visible focus on ${f.name} "${f.text}"`);
    if (!f.onScreen) problems.push(`focus is off screen on ${f.name} "${f.text}"`);
    if (want(f)) return f;
  }
  return null;
}

// preparing wraps browser so that every page it opens is, after loading,
// handed to prepare: axe.mjs then checks the page as prepare leaves it.
function preparing(browser, prepare) {
  return {
    async newContext(options) {
      const context = await browser.newContext(options);
      const newPage = context.newPage.bind(context);
      context.newPage = async () => {
        const page = await newPage();
        const goto = page.goto.bind(page);
        page.goto = async (...args) => {
          const res = await goto(...args);
          await prepare(page);
          return res;
        };
        return page;
      };
      return context;
    },
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function checkSearch(ctx) {
  ctx = { ...ctx, searchDay: await builtFor(ctx.base) };
  if (ctx.searchDay !== contentSet.now) {
    console.log(`      (the site is built for ${ctx.searchDay}, the vectors for ${contentSet.now}: answers come from the page's engine)`);
  }

  // 1-4. Typing, filters, the back button and chips, one after the other
  // in one page.
  {
    const { page, context, problems: loading } = await open(ctx, '');
    try {
      await step(ctx, 'search: typing "unga" shows the results (name, functions, municipalities, target group), the count in the status line and ?q=unga in the address; the field stays put', async () => {
        const problems = [...loading];
        if (!(await page.locator('#sok').isVisible())) problems.push('the search section is not shown');
        const live = await page.evaluate(() => {
          const s = document.getElementById('sok-status');
          return s.getAttribute('role') === 'status' && s.getAttribute('aria-live') === 'polite';
        });
        if (!live) problems.push('#sok-status is not a polite status region');
        const top = () => page.evaluate(() => document.getElementById('sok-q').getBoundingClientRect().top + scrollY);
        const before = await top();
        await page.locator('#sok-q').click();
        await page.keyboard.type('unga');
        await settled(page);
        const s = await page.evaluate(state);
        problems.push(...differences(s, await expect(ctx, page, 'inflection: unga')));
        problems.push(...addressProblems(s, '?q=unga'));
        if (JSON.stringify(s.chips) !== JSON.stringify(['Sökord: unga ×'])) problems.push(`chips ${JSON.stringify(s.chips)}`);
        const after = await top();
        if (Math.abs(after - before) > 0.5) problems.push(`the search field moved ${after - before}px while typing`);
        problems.push(...(await resultTextProblems(page)));
        return problems;
      });
      await step(ctx, 'search: ticking Tranemo narrows, Mark widens, a function narrows; counts, chips and address follow', async () => {
        const problems = [];
        await page.locator('#sok details:has(input[name=kommun]) > summary').click();
        await page.locator('#sok input[name=kommun][value=Tranemo]').check();
        await settled(page);
        let s = await page.evaluate(state);
        problems.push(...differences(s, await expect(ctx, page, 'shared link: unga in Tranemo')).map((x) => 'Tranemo: ' + x));
        problems.push(...addressProblems(s, SHARED));
        if (!s.chips.includes('Tranemo ×')) problems.push(`chips ${JSON.stringify(s.chips)} lack Tranemo`);
        if (s.selected.kommun !== ' (1)') problems.push(`the kommun group says "${s.selected.kommun}" is selected, want " (1)"`);
        await page.locator('#sok input[name=kommun][value=Mark]').check();
        await settled(page);
        s = await page.evaluate(state);
        problems.push(...differences(s, await expect(ctx, page, 'browser: unga in Tranemo or Mark')).map((x) => 'Tranemo or Mark: ' + x));
        problems.push(...addressProblems(s, SHARED + '&kommun=Mark'));
        await page.locator('#sok details:has(input[name=funktion]) > summary').click();
        await page.locator('#sok input[name=funktion][value=aktiverande-funktion]').check();
        await settled(page);
        s = await page.evaluate(state);
        problems.push(...differences(s, await expect(ctx, page, 'browser: unga in Tranemo or Mark, aktiverande funktion')).map((x) => '+ function: ' + x));
        problems.push(...addressProblems(s, SHARED + '&kommun=Mark&funktion=aktiverande-funktion'));
        if (s.chips.length !== 4) problems.push(`chips ${JSON.stringify(s.chips)}, want the text, two municipalities and a function`);
        return problems;
      });
      await step(ctx, 'search: the back and forward buttons restore the filters and results', async () => {
        const problems = [];
        await page.goBack();
        await settled(page);
        let s = await page.evaluate(state);
        problems.push(...addressProblems(s, SHARED + '&kommun=Mark'));
        problems.push(...differences(s, await expect(ctx, page, 'browser: unga in Tranemo or Mark')).map((x) => 'back: ' + x));
        await page.goBack();
        await settled(page);
        s = await page.evaluate(state);
        problems.push(...addressProblems(s, SHARED));
        problems.push(...differences(s, await expect(ctx, page, 'shared link: unga in Tranemo')).map((x) => 'back again: ' + x));
        await page.goForward();
        await settled(page);
        s = await page.evaluate(state);
        problems.push(...addressProblems(s, SHARED + '&kommun=Mark'));
        return problems;
      });
      await step(ctx, 'search: removing a chip drops its filter; "Rensa alla filter" clears everything and shows the whole matrix', async () => {
        const problems = [];
        await page.getByRole('button', { name: 'Ta bort filtret Mark' }).click();
        await settled(page);
        let s = await page.evaluate(state);
        problems.push(...addressProblems(s, SHARED));
        problems.push(...differences(s, await expect(ctx, page, 'shared link: unga in Tranemo')).map((x) => 'without Mark: ' + x));
        const focused = await page.evaluate(() => document.activeElement.closest('.search-chips') !== null || document.activeElement.id === 'sok-q');
        if (!focused) problems.push('focus did not stay with the chips (or the field) after removing one');
        await page.getByRole('button', { name: 'Rensa alla filter' }).click();
        await settled(page);
        s = await page.evaluate(state);
        problems.push(...addressProblems(s, ''));
        if (s.q !== '' || s.checked.length || s.results.length || s.chips.length || s.status) {
          problems.push(`after clearing: field "${s.q}", ticked ${s.checked}, ${s.results.length} results, chips ${s.chips}, status "${s.status}"`);
        }
        if (s.matrixShown.length !== s.matrixAll.length || s.marked.length) {
          problems.push(`after clearing, the matrix shows ${s.matrixShown.length} of ${s.matrixAll.length} activities and ${s.marked.length} emptied cells`);
        }
        return problems;
      });
    } finally {
      await context.close();
    }
  }

  // An address written by hand: values in another case or without
  // diacritics select their box; an unknown one is a chip that says it
  // matched nothing, and removing it drops it from the address.
  {
    const address = '?q=unga&kommun=tranemo&kommun=Atlantis';
    const { page, context, problems: loading } = await open(ctx, address);
    try {
      await step(ctx, `search: the address ${address} ticks Tranemo and shows Atlantis as a chip that matched nothing, which can be removed`, async () => {
        const problems = [...loading];
        await page.waitForFunction(() => !document.getElementById('sok').hidden &&
          document.querySelector('#sok-resultat li') && !document.getElementById('sok-resultat').hasAttribute('aria-busy'), null, { timeout: 10000 });
        const s = await page.evaluate(state);
        const want = await expect(ctx, page, 'shared link: unga in Tranemo');
        if (JSON.stringify(s.results) !== JSON.stringify(want.urls.slice(0, PAGE))) problems.push(`results ${JSON.stringify(s.results)}, want ${JSON.stringify(want.urls)}`);
        if (JSON.stringify(s.checked) !== JSON.stringify(['kommun=Tranemo'])) problems.push(`ticked ${JSON.stringify(s.checked)}, want kommun=Tranemo`);
        const chip = 'Atlantis – ingen träff ×';
        if (!s.chips.includes(chip)) problems.push(`chips ${JSON.stringify(s.chips)}, want one "${chip}"`);
        else {
          await page.locator('.search-chips li button', { hasText: 'Atlantis' }).click();
          await page.waitForFunction(() => !location.search.includes('Atlantis'), null, { timeout: 5000 }).catch(() => {});
          const after = await page.evaluate(state);
          if (after.search.includes('Atlantis') || after.chips.some((c) => c.includes('Atlantis'))) problems.push(`after removing its chip: address ${after.search}, chips ${JSON.stringify(after.chips)}`);
        }
        return problems;
      });
    } finally {
      await context.close();
    }
  }

  // 5-6. A shared address, and the matrix filtered in place.
  {
    const { page, context, problems: loading } = await open(ctx, SHARED);
    let s, want;
    try {
      await step(ctx, `search: the shared address ${SHARED}, opened fresh, shows the same results with its box ticked`, async () => {
        const problems = [...loading];
        await settled(page);
        s = await page.evaluate(state);
        want = await expect(ctx, page, 'shared link: unga in Tranemo');
        problems.push(...differences(s, want));
        if (s.q !== 'unga' || JSON.stringify(s.checked) !== JSON.stringify(['kommun=Tranemo'])) {
          problems.push(`field "${s.q}" and ticked ${JSON.stringify(s.checked)}, want "unga" and kommun=Tranemo`);
        }
        return problems;
      });
      await step(ctx, 'search: the matrix shows only the matching activities and marks the cells it empties "Ingen träff"', async () => {
        if (!s) return ['the shared address did not settle'];
        const m = [];
        if (s.emptied === 0) m.push('no matrix cell was emptied, so the check says nothing');
        if (s.marked.length !== s.emptied) m.push(`${s.emptied} cells emptied, ${s.marked.length} marked`);
        if (s.marked.some((t) => t !== 'Ingen träff')) m.push(`emptied cells say ${JSON.stringify([...new Set(s.marked)])}, want "Ingen träff"`);
        return m; // which entries are shown is part of differences above
      });
      await step(ctx, 'search: the list of structural activities below the matrix is filtered too', async () => {
        // "unga in Tranemo" leaves the structural samverkanskoordinator out;
        // "koordinator" finds it.
        const m = [];
        const structural = () => page.evaluate(() => [...document.querySelectorAll('ul.items > li[data-sok]')]
          .map((li) => ({ href: li.querySelector('a').getAttribute('href'), shown: !li.hidden })));
        const before = await structural();
        if (before.length === 0) return ['the front page lists no structural activity with data-sok'];
        if (before.some((x) => x.shown)) m.push(`shown for "unga" in Tranemo: ${before.filter((x) => x.shown).map((x) => x.href)}`);
        await page.goto(ctx.base + '?q=koordinator');
        await settled(page);
        const after = await page.evaluate(state);
        m.push(...differences(after, await expect(ctx, page, 'browser: koordinator')).map((x) => 'koordinator: ' + x));
        if (!(await structural()).some((x) => x.shown)) m.push('"koordinator" does not show samverkanskoordinator in the structural list');
        return m;
      });
    } finally {
      await context.close();
    }
  }

  // 7. Keyboard only.
  {
    const { page, context, problems: loading } = await open(ctx, '');
    try {
      await step(ctx, 'search: by keyboard alone: Tab to the field, type, Tab to a group, Enter opens it, Space ticks, Tab and Enter follow a result; focus always shows', async () => {
        const problems = [...loading];
        const field = await tabUntil(page, (f) => f.id === 'sok-q', 20, problems);
        if (!field) return [...problems, 'Tab never reached the search field'];
        await page.keyboard.type('unga');
        await settled(page);
        const summary = await tabUntil(page, (f) => f.tag === 'summary' && f.facet === 'kommun', 5, problems);
        if (!summary) return [...problems, 'Tab never reached the municipality filter group'];
        await page.keyboard.press('Enter');
        if (!(await page.evaluate(() => document.activeElement.parentElement.open))) problems.push('Enter on the group did not open it');
        const box = await tabUntil(page, (f) => f.kind === 'checkbox' && f.value === 'Tranemo', 20, problems);
        if (!box) return [...problems, 'Tab never reached the Tranemo box'];
        await page.keyboard.press('Space');
        await settled(page);
        const want = await expect(ctx, page, 'shared link: unga in Tranemo');
        problems.push(...differences(await page.evaluate(state), want));
        const link = await tabUntil(page, (f) => f.inResults && f.tag === 'a', 60, problems);
        if (!link) return [...problems, 'Tab never reached a result'];
        if (link.href !== want.urls[0]) problems.push(`the first result reached is ${link.href}, want ${want.urls[0]}`);
        await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/' + want.urls[0])), page.keyboard.press('Enter')]);
        return problems;
      });
    } finally {
      await context.close();
    }
  }

  // 8. axe with results and chips shown, and with every filter group open.
  await checkAxe({ ...ctx, browser: preparing(ctx.browser, settled) }, [
    { name: 'front page with results and chips', path: SHARED },
    { name: 'front page with results, 375px', path: SHARED, width: 375 },
    { name: 'front page with results, dark', path: SHARED, scheme: 'dark' },
  ]);
  await checkAxe({
    ...ctx,
    browser: preparing(ctx.browser, async (page) => {
      await settled(page);
      await page.evaluate(() => document.querySelectorAll('#sok details').forEach((d) => { d.open = true; }));
    }),
  }, [
    { name: 'front page with every filter group open', path: SHARED },
    { name: 'front page with every filter group open, 375px', path: SHARED, width: 375 },
  ]);

  // 9. Without JavaScript.
  {
    const all = contentSet.vectors.find((v) => v.name === 'everything, no query').urls;
    const { page, context, problems: loading } = await open(ctx, '', { contextOptions: { javaScriptEnabled: false } });
    try {
      await step(ctx, `search: without JavaScript the form is not shown, a line points to the A–Ö list, municipalities and the booklet, the matrix is whole and the front page links all ${all.length} activities`, async () => {
        const problems = [...loading];
        if (await page.locator('#sok').isVisible()) problems.push('the search form is shown, although it cannot work');
        const s = await page.evaluate(() => ({
          hidden: document.querySelectorAll('li[data-sok][hidden]:not([data-ended])').length,
          links: [...new Set([...document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href')))],
          marked: document.querySelectorAll('.matrix-none').length,
          noscript: [...document.querySelectorAll('.search-noscript a[href]')].map((a) => a.getAttribute('href')),
        }));
        for (const href of ['verksamheter/', 'kommuner/', 'utskrift/']) {
          if (!s.noscript.includes(href)) problems.push(`the line for browsers without JavaScript does not link ${href}`);
        }
        const missing = all.filter((u) => !s.links.includes(u));
        if (missing.length) problems.push(`the front page does not link ${missing.join(', ')}`);
        if (s.hidden || s.marked) problems.push(`${s.hidden} matrix entries hidden, ${s.marked} cells marked empty`);
        return problems;
      });
    } finally {
      await context.close();
    }
  }

  // 10. The query set's queries on this catalogue (internal/search/testdata/
  // queries.json), each typed into the field of a fresh front page: the
  // expected activity must be among the first three results shown for at
  // least 95 % of them.
  {
    const catalogue = Object.entries(querySet.catalogues).find(([, dir]) => dir === '.')[0];
    const queries = querySet.queries.filter((q) => q.cat === catalogue);
    const problems = [], misses = [];
    let top1 = 0, top3 = 0, zero = 0;
    const { page, context, problems: p } = await open(ctx, '');
    problems.push(...p);
    try {
      for (const q of queries) {
        await page.fill('#sok-q', q.q);
        await page.waitForFunction(() => !document.getElementById('sok-resultat').hasAttribute('aria-busy'), null, { timeout: 10000 });
        const urls = await page.evaluate(() => [...document.querySelectorAll('#sok-resultat > li > a')].map((a) => a.getAttribute('href')));
        const pos = urls.findIndex((u) => q.want.includes(u.replace(/^verksamheter\//, '').replace(/\/$/, '')));
        if (pos === 0) top1++;
        if (pos >= 0 && pos < 3) top3++;
        else misses.push(`"${q.q}": want ${q.want.join(' or ')} in the top three, got ${urls.slice(0, 3).join(' ') || 'nothing'}`);
        if (urls.length === 0) zero++;
      }
    } catch (err) {
      problems.push(err.message.split('\n')[0]);
    } finally {
      await context.close();
    }
    const n = queries.length;
    const rate = (k) => (100 * k / n).toFixed(1);
    // Misses are listed only when there are too many of them.
    const shown = top3 / n >= MIN_TOP3 ? problems : [...problems, ...misses];
    ctx.report(`search: the query set, ${n} queries typed into the front page: top-1 ${rate(top1)} %, top-3 ${rate(top3)} %, ` +
      `${zero} with no result (at least ${100 * MIN_TOP3} % in the top three)`, shown);
  }

  // 11. Time per keystroke: each keystroke typed once the one before is
  // answered (tests/search/typing.mjs); the first loads the engine and index.
  {
    const queries = ['unga', 'sjukskrivning', 'arbetsträning borås', 'psykisk ohälsa'];
    const firsts = [], later = [];
    const problems = [];
    try {
      for (const q of queries) {
        const { page, context, problems: p } = await open(ctx, '');
        problems.push(...p);
        try {
          const res = await page.evaluate(typeQuery, q);
          firsts.push(res.keys[0].total);
          later.push(...res.keys.slice(1).map((k) => k.total));
        } finally {
          await context.close();
        }
      }
    } catch (err) {
      problems.push(err.message.split('\n')[0]);
    }
    const med = median(later), max = Math.max(...later);
    if (med > 50) problems.push(`median ${med.toFixed(1)} ms per keystroke, over 50 ms`);
    ctx.report(`search: time per keystroke, ${later.length} keystrokes of ${queries.length} queries: median ${med.toFixed(1)} ms, ` +
      `max ${max.toFixed(1)} ms (first keystroke, which loads the engine and index: median ${median(firsts).toFixed(1)} ms)`, problems);
  }
}
