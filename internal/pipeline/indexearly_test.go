package pipeline

import (
	"context"
	"os"
	"slices"
	"sync"
	"testing"

	"github.com/samkat/samkat/internal/synth"
)

// TestSearchIndexStartsBeforePages: after a change to few activities, into
// the previous output, the search index starts as soon as the bodies it
// reads are converted, before the pages are listed, and runs beside the
// listing, the keeping of the pages' files and the rendering of the few
// others; after a change to what every analysis is made in (a synonym) it
// starts once the pages are written, as in a cold build. Each rebuild
// gives the files a cold build gives. Run with -race, it also finds the
// index reading what the pages' stages write meanwhile.
func TestSearchIndexStartsBeforePages(t *testing.T) {
	src := synth.Catalogue(300)
	s := newIncremental(t, src)
	names := synth.Activities(src)
	slices.Sort(names)
	a, b := names[100], names[150]
	if res, err := Dir(context.Background(), s.dir, s.out, s.opt); err != nil {
		t.Fatalf("first build: %v\n%s", err, diagText(res))
	}
	var mu sync.Mutex
	var stages []string
	s.opt.stage = func(name string) {
		mu.Lock()
		stages = append(stages, name)
		mu.Unlock()
	}
	for _, m := range []struct {
		name  string
		early bool
		edit  func()
	}{
		{"a word new to the catalogue", true, func() { s.edit(a, "\n## Syfte\n", "\nXylofonerna spelar.\n\n## Syfte\n") }},
		{"a word the catalogue has", true, func() { s.edit(b, "\n## Syfte\n", "\nEtt steg till.\n\n## Syfte\n") }},
		{"the new word removed", true, func() { s.edit(a, "\nXylofonerna spelar.\n\n## Syfte\n", "\n## Syfte\n") }},
		{"a name that moves the activity in name order", true, func() { s.edit(a, "\nnamn: ", "\nnamn: Aaaa ") }},
		{"two activities changed", true, func() {
			s.edit(a, "\nnamn: Aaaa ", "\nnamn: ")
			s.edit(b, "\nEtt steg till.\n\n## Syfte\n", "\n## Syfte\n")
		}},
		// The activities of one shard analysed again from their bodies,
		// which the cache knows convert cleanly: converted for the index
		// before it starts.
		{"the known analyses of a shard removed, beside a change", true, func() {
			s.outFile(".samkat/"+searchFileName(5), os.Remove)
			s.edit(b, "\n## Syfte\n", "\nEtt steg till.\n\n## Syfte\n")
		}},
		{"and the change undone", true, func() { s.edit(b, "\nEtt steg till.\n\n## Syfte\n", "\n## Syfte\n") }},
		{"a synonym in _index.md: every analysis made again", false, func() {
			s.edit("content/_index.md", "\n---\n", "\nsynonymer:\n  XYL: xylofon\n---\n")
		}},
		{"a change after the synonym", true, func() { s.edit(b, "\n## Syfte\n", "\nMed xylofon.\n\n## Syfte\n") }},
	} {
		m.edit()
		mu.Lock()
		stages = nil
		mu.Unlock()
		s.check(m.name) // the build into the previous output, then a cold one
		mu.Lock()
		index, listing := slices.Index(stages, "search index"), slices.Index(stages, "listing the pages")
		got := slices.Clone(stages)
		mu.Unlock()
		if index < 0 || listing < 0 {
			t.Fatalf("%s: stages %q", m.name, got)
		}
		if early := index < listing; early != m.early {
			t.Errorf("%s: the search index started before the pages were listed: %v, want %v (stages %q)", m.name, early, m.early, got)
		}
		if t.Failed() {
			t.Fatalf("stopped after %q", m.name)
		}
	}
}
