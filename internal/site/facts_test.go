package site

import (
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
)

// TestReviewedDateMarksStaleEntries checks that an activity whose granskad
// is older than granskas_inom says so on its page, and a fresh one does not.
func TestReviewedDateMarksStaleEntries(t *testing.T) {
	now := catalog.Date{Year: 2026, Month: 11, Day: 22}
	cases := []struct {
		granskad  catalog.Date
		wantStale bool
	}{
		{catalog.Date{Year: 2026, Month: 10, Day: 1}, false},
		{catalog.Date{Year: 2025, Month: 11, Day: 22}, false}, // exactly 365 days: still fresh
		{catalog.Date{Year: 2025, Month: 11, Day: 21}, true},
	}
	for _, c := range cases {
		t.Run(c.granskad.String(), func(t *testing.T) {
			ix := &catalog.Index{File: "content/_index.md", Titel: "T", Sprak: "sv", GranskasInom: 365,
				Kommuner: []string{"Mark"}, Funktioner: []catalog.Term{{ID: "f", Namn: "F"}}}
			act := &catalog.Activity{File: "a.md", Slug: "a", Namn: "A", Funktion: []string{"f"},
				Kommuner: []string{"Mark"}, Granskad: c.granskad}
			pages := Assemble(Input{Cat: &catalog.Catalogue{Index: ix, Activities: []*catalog.Activity{act}}, Now: now})
			var reviewed string
			for _, p := range pages {
				if p.URL == "verksamheter/a/" {
					for _, f := range p.View.Activity.Facts {
						if f.Label == texts["sv"]["reviewed"] {
							reviewed = f.Text
						}
					}
				}
			}
			if reviewed == "" {
				t.Fatal("no reviewed fact on the activity page")
			}
			if stale := strings.Contains(reviewed, "inaktuella"); stale != c.wantStale {
				t.Errorf("reviewed = %q, stale mark %v, want %v", reviewed, stale, c.wantStale)
			}
		})
	}
}
