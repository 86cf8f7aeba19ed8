package pipeline

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"maps"
	"os"
	"slices"
	"testing"

	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/synth"
)

// buildBoth builds src with every page minified whole, the old way, and
// with its pieces minified instead (the way the build does), and returns
// both sites.
func buildBoth(t *testing.T, src fs.FS) (whole, pieces map[string][]byte) {
	t.Helper()
	for _, p := range []bool{false, true} {
		var out publish.Mem
		e := newEmitter(&out)
		e.pieces = p
		opt := testOptions()
		prep, res, err := prepare(context.Background(), src, opt)
		if err != nil {
			t.Fatalf("build: %v\n%s", err, diagText(res))
		}
		if _, err := renderSite(context.Background(), src, prep, opt, e); err != nil {
			t.Fatalf("build: %v", err)
		}
		if p {
			pieces = out.Files()
		} else {
			whole = out.Files()
		}
	}
	return whole, pieces
}

var pieces = flag.Bool("pieces", false, "compare the site minified by pieces with the site minified by page")

// TestPiecesMinifiedAsPages checks that minifying the layouts, the
// rendered fragments and the bodies once each gives every page the same
// bytes as minifying the whole page. The build does not minify by pieces
// yet: they still differ (whitespace next to template actions that the
// whole page's minifier drops, among others), so the test runs only when
// asked: go test ./internal/pipeline -run PiecesMinified -pieces
func TestPiecesMinifiedAsPages(t *testing.T) {
	if !*pieces {
		t.Skip("minifying by pieces is not yet what the build does; -pieces runs this")
	}
	cases := map[string]fs.FS{
		"small":                 os.DirFS("testdata/small"),
		"repository":            os.DirFS("../.."),
		"ostra-skaraborg":       os.DirFS("../../tests/catalogues/ostra-skaraborg"),
		"verksamhetsberattelse": os.DirFS("../../tests/catalogues/verksamhetsberattelse"),
		"synth":                 synth.Catalogue(300),
	}
	for _, name := range slices.Sorted(maps.Keys(cases)) {
		t.Run(name, func(t *testing.T) {
			whole, pieces := buildBoth(t, cases[name])
			n := 0
			for _, f := range slices.Sorted(maps.Keys(whole)) {
				if !bytes.Equal(whole[f], pieces[f]) {
					n++
					if n <= 5 {
						a, b := whole[f], pieces[f]
						i := 0
						for i < len(a) && i < len(b) && a[i] == b[i] {
							i++
						}
						t.Errorf("%s differs at byte %d:\nwhole:  %q\npieces: %q", f, i, a[max(0, i-80):min(len(a), i+80)], b[max(0, i-80):min(len(b), i+80)])
					}
				}
			}
			if n > 0 {
				t.Errorf("%d of %d files differ", n, len(whole))
			}
			if len(pieces) != len(whole) {
				t.Errorf("%d files, want %d", len(pieces), len(whole))
			}
		})
	}
}
