// The query set (internal/search/testdata/queries.json): realistic queries
// of caseworkers over this repository's catalogue and the test catalogues
// of other förbund, answered by the browser's engine from the index files
// that TestQuerySet writes (internal/search/testdata/queryset/). The
// engine's first three results must be Go's, and the expected activity
// must be among them for at least 95 % of the queries.
//
//   node --test tests/search/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const data = path.join(repo, 'internal/search/testdata');
const set = JSON.parse(readFileSync(path.join(data, 'queries.json'), 'utf8'));
const goAnswers = JSON.parse(readFileSync(path.join(data, 'queryset/answers.json'), 'utf8'));
const MIN_TOP3 = 0.95;

const fetchJSON = async (file) => JSON.parse(readFileSync(file, 'utf8'));

// judge says where an expected answer is among the results' URLs, as the
// Go test does: "1", "3" (second or third), "later", "missing" or "none".
export function judge(urls, want) {
  if (urls.length === 0) return 'none';
  const pos = urls.findIndex((u) => want.includes(u.replace(/^verksamheter\//, '').replace(/\/$/, '')));
  if (pos === 0) return '1';
  if (pos > 0 && pos < 3) return '3';
  return pos >= 3 ? 'later' : 'missing';
}

test('query set: the engine in Node', async (t) => {
  const engine = await import(pathToFileURL(path.join(repo, 'static/samkat-sokmotor.js')).href);
  const indexes = {};
  for (const name of Object.keys(set.catalogues)) {
    indexes[name] = await engine.Index.load(path.join(data, 'queryset', name) + path.sep, fetchJSON);
  }
  let top1 = 0, top3 = 0, zero = 0;
  const misses = [];
  for (const [i, q] of set.queries.entries()) {
    const ix = indexes[q.cat];
    const { hits } = await ix.search(engine.parseQuery(q.q));
    const urls = hits.map((h) => ix.urls[h.doc]);
    const found = judge(urls, q.want);
    if (found === '1') top1++;
    if (found === '1' || found === '3') top3++;
    else misses.push(`${q.cat} ${JSON.stringify(q.q)}: ${found}, want ${q.want.join(' or ')}, got ${urls.slice(0, 3).join(' ')}`);
    if (urls.length === 0) zero++;
    const go = goAnswers.answers[i];
    assert.deepStrictEqual({ q: q.q, top: urls.slice(0, 3), hits: urls.length }, { q: go.q, top: go.top, hits: go.hits },
      `${q.cat} ${JSON.stringify(q.q)}: the engine answers differently from Go`);
  }
  const n = set.queries.length;
  t.diagnostic(`${n} queries: top-1 ${(100 * top1 / n).toFixed(1)} %, top-3 ${(100 * top3 / n).toFixed(1)} %, ${zero} with no result`);
  for (const m of misses) t.diagnostic(`not in the top three: ${m}`);
  assert.ok(top3 / n >= MIN_TOP3, `top-3 ${(100 * top3 / n).toFixed(1)} %, below ${100 * MIN_TOP3} %`);
});
