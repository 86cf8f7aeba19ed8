// Parity of the browser's search engine with the Go reference: every query
// in internal/search/testdata/vectors.json (written by the Go test
// TestVectors) must give the same results, in the same order, with the same
// scores and facet counts, when static/samkat-sokmotor.js answers it from
// the index files of a built site. No npm packages needed:
//
//   node --test tests/search/                           the small test catalogue only
//   SAMKAT_SITE=DIR node --test tests/search/           also content/, built into DIR with
//                                                       samkat build -o DIR --now <the vectors' day>
//
// Where the index lies in a built site, what the engine shows of each
// result (Index.display) is also compared with the site's own export,
// data/verksamheter.json.
//
// The engine is tested twice: the source in static/, and the minified copy
// the site ships next to the index, which is what browsers run.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const vectors = JSON.parse(readFileSync(path.join(repo, 'internal/search/testdata/vectors.json'), 'utf8'));
const site = process.env.SAMKAT_SITE;
const INDEX_DIR = 'sok/index/';

// fetchJSON reads an index file from disk where the browser would fetch it.
const fetchJSON = async (file) => JSON.parse(readFileSync(file, 'utf8'));

// engines returns the engine modules to test against the index in dir.
async function engines(indexDir) {
  const list = [['static/samkat-sokmotor.js', path.join(repo, 'static/samkat-sokmotor.js')]];
  const siteRoot = path.resolve(indexDir, '..', '..');
  const shipped = path.join(siteRoot, 'samkat-sokmotor.js');
  if (existsSync(shipped)) list.push([path.relative(repo, shipped) || shipped, shipped]);
  return Promise.all(list.map(async ([name, file]) => [name, await import(pathToFileURL(file).href)]));
}

// answer runs one vector's query and returns what the Go test recorded.
async function answer(ix, query) {
  const q = { text: query.text || '', filters: query.filters || {}, age: query.age || 0, status: query.status || [] };
  const { hits, counts, unmatched } = await ix.search(q);
  const shown = await ix.display(hits.map((h) => h.doc));
  const got = { urls: shown.map((d) => d.url), scores: hits.map((h) => h.score), counts };
  if (unmatched.length > 0) got.unmatched = unmatched;
  return got;
}

// The text functions: folding, tokens, query words, stems and the terms a
// word being typed can continue into, for the words Go recorded.
test('tokens, stems and continuations as in Go', async (t) => {
  for (const [name, engine] of await engines(path.join(repo, 'internal/search/testdata/index-small-files'))) {
    await t.test(name, () => {
      for (const w of vectors.words) {
        const toks = engine.tokens(w.input);
        const got = {
          input: w.input, tokens: toks, queryTokens: engine.queryTokens(w.input),
          stems: toks.map(engine.stem), continued: toks.map(engine.continued),
        };
        const q = engine.parseQuery(w.input);
        got.age = q.age;
        got.rest = q.text;
        assert.deepStrictEqual(got, { ...w, stems: w.stems || [], continued: w.continued || [] }, `${name}: ${JSON.stringify(w.input)}`);
      }
    });
  }
});

for (const set of vectors.sets) {
  const indexDir = set.index ? path.join(repo, set.index) : site && path.join(path.resolve(site), INDEX_DIR);
  const title = `${set.catalogue === '.' ? 'content/' : set.catalogue} built for ${set.now}, ` +
    (set.index ? `index in ${set.index}` : `site ${site || '$SAMKAT_SITE'}`);
  if (!indexDir) {
    test(title, { skip: 'set SAMKAT_SITE to a site built from content/' }, () => {});
    continue;
  }
  test(title, async (t) => {
    assert.ok(existsSync(path.join(indexDir, 'meta.json')), `no search index in ${indexDir}`);
    for (const [name, engine] of await engines(indexDir)) {
      await t.test(name, async (t) => {
        const ix = await engine.Index.load(indexDir + path.sep, fetchJSON);
        const exported = path.join(indexDir, '..', '..', 'data', 'verksamheter.json');
        if (existsSync(exported)) {
          await t.test('display matches data/verksamheter.json', async () => {
            const { verksamheter } = JSON.parse(readFileSync(exported, 'utf8'));
            const docs = [...Array(ix.n).keys()];
            const got = await ix.display(docs);
            const want = verksamheter.map((a) => ({
              name: a.namn, url: `verksamheter/${a.slug}/`, status: a.status,
              functions: a.funktion.map((f) => f.namn), kommuner: a.kommuner,
              allKommuner: a.alla_kommuner === true, target: a.malgrupp || '',
            }));
            assert.deepStrictEqual(got, want);
          });
        }
        for (const v of set.vectors) {
          await t.test(v.name, async () => {
            const got = await answer(ix, v.query);
            const want = { urls: v.urls, scores: v.scores, counts: v.counts };
            if (v.unmatched) want.unmatched = v.unmatched;
            assert.deepStrictEqual(got, want,
              `${name}: query ${JSON.stringify(v.query)} answers differently from Go` +
              (set.index ? '' : ` (is ${site} built from content/ with --now ${set.now}?)`));
          });
        }
        // The form asks for a quick answer before f.json has loaded: the
        // same hits, and the same counts but for the facets still in f.json,
        // which it names (none when there are no hits, whose counts are 0).
        await t.test('quick answers before f.json', async () => {
          for (const v of set.vectors) {
            const q = { text: v.query.text || '', filters: v.query.filters || {}, age: v.query.age || 0, status: v.query.status || [] };
            const full = await ix.search(q);
            const fresh = await engine.Index.load(indexDir + path.sep, fetchJSON);
            const quick = await fresh.search(q, true);
            assert.deepStrictEqual(quick.hits, full.hits, `query ${JSON.stringify(v.query)}`);
            const later = quick.partial || [];
            assert.ok(later.length === 0 || full.hits.length > 0, `query ${JSON.stringify(v.query)}: partial without hits`);
            for (const name of later) assert.ok(!(q.filters[name] || []).length, `query ${JSON.stringify(v.query)}: partial on a filtered facet`);
            const want = Object.fromEntries(Object.entries(full.counts).filter(([name]) => !later.includes(name)));
            assert.deepStrictEqual(quick.counts, want, `query ${JSON.stringify(v.query)}`);
            await fresh.loadFacets();
            assert.deepStrictEqual(await fresh.search(q, true), full, `query ${JSON.stringify(v.query)} once f.json has loaded`);
          }
        });
      });
    }
  });
}
