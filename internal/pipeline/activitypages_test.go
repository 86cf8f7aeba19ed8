package pipeline

import (
	"bytes"
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/site"
	"github.com/samkat/samkat/internal/synth"
)

// TestActivityPagesAPartAtATime: in a cold build the activities' pages
// are emitted a part at a time (emitOtherPages), after the other pages,
// and each body's HTML is let go once the views of the pages that read
// it are made. After each part, the bodies held must be those of the
// activities' pages still to be made (each reads its own body), and the
// site must be byte for byte the one built with every page at once, each
// activity's page with its body.
func TestActivityPagesAPartAtATime(t *testing.T) {
	src := synth.Catalogue(site.BookletMaxActivities + 300)
	build := func(atOnce int, written func([]string, int), stage func(string)) map[string][]byte {
		t.Helper()
		opt := testOptions()
		opt.activityPagesAtOnce, opt.activityPagesWritten, opt.stage = atOnce, written, stage
		var out publish.Mem
		p, res, err := prepare(context.Background(), src, opt, nil, nil)
		if err != nil {
			t.Fatalf("build: %v\n%s", err, diagText(res))
		}
		if _, _, err := renderSite(context.Background(), src, p, opt, newEmitter(&out), nil); err != nil {
			t.Fatalf("build: %v", err)
		}
		return out.Files()
	}
	type part struct {
		paths []string
		held  int
	}
	var parts []part
	var stages []string
	files := build(100, func(paths []string, held int) {
		parts = append(parts, part{paths, held})
	}, func(name string) { stages = append(stages, name) })
	if len(parts) < 3 {
		t.Fatalf("the activities' pages were written in %d parts, want parts of 100", len(parts))
	}
	written := 0
	for _, p := range parts {
		written += len(p.paths)
		if len(p.paths) > 100 {
			t.Errorf("a part of %d pages, want at most 100", len(p.paths))
		}
		for _, path := range p.paths {
			if !strings.HasPrefix(path, "verksamheter/") {
				t.Errorf("%s written in a part of the activities' pages", path)
			}
			// Each shows its body (both builds would lose one alike).
			if !bytes.Contains(files[path], []byte(`<div class="text"><h2`)) {
				t.Errorf("%s: no body", path)
			}
		}
	}
	for i, p := range parts {
		left := 0
		for _, q := range parts[i+1:] {
			left += len(q.paths)
		}
		if p.held != left {
			t.Errorf("after part %d: %d bodies held, want %d (those of the pages still to be made)", i, p.held, left)
		}
	}
	// The other pages are prerendered before the first part's views.
	first := slices.Index(stages, "activities' pages' views")
	if other := slices.Index(stages, "other pages prerendered"); other < 0 || first < other {
		t.Errorf("stages %q: the other pages are not emitted before the activities' pages", stages)
	}
	atOnce := build(1<<30, nil, nil)
	for _, name := range slices.Sorted(maps.Keys(atOnce)) {
		if !bytes.Equal(files[name], atOnce[name]) {
			t.Errorf("%s differs from the build with every page at once", name)
		}
	}
	if len(files) != len(atOnce) {
		t.Errorf("%d files, with every page at once %d", len(files), len(atOnce))
	}
	t.Logf("%d activities' pages in %d parts", written, len(parts))
}
