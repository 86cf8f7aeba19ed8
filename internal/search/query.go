package search

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/catalog"
)

// Match qualities: how much of a field's weight a kind of match earns.
const (
	exactMatch  = 1.0  // the word's stem is in the document
	prefixMatch = 0.75 // a word of the document starts with what was typed
	typoMatch   = 0.5  // one letter differs, is missing, extra or swapped
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
}

// Search returns the documents that match every word of q.Text and every
// filter, best first. Among equal scores, running and planned activities
// come before ended ones, then names in Swedish order.
func (ix *Index) Search(q Query) []Hit {
	scores := ix.textScores(q.Text)
	var hits []Hit
	for d := range ix.Docs {
		s, ok := scores(d)
		if ok && ix.passes(d, q, "") {
			hits = append(hits, Hit{d, s})
		}
	}
	slices.SortFunc(hits, func(a, b Hit) int {
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
		return ix.compareNames(a.Doc, b.Doc)
	})
	return hits
}

func (ix *Index) compareNames(a, b int) int {
	if c := catalog.Compare(ix.Docs[a].Name, ix.Docs[b].Name); c != 0 {
		return c
	}
	return cmp.Compare(a, b)
}

// byName returns the document numbers in Swedish alphabetical order.
func (ix *Index) byName() []int {
	order := make([]int, len(ix.Docs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, ix.compareNames)
	return order
}

// Counts returns, for each facet and value, how many documents match the
// query with that facet's own filter left out: the number a user gets by
// ticking the value next to what is already ticked in other facets.
// "status" is counted like a facet.
func (ix *Index) Counts(q Query) map[string]map[string]int {
	scores := ix.textScores(q.Text)
	counts := map[string]map[string]int{}
	inc := func(facet, value string) {
		if counts[facet] == nil {
			counts[facet] = map[string]int{}
		}
		counts[facet][value]++
	}
	for d, doc := range ix.Docs {
		if _, ok := scores(d); !ok {
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

// textScores returns a function giving each document's score for text and
// whether it matches every word. Empty text matches everything with 0.
func (ix *Index) textScores(text string) func(d int) (float64, bool) {
	toks := Tokens(text)
	if len(toks) == 0 {
		return func(int) (float64, bool) { return 0, true }
	}
	per := make([]map[int32]float64, len(toks))
	for i, t := range toks {
		per[i] = ix.tokenScores(t, i == len(toks)-1)
	}
	return func(d int) (float64, bool) {
		total := 0.0
		for _, m := range per {
			s, ok := m[int32(d)]
			if !ok {
				return 0, false
			}
			total += s
		}
		return total, true
	}
}

// tokenScores finds the documents a typed word matches and the best score
// each earns: exact stem, then prefix (from 3 letters, or 2 for the word
// being typed), then one typo (words of 5 letters or more, sharing the
// first two letters, which keeps the search and the browser's downloads small).
func (ix *Index) tokenScores(tok string, last bool) map[int32]float64 {
	scores := map[int32]float64{}
	hit := func(ti int, quality float64) {
		for _, p := range ix.postings[ti] {
			if s := float64(p.weight) * quality; s > scores[p.doc] {
				scores[p.doc] = s
			}
		}
	}
	stem := Stem(tok)
	if i := sort.SearchStrings(ix.terms, stem); i < len(ix.terms) && ix.terms[i] == stem {
		hit(i, exactMatch)
	}
	n := utf8.RuneCountInString(tok)
	if n >= 3 || last && n >= 2 {
		for _, p := range uniq(tok, stem) {
			lo, hi := ix.prefixRange(p)
			for i := lo; i < hi; i++ {
				hit(i, prefixMatch)
			}
		}
	}
	if n >= 5 {
		lo, hi := ix.prefixRange(firstRunes(stem, 2))
		for i := lo; i < hi; i++ {
			if t := ix.terms[i]; t != stem && (oneEdit(stem, t) || oneEdit(tok, t)) {
				hit(i, typoMatch)
			}
		}
	}
	return scores
}

func uniq(a, b string) []string {
	if a == b || strings.HasPrefix(a, b) {
		return []string{b}
	}
	return []string{a, b}
}

func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// oneEdit reports whether a and b differ by exactly one insertion,
// deletion, substitution or swap of neighbouring letters.
func oneEdit(a, b string) bool {
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
