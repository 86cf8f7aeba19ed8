// The reference engine: Search, Counts and ParseQuery answer queries over
// an Index in Go the way static/samkat-sokmotor.js answers them over the
// files Files writes. Production never calls them; the tests do, and the
// test vectors (testdata/vectors.json) hold the two engines to the same
// answers. What the build needs to make the index lives in index.go,
// encode.go and text.go.

package search

import (
	"cmp"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Match qualities: how much of a field's weight a kind of match earns.
const (
	exactMatch  = 1.0  // the word's stem is in the document
	prefixMatch = 0.75 // a word of the document starts with what was typed
	typoMatch   = 0.5  // one letter differs, is missing, extra or swapped
	// splitMatch: a word that matches nothing, by a tail of it as a
	// compound ("långtidsarbetslösa": arbetslösa).
	splitMatch = 0.5
	// minSplitTail is the shortest tail a query word is split into: shorter
	// ones begin too many words by chance ("tostring": ring).
	minSplitTail = 5
	// strayPrefixMatch: a word of the document starts with the typed word's
	// short stem, then parts from the word (for "träning", stem "tra":
	// Tranemo). Even in the name, less than the word in the description.
	strayPrefixMatch = 0.0625
	// spellingBonus is added to an exact, prefix or continued match of a
	// word typed with å, ä or ö (of minSpelled letters or more) in a
	// document that writes the term's letters so far as typed: for "vård",
	// "vård" in a description (1 + 8) comes before "vardag" in a name
	// (6). It is the weight of the name, so it outweighs any field; a
	// word typed without å, ä and ö gets it nowhere, and matches both
	// alike.
	spellingBonus = 8.0
	// minSpelled is the length from which a word earns spellingBonus: a
	// two-letter word is answered from a prefix file, which keeps no
	// spellings.
	minSpelled = 3
)

// Query is what a user asks: words and filters.
type Query struct {
	Text string
	// Filters holds accepted values per facet. Values within a facet widen
	// (Borås or Mark); facets narrow each other.
	Filters map[string][]string
	// Age, when above 0, keeps activities that take a person of that age.
	Age int
	// Status keeps activities with one of these statuses; empty keeps all.
	Status []string
}

// Hit is a matching document and how well it matches.
type Hit struct {
	Doc   int
	Score float64
	// Words is how many words of the query the document matches: all of
	// them, unless no document matches all (see Search).
	Words int
}

// Search returns the documents that match every word of q.Text and every
// filter, best first. When no document matches every word, those that
// match most words come first (see Unmatched), so that one word the
// catalogue does not know never empties the list. With an age, activities
// with an age range come before those open to all. Among equal scores,
// running and planned activities come before ended ones, then names in
// Swedish order.
func (ix *Index) Search(q Query) []Hit {
	scores := ix.textScores(q.Text).score
	var hits []Hit
	for d := range ix.Docs {
		s, words, ok := scores(d)
		if ok && ix.passes(d, q, "") {
			hits = append(hits, Hit{d, s, words})
		}
	}
	slices.SortFunc(hits, func(a, b Hit) int {
		if c := cmp.Compare(b.Words, a.Words); c != 0 {
			return c
		}
		// For an age, activities that say which ages they take (and take
		// this one) come before those open to all.
		if q.Age > 0 {
			if c := cmp.Compare(ix.explicitAge(b.Doc), ix.explicitAge(a.Doc)); c != 0 {
				return c
			}
		}
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		ea, eb := ix.Docs[a.Doc].Status == "avslutad", ix.Docs[b.Doc].Status == "avslutad"
		if ea != eb {
			if ea {
				return 1
			}
			return -1
		}
		return ix.rank[a.Doc] - ix.rank[b.Doc]
	})
	return hits
}

// explicitAge is 1 for a document with an age range, 0 for one open to all.
func (ix *Index) explicitAge(d int) int {
	if ix.Docs[d].AgeFrom >= 0 || ix.Docs[d].AgeTo >= 0 {
		return 1
	}
	return 0
}

// Counts returns, for each facet and value, how many documents match the
// query with that facet's own filter left out: the number a user gets by
// ticking the value next to what is already ticked in other facets.
// "status" is counted like a facet.
func (ix *Index) Counts(q Query) map[string]map[string]int {
	scores := ix.textScores(q.Text).score
	counts := map[string]map[string]int{}
	inc := func(facet, value string) {
		if counts[facet] == nil {
			counts[facet] = map[string]int{}
		}
		counts[facet][value]++
	}
	for d, doc := range ix.Docs {
		if _, _, ok := scores(d); !ok {
			continue
		}
		for facet, values := range doc.Facets {
			if ix.passes(d, q, facet) {
				for _, v := range values {
					inc(facet, v)
				}
			}
		}
		if ix.passes(d, q, "status") {
			inc("status", doc.Status)
		}
	}
	return counts
}

// passes reports whether document d meets q's filters, except the facet
// named skip.
func (ix *Index) passes(d int, q Query, skip string) bool {
	doc := &ix.Docs[d]
	for facet, want := range q.Filters {
		if facet == skip || len(want) == 0 {
			continue
		}
		if !slices.ContainsFunc(doc.Facets[facet], func(v string) bool { return slices.Contains(want, v) }) {
			return false
		}
	}
	if skip != "status" && len(q.Status) > 0 && !slices.Contains(q.Status, doc.Status) {
		return false
	}
	if q.Age > 0 { // 0 means no age was given
		if doc.AgeFrom >= 0 && q.Age < doc.AgeFrom || doc.AgeTo >= 0 && q.Age > doc.AgeTo {
			return false
		}
	}
	return true
}

// QueryTokens returns the words of a query. A last word of one letter
// after others is left out, as if not typed yet: while someone types
// "psykisk o", the results of "psykisk" stay rather than none.
func QueryTokens(text string) []string {
	toks := queryWords(text)
	for i, t := range toks {
		toks[i] = unspell(t)
	}
	return toks
}

// queryWords is QueryTokens with å, ä and ö kept, as typed.
func queryWords(text string) []string {
	toks := spelledTokens(text)
	if n := len(toks); n > 1 && utf8.RuneCountInString(toks[n-1]) == 1 {
		toks = toks[:n-1]
	}
	return toks
}

// Unmatched returns the words of text that match no document: the words
// a user is told found nothing, while the others' results are shown.
func (ix *Index) Unmatched(text string) []string {
	return ix.textScores(text).unmatched
}

// textMatch is what a query's words match.
type textMatch struct {
	// score gives a document's score, how many words it matches and
	// whether it is a hit: it matches every word, or, when no document
	// does, at least one.
	score     func(d int) (float64, int, bool)
	unmatched []string
}

// textScores matches text. Empty text matches everything with 0.
func (ix *Index) textScores(text string) textMatch {
	toks := queryWords(text)
	if len(toks) == 0 {
		return textMatch{score: func(int) (float64, int, bool) { return 0, 0, true }}
	}
	per := make([][]float64, len(toks))
	var unmatched []string
	matched := func(scores []float64) bool { return slices.ContainsFunc(scores, func(s float64) bool { return s > 0 }) }
	for i, sp := range toks {
		t := unspell(sp)
		per[i] = ix.tokenScores(t, sp, i == len(toks)-1)
		if !matched(per[i]) {
			per[i] = ix.tailScores(t)
		}
		if !matched(per[i]) {
			unmatched = append(unmatched, t)
		}
	}
	score := func(d int) (float64, int) {
		total, words := 0.0, 0
		for _, scores := range per {
			if scores[d] > 0 {
				total += scores[d]
				words++
			}
		}
		return total, words
	}
	all := false
	for d := range ix.Docs {
		if _, w := score(d); w == len(toks) {
			all = true
			break
		}
	}
	return textMatch{
		score: func(d int) (float64, int, bool) {
			s, w := score(d)
			return s, w, w == len(toks) || !all && w > 0
		},
		unmatched: unmatched,
	}
}

// minTypo is the length from which a word, or its stem, may have a typo.
const minTypo = 5

// minStemPrefix is the length from which a stem matches every term it
// begins as well as the word does: shorter stems begin too many unrelated
// words.
const minStemPrefix = 5

// tokenScores finds the documents a typed word matches and the best score
// each earns: exact stem, then prefix (from 3 letters, or 2 for the word
// being typed; and for the word being typed, when its stem is not in the
// index, the terms it can be the beginning of: see continued), then one
// typo (words of minTypo letters or more, sharing the first two letters,
// which keeps the search and the browser's downloads small). The stem is
// compared for typos only when it is that long too: otherwise "ungdomar",
// stemmed to "ung", would find every "under". The scores are by document;
// 0 is no match (every match scores above 0).
//
// sp is the word as typed, with å, ä and ö (see spellingBonus): a match of
// m letters (the stem, the prefix or the term matched) earns the bonus in
// the documents that write those letters as sp does, if they have an å, ä
// or ö.
func (ix *Index) tokenScores(tok, sp string, last bool) []float64 {
	scores := make([]float64, len(ix.Docs))
	n := utf8.RuneCountInString(tok)
	spelled := n >= minSpelled && hasSpelling(sp) && ix.forms != nil
	hit := func(ti int, quality float64, m int) {
		for _, p := range ix.postings[ti] {
			if s := float64(p.weight) * quality; s > scores[p.doc] {
				scores[p.doc] = s
			}
		}
		if !spelled || m == 0 || len(ix.forms[ti]) == 0 {
			return
		}
		typed := firstRunes(sp, m)
		if !hasSpelling(typed) {
			return
		}
		for _, f := range ix.forms[ti] {
			if firstRunes(f.form, m) != typed {
				continue
			}
			for _, p := range f.postings {
				if s := float64(p.weight)*quality + spellingBonus; s > scores[p.doc] {
					scores[p.doc] = s
				}
			}
		}
	}
	runes := utf8.RuneCountInString
	stem := ix.stem(tok)
	i, exact := ix.term(stem)
	if exact {
		hit(i, exactMatch, runes(stem))
	}
	if n >= 3 || last && n >= 2 {
		// Terms that begin with the word or with its stem. A short stem
		// begins many unrelated words: a term that parts from the word
		// after it counts less (for träning, Tranemo less than träna;
		// vuxna still finds vuxenutbildning).
		shortStem := utf8.RuneCountInString(stem) < minStemPrefix
		for _, p := range uniq(tok, stem) {
			lo, hi := ix.prefixRange(p)
			for i := lo; i < hi; i++ {
				t := ix.terms[i]
				if shortStem && !strings.HasPrefix(t, tok) && !strings.HasPrefix(tok, t) {
					hit(i, strayPrefixMatch, 0)
				} else {
					hit(i, prefixMatch, runes(p))
				}
			}
		}
		// A word being typed that is no word of the index may be the
		// beginning of one that is indexed under a shorter stem.
		if last && !exact {
			for _, t := range continued(tok) {
				if stem == tok && Stem(tok) != tok && ix.isPlace(t) && !ix.isPlace(tok) {
					continue // "marken" is on its way to no municipality
				}
				if i, ok := ix.term(t); ok {
					hit(i, prefixMatch, runes(t))
				}
			}
		}
	}
	if n >= minTypo && !isNumber(tok) { // a number one digit off is another number
		longStem := utf8.RuneCountInString(stem) >= minTypo
		lo, hi := ix.prefixRange(firstRunes(stem, 2))
		for i := lo; i < hi; i++ {
			if t := ix.terms[i]; t != stem && (oneEdit(tok, t) || longStem && oneEdit(stem, t)) {
				hit(i, typoMatch, 0)
			}
		}
	}
	return scores
}

// tailScores matches a word that matches nothing as a compound, split as
// documents are: by its longest tail (of minSplitTail runes or more, after a
// head of minHead) whose stem is a term, or which begins one, at
// splitMatch. "långtidsarbetslösa" finds "arbetslösa", "ungarena" Ung
// Arena.
func (ix *Index) tailScores(tok string) []float64 {
	scores := make([]float64, len(ix.Docs))
	hit := func(ti int) {
		for _, p := range ix.postings[ti] {
			if s := float64(p.weight) * splitMatch; s > scores[p.doc] {
				scores[p.doc] = s
			}
		}
	}
	runes := []rune(tok)
	for k := minHead; len(runes)-k >= minSplitTail; k++ {
		tail := string(runes[k:])
		i, exact := ix.term(ix.stem(tail))
		if exact {
			hit(i)
		}
		lo, hi := ix.prefixRange(tail)
		for i := lo; i < hi; i++ {
			hit(i)
		}
		if exact || hi > lo {
			break
		}
	}
	return scores
}

// stem is Stem, except that a word whose stem is the name of a
// municipality of the catalogue, but which is not one itself, is its own
// stem, as in documents (docTerms): "marken" is not Mark.
func (ix *Index) stem(tok string) string {
	st := Stem(tok)
	if st == tok {
		return st
	}
	if ix.isPlace(st) && !ix.isPlace(tok) {
		return tok
	}
	return st
}

func (ix *Index) isPlace(word string) bool {
	_, ok := ix.places[word]
	return ok
}

// term returns the index of term t.
func (ix *Index) term(t string) (int, bool) {
	i := sort.SearchStrings(ix.terms, t)
	return i, i < len(ix.terms) && ix.terms[i] == t
}

// continued returns the terms that a word can be the beginning of without
// being their prefix, because the index holds stems: a word that has gone
// past its stem into an ending ("arbetstrani" on its way to
// "arbetsträning", indexed as "arbetstra"), and one on its way to a word
// indexed under a lemma ("ungdo" on its way to "ungdom", indexed as "ung").
func continued(tok string) []string {
	var out []string
	runes := []rune(tok)
	for k := max(minStem, len(runes)-maxSuffix); k < len(runes); k++ {
		rest := string(runes[k:])
		if slices.ContainsFunc(suffixes, func(suf string) bool { return strings.HasPrefix(suf, rest) }) {
			out = append(out, string(runes[:k]))
		}
	}
	for word, lemma := range lemmas {
		if strings.HasPrefix(word, tok) && !slices.Contains(out, lemma) {
			out = append(out, lemma)
		}
	}
	return out
}

func uniq(a, b string) []string {
	if a == b || strings.HasPrefix(a, b) {
		return []string{b}
	}
	return []string{a, b}
}

// oneEdit reports whether a and b differ by exactly one insertion,
// deletion, substitution or swap of neighbouring letters.
func oneEdit(a, b string) bool {
	if d := utf8.RuneCountInString(a) - utf8.RuneCountInString(b); d > 1 || d < -1 {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if len(ra)-len(rb) > 1 || string(ra) == string(rb) {
		return false
	}
	i := 0
	for i < len(rb) && ra[i] == rb[i] {
		i++
	}
	switch {
	case len(ra) != len(rb): // one extra letter in ra at i
		return string(ra[i+1:]) == string(rb[i:])
	case i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i]: // swap
		return string(ra[i+2:]) == string(rb[i+2:])
	}
	return string(ra[i+1:]) == string(rb[i+1:]) // substitution
}

// ParseQuery turns what someone typed into the search field into a query.
// An age in the text ("24 år", "25-åring", "unga vuxna 25 år") is the
// age filter rather than words to match, so that "24 år" does not find
// "24 månader"; the rest is the text.
func ParseQuery(text string) Query {
	q := Query{Text: text, Filters: map[string][]string{}}
	if age, rest, ok := AgeInText(text); ok {
		q.Age, q.Text = age, rest
	}
	return q
}

// agePhrase is a number of years as people write one: "24 år", "24år",
// "25-åring", "19-åringar" (also without å).
var agePhrase = regexp.MustCompile(`(?i)([0-9]{1,3})[ \t]*-?[ \t]*(åring\pL*|aring\pL*|årig\pL*|arig\pL*|år|ar)`)

// maxAge is the oldest age AgeInText takes.
const maxAge = 120

// AgeInText finds the first age in text that is not the end of a range
// ("18–64 år" is none) and returns it with the text without it.
func AgeInText(text string) (age int, rest string, ok bool) {
	for _, m := range agePhrase.FindAllStringSubmatchIndex(text, -1) {
		if r, _ := utf8.DecodeRuneInString(text[m[1]:]); m[1] < len(text) && wordRune(r) {
			continue
		}
		if m[0] > 0 {
			before, n := utf8.DecodeLastRuneInString(text[:m[0]])
			if wordRune(before) {
				continue
			}
			if before == '-' || before == '\u2013' {
				if b2, _ := utf8.DecodeLastRuneInString(text[:m[0]-n]); m[0]-n > 0 && unicode.IsDigit(b2) {
					continue
				}
			}
		}
		n, err := strconv.Atoi(text[m[2]:m[3]])
		if err != nil || n < 1 || n > maxAge {
			continue
		}
		return n, strings.TrimSpace(text[:m[0]] + " " + text[m[1]:]), true
	}
	return 0, text, false
}
