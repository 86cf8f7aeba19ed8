// samkat search engine: the browser side of internal/search. It reads the
// index the build writes under sok/ and answers queries with the same rules
// as the Go implementation (folding, stemming, prefix, one typo, weights,
// synonyms indexed at build time); test vectors hold the two to the same
// answers. No dependencies; an ES module, loaded only when someone searches.

const FORMAT_VERSION = 6;
// BEGIN tables from internal/search (go generate ./internal/search); do not edit.
const WEIGHT = [1,2,4,8]; // body, facts, target group, name
const EXACT = 1, PREFIX = 0.75, TYPO = 0.5, STRAY_PREFIX = 0.0625, SPLIT = 0.5;
const MIN_HEAD = 3, MIN_SPLIT_TAIL = 5; // of a query word split as a compound: see tailScores
const MIN_STEM = 3;
const MAX_WORD = 48; // longer words are cut to this many letters
const MIN_TYPO = 5; // words, and stems, of this length may have one typo
const MIN_STEM_PREFIX = 5; // shorter stems match terms that part from the word only as STRAY_PREFIX
const MAX_AGE = 120;
const SPELLING_BONUS = 8, MIN_SPELLED = 3; // a match spelled with å/ä/ö as typed: see spellingBonus
const SUFFIXES = [
  "iteternas", "ningarna", "iteterna", "heternas", "orernas", "heterna", "itetens", "ningar", "ningen", "orerna",
  "iteten", "iteter", "hetens", "heters", "ning", "arnas", "ernas", "ornas", "heten", "heter",
  "andet", "arens", "orers", "anden", "andes", "arna", "erna", "orna", "ande", "ende",
  "aste", "ares", "aren", "orer", "orns", "itet", "ades", "ens", "ets", "nas",
  "het", "are", "ast", "orn", "ade", "ar", "er", "or", "en", "et",
  "na", "ad", "at", "a", "e", "s",
];
const LEMMAS = new Map([["ungdom", "ung"], ["yngr", "ung"], ["yngst", "ung"]]);
// END tables
const MAX_SUFFIX = Math.max(...SUFFIXES.map((x) => x.length));
// Letters without a canonical decomposition that fold all the same, as
// in catalog.Fold.
const STROKED = new Map([["ø", "o"], ["æ", "a"], ["ł", "l"], ["đ", "d"], ["ħ", "h"], ["ŧ", "t"], ["ı", "i"]]);
const MARK = /\p{Mn}/u;
const MARKS = /^\p{Mn}*$/u;
const WORD_CHAR = /[\p{L}\p{Nd}]/u;
const SURROGATE = /[\uD800-\uDFFF]/;
const NUMBER = /^[0-9]+$/;
const SPELLED = /[åäö]/; // kept by fold(s, true): see unspell
/** unspell folds what fold(s, true) kept: å, ä → a, ö → o. */
export const unspell = (s) => s.replace(/[åä]/g, "a").replace(/ö/g, "o");
const firstRunes = (s, n) => [...s].slice(0, n).join("");

/**
 * fold lower-cases s, removes diacritics and keeps letters and digits. It
 * lower-cases one character at a time and keeps one character of the
 * result, as Go's unicode.ToLower does: "İ" becomes "i", not "i" and a
 * combining dot, and a final "Σ" is "σ" like any other. A letter with a
 * canonical decomposition into a letter and marks folds to the letter ("Š"
 * → "s"), as in catalog.Fold; a mark written apart is dropped.
 */
export function fold(s, keep = false) {
  let out = "";
  for (const ch of s) {
    if (MARK.test(ch)) continue;
    const lower = ch.toLowerCase();
    let l = lower.length === ch.length ? lower : String.fromCodePoint(lower.codePointAt(0));
    if (l.charCodeAt(0) >= 0x80 && !(keep && SPELLED.test(l))) l = baseLetter(l);
    out += WORD_CHAR.test(l) ? l : " ";
  }
  return out;
}

// baseLetter folds one lower-case character as catalog.Fold does.
function baseLetter(ch) {
  const stroked = STROKED.get(ch);
  if (stroked) return stroked;
  const d = ch.normalize("NFD");
  if (d === ch) return ch;
  const base = String.fromCodePoint(d.codePointAt(0));
  if (!MARKS.test(d.slice(base.length))) return ch;
  return baseLetter(base.toLowerCase() === base ? base : base.toLowerCase());
}

