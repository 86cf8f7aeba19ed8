package pipeline

import (
	"context"
	"io"
	"runtime"
	"slices"
	"sync"
	"testing"

	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/site"
	"github.com/samkat/samkat/internal/synth"
)

// orderWriter is a publish.Mem that records the order the files were
// written in.
type orderWriter struct {
	publish.Mem
	mu    sync.Mutex
	names []string
}

func (w *orderWriter) note(name string) {
	w.mu.Lock()
	w.names = append(w.names, name)
	w.mu.Unlock()
}

func (w *orderWriter) WriteFile(name string, data []byte) error {
	if err := w.Mem.WriteFile(name, data); err != nil {
		return err
	}
	w.note(name)
	return nil
}

func (w *orderWriter) Stream(name string, write func(io.Writer) error) error {
	if err := w.Mem.Stream(name, write); err != nil {
		return err
	}
	w.note(name)
	return nil
}

// TestBookletsWrittenFirst: every booklet is written before any other
// page is, on several cores, so that what the booklets alone hold is let
// go before the other pages' views are made (see renderSite).
func TestBookletsWrittenFirst(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(runtime.GOMAXPROCS(0), 4)))
	src := synth.Catalogue(site.BookletMaxActivities + 100) // booklets by municipality
	opt := testOptions()
	p, res, err := prepare(context.Background(), src, opt, nil, nil)
	if err != nil {
		t.Fatalf("prepare: %v\n%s", err, diagText(res))
	}
	template := map[string]string{}
	for _, pg := range site.Paths(siteInput(p, opt, nil)) {
		template[pg.Path] = pg.Template
	}
	var out orderWriter
	if res, err := Site(context.Background(), src, &out, opt); err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	booklets, others := 0, 0
	firstOther := ""
	for _, name := range out.names {
		switch tmpl, ok := template[name]; {
		case !ok:
		case tmpl == bookletTemplate:
			booklets++
			if firstOther != "" {
				t.Fatalf("booklet %s written after %s", name, firstOther)
			}
		default:
			others++
			if firstOther == "" {
				firstOther = name
			}
		}
	}
	if booklets < 2 || others == 0 {
		t.Fatalf("%d booklets and %d other pages written; want several of each", booklets, others)
	}
	if n := len(slices.Compact(slices.Sorted(slices.Values(out.names)))); n != len(out.names) {
		t.Errorf("%d files written, %d of them more than once", len(out.names), len(out.names)-n)
	}
}
