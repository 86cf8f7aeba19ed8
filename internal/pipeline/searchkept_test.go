package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/route"
	"github.com/samkat/samkat/internal/synth"
)

// TestSearchIndexKeptEqualsCold is TestIncrementalEqualsCold for the
// changes that touch the search index, on a generated catalogue large
// enough for many term files, built into the previous output with the
// cache in it: each rebuild, which makes only the term files whose
// postings changed and keeps the others, must give the files a cold
// build gives, write only those whose bytes changed, and keep term files.
func TestSearchIndexKeptEqualsCold(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds a catalogue of 300 activities some 40 times")
	}
	src := synth.Catalogue(300)
	s := newIncremental(t, src)
	names := synth.Activities(src)
	slices.Sort(names)
	a, b, c := names[100], names[150], names[200]
	body := func(name, add string) func(s *incremental) {
		return func(s *incremental) { s.edit(name, "\n## Syfte\n", "\n"+add+"\n\n## Syfte\n") }
	}
	unbody := func(name, add string) func(s *incremental) {
		return func(s *incremental) { s.edit(name, "\n"+add+"\n\n## Syfte\n", "\n## Syfte\n") }
	}
	if res, err := Dir(context.Background(), s.dir, s.out, s.opt); err != nil {
		t.Fatalf("first build: %v\n%s", err, diagText(res))
	}
	for _, m := range []change{
		{"nothing", func(s *incremental) {}},
		{"a word new to the catalogue", body(a, "Xylofonerna spelar.")},
		{"a word the catalogue has", body(b, "Ett steg till.")},
		{"the new word removed", unbody(a, "Xylofonerna spelar.")},
		{"a word that is the tail of compounds of other activities", body(c, "Längs slingan.")},
		{"that word removed: the compounds broken", unbody(c, "Längs slingan.")},
		{"a spelling with å, ä and ö", body(a, "Åtgärder för överlämning och vård.")},
		{"a name that moves the activity in name order", func(s *incremental) {
			s.edit(a, "\nnamn: ", "\nnamn: Aaaa ")
		}},
		{"a telephone number", func(s *incremental) { s.edit(b, "## Syfte\n", "## Syfte\n\nRing 0320-99 99 99.\n") }},
		{"an activity added", func(s *incremental) {
			s.write("content/verksamheter/aaa-nytt-team.md", "---\nnamn: Nytt team\nfunktion: "+firstFunction(t, s)+"\nkommuner: ["+firstKommun(t, s)+"]\nfinansiering: [finsam]\ngranskad: 2026-11-01\nkontakt:\n  - epost: nytt@example.se\n---\nEtt nytt team med xylofoner.\n")
		}},
		{"a change after the activity added", body(b, "Ännu en rad.")},
		{"an activity removed", func(s *incremental) { s.remove(names[10]) }},
		{"a change after the activity removed", unbody(b, "Ännu en rad.")},
		{"an activity made a draft", func(s *incremental) { s.edit(names[20], "---\n", "---\nutkast: true\n") }},
		{"the draft published again", func(s *incremental) { s.edit(names[20], "---\nutkast: true\n", "---\n") }},
		{"a synonym in _index.md", func(s *incremental) {
			s.edit("content/_index.md", "\n---\n", "\nsynonymer:\n  XYL: xylofon\n---\n")
		}},
		{"a change after the synonym", body(c, "Med xylofon.")},
		{"a build between with a cache in memory, which keeps no index", func(s *incremental) {
			body(c, "Mitt emellan.")(s)
			opt := s.opt
			opt.Cache = NewCache()
			if res, err := Dir(context.Background(), s.dir, s.out, opt); err != nil {
				s.t.Fatalf("build with a cache in memory: %v\n%s", err, diagText(res))
			}
			unbody(c, "Mitt emellan.")(s)
		}},
		{"the index kept garbage", func(s *incremental) {
			body(c, "Och trummor.")(s)
			s.cacheFile(indexFileName, func(string, []byte) []byte { return []byte("garbage") })
		}},
		{"the index kept damaged", func(s *incremental) {
			unbody(c, "Och trummor.")(s)
			s.cacheFile(indexFileName, func(_ string, b []byte) []byte {
				b = slices.Clone(b)
				b[len(b)/2] ^= 0x55
				return b
			})
		}},
		{"the index kept of another samkat", func(s *incremental) {
			body(c, "Och trummor.")(s)
			s.cacheFile(indexFileName, func(name string, b []byte) []byte { return foreignCache(s.t, name, b, s.opt.Version) })
		}},
		{"the index kept removed", func(s *incremental) {
			unbody(c, "Och trummor.")(s)
			s.outFile(".samkat/"+indexFileName, os.Remove)
		}},
		{"a kept term file edited by hand", func(s *incremental) {
			body(a, "Ytterligare en rad.")(s)
			for _, name := range []string{"t/3.json", "t/12.json"} {
				s.outFile(route.SearchIndex+name, func(p string) error { return os.WriteFile(p, []byte("{}"), 0o644) })
			}
		}},
		{"a kept term file removed by hand", func(s *incremental) {
			unbody(a, "Ytterligare en rad.")(s)
			s.outFile(route.SearchIndex+"t/5.json", os.Remove)
		}},
	} {
		m.change(s)
		s.check(m.name)
		if t.Failed() {
			t.Fatalf("stopped after %q", m.name)
		}
	}
	// A line added with the index's cache file removed, and, after a
	// build that changes nothing (and keeps the index's files as they
	// are), taken out again: the last build keeps most term files, the
	// first makes them all.
	made := func(change func(s *incremental)) int {
		change(s)
		res, err := Dir(context.Background(), s.dir, s.out, s.opt)
		if err != nil {
			t.Fatalf("%v\n%s", err, diagText(res))
		}
		return res.Files - res.Reused
	}
	index, err := filepath.Glob(filepath.Join(s.out, filepath.FromSlash(route.SearchIndex), "[tp]", "*.json"))
	if err != nil || len(index) < 20 {
		t.Fatalf("%d term and prefix files (%v): too few to tell", len(index), err)
	}
	whole := made(func(s *incremental) {
		body(b, "En sista rad.")(s)
		s.outFile(".samkat/"+indexFileName, os.Remove)
	})
	if again := made(func(*incremental) {}); again != 0 {
		t.Errorf("%d files made by a build with nothing changed", again)
	}
	if kept := made(unbody(b, "En sista rad.")); kept+len(index)/2 > whole {
		t.Errorf("%d files made for a line taken out, %d for it added without the index's cache file, of %d term and prefix files: they are not kept", kept, whole, len(index))
	}
}

func firstFunction(t *testing.T, s *incremental) string {
	return firstListed(t, s, "funktioner:\n  - id: ")
}

func firstKommun(t *testing.T, s *incremental) string {
	return firstListed(t, s, "kommuner:\n  - ")
}

// firstListed returns the rest of the line after the first of after in
// the catalogue's _index.md.
func firstListed(t *testing.T, s *incremental, after string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(s.dir, "content/_index.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), after)
	if !ok {
		t.Fatalf("_index.md has no %q:\n%.500s", after, b)
	}
	line, _, _ := strings.Cut(rest, "\n")
	return line
}