/**
 * tokens splits s into folded words. A number that begins with 0 and
 * follows no number, as a telephone number does, is one word with the
 * numbers after it ("033-35 51 41"); dates (2019-01-01) are not. A word
 * longer than MAX_WORD letters is cut to its first MAX_WORD.
 */
export function tokens(s, keep = false) {
  const out = [];
  let joining = false, afterNumber = false;
  for (let t of fold(s, keep).split(" ")) {
    if (t === "") continue;
    if (t.length > MAX_WORD) t = [...t].slice(0, MAX_WORD).join("");
    const num = NUMBER.test(t);
    if (num && joining) {
      out[out.length - 1] = (out[out.length - 1] + t).slice(0, MAX_WORD); // digits: one unit each
      continue;
    }
    joining = num && t[0] === "0" && !afterNumber;
    afterNumber = num;
    out.push(t);
  }
  return out;
}

const runeLength = (s) => [...s].length;

/**
 * queryTokens returns the words of a query. A last word of one letter
 * after others is left out, as if not typed yet: while someone types
 * "psykisk o", the results of "psykisk" stay rather than none.
 */
export function queryTokens(s, keep = false) {
  const toks = tokens(s, keep);
  if (toks.length > 1 && runeLength(toks[toks.length - 1]) === 1) toks.pop();
  return toks;
}

/** stem reduces a folded word to its indexed form. */
export function stem(word) {
  if (runeLength(word) <= MIN_STEM || NUMBER.test(word)) return word;
  for (let suf of SUFFIXES) {
    if (!word.endsWith(suf) || runeLength(word) - runeLength(suf) < MIN_STEM) continue;
    if (suf === "na" && word.endsWith("nna")) suf = "a";
    word = word.slice(0, word.length - suf.length);
    break;
  }
  return LEMMAS.get(word) || word;
}

/**
 * continued returns the terms a word can be the beginning of without being
 * their prefix, since the index holds stems: "arbetstrani" on its way to
 * "arbetsträning" (indexed as "arbetstra"), "ungdo" on its way to "ungdom"
 * (indexed as "ung").
 */
export function continued(tok) {
  const out = [];
  const runes = [...tok];
  for (let k = Math.max(MIN_STEM, runes.length - MAX_SUFFIX); k < runes.length; k++) {
    const rest = runes.slice(k).join("");
    if (SUFFIXES.some((suf) => suf.startsWith(rest))) out.push(runes.slice(0, k).join(""));
  }
  for (const [word, lemma] of LEMMAS) {
    if (word.startsWith(tok) && !out.includes(lemma)) out.push(lemma);
  }
  return out;
}

/** shardKey is the key under which the index files a term: its first two letters. */
export function shardKey(term) {
  return [...term].slice(0, 2).join("");
}

