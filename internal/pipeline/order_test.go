package pipeline

import (
	"context"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/samkat/samkat/internal/export"
	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/route"
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

// dataHeldWriter is an orderWriter whose open data is written only once
// the build is at one of the stages release names.
type dataHeldWriter struct {
	orderWriter
	release chan struct{}
}

func (w *dataHeldWriter) Stream(name string, write func(io.Writer) error) error {
	if strings.HasPrefix(name, route.Data) {
		<-w.release
	}
	return w.orderWriter.Stream(name, write)
}

// TestBookletViewsAfterOpenData: in a cold build the booklets' views are
// made once the open data is written, so that the open data's records and
// the Markdown it reads are let go before them (see renderSite). The open
// data is held back until the build either waits for it or starts the
// booklets' views: were the views made first, they would be noted before
// the open data's files.
func TestBookletViewsAfterOpenData(t *testing.T) {
	src := synth.Catalogue(site.BookletMaxActivities + 100) // booklets by municipality
	out := &dataHeldWriter{release: make(chan struct{})}
	var once sync.Once
	opt := testOptions()
	opt.stage = func(name string) {
		out.note("(" + name + ")")
		once.Do(func() { close(out.release) })
	}
	if res, err := Site(context.Background(), src, out, opt); err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	at := func(name string) int {
		i := slices.Index(out.names, name)
		if i < 0 {
			t.Fatalf("%s was not written or noted: %q", name, out.names)
		}
		return i
	}
	views := at("(booklets' views)")
	for _, f := range export.DataFormats() {
		if i := at(f.Path); i > views {
			t.Errorf("the booklets' views were made before %s was written", f.Path)
		}
	}
}
