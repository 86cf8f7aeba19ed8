package search_test

import (
	"path"
	"slices"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/search"
	"github.com/samkat/samkat/internal/synth"
)

// TestWordsCutAsTokens: on real text, the words docTerms cuts one at a
// time as it looks them up are those appendTokens cuts from the folded
// text (FuzzTokens compares both with the definition on random text).
// The texts are every field and place of the repository's content, the
// small test catalogue and a generated catalogue of 300 activities.
func TestWordsCutAsTokens(t *testing.T) {
	now := catalog.Date{Year: 2026, Month: 11, Day: 22}
	var docs []search.Doc
	for _, dir := range []string{".", "internal/pipeline/testdata/small"} {
		docs = append(docs, loadCatalogue(t, path.Join(root, dir), now).docs...)
	}
	cat, bodies := loadFS(t, synth.Generate(300, 1), now)
	docs = append(docs, search.FromCatalogue(cat, now, func(a *catalog.Activity) string { return bodies[a.File] })...)
	texts, words := 0, 0
	check := func(s string) {
		got, want := search.CutWords(s), search.SpelledTokens(s)
		if !slices.Equal(got, want) {
			t.Errorf("the words of %q are cut as\n%q, want\n%q", s, got, want)
		}
		texts++
		words += len(want)
	}
	for _, d := range docs {
		for _, s := range d.Text {
			check(s)
		}
		for _, p := range d.Places {
			check(p)
		}
	}
	if words < 100000 {
		t.Fatalf("only %d words in %d texts", words, texts)
	}
	t.Logf("%d words in %d texts", words, texts)
}