/** oneEdit: a and b differ by one insertion, deletion, substitution or swap. */
export function oneEdit(a, b) {
  if (Math.abs(a.length - b.length) > 1 && !SURROGATE.test(a) && !SURROGATE.test(b)) return false;
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

/**
 * frontDecoded reads a front-coded list of strings ({shared, rest}): each
 * is the first shared[i] UTF-16 units of the one before, then rest[i].
 */
function frontDecoded({ shared, rest }) {
  const out = new Array(rest.length);
  let prev = "";
  for (let i = 0; i < rest.length; i++) prev = out[i] = prev.slice(0, shared[i]) + rest[i];
  return out;
}

/**
 * parseQuery turns what someone typed into the search field into a query
 * for Index.search: {text, filters, age, status}. An age in the text ("24
 * år", "25-åring") is the age filter rather than words to match (and
 * ageText is how it was written).
 */
export function parseQuery(text) {
  const found = ageInText(text);
  if (!found) return { text, filters: {}, age: 0, status: [] };
  return { text: found.rest, filters: {}, age: found.age, status: [], ageText: found.phrase };
}

const AGE_PHRASE = /([0-9]{1,3})[ \t]*-?[ \t]*(åring\p{L}*|aring\p{L}*|årig\p{L}*|arig\p{L}*|år|ar)/giu;
const isWordChar = (ch) => ch !== undefined && WORD_CHAR.test(fold(ch).trim() || " ");

/**
 * ageInText finds the first age in text that is not the end of a range
 * ("18–64 år" is none): {age, rest, phrase}, rest being the text without
 * it; or null.
 */
export function ageInText(text) {
  for (const m of text.matchAll(AGE_PHRASE)) {
    const start = m.index, end = m.index + m[0].length;
    const after = String.fromCodePoint(text.codePointAt(end) ?? 32);
    if (end < text.length && isWordChar(after)) continue;
    if (start > 0) {
      const head = [...text.slice(0, start)];
      const before = head[head.length - 1];
      if (isWordChar(before)) continue;
      if ((before === "-" || before === "\u2013") && head.length > 1 && /\p{Nd}/u.test(head[head.length - 2])) continue;
    }
    const n = parseInt(m[1], 10);
    if (n < 1 || n > MAX_AGE) continue;
    return { age: n, rest: (text.slice(0, start) + " " + text.slice(end)).trim(), phrase: m[0] };
  }
  return null;
}

const STATUS = ["pagaende", "planerad", "avslutad"];
const ENDED = 2;
// FORMS: a term file's spellings with å, ä or ö, term → [[form, postings]].
const FORMS = Symbol("forms");

/**
 * joinSpellings turns a term file as written, where a term written with
 * å, ä or ö has the postings of each spelling under the spelling ("vård")
 * and those of its other documents under the term, into {term: postings}
 * with all of them under the term, and keeps the spellings under FORMS.
 * Postings are joined by running on (a document may come twice, and the
 * ids go back; scores take the best).
 */
function joinSpellings(file) {
  const out = {};
  const forms = new Map();
  for (const key in file) {
    const term = unspell(key);
    let ps = file[key];
    if (term !== key) forms.set(term, [...(forms.get(term) || []), [key, ps]]);
    if (Object.hasOwn(out, term)) {
      let last = 0;
      for (const v of out[term]) last += v >> 2;
      ps = out[term].concat(ps.map((v, i) => (i ? v : v - last * 4)));
    }
    out[term] = ps;
  }
  out[FORMS] = forms;
  return out;
}

const CACHE = 64; // words whose scores are kept while someone types
const TARGET_LOADS = 2; // target group files fetched at once

/** A loaded search index. Create one with Index.load. */
export class Index {
  constructor(base, meta, fetchJSON) {
    this.base = base;
    this.meta = meta;
    this.fetchJSON = fetchJSON;
    const n = (this.n = meta.docs);
    this.status = new Uint8Array(n);
    this.ageFrom = new Int32Array(n);
    this.ageTo = new Int32Array(n);
    this.rank = new Int32Array(n);
    // Age range codes are base 36, all of one width; ranks are differences
    // from the document before.
    const width = Math.max(meta.ages.length - 1, 0).toString(36).length;
    let offset = 0;
    for (let d = 0; d < n; d++) {
      this.status[d] = meta.status.charCodeAt(d) - 48;
      [this.ageFrom[d], this.ageTo[d]] = meta.ages[parseInt(meta.age.slice(d * width, (d + 1) * width), 36)];
      offset += meta.rank[d];
      this.rank[d] = d + offset;
    }
    // Each facet's value codes, flat: document d's are codes[start[d]] up
    // to codes[start[d + 1]]. The columns of the facets a result does not
    // show are in f.json (start null until loadFacets has read it).
    this.facets = meta.facetOrder.map((name) => {
      const values = meta.facets[name] || [];
      const labels = (meta.labels || {})[name] || values;
      const f = { name, values, labels, start: null, codes: null };
      if (name in meta.f) this.column(f, meta.f[name]);
      return f;
    });
    this.later = null; // Promise of f.json read into this.facets
    this.allKommuner = new Set(meta.all);
    // The words of the municipalities' names that documents have (see stem).
    const kommun = this.facets.find((f) => f.name === "kommun");
    this.places = new Set(kommun && kommun.codes ? [...new Set(kommun.codes)].flatMap((c) => tokens(kommun.values[c])) : []);
    this.names = frontDecoded(meta.names);
    this.urls = frontDecoded(meta.urls);
    this.fileOf = new Map(); // key → term file
    meta.shards.forEach((keys, i) => keys.forEach((k) => this.fileOf.set(k, i)));
    this.prefixed = new Set(meta.prefixed);
    this.files = new Map(); // "t/n" or "p/n" → Promise of {term: postings}
    this.chunks = new Map(); // chunk number → {file: Promise of target groups, settle, queued}
    this.chunkQueue = []; // chunks to load, the latest asked for first
    this.chunkLoads = 0; // chunk files being fetched
    this.cache = new Map(); // "word last" → Promise of scores
  }

  // column reads a facet's column: each document's value codes in base 36,
  // joined by "." within a document and "," between documents.
  column(f, col) {
    const n = this.n;
    const start = new Int32Array(n + 1);
    const codes = [];
    const docs = n > 0 ? col.split(",") : [];
    docs.forEach((list, d) => {
      start[d] = codes.length;
      if (list !== "") for (const c of list.split(".")) codes.push(parseInt(c, 36));
    });
    start[n] = codes.length;
    f.start = start;
    f.codes = Int32Array.from(codes);
  }

  /** complete says whether every facet's column is loaded. */
  get complete() {
    return this.facets.every((f) => f.start !== null);
  }

  /**
   * loadFacets reads f.json, the columns of the facets a result does not
   * show; search waits for it only when it must (see search).
   */
  loadFacets() {
    if (this.complete) return Promise.resolve();
    if (!this.later) {
      this.later = this.fetchJSON(this.base + "f.json").then((file) => {
        if (file.v !== FORMAT_VERSION) throw new Error("search index format " + file.v + ", expected " + FORMAT_VERSION);
        for (const f of this.facets) if (f.start === null) this.column(f, file.f[f.name] || "");
      });
      this.later.catch(() => (this.later = null));
    }
    return this.later;
  }

  /**
   * stem is the module's stem, except that a word whose stem is the name of
   * a municipality of the catalogue, but which is not one itself, is its
   * own stem, as in the index: "marken" is not Mark.
   */
  stem(tok) {
    const s = stem(tok);
    return s !== tok && this.places.has(s) && !this.places.has(tok) ? tok : s;
  }

  /** load reads meta.json from base (a URL ending in "/"). */
  static async load(base, fetchJSON = defaultFetch) {
    const meta = await fetchJSON(base + "meta.json");
    if (meta.v !== FORMAT_VERSION) throw new Error("search index format " + meta.v + ", expected " + FORMAT_VERSION);
    return new Index(base, meta, fetchJSON);
  }

  // termFile returns the term file holding key ("t"), or its prefix file ("p").
  termFile(key, kind = "t") {
    const i = this.fileOf.get(key);
    if (i === undefined) return Promise.resolve({});
    const name = kind + "/" + i;
    if (!this.files.has(name)) {
      let file = this.fetchJSON(this.base + name + ".json");
      if (kind === "t") file = file.then(joinSpellings);
      file.catch(() => this.files.delete(name));
      this.files.set(name, file);
    }
    return this.files.get(name);
  }

  /**
   * tokenScores gives each document's best score for one typed word (0:
   * no match): exact stem, prefix (from 3 letters, or 2 for the word being
   * typed; and for that word, when its stem is not in the index, the terms
   * it can be the beginning of: see continued), one typo (words of
   * MIN_TYPO letters, sharing the first two).
   */
  tokenScores(tok, sp, last) {
    const id = sp + " " + last;
    let scores = this.cache.get(id);
    if (scores) {
      this.cache.delete(id); // most recently used last
    } else {
      scores = this.computeScores(tok, sp, last);
      scores.catch(() => this.cache.delete(id));
      if (this.cache.size >= CACHE) this.cache.delete(this.cache.keys().next().value);
    }
    this.cache.set(id, scores);
    return scores;
  }

  async computeScores(tok, sp, last) {
    const s = this.stem(tok);
    const n = runeLength(tok);
    const spelled = n >= MIN_SPELLED && SPELLED.test(sp);
    const prefix = n >= 3 || (last && n >= 2);
    // "marken" is on its way to no municipality.
    const own = s === tok && stem(tok) !== tok;
    const more = new Set(prefix && last ? continued(tok).filter((t) => !(own && this.places.has(t) && !this.places.has(tok))) : []);
    const scores = new Float64Array(this.n);
    const hit = (postings, quality, bonus = 0) => {
      let doc = 0;
      for (let i = 0; i < postings.length; i++) {
        const v = postings[i];
        doc += v >> 2;
        const score = WEIGHT[v & 3] * quality + bonus;
        if (score > scores[doc]) scores[doc] = score;
      }
    };
    // A match of m letters of a word typed with å, ä or ö, in the documents
    // that write them as typed, earns SPELLING_BONUS (see Go's tokenScores).
    const hitTerm = (file, term, quality, m) => {
      hit(file[term], quality);
      const forms = spelled && m > 0 && file[FORMS] && file[FORMS].get(term);
      if (!forms) return;
      const typed = firstRunes(sp, m);
      if (!SPELLED.test(typed)) return;
      for (const [form, postings] of forms) if (firstRunes(form, m) === typed) hit(postings, quality, SPELLING_BONUS);
    };
    if (n === 2 && this.prefixed.has(tok)) {
      // A two-letter word (its own stem) with many terms: its prefix file
      // has the best of all of them, and the word itself.
      const file = await this.termFile(tok, "p");
      const exact = Object.hasOwn(file, tok);
      if (exact) hit(file[tok], EXACT);
      if (prefix) hit(file["*"], PREFIX);
      if (exact) more.clear();
      for (const t of more) {
        const f = await this.termFile(shardKey(t));
        if (Object.hasOwn(f, t)) hit(f[t], PREFIX);
      }
      return scores;
    }
    const keys = new Set([shardKey(s), shardKey(tok), ...[...more].map(shardKey)]);
    const files = await Promise.all([...keys].map((k) => this.termFile(k)));
    const prefixes = tok === s || tok.startsWith(s) ? [s] : [tok, s];
    const first2 = shardKey(s);
    const typo = n >= MIN_TYPO && !NUMBER.test(tok); // a number one digit off is another number
    const longStem = runeLength(s) >= MIN_TYPO;
    // A short stem begins many unrelated words: a term that parts from the
    // word after it counts less (for träning, Tranemo less than träna).
    const shortStem = runeLength(s) < MIN_STEM_PREFIX;
    // A word being typed that is no word of the index may be the beginning
    // of one that is indexed under a shorter stem.
    if (files.some((file) => Object.hasOwn(file, s))) more.clear();
    for (const file of new Set(files)) {
      for (const term in file) {
        if (term === s) hitTerm(file, term, EXACT, runeLength(s));
        if (prefix) {
          if (more.has(term)) hitTerm(file, term, PREFIX, runeLength(term));
          const stray = shortStem && !term.startsWith(tok) && !tok.startsWith(term);
          for (const p of prefixes) {
            if (term.startsWith(p)) hitTerm(file, term, stray ? STRAY_PREFIX : PREFIX, stray ? 0 : runeLength(p));
          }
        }
        if (typo && term !== s && term.startsWith(first2) && (oneEdit(tok, term) || (longStem && oneEdit(s, term)))) hit(file[term], TYPO);
      }
    }
    if (!scores.some((x) => x > 0)) await this.tailScores(tok, hit);
    return scores;
  }

  /**
   * tailScores matches a word that matches nothing as a compound, split as
   * documents are: by its longest tail (MIN_SPLIT_TAIL letters or more, after a
   * head of MIN_HEAD) whose stem is a term, or which begins one, at SPLIT.
   */
  async tailScores(tok, hit) {
    const runes = [...tok];
    const tails = [];
    for (let k = MIN_HEAD; runes.length - k >= MIN_SPLIT_TAIL; k++) {
      const tail = runes.slice(k).join("");
      tails.push([tail, this.stem(tail)]);
    }
    if (tails.length === 0) return;
    const keys = [...new Set(tails.flatMap(([t, st]) => [shardKey(t), shardKey(st)]))];
    const files = new Map(await Promise.all(keys.map(async (k) => [k, await this.termFile(k)])));
    for (const [tail, st] of tails) {
      let found = false;
      const exact = files.get(shardKey(st));
      if (Object.hasOwn(exact, st)) {
        hit(exact[st], SPLIT);
        found = true;
      }
      const file = files.get(shardKey(tail));
      for (const term in file) {
        if (term.startsWith(tail)) {
          hit(file[term], SPLIT);
          found = true;
        }
      }
      if (found) return;
    }
  }

  /**
   * search answers q = {text, filters: {facet: [values]}, age, status: [..]}
   * with {hits: [{doc, score, words}], counts: {facet: {value: n}},
   * unmatched: [words]}, where counts are what each value would give if
   * ticked: the query with that facet's own filter left out ("status"
   * counts like a facet). Hits match every word; when no document does,
   * those that match most words, first, and unmatched names the words
   * that match no document.
   *
   * With quick, a query that filters on no facet whose column is still in
   * f.json is answered without waiting for it: when it has hits, its
   * counts leave out those facets, and the answer has partial (their names) set (call loadFacets, then
   * search again for the counts). Without quick, search loads f.json first.
   */
  async search(q, quick = false) {
    if (!this.complete) {
      const needed = Object.keys(q.filters || {}).some((name) =>
        (q.filters[name] || []).length > 0 && this.facets.some((f) => f.name === name && f.start === null));
      if (!quick || needed) await this.loadFacets();
    }
    const spelled = queryTokens(q.text || "", true);
    const toks = spelled.map(unspell);
    const per = await Promise.all(toks.map((t, i) => this.tokenScores(t, spelled[i], i === toks.length - 1)));
    // When no document matches every word, those that match most words
    // are the hits, and the words that match nothing are named.
    const unmatched = toks.filter((t, i) => !per[i].some((x) => x > 0));
    const words = new Uint8Array(this.n);
    let all = per.length === 0;
    for (let d = 0; d < this.n; d++) {
      let w = 0;
      for (let i = 0; i < per.length; i++) if (per[i][d] > 0) w++;
      words[d] = w;
      if (w === per.length) all = true;
    }
    const facets = this.facets;
    // The active filters: a set of value codes per facet. A filter on a
    // facet the index does not know excludes every document, as in Go.
    const filters = [];
    for (const name in q.filters || {}) {
      const want = q.filters[name];
      if (!want || want.length === 0) continue;
      const f = facets.findIndex((x) => x.name === name);
      const codes = new Set(f < 0 ? [] : want.map((v) => facets[f].values.indexOf(v)).filter((c) => c >= 0));
      filters.push({ f, codes });
    }
    const STATUS_FACET = facets.length;
    const status = q.status && q.status.length > 0 ? new Set(q.status.map((x) => STATUS.indexOf(x))) : null;
    const age = q.age > 0 ? q.age : 0;
    const counts = facets.map((f) => new Int32Array(f.values.length));
    const statusCounts = new Int32Array(STATUS.length);
    const countFacet = (f, d) => {
      const { start, codes } = facets[f];
      if (start === null) return;
      for (let i = start[d]; i < start[d + 1]; i++) counts[f][codes[i]]++;
    };
    const hits = [];
    for (let d = 0; d < this.n; d++) {
      const w = words[d];
      if (all ? w !== per.length : w === 0) continue;
      let score = 0;
      for (let i = 0; i < per.length; i++) score += per[i][d];
      if (age > 0 && ((this.ageFrom[d] >= 0 && age < this.ageFrom[d]) || (this.ageTo[d] >= 0 && age > this.ageTo[d]))) continue;
      // A document that fails no filter is a hit and counts everywhere;
      // one that fails one filter counts only in that filter's facet.
      let failed = -1, fails = 0;
      for (const { f, codes } of filters) {
        let ok = false;
        if (f >= 0) {
          const { start, codes: dc } = facets[f];
          for (let i = start[d]; i < start[d + 1] && !ok; i++) ok = codes.has(dc[i]);
        }
        if (!ok) {
          fails++;
          failed = f;
        }
      }
      if (status && !status.has(this.status[d])) {
        fails++;
        failed = STATUS_FACET;
      }
      if (fails === 0) {
        hits.push({ doc: d, score, words: w });
        for (let f = 0; f < facets.length; f++) countFacet(f, d);
        statusCounts[this.status[d]]++;
      } else if (fails === 1 && failed === STATUS_FACET) {
        statusCounts[this.status[d]]++;
      } else if (fails === 1 && failed >= 0) {
        countFacet(failed, d);
      }
    }
    hits.sort((a, b) => {
      if (a.words !== b.words) return b.words - a.words;
      // For an age, activities with an age range before those open to all.
      if (age > 0) {
        const xa = this.ageFrom[a.doc] >= 0 || this.ageTo[a.doc] >= 0, xb = this.ageFrom[b.doc] >= 0 || this.ageTo[b.doc] >= 0;
        if (xa !== xb) return xa ? -1 : 1;
      }
      if (a.score !== b.score) return b.score - a.score;
      const ea = this.status[a.doc] === ENDED, eb = this.status[b.doc] === ENDED;
      if (ea !== eb) return ea ? 1 : -1;
      return this.rank[a.doc] - this.rank[b.doc];
    });
    // A facet not yet loaded has no filter (see above), so its counts are
    // those of the hits: with none, all 0, and the answer is complete.
    const partial = hits.length > 0 && facets.some((f) => f.start === null);
    const out = {};
    const put = (name, values, c) => {
      c.forEach((k, i) => {
        if (k > 0) (out[name] = out[name] || {})[values[i]] = k;
      });
    };
    facets.forEach((f, i) => {
      if (f.start !== null) put(f.name, f.values, counts[i]);
    });
    put("status", STATUS, statusCounts);
    const res = { hits, counts: out, unmatched };
    if (partial) res.partial = facets.filter((f) => f.start === null).map((f) => f.name);
    return res;
  }

  /**
   * prefetch starts loading what the next keystroke after text will likely
   * need: the term file of a two-letter last word answered from its prefix
   * file. Call it once the answer to text is shown.
   */
  prefetch(text) {
    const toks = queryTokens(text || "");
    const last = toks[toks.length - 1];
    if (last && runeLength(last) === 2 && this.prefixed.has(last)) this.termFile(last).catch(() => {});
  }

  /**
   * brief returns what a result shows at once, from meta.json: {name, url,
   * status, functions, kommuner, allKommuner}, with functions and kommuner
   * as lists of labels (allKommuner: the activity is for every one).
   */
  brief(d) {
    const labelsOf = (name) => {
      const f = this.facets.find((x) => x.name === name);
      const out = [];
      if (f) for (let i = f.start[d]; i < f.start[d + 1]; i++) out.push(f.labels[f.codes[i]]);
      return out;
    };
    return {
      name: this.names[d], url: this.urls[d], status: STATUS[this.status[d]],
      functions: labelsOf("funktion"), kommuner: labelsOf("kommun"), allKommuner: this.allKommuner.has(d),
    };
  }

  /**
   * targets returns the target group of each document; they load DocChunk
   * at a time. At most TARGET_LOADS of their files are fetched at once, the
   * latest asked for first, so that they never hold up the term files a
   * keystroke needs: over HTTP/1.1 a browser opens six connections to a
   * host, and each keystroke may ask for up to 20 of these files.
   */
  targets(docs) {
    const size = this.meta.docChunk;
    const wanted = [...new Set(docs.map((d) => Math.floor(d / size)))];
    for (const c of wanted.reverse()) {
      if (!this.chunks.has(c)) {
        let settle;
        const file = new Promise((resolve, reject) => (settle = { resolve, reject }));
        this.chunks.set(c, { file, settle, queued: true });
      }
      const chunk = this.chunks.get(c);
      if (chunk.queued) {
        this.chunkQueue = this.chunkQueue.filter((x) => x !== c);
        this.chunkQueue.unshift(c);
      }
    }
    this.loadChunks();
    return Promise.all(docs.map(async (d) => (await this.chunks.get(Math.floor(d / size)).file)[d % size]));
  }

  loadChunks() {
    while (this.chunkLoads < TARGET_LOADS && this.chunkQueue.length > 0) {
      const c = this.chunkQueue.shift();
      const chunk = this.chunks.get(c);
      chunk.queued = false;
      this.chunkLoads++;
      this.fetchJSON(this.base + "d/" + c + ".json").then(chunk.settle.resolve, (err) => {
        this.chunks.delete(c); // the next request tries again
        chunk.settle.reject(err);
      }).finally(() => {
        this.chunkLoads--;
        this.loadChunks();
      });
    }
  }

  /** display returns brief(d) with its target group, for each document. */
  async display(docs) {
    const targets = await this.targets(docs);
    return docs.map((d, i) => ({ ...this.brief(d), target: targets[i] }));
  }
}

async function defaultFetch(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(url + ": " + res.status);
  return res.json();
}
