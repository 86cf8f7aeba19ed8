package pipeline

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/load"
	"github.com/samkat/samkat/internal/msg"
)

// TestCheckReuseAsCold: with a cache kept across checks (as samkat serve
// keeps one), each activity's checks are taken from it when its file, the
// index, the förbund pages and the day are the same; over a series of
// edits, every check gives exactly the diagnostics, and the catalogue, of
// a check without a cache.
func TestCheckReuseAsCold(t *testing.T) {
	ctx := context.Background()
	src := mapCopy(t, os.DirFS("testdata/small"))
	edit := func(name, old, new string) func(opt *Options) {
		return func(*Options) {
			b := string(src[name].Data)
			if !strings.Contains(b, old) {
				t.Fatalf("%s has no %q", name, old)
			}
			src[name] = &fstest.MapFile{Data: []byte(strings.Replace(b, old, new, 1))}
		}
	}
	lotsen, index, forbund := "content/verksamheter/lotsen.md", "content/_index.md", "content/forbund/testforbundet.md"
	steps := []struct {
		name string
		do   func(opt *Options)
	}{
		{"unchanged", func(*Options) {}},
		{"again", func(*Options) {}},
		{"a municipality misspelt", edit(lotsen, "kommuner: [Borås, mark]", "kommuner: [Boras, mark]")},
		{"spelt again", edit(lotsen, "kommuner: [Boras, mark]", "kommuner: [Borås, mark]")},
		{"a municipality undeclared", edit(index, "kommuner: [Borås, Mark, Åmål]", "kommuner: [Borås, Åmål]")},
		{"declared again", edit(index, "kommuner: [Borås, Åmål]", "kommuner: [Borås, Mark, Åmål]")},
		{"an unknown förbund", edit(lotsen, "forbund: testforbundet", "forbund: Samordningsförbundet Testbygd")},
		{"the förbund renamed", edit(forbund, "titel: Samordningsförbundet Testbygd", "titel: Förbundet")},
		{"the förbund named again", edit(forbund, "titel: Förbundet", "titel: Samordningsförbundet Testbygd")},
		{"the förbund known", edit(lotsen, "forbund: Samordningsförbundet Testbygd", "forbund: testforbundet")},
		{"a year later", func(opt *Options) { opt.Now = opt.Now.AddDays(400) }},
		{"reviewed", edit(lotsen, "granskad: 2026-10-01", "granskad: 2027-11-01")},
		{"back", func(opt *Options) { opt.Now = testOptions().Now }},
		{"a funktion undeclared", edit(lotsen, "funktion: aktiverande-funktion", "funktion: aktiverande")},
		{"declared again", edit(lotsen, "funktion: aktiverande\n", "funktion: aktiverande-funktion\n")},
		// The checks across activities: their namn, file names, referrers.
		{"the namn of another", edit(lotsen, "namn: Lotsen\n", "namn: aktiv  Vardag\n")},
		{"the namn a line further down", edit(lotsen, "---\nnamn: aktiv  Vardag\n", "---\n# En kommentar.\nnamn: aktiv  Vardag\n")},
		{"named back", edit(lotsen, "namn: aktiv  Vardag\n", "namn: Lotsen\n")},
		{"a copy", func(*Options) { src["content/verksamheter/lotsen-kopia.md"] = &fstest.MapFile{Data: src[lotsen].Data} }},
		{"a copy's text", edit("content/verksamheter/lotsen-kopia.md", "## Bakgrund\n", "## Bakgrund\n\nKopian.\n")},
		{"the copy gone", func(*Options) { delete(src, "content/verksamheter/lotsen-kopia.md") }},
		{"a referrer spelt another way", edit(lotsen, "remiss: [Arbetsförmedlingen, Försäkringskassan]", "remiss: [Arbetsformedlingen, Försäkringskassan]")},
		{"the referrer a line further down", edit(lotsen, "\nremiss: [Arbetsformedlingen", "\n# En kommentar.\nremiss: [Arbetsformedlingen")},
		{"a partner spelt another way", edit(lotsen, "samverkansparter: [Arbetsförmedlingen,", "samverkansparter: [Arbetsformedlingen,")},
		{"spelt right", edit(lotsen, "remiss: [Arbetsformedlingen, Försäkringskassan]", "remiss: [Arbetsförmedlingen, Försäkringskassan]")},
	}
	cached := testOptions()
	cached.Cache = NewCache()
	cold := testOptions()
	for _, step := range steps {
		step.do(&cold)
		cached.Now = cold.Now
		got, gerr := Check(ctx, src, cached)
		want, werr := Check(ctx, src, cold)
		for _, lang := range []msg.Lang{msg.En, msg.Sv} {
			if g, w := diagTextIn(got, lang), diagTextIn(want, lang); g != w || (gerr == nil) != (werr == nil) {
				t.Errorf("%s: with a cache (%v):\n%s\nwithout (%v):\n%s", step.name, gerr, g, werr, w)
			}
		}
		if step.name == "again" && len(cached.Cache.checked) == 0 {
			t.Error("the cache keeps no checks")
		}
		if step.name == "again" && cached.Cache.across == nil {
			t.Error("the cache keeps no checks across activities")
		}
		gp, _, gerr := prepare(ctx, src, cached, cached.Cache.start(), nil)
		wp, _, werr := prepare(ctx, src, cold, nil, nil)
		if (gerr == nil) != (werr == nil) {
			t.Fatalf("%s: prepare with a cache: %v, without: %v", step.name, gerr, werr)
		}
		if gerr == nil && !reflect.DeepEqual(withoutPositions(gp.cat), wp.cat) {
			t.Errorf("%s: the catalogue checked with a cache differs from the one without", step.name)
		}
		if gerr == nil && gp.cat.Activities[0].Pos == nil {
			t.Errorf("%s: the positions of an activity checked with a cache kept in memory are forgotten", step.name)
		}
	}
}

