package search

import (
	"strings"

	"github.com/samkat/samkat/internal/catalog"
)

// tipCandidates are the examples the search field's tip may suggest, in
// order of preference: what caseworkers search for most.
func tipCandidates() []string {
	return []string{"unga", "sjukskriven", "FK", "arbetslös", "psykisk ohälsa", "AF", "nyanlända", "försörjningsstöd", "arbetsträning", "kvinnor"}
}

// TipExamples returns up to n examples for the search field's tip that
// find something among acts: each word of the example, or of what it
// stands for among the synonyms (the catalogue's and the built-in ones),
// begins a word of an activity's name, target group, organiser, partners
// or referrers.
func TipExamples(acts []*catalog.Activity, synonyms []catalog.Synonym, n int) []string {
	stems := map[string]bool{}
	add := func(s string) {
		for _, t := range Terms(s) {
			stems[t] = true
		}
	}
	for _, a := range acts {
		add(a.Namn)
		add(a.Malgrupp)
		add(a.Huvudman)
		for _, s := range a.Samverkansparter {
			add(s)
		}
		for _, s := range a.Remiss {
			add(s)
		}
	}
	// A word finds what it begins, as in a query.
	found := func(t string) bool {
		if stems[t] {
			return true
		}
		for s := range stems {
			if strings.HasPrefix(s, t) {
				return true
			}
		}
		return false
	}
	all := func(s string) bool {
		terms := Terms(s)
		for _, t := range terms {
			if !found(t) {
				return false
			}
		}
		return len(terms) > 0
	}
	syns := withBuiltins(synonyms)
	var out []string
	for _, c := range tipCandidates() {
		ok := all(c)
		for _, s := range syns {
			if !ok && Fold(s.Ord) == Fold(c) {
				ok = all(s.Betyder)
			}
		}
		if ok {
			out = append(out, c)
			if len(out) == n {
				break
			}
		}
	}
	return out
}
