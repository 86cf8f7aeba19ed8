package pipeline

import (
	"context"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/samkat/samkat/internal/publish"
)

// folderWriter is a publish.Mem that also takes the folders ahead of the
// files (publish.FolderMaker) and notes what it was given, in order.
type folderWriter struct {
	publish.Mem
	mu      sync.Mutex
	calls   int      // MakeFolders calls
	ahead   []string // the names MakeFolders was given
	written []string // the files written before the first MakeFolders, then all
	first   int      // files written when MakeFolders was first called
}

func (w *folderWriter) MakeFolders(names []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.calls == 0 {
		w.first = len(w.written)
	}
	w.calls++
	w.ahead = append(w.ahead, names...)
}

func (w *folderWriter) WriteFile(name string, data []byte) error {
	w.mu.Lock()
	w.written = append(w.written, name)
	w.mu.Unlock()
	return w.Mem.WriteFile(name, data)
}

// TestPagesFoldersMadeAhead: a cold build gives its writer the paths of
// every page before the first page is written (publish.Tx makes their
// folders then, so that the pages' writes only open their files), with
// a cache and without; the files are those of a writer that does not
// make folders ahead.
func TestPagesFoldersMadeAhead(t *testing.T) {
	src := os.DirFS("testdata/small")
	want, _, err := buildMem(t, src)
	if err != nil {
		t.Fatal(err)
	}
	for _, cached := range []bool{false, true} {
		opt := testOptions()
		if cached {
			opt.Cache = NewCache()
		}
		var w folderWriter
		if _, err := Site(context.Background(), src, &w, opt); err != nil {
			t.Fatal(err)
		}
		if w.calls != 1 {
			t.Fatalf("cached %v: MakeFolders called %d times, want once", cached, w.calls)
		}
		ahead := map[string]bool{}
		for _, name := range w.ahead {
			ahead[name] = true
		}
		// Every page (an .html file in a folder) was named ahead, and
		// none of them was written before.
		pages := 0
		for _, name := range slices.Sorted(slices.Values(w.written)) {
			if !strings.HasSuffix(name, ".html") || path.Dir(name) == "." {
				continue
			}
			pages++
			if !ahead[name] {
				t.Errorf("cached %v: page %s was not named ahead", cached, name)
			}
		}
		for _, name := range w.written[:w.first] {
			if ahead[name] {
				t.Errorf("cached %v: page %s written before its folder was asked for", cached, name)
			}
		}
		if pages == 0 {
			t.Fatal("no pages in folders written")
		}
		got := w.Files()
		if len(got) != len(want) {
			t.Errorf("cached %v: %d files, want %d", cached, len(got), len(want))
		}
		for name, b := range want {
			if string(got[name]) != string(b) {
				t.Errorf("cached %v: %s differs", cached, name)
			}
		}
	}
}