// withoutPositions returns cat with copies of its activities that have no
// positions, as a build without a cache kept in memory leaves them (see
// forgetPositions); cat is not changed.
func withoutPositions(cat *catalog.Catalogue) *catalog.Catalogue {
	out := *cat
	out.Activities = make([]*catalog.Activity, len(cat.Activities))
	for i, a := range cat.Activities {
		q := *a
		q.Pos = nil
		out.Activities[i] = &q
	}
	return &out
}

// TestCacheEntriesAsLoaded: what the cache keeps of load's work is what
// load made, after the checks resolved the names of the catalogue (a
// contact's municipality among them) and the pipeline made its changes:
// they change copies, not the entries the next build gets.
func TestCacheEntriesAsLoaded(t *testing.T) {
	ctx := context.Background()
	src := mapCopy(t, os.DirFS("testdata/small"))
	lotsen := "content/verksamheter/lotsen.md"
	b := string(src[lotsen].Data)
	if !strings.Contains(b, "    kommun: Borås\n") {
		t.Fatal("lotsen has no contact in Borås")
	}
	src[lotsen] = &fstest.MapFile{Data: []byte(strings.Replace(b, "    kommun: Borås\n", "    kommun: borås\n", 1))}
	opt := testOptions()
	opt.Cache = NewCache()
	for range 2 {
		if _, _, err := Prepare(ctx, src, opt); err != nil {
			t.Fatal(err)
		}
		loaded, _, err := load.CatalogueReusing(ctx, src, nil)
		if err != nil {
			t.Fatal(err)
		}
		byFile := map[string]any{loaded.Index.File: loaded.Index}
		for _, a := range loaded.Activities {
			byFile[a.File] = a
		}
		for _, p := range loaded.Pages {
			byFile[p.File] = p
		}
		if len(opt.Cache.parsed) != len(byFile) {
			t.Fatalf("the cache holds %d parsed files, the catalogue has %d", len(opt.Cache.parsed), len(byFile))
		}
		for _, p := range opt.Cache.parsed {
			var got any
			var file string
			switch {
			case p.Index != nil:
				got, file = p.Index, p.Index.File
			case p.Activity != nil:
				got, file = p.Activity, p.Activity.File
			default:
				got, file = p.Page, p.Page.File
			}
			if !reflect.DeepEqual(got, byFile[file]) {
				t.Errorf("the cache's entry of %s is not what load makes of it", file)
			}
		}
		if a := opt.Cache.checked; len(a) == 0 {
			t.Fatal("no checks kept")
		}
		for _, e := range opt.Cache.checked {
			if e.a.File == lotsen && e.a.Kontakt[0].Kommun != "Borås" {
				t.Errorf("the checks kept of lotsen have its contact in %q", e.a.Kontakt[0].Kommun)
			}
		}
	}
}
