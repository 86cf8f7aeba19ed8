// samkat search engine: the browser side of internal/search. It reads the
// index the build writes under sok/ and answers queries with the same rules
// as the Go implementation (folding, stemming, prefix, one typo, weights,
// synonyms indexed at build time); test vectors hold the two to the same
// answers. No dependencies; an ES module, loaded only when someone searches.

const FORMAT_VERSION = 1;
const WEIGHT = [1, 2, 4, 8]; // body, facts, target group, name
const EXACT = 1.0, PREFIX = 0.75, TYPO = 0.5;
const MIN_STEM = 3;
const SUFFIXES = [
  "ningarna", "ningar", "ningen", "ning",
  "arnas", "ernas", "ornas", "heten", "heter", "andet",
  "arna", "erna", "orna", "ande", "ende", "aste", "ares", "ens", "ets", "nas",
  "het", "are", "ast", "ar", "er", "or", "en", "et", "na", "ad", "at",
  "a", "e", "s",
];
const LEMMAS = { ungdom: "ung", yngr: "ung", yngst: "ung" };
const FOLD = {
  "å": "a", "ä": "a", "à": "a", "á": "a", "â": "a", "ã": "a", "æ": "a",
  "ö": "o", "ø": "o", "ò": "o", "ó": "o", "ô": "o", "õ": "o",
  "é": "e", "è": "e", "ê": "e", "ë": "e",
  "ü": "u", "ù": "u", "ú": "u", "û": "u",
  "í": "i", "ì": "i", "î": "i", "ï": "i",
  "ç": "c", "ñ": "n", "ý": "y", "ÿ": "y",
};
const WORD_CHAR = /[\p{L}\p{Nd}]/u;

/** fold lower-cases s, removes diacritics and keeps letters and digits. */
export function fold(s) {
  let out = "";
  for (const ch of s.toLowerCase()) {
    const f = FOLD[ch] || ch;
    out += WORD_CHAR.test(f) ? f : " ";
  }
  return out;
}

/** tokens splits s into folded words. */
export function tokens(s) {
  return fold(s).split(" ").filter(Boolean);
}

const runeLength = (s) => [...s].length;

/** stem reduces a folded word to its indexed form. */
export function stem(word) {
  if (runeLength(word) <= MIN_STEM || /^[0-9]+$/.test(word)) return word;
  for (let suf of SUFFIXES) {
    if (!word.endsWith(suf) || runeLength(word) - runeLength(suf) < MIN_STEM) continue;
    if (suf === "na" && word.endsWith("nna")) suf = "a";
    word = word.slice(0, word.length - suf.length);
    break;
  }
  return LEMMAS[word] || word;
}

