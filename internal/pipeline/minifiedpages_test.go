package pipeline

import (
	"bytes"
	"context"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/synth"
)

// hostileValues is an activity whose values are what the minifier
// rewrites: quotes, references, white space of every kind, a '+' in a
// telephone number, text that looks like markup.
const hostileValues = "---\n" +
	"namn: \"  Lotsen \\\"A&B\\\" <em>x</em> & 'co'\\t+1  \"\n" +
	"funktion: samordnande-insatser\n" +
	"kommuner: [Borås]\n" +
	"finansiering: [finsam]\n" +
	"malgrupp: \"Unga &amp; vuxna  \\n\\t med > behov &#\"\n" +
	"kontakt:\n" +
	"  - namn: \"Anna  &\"\n" +
	"    roll: \"\\tsamordnare\"\n" +
	"    telefon: +46 33-12 34 56\n" +
	"    epost: a.b+c@example.se\n" +
	"    adress: \"Storgatan 1,  \\t503 30 Borås\"\n" +
	"  - telefon: 033-12 34 56\n" +
	"granskad: 2026-11-01\n" +
	"---\n" +
	"## Syfte  &  mål\n\n" +
	"Text med  mellanrum,\ttabb och\n\nrader. <!-- en kommentar -->\n\n" +
	"    kod   med\n      indrag\n\n" +
	"```\n<pre> &amp; \"\n```\n\n" +
	"| a | b |\n|---|---|\n| \\<x> | \"y\" |\n"

// buildMinifiedWays builds src with the activity pages written minified
// by the renderer, or with every page minified by the minifier over the
// bytes of pages.go; it returns the files and the pages written minified.
func buildMinifiedWays(t *testing.T, src fs.FS, plainPages, drafts bool) (map[string][]byte, int64) {
	t.Helper()
	var out publish.Mem
	e := newEmitter(&out)
	e.plainPages = plainPages
	opt := testOptions()
	opt.Drafts = drafts
	p, res, err := prepare(context.Background(), src, opt, nil, nil)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	if _, _, err := renderSite(context.Background(), src, p, opt, e, nil); err != nil {
		t.Fatalf("build: %v", err)
	}
	return out.Files(), e.direct.Load()
}

// TestWrittenMinified builds catalogues with the activity pages written
// minified (render.RenderMinified) and with every page minified by the
// minifier, and compares every file.
func TestWrittenMinified(t *testing.T) {
	hostile := hostileCatalogue(hostileActivity)
	hostile["content/verksamheter/konstig.md"] = &fstest.MapFile{Data: []byte(hostileValues)}
	cases := map[string]fs.FS{
		"small":                 os.DirFS("testdata/small"),
		"repository":            os.DirFS("../.."),
		"ostra-skaraborg":       os.DirFS("../../tests/catalogues/ostra-skaraborg"),
		"verksamhetsberattelse": os.DirFS("../../tests/catalogues/verksamhetsberattelse"),
		"synth":                 synth.Catalogue(400),
		"hostile":               hostile,
	}
	for _, name := range slices.Sorted(maps.Keys(cases)) {
		for _, drafts := range []bool{false, true} {
			t.Run(name, func(t *testing.T) {
				want, _ := buildMinifiedWays(t, cases[name], true, drafts)
				got, direct := buildMinifiedWays(t, cases[name], false, drafts)
				activities := 0
				for _, f := range slices.Sorted(maps.Keys(want)) {
					if strings.HasPrefix(f, "verksamheter/") && bytes.Contains(want[f], []byte(`<article class="activity">`)) {
						activities++
					}
					if d := difference(want[f], got[f], "minifier", "written"); d != "" {
						t.Errorf("%s %s", f, d)
					}
				}
				for f := range got {
					if _, ok := want[f]; !ok {
						t.Errorf("%s only when written minified", f)
					}
				}
				// Most activity pages are written minified; a few have a
				// value left to the minifier.
				if direct == 0 || activities == 0 {
					t.Errorf("%d of %d activity pages written minified", direct, activities)
				}
				t.Logf("%d of %d activity pages written minified", direct, activities)
			})
		}
	}
}
