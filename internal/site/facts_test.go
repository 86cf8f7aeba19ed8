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
					for _, f := range p.View.(*ActivityView).Facts {
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

// TestReviewReportOrder: never reviewed first, then stale oldest first,
// then fresh; ended activities are left out.
func TestReviewReportOrder(t *testing.T) {
	now := catalog.Date{Year: 2026, Month: 11, Day: 22}
	ix := &catalog.Index{File: "content/_index.md", Titel: "T", Sprak: "sv", GranskasInom: 365,
		Kommuner: []string{"Mark"}, Funktioner: []catalog.Term{{ID: "f", Namn: "F"}}}
	act := func(slug string, granskad, slut catalog.Date) *catalog.Activity {
		return &catalog.Activity{File: slug + ".md", Slug: slug, Namn: slug, Funktion: []string{"f"},
			Kommuner: []string{"Mark"}, Granskad: granskad, Slut: slut}
	}
	acts := []*catalog.Activity{
		act("farsk", catalog.Date{Year: 2026, Month: 10, Day: 1}, catalog.Date{}),
		act("gammal", catalog.Date{Year: 2023, Month: 1, Day: 1}, catalog.Date{}),
		act("aldrig", catalog.Date{}, catalog.Date{}),
		act("aldre", catalog.Date{Year: 2022, Month: 1, Day: 1}, catalog.Date{}),
		act("slut", catalog.Date{}, catalog.Date{Year: 2020, Month: 1, Day: 1}),
	}
	var rv *ReviewView
	for _, p := range Assemble(Input{Cat: &catalog.Catalogue{Index: ix, Activities: acts}, Now: now}) {
		if p.URL == "granskning/" {
			rv = p.View.(*ReviewView)
		}
	}
	if rv == nil {
		t.Fatal("no granskning/ page")
	}
	var got []string
	for _, r := range rv.Rows {
		got = append(got, r.Name+":"+r.StateKey)
	}
	want := []string{"aldrig:missing", "aldre:stale", "gammal:stale", "farsk:fresh"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("rows %v, want %v", got, want)
	}
	if rv.Missing != 1 || rv.Stale != 2 || rv.Fresh != 1 {
		t.Errorf("counts %d/%d/%d", rv.Missing, rv.Stale, rv.Fresh)
	}
}

// TestReviewReportUnreachable: activities that give no telefon, epost,
// adress or webb are published and listed under their own heading of the
// review report, ended ones marked as such.
func TestReviewReportUnreachable(t *testing.T) {
	now := catalog.Date{Year: 2026, Month: 11, Day: 22}
	ix := &catalog.Index{File: "content/_index.md", Titel: "T", Sprak: "sv", GranskasInom: 365,
		Kommuner: []string{"Mark"}, Funktioner: []catalog.Term{{ID: "f", Namn: "F"}}}
	act := func(slug string, k ...catalog.Contact) *catalog.Activity {
		return &catalog.Activity{File: slug + ".md", Slug: slug, Namn: slug, Funktion: []string{"f"},
			Kommuner: []string{"Mark"}, Kontakt: k}
	}
	namnOnly := catalog.Contact{Namn: "Maria Holm", Roll: "Samordnare"}
	medWebb := act("med-webb", namnOnly)
	medWebb.Webb = "https://example.se/"
	avslutad := act("avslutad", namnOnly)
	avslutad.Slut = catalog.Date{Year: 2020, Month: 1, Day: 1}
	acts := []*catalog.Activity{
		act("telefon", catalog.Contact{Namn: "A", Telefon: "0320-123 45"}),
		act("adress", namnOnly, catalog.Contact{Adress: "Torget 1, Mark"}),
		medWebb,
		act("bara-namn", namnOnly),
		avslutad,
	}
	var pg *Page
	published := false
	pages := Assemble(Input{Cat: &catalog.Catalogue{Index: ix, Activities: acts}, Now: now})
	for i := range pages {
		if pages[i].URL == "granskning/" {
			pg = &pages[i]
		}
		if pages[i].URL == "verksamheter/bara-namn/" && pages[i].Template == "activity" {
			published = true
		}
	}
	if !published {
		t.Error("the unreachable activity has no page")
	}
	if pg == nil {
		t.Fatal("no granskning/ page")
	}
	var got []string
	for _, r := range pg.View.(*ReviewView).Unreachable {
		got = append(got, r.Name+":"+r.StateKey+":"+r.Contact+":"+r.Href)
	}
	want := []string{"avslutad:ended:Maria Holm, Samordnare:../verksamheter/avslutad/", "bara-namn::Maria Holm, Samordnare:../verksamheter/bara-namn/"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("unreachable %q, want %q", got, want)
	}
	if pg.View.(*ReviewView).Unreachable[0].State != "Avslutad" {
		t.Errorf("state of the ended one = %q", pg.View.(*ReviewView).Unreachable[0].State)
	}
}