/** shardKey names the index file holding terms that start like term. */
export function shardKey(term) {
  const k = [...term].slice(0, 2).join("");
  if (/^[a-z0-9]+$/.test(k)) return k;
  return "x" + [...new TextEncoder().encode(k)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** oneEdit: a and b differ by one insertion, deletion, substitution or swap. */
export function oneEdit(a, b) {
  let ra = [...a], rb = [...b];
  if (ra.length < rb.length) [ra, rb] = [rb, ra];
  if (ra.length - rb.length > 1 || a === b) return false;
  let i = 0;
  while (i < rb.length && ra[i] === rb[i]) i++;
  const rest = (x, from) => x.slice(from).join("");
  if (ra.length !== rb.length) return rest(ra, i + 1) === rest(rb, i);
  if (i + 1 < ra.length && ra[i] === rb[i + 1] && ra[i + 1] === rb[i]) return rest(ra, i + 2) === rest(rb, i + 2);
  return rest(ra, i + 1) === rest(rb, i + 1);
}

const STATUS = ["pagaende", "planerad", "avslutad"];

/** A loaded search index. Create one with Index.load. */
export class Index {
  constructor(base, meta, fetchJSON) {
    this.base = base;
    this.meta = meta;
    this.fetchJSON = fetchJSON;
    this.shardSet = new Set(meta.shards);
    this.shards = new Map(); // key → Promise of {term: postings}
    this.chunks = new Map(); // chunk number → Promise of display rows
    this.docs = meta.docs.map((row) => {
      const facets = {};
      meta.facetOrder.forEach((f, i) => {
        facets[f] = row[4 + i].map((c) => meta.facets[f][c]);
      });
      return { status: STATUS[row[0]], ageFrom: row[1], ageTo: row[2], rank: row[3], facets };
    });
  }

  /** load reads meta.json from base (a URL ending in "/"). */
  static async load(base, fetchJSON = defaultFetch) {
    const meta = await fetchJSON(base + "meta.json");
    if (meta.v !== FORMAT_VERSION) throw new Error("search index format " + meta.v + ", expected " + FORMAT_VERSION);
    return new Index(base, meta, fetchJSON);
  }

  shard(key) {
    if (!this.shardSet.has(key)) return Promise.resolve({});
    if (!this.shards.has(key)) this.shards.set(key, this.fetchJSON(this.base + "t/" + key + ".json"));
    return this.shards.get(key);
  }

  /** tokenScores maps document → best score for one typed word. */
  async tokenScores(tok, last) {
    const s = stem(tok);
    const keys = new Set([shardKey(s), shardKey(tok)]);
    const shards = await Promise.all([...keys].map((k) => this.shard(k)));
    const scores = new Map();
    const hit = (postings, quality) => {
      let doc = 0;
      for (const v of postings) {
        doc += v >> 2;
        const score = WEIGHT[v & 3] * quality;
        if (score > (scores.get(doc) || 0)) scores.set(doc, score);
      }
    };
    const n = runeLength(tok);
    const prefixes = tok === s || tok.startsWith(s) ? [s] : [tok, s];
    const first2 = [...s].slice(0, 2).join("");
    for (const shard of shards) {
      for (const term in shard) {
        if (term === s) hit(shard[term], EXACT);
        if ((n >= 3 || (last && n >= 2)) && prefixes.some((p) => term.startsWith(p))) hit(shard[term], PREFIX);
        if (n >= 5 && term !== s && term.startsWith(first2) && (oneEdit(s, term) || oneEdit(tok, term))) hit(shard[term], TYPO);
      }
    }
    return scores;
  }

  /** passes applies q's filters to document d, except facet skip. */
  passes(d, q, skip) {
    const doc = this.docs[d];
    for (const facet in q.filters) {
      const want = q.filters[facet];
      if (facet === skip || !want || want.length === 0) continue;
      if (!doc.facets[facet] || !doc.facets[facet].some((v) => want.includes(v))) return false;
    }
    if (skip !== "status" && q.status && q.status.length > 0 && !q.status.includes(doc.status)) return false;
    if (q.age > 0) {
      if ((doc.ageFrom >= 0 && q.age < doc.ageFrom) || (doc.ageTo >= 0 && q.age > doc.ageTo)) return false;
    }
    return true;
  }

  /**
   * search answers q = {text, filters: {facet: [values]}, age, status: [..]}
   * with {hits: [{doc, score}], counts: {facet: {value: n}}}.
   */
  async search(q) {
    const toks = tokens(q.text || "");
    const per = await Promise.all(toks.map((t, i) => this.tokenScores(t, i === toks.length - 1)));
    const textScore = (d) => {
      let total = 0;
      for (const m of per) {
        const s = m.get(d);
        if (s === undefined) return -1;
        total += s;
      }
      return total;
    };
    const hits = [];
    const counts = {};
    const inc = (facet, value) => {
      counts[facet] = counts[facet] || {};
      counts[facet][value] = (counts[facet][value] || 0) + 1;
    };
    for (let d = 0; d < this.docs.length; d++) {
      const score = textScore(d);
      if (score < 0) continue;
      if (this.passes(d, q, "")) hits.push({ doc: d, score });
      const doc = this.docs[d];
      for (const facet in doc.facets) {
        if (this.passes(d, q, facet)) for (const v of doc.facets[facet]) inc(facet, v);
      }
      if (this.passes(d, q, "status")) inc("status", doc.status);
    }
    hits.sort((a, b) => {
      if (a.score !== b.score) return b.score - a.score;
      const ea = this.docs[a.doc].status === "avslutad", eb = this.docs[b.doc].status === "avslutad";
      if (ea !== eb) return ea ? 1 : -1;
      return this.docs[a.doc].rank - this.docs[b.doc].rank;
    });
    return { hits, counts };
  }

  /** display returns {name, url, target, functions, kommuner, status} of each document. */
  async display(docs) {
    const size = this.meta.docChunk;
    const need = [...new Set(docs.map((d) => Math.floor(d / size)))];
    await Promise.all(need.map((c) => {
      if (!this.chunks.has(c)) this.chunks.set(c, this.fetchJSON(this.base + "d/" + c + ".json"));
      return this.chunks.get(c);
    }));
    return Promise.all(docs.map(async (d) => {
      const row = (await this.chunks.get(Math.floor(d / size)))[d % size];
      return { name: row[0], url: row[1], target: row[2], functions: row[3], kommuner: row[4], status: this.docs[d].status };
    }));
  }
}

async function defaultFetch(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(url + ": " + res.status);
  return res.json();
}
