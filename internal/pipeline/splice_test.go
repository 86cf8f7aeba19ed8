package pipeline

import (
	"bytes"
	"context"
	"fmt"
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

// buildWays builds src with every page minified whole (wholePages) or
// with the booklets' entries minified once each and spliced in.
func buildWays(t *testing.T, src fs.FS, wholePages bool) (map[string][]byte, int64) {
	t.Helper()
	var out publish.Mem
	e := newEmitter(&out)
	e.wholePages = wholePages
	opt := testOptions()
	p, res, err := prepare(context.Background(), src, opt, nil, nil)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	if _, _, err := renderSite(context.Background(), src, p, opt, e, nil); err != nil {
		t.Fatalf("build: %v", err)
	}
	return out.Files(), e.splices.Load()
}

// TestSplicedAsWhole checks that minifying the booklets' entries once
// each and splicing them into the minified booklets gives every file the
// bytes of minifying each page whole.
func TestSplicedAsWhole(t *testing.T) {
	// A catalogue with layouts of its own is not spliced: its booklet
	// entry in <pre> would come out differently.
	own := fstest.MapFS{}
	small := os.DirFS("testdata/small")
	_ = fs.WalkDir(small, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(small, p)
			own[p] = &fstest.MapFile{Data: b}
		}
		return err
	})
	b, err := os.ReadFile("../../layouts/utskrift.html")
	if err != nil {
		t.Fatal(err)
	}
	own["layouts/utskrift.html"] = &fstest.MapFile{Data: bytes.Replace(b, []byte("{{- range .Activities}}"), []byte("<pre>\n{{- range .Activities}}"), 1)}
	cases := map[string]fs.FS{
		"small":                 small,
		"repository":            os.DirFS("../.."),
		"ostra-skaraborg":       os.DirFS("../../tests/catalogues/ostra-skaraborg"),
		"verksamhetsberattelse": os.DirFS("../../tests/catalogues/verksamhetsberattelse"),
		"synth":                 synth.Catalogue(400),
		"own layouts":           own,
	}
	for _, name := range slices.Sorted(maps.Keys(cases)) {
		t.Run(name, func(t *testing.T) {
			whole, _ := buildWays(t, cases[name], true)
			spliced, pages := buildWays(t, cases[name], false)
			if want := name != "own layouts"; (pages > 0) != want {
				t.Errorf("%d pages spliced", pages)
			}
			booklets := 0
			for _, f := range slices.Sorted(maps.Keys(whole)) {
				if strings.HasPrefix(f, "utskrift/") && strings.HasSuffix(f, ".html") {
					booklets++
				}
				if d := difference(whole[f], spliced[f], "whole", "spliced"); d != "" {
					t.Errorf("%s %s", f, d)
				}
			}
			for f := range spliced {
				if _, ok := whole[f]; !ok {
					t.Errorf("%s only when spliced", f)
				}
				if bytes.Contains(spliced[f], []byte("data-samkat-splice")) {
					t.Errorf("%s holds a placeholder", f)
				}
			}
			if booklets == 0 {
				t.Errorf("no booklet in the site")
			}
		})
	}
}

// difference says where a and b, two versions of a file named by labels
// la and lb, first differ, with the bytes around it; "" when they are
// equal.
func difference(a, b []byte, la, lb string) string {
	if bytes.Equal(a, b) {
		return ""
	}
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return fmt.Sprintf("differs at byte %d:\n%s: %q\n%s: %q", i, la, a[max(0, i-60):min(len(a), i+60)], lb, b[max(0, i-60):min(len(b), i+60)])
}
