package pipeline

import (
	"bytes"
	"context"
	"maps"
	"regexp"
	"slices"
	"testing"

	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/site"
	"github.com/samkat/samkat/internal/synth"
)

// bookletEntryID finds the ID of each entry a written booklet prints.
var bookletEntryID = regexp.MustCompile(`data-activity aria-labelledby="?(v-[^" >]+)`)

// TestBookletsAFewAtATime: in a cold build the booklets are emitted a few
// at a time (emitBooklets), and an entry's minified bytes are kept only
// while a booklet still to be written prints it too. After each few, the
// renderer must hold the bytes of exactly the entries printed both by a
// booklet written and by one still to be written; and the site must be
// byte for byte the one built with every booklet at once, both written
// minified with the entries spliced and minified whole.
func TestBookletsAFewAtATime(t *testing.T) {
	src := synth.Catalogue(site.BookletMaxActivities + 300) // booklets by municipality
	for _, whole := range []bool{false, true} {
		build := func(atOnce int, written func([]string, int)) map[string][]byte {
			t.Helper()
			opt := testOptions()
			opt.bookletsAtOnce, opt.bookletsWritten = atOnce, written
			var out publish.Mem
			e := newEmitter(&out)
			e.wholePages = whole
			p, res, err := prepare(context.Background(), src, opt, nil, nil)
			if err != nil {
				t.Fatalf("build: %v\n%s", err, diagText(res))
			}
			if _, _, err := renderSite(context.Background(), src, p, opt, e, nil); err != nil {
				t.Fatalf("build: %v", err)
			}
			return out.Files()
		}
		type few struct {
			paths []string
			held  int
		}
		var fews []few
		files := build(1, func(paths []string, held int) {
			fews = append(fews, few{paths, held})
		})
		if len(fews) < 3 {
			t.Fatalf("whole %v: the booklets were written in %d fews, want one at a time", whole, len(fews))
		}
		ids := map[string][]string{} // by booklet
		for _, f := range fews {
			for _, p := range f.paths {
				for _, m := range bookletEntryID.FindAllSubmatch(files[p], -1) {
					ids[p] = append(ids[p], string(m[1]))
				}
				if len(ids[p]) == 0 {
					t.Fatalf("%s prints no entries", p)
				}
			}
		}
		shared := 0
		for i, f := range fews {
			before, after := map[string]bool{}, map[string]bool{}
			for _, g := range fews[:i+1] {
				for _, p := range g.paths {
					for _, id := range ids[p] {
						before[id] = true
					}
				}
			}
			for _, g := range fews[i+1:] {
				for _, p := range g.paths {
					for _, id := range ids[p] {
						after[id] = true
					}
				}
			}
			want := 0
			for id := range before {
				if after[id] {
					want++
				}
			}
			shared = max(shared, want)
			if !whole && f.held != want {
				t.Errorf("after %q: the bytes of %d entries held, want %d (printed before and after)", f.paths, f.held, want)
			}
		}
		if shared == 0 {
			t.Errorf("whole %v: no entry is printed by two booklets: the catalogue does not test keeping them", whole)
		}
		atOnce := build(1000, nil)
		for _, name := range slices.Sorted(maps.Keys(atOnce)) {
			if !bytes.Equal(files[name], atOnce[name]) {
				t.Errorf("whole %v: %s differs from the build with every booklet at once", whole, name)
			}
		}
		if len(files) != len(atOnce) {
			t.Errorf("whole %v: %d files, with every booklet at once %d", whole, len(files), len(atOnce))
		}
	}
}
