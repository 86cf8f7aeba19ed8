package serve

import (
	"bytes"
	"context"
	"crypto/sha256"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/samkat/samkat/internal/pipeline"
	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/synth"
)

// TestServedAsBuilt: every file samkat build writes, the server serves
// with the same bytes (before the live-reload script is added), for the
// small catalogue, a synthetic one and the repository's own, after the
// first build and (but the repository's) after an edit.
func TestServedAsBuilt(t *testing.T) {
	synthDir := filepath.Join(t.TempDir(), "synth")
	if err := os.CopyFS(synthDir, synth.Catalogue(200)); err != nil {
		t.Fatal(err)
	}
	// The repository's own catalogue is read where it is, and not edited.
	for name, dir := range map[string]string{"small": catalogueCopy(t), "synth": synthDir, "repository": "../.."} {
		t.Run(name, func(t *testing.T) {
			s := New(Config{Dir: dir, Build: testOptions()})
			if !s.Rebuild(context.Background()) {
				t.Fatal("does not build")
			}
			compare := func() {
				t.Helper()
				want := built(t, dir)
				site := s.state.Load().site
				for _, f := range slices.Sorted(maps.Keys(want)) {
					got, ok, err := site.file(context.Background(), f)
					if err != nil || !ok || !bytes.Equal(got, want[f]) {
						t.Errorf("%s: served %d bytes (%v, %v), built %d", f, len(got), ok, err, len(want[f]))
					}
				}
			}
			compare()
			if name == "repository" {
				return
			}
			var edited string
			_ = filepath.WalkDir(filepath.Join(dir, "content", "verksamheter"), func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() && edited == "" {
					edited = p
				}
				return err
			})
			b, err := os.ReadFile(edited)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(edited, append(b, "\nEn ny rad.\n"...), 0o644); err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(dir, edited)
			if !s.rebuild(context.Background(), []string{filepath.ToSlash(rel)}, nil) {
				t.Fatal("the edit does not build")
			}
			compare()
		})
	}
}

// countingFS counts the files opened, by name, and the folders listed.
type countingFS struct {
	fs.FS
	mu     sync.Mutex
	opened map[string]int
	listed map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	if strings.HasSuffix(name, ".md") { // files, not the folders listed
		c.mu.Lock()
		c.opened[name]++
		c.mu.Unlock()
	}
	return c.FS.Open(name)
}

func (c *countingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	c.mu.Lock()
	if c.listed != nil {
		c.listed[name]++
	}
	c.mu.Unlock()
	return fs.ReadDir(c.FS, name)
}

// TestSourceListsOnlyChanges: the folders under content/ are listed from
// disk again only when a change reported may have changed what they
// hold: a file that appeared or disappeared, not one that was written;
// what a rebuild sees is what is on disk.
func TestSourceListsOnlyChanges(t *testing.T) {
	dir := catalogueCopy(t)
	src := newSource()
	disk := &countingFS{FS: os.DirFS(dir), opened: map[string]int{}, listed: map[string]int{}}
	readAll := func() []string {
		t.Helper()
		clear(disk.listed)
		f := src.over(disk)
		var files []string
		err := fs.WalkDir(f, "content", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files = append(files, p)
				_, err = fs.ReadFile(f, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		if err := fs.WalkDir(os.DirFS(dir), "content", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				want = append(want, p)
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(files, want) {
			t.Errorf("listed %v, the folder holds %v", files, want)
		}
		return slices.Sorted(maps.Keys(disk.listed))
	}
	step := func(name string, want []string, change func() []string) {
		t.Helper()
		src.forget(disk, change())
		if got := readAll(); !slices.Equal(got, want) {
			t.Errorf("%s: listed from disk %v, want %v", name, got, want)
		}
	}
	readAll()
	none := func() []string { return nil }
	verksamheter := []string{"content", "content/verksamheter"}
	step("nothing changed", nil, none)
	step("a file written", nil, func() []string {
		writeFile(t, dir, "content/verksamheter/lotsen.md", "---\nnamn: Lotsen\n---\nNytt.\n")
		return []string{"content/verksamheter/lotsen.md"}
	})
	step("a file reported twice, written between", nil, func() []string {
		// The two events of a save that empties the file and then
		// writes it: the second reports a file not read since the first.
		writeFile(t, dir, "content/verksamheter/lotsen.md", "")
		src.forget(disk, []string{"content/verksamheter/lotsen.md"})
		writeFile(t, dir, "content/verksamheter/lotsen.md", "---\nnamn: Lotsen\n---\nNytt igen.\n")
		return []string{"content/verksamheter/lotsen.md"}
	})
	step("a file added", verksamheter, func() []string {
		writeFile(t, dir, "content/verksamheter/ny.md", "---\nnamn: Ny\n---\n")
		return []string{"content/verksamheter/ny.md"}
	})
	step("a file removed", verksamheter, func() []string {
		os.Remove(filepath.Join(dir, "content/verksamheter/ny.md"))
		return []string{"content/verksamheter/ny.md"}
	})
	step("a folder with a file added, the file reported", []string{"content", "content/ny"}, func() []string {
		writeFile(t, dir, "content/ny/a.md", "---\ntitel: A\n---\n")
		return []string{"content/ny/a.md"}
	})
	step("the folder removed, the file reported", []string{"content"}, func() []string {
		os.RemoveAll(filepath.Join(dir, "content/ny"))
		return []string{"content/ny/a.md"}
	})
	step("a file replaced by a folder", []string{"content", "content/om.md"}, func() []string {
		os.Remove(filepath.Join(dir, "content/om.md"))
		writeFile(t, dir, "content/om.md/b.md", "---\ntitel: B\n---\n")
		return []string{"content/om.md"}
	})
	step("everything", []string{"content", "content/finansiering", "content/forbund", "content/funktioner", "content/om.md", "content/verksamheter"}, func() []string { return []string{"content"} })
}

func (c *countingFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(c.FS, name) }
func (c *countingFS) ReadLink(name string) (string, error)   { return fs.ReadLink(c.FS, name) }

// TestSourceReadsOnlyChanges: after the first reading, a file is read from
// disk again only once the watcher has reported it, or a folder above it.
func TestSourceReadsOnlyChanges(t *testing.T) {
	dir := catalogueCopy(t)
	src := newSource()
	disk := &countingFS{FS: os.DirFS(dir), opened: map[string]int{}}
	readAll := func() map[string]string {
		t.Helper()
		f := src.over(disk)
		out := map[string]string{}
		err := fs.WalkDir(f, "content", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(f, p)
			out[p] = string(b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	first := readAll()
	clear(disk.opened)
	if again := readAll(); !maps.Equal(first, again) || len(disk.opened) != 0 {
		t.Errorf("read again from disk: %v", disk.opened)
	}
	writeFile(t, dir, "content/om.md", "---\ntitel: Om\n---\nNytt.\n")
	if again := readAll(); again["content/om.md"] != first["content/om.md"] {
		t.Error("a change not reported was read")
	}
	src.forget(disk, []string{"content/om.md"})
	if again := readAll(); again["content/om.md"] != "---\ntitel: Om\n---\nNytt.\n" || len(disk.opened) != 1 || disk.opened["content/om.md"] != 1 {
		t.Errorf("after the report: %q, read from disk: %v", again["content/om.md"], disk.opened)
	}
	clear(disk.opened)
	src.forget(disk, []string{"content/verksamheter"}) // a folder event
	readAll()
	for name := range first {
		if want := strings.HasPrefix(name, "content/verksamheter/"); (disk.opened[name] == 1) != want {
			t.Errorf("%s read from disk: %d", name, disk.opened[name])
		}
	}
	if err := os.Remove(filepath.Join(dir, "content", "verksamheter", "lotsen.md")); err != nil {
		t.Fatal(err)
	}
	src.forget(disk, []string{"content/verksamheter/lotsen.md"})
	if _, ok := readAll()["content/verksamheter/lotsen.md"]; ok {
		t.Error("a removed file is still read")
	}
}

// TestTwoStepSave: a file emptied and then written, as some editors save,
// ends with the page of the whole file and no failed build shown.
func TestTwoStepSave(t *testing.T) {
	h := start(t)
	p := filepath.Join(h.dir, "content", "om.md")
	for i := range 5 {
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Repeat("Ny text. ", i+1)
		if _, err := f.WriteString("---\ntitel: Om katalogen\n---\n" + text + "\n"); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		for {
			r := wait(t, h.rebuilt, "the rebuild")
			if !r.ok {
				t.Fatalf("a failed build was shown: %+v", r)
			}
			if _, page := h.get(base + "om/"); strings.Contains(page, strings.TrimSpace(text)+"</p>") {
				break
			}
		}
	}
}

// TestLayoutChangeKeepsOtherPages: after a change to a layout that only
// the activity pages read, the other pages are not rendered again (their
// bytes are the very ones served before), and the activity pages show it.
func TestLayoutChangeKeepsOtherPages(t *testing.T) {
	s, dir := builtServer(t)
	ctx := context.Background()
	page := func(name string) []byte {
		t.Helper()
		b, ok, err := s.state.Load().site.file(ctx, name)
		if !ok || err != nil {
			t.Fatalf("%s: %v, %v", name, ok, err)
		}
		return b
	}
	front, lotsen := page("index.html"), page("verksamheter/lotsen/index.html")
	b, err := os.ReadFile("../../layouts/activity.html")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "layouts/activity.html", strings.Replace(string(b), `{{define "main"}}`, `{{define "main"}}<p>Ändrad mall</p>`, 1))
	if !s.rebuild(ctx, []string{"layouts", "layouts/activity.html"}, nil) {
		t.Fatal("the changed layout does not build")
	}
	if again := page("index.html"); &again[0] != &front[0] {
		t.Error("the front page was rendered again")
	}
	if again := page("verksamheter/lotsen/index.html"); bytes.Equal(again, lotsen) || !bytes.Contains(again, []byte("Ändrad mall")) {
		t.Error("the activity page does not show its changed layout")
	}
	// An edit of the content renders again the pages that show the file
	// (the server keeps a cache, whose keys are per file), and keeps the
	// others.
	om := page("om/index.html")
	writeFile(t, dir, "content/om.md", "---\ntitel: Om katalogen\n---\nÄndrad.\n")
	if !s.rebuild(ctx, []string{"content/om.md"}, nil) {
		t.Fatal("the edit does not build")
	}
	if again := page("om/index.html"); &again[0] == &om[0] || !bytes.Contains(again, []byte("Ändrad.")) {
		t.Error("the edited page does not show the edit")
	}
	if again := page("verksamheter/lotsen/index.html"); !bytes.Contains(again, []byte("Ändrad mall")) {
		t.Error("the activity page lost its changed layout")
	}
}

// TestMemoryFlatOverRebuilds: 50 edits, each followed by requests for the
// edited page, the front page and the search index, leave the live heap
// no larger than after the first few.
func TestMemoryFlatOverRebuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	e := newEditBench(t, 60)
	s := New(Config{Dir: e.dir, Build: testOptions()})
	ctx := context.Background()
	if !s.Rebuild(ctx) {
		t.Fatal("does not build")
	}
	rel, _ := filepath.Rel(e.dir, e.file)
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	var first uint64
	for i := range 50 {
		want := e.save(t)
		if !s.rebuild(ctx, []string{filepath.ToSlash(rel)}, nil) {
			t.Fatal("rebuild failed")
		}
		if rec := get(s, "GET", e.page); bytes.Contains(rec.Body.Bytes(), e.marker) != want {
			t.Fatalf("edit %d not shown", i)
		}
		get(s, "GET", "/")
		get(s, "GET", "/sok/index/meta.json")
		if i == 4 {
			first = heap()
		}
	}
	if last := heap(); last > first+first/2 {
		t.Errorf("live heap %d MB after 50 rebuilds, %d MB after 5", last>>20, first>>20)
	}
}

// TestEventForFileAsRead: an event for a file that is as the last rebuild
// read it (the second event of a save, which came while the rebuild read
// the file) rebuilds nothing; one for a changed file does.
func TestEventForFileAsRead(t *testing.T) {
	s, dir := builtServer(t)
	ctx := context.Background()
	v0 := s.state.Load().version
	if !s.rebuild(ctx, []string{"content/om.md"}, nil) || s.state.Load().version != v0 {
		t.Error("rebuilt for a file as it was read")
	}
	writeFile(t, dir, "content/om.md", "---\ntitel: Om katalogen\n---\nÄndrad.\n")
	if !s.rebuild(ctx, []string{"content/om.md"}, nil) || s.state.Load().version == v0 {
		t.Error("no rebuild for a changed file")
	}
	v1 := s.state.Load().version
	if !s.rebuild(ctx, []string{"content/finns-inte.md", "content/ny-mapp"}, nil) || s.state.Load().version == v1 {
		t.Error("no rebuild for paths not read")
	}
}

// TestMoveAndWriteSave: a file moved away and written anew, as some
// editors save (keeping the old one as a backup), is shown with its new
// text at the first rebuild shown, never as a missing page.
func TestMoveAndWriteSave(t *testing.T) {
	h := start(t)
	p := filepath.Join(h.dir, "content", "om.md")
	for i := range 3 {
		if err := os.Rename(p, p+"~"); err != nil {
			t.Fatal(err)
		}
		text := strings.Repeat("Skriven på nytt. ", i+1)
		writeFile(t, h.dir, "content/om.md", "---\ntitel: Om katalogen\n---\n"+text+"\n")
		for {
			r := wait(t, h.rebuilt, "the rebuild")
			status, page := h.get(base + "om/")
			if !r.ok || status != 200 {
				t.Fatalf("a rebuild %+v served om/ with status %d", r, status)
			}
			if strings.Contains(page, strings.TrimSpace(text)+"</p>") {
				break
			}
		}
	}
}

// TestPolledEdits: with --poll, the files the poller finds changed are
// read again, and only they: an edit shows, and so does a new file.
func TestPolledEdits(t *testing.T) {
	h := startWith(t, Config{Poll: 10 * time.Millisecond})
	writeFile(t, h.dir, "content/om.md", "---\ntitel: Om katalogen\n---\nFunnen av pollern.\n")
	for {
		if _, page := h.get(base + "om/"); strings.Contains(page, "Funnen av pollern.") {
			break
		}
		wait(t, h.rebuilt, "a rebuild")
	}
	writeFile(t, h.dir, "static/ny.txt", "ny\n")
	h.waitFor(base+"ny.txt", "ny\n")
}

// TestSourceFileSum: the source gives the sum of the bytes it keeps for
// a file, and none for other bytes or for a file it does not keep.
func TestSourceFileSum(t *testing.T) {
	dir := catalogueCopy(t)
	f := newSource().over(os.DirFS(dir))
	name := "content/_index.md"
	b, err := fs.ReadFile(f, name)
	if err != nil {
		t.Fatal(err)
	}
	if sum, ok := f.FileSum(name, b); !ok || sum != sha256.Sum256(b) {
		t.Errorf("kept bytes: %x, %v; want %x", sum, ok, sha256.Sum256(b))
	}
	if _, ok := f.FileSum(name, append(slices.Clone(b), '\n')); ok {
		t.Error("other bytes were given a sum")
	}
	if _, ok := f.FileSum("content/none.md", nil); ok {
		t.Error("a file not kept was given a sum")
	}
}

// TestEmptiedWaits: a file emptied, with more changes coming, is not
// built empty: the rebuild waits for the next, which builds the file
// written; emptied with nothing coming, it is built (and fails).
func TestEmptiedWaits(t *testing.T) {
	s, dir := builtServer(t)
	ctx := context.Background()
	name := "content/verksamheter/lotsen.md"
	before := s.state.Load()
	writeFile(t, dir, name, "")
	more := func(time.Duration) bool { return true }
	if s.rebuild(ctx, []string{name}, more) {
		t.Error("the emptied file was built while more changes came")
	}
	if s.state.Load() != before {
		t.Error("the site served changed")
	}
	b, err := os.ReadFile("../pipeline/testdata/small/" + name)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, name, string(b)+"\nEn rad till.\n")
	if !s.rebuild(ctx, []string{name}, more) {
		t.Fatal("the file written does not build")
	}
	if page, ok, _ := s.state.Load().site.file(ctx, "verksamheter/lotsen/index.html"); !ok || !bytes.Contains(page, []byte("En rad till.")) {
		t.Error("the page does not show the file written")
	}
	writeFile(t, dir, name, "")
	if s.rebuild(ctx, []string{name}, func(time.Duration) bool { return false }) {
		t.Error("the emptied file built")
	}
	if st := s.state.Load(); st.problems == nil {
		t.Error("no problem shown for the emptied file")
	}
}

// TestServedAsBuiltAfterSaves: after each of a series of saves, each
// rebuilt as the watcher reports it (the files kept in memory, the
// folders kept listed, the checks and keys of unchanged files reused),
// every file the server serves, the search index, the open data and the
// booklet among them, is what samkat build writes of the folder as it is
// then, and the server's diagnostics are the build's.
func TestServedAsBuiltAfterSaves(t *testing.T) {
	s, dir := builtServer(t)
	ctx := context.Background()
	read := func(rel string) string {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	edit := func(rel, old, new string) func() []string {
		return func() []string {
			b := read(rel)
			if !strings.Contains(b, old) {
				t.Fatalf("%s has no %q", rel, old)
			}
			writeFile(t, dir, rel, strings.Replace(b, old, new, 1))
			return []string{rel}
		}
	}
	lotsen, koordinator := "content/verksamheter/lotsen.md", "content/verksamheter/koordinator.md"
	aktiv, dialog := "content/verksamheter/aktiv-vardag.md", "content/verksamheter/dialogforare.md"
	move := func(from, to string) func() []string {
		return func() []string {
			p := filepath.Join(dir, filepath.FromSlash(to))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(filepath.Join(dir, filepath.FromSlash(from)), p); err != nil {
				t.Fatal(err)
			}
			return []string{from, to}
		}
	}
	// lists is set for a step that changes what a folder under content/
	// holds: only then does loading walk the files again (the Found kept,
	// see source). fails is set for a step whose build has errors.
	steps := []struct {
		name  string
		do    func() []string
		lists bool
		fails bool
	}{
		{name: "a body", do: edit(lotsen, "## Bakgrund\n", "## Bakgrund\n\nEn ny rad.\n")},
		{name: "another body", do: edit(koordinator, "Kartlägger samverkan i regionen.", "Kartlägger samverkan i regionen.\n\nOch en rad till.")},
		{name: "the namn of another", do: edit(lotsen, "namn: Lotsen\n", "namn: Samverkanskoordinator\n")},
		{name: "a municipality fewer", do: edit(lotsen, "kommuner: [Borås, mark]", "kommuner: [Borås]")},
		{name: "a copy added", do: func() []string {
			writeFile(t, dir, "content/verksamheter/lotsen-kopia.md", read(lotsen))
			return []string{"content/verksamheter/lotsen-kopia.md"}
		}, lists: true},
		{name: "the copy's body", do: edit("content/verksamheter/lotsen-kopia.md", "## Bakgrund\n", "## Bakgrund\n\nKopian.\n")},
		{name: "the copy removed", do: func() []string {
			os.Remove(filepath.Join(dir, "content/verksamheter/lotsen-kopia.md"))
			return []string{"content/verksamheter/lotsen-kopia.md"}
		}, lists: true},
		{name: "named back", do: edit(lotsen, "namn: Samverkanskoordinator\n", "namn: Lotsen\n")},
		{name: "two names swapped", do: func() []string {
			edit(lotsen, "namn: Lotsen\n", "namn: Aktiv vardag\n")()
			edit(aktiv, "namn: Aktiv vardag\n", "namn: Lotsen\n")()
			return []string{aktiv, lotsen}
		}},
		{name: "swapped back", do: func() []string {
			edit(lotsen, "namn: Aktiv vardag\n", "namn: Lotsen\n")()
			edit(aktiv, "namn: Lotsen\n", "namn: Aktiv vardag\n")()
			return []string{aktiv, lotsen}
		}},
		{name: "a file renamed", do: move(dialog, "content/verksamheter/dialog.md"), lists: true},
		{name: "a link added", do: edit(koordinator, "Och en rad till.", "Och en rad till, om [Lotsen](lotsen.md).")},
		{name: "another function", do: edit(lotsen, "funktion: aktiverande-funktion", "funktion: specialresurser")},
		{name: "a municipality back", do: edit(lotsen, "kommuner: [Borås]", "kommuner: [Borås, mark]")},
		{name: "the index", do: edit("content/_index.md", "undertitel: en liten katalog för tester", "undertitel: ändrad")},
		{name: "a layout", do: func() []string {
			writeFile(t, dir, "layouts/_partials/item.html", "{{define \"item\"}}{{with .Item}}<li class=\"egen\"><a href=\"{{.Href}}\">{{.Name}}</a></li>{{end}}{{end}}")
			return []string{"layouts/_partials/item.html"}
		}},
		{name: "a new page", do: func() []string {
			writeFile(t, dir, "content/nytt.md", "---\ntitel: Nytt\n---\nEn sida.\n")
			return []string{"content/nytt.md"}
		}, lists: true},
		{name: "the new page's text", do: edit("content/nytt.md", "En sida.", "En sida, ändrad.")},
		{name: "moved to a folder of its own", do: move("content/verksamheter/dialog.md", "content/verksamheter/region/dialog.md"), lists: true},
		{name: "the moved file's body", do: edit("content/verksamheter/region/dialog.md", "\n---\n", "\n---\nFlyttad.\n")},
		{name: "moved back", do: move("content/verksamheter/region/dialog.md", dialog), lists: true},
		{name: "a file samkat does not read", do: func() []string {
			writeFile(t, dir, "content/verksamheter/zz-anteckningar.txt", "Att göra.\n")
			return []string{"content/verksamheter/zz-anteckningar.txt"}
		}, lists: true},
		{name: "a body beside it", do: edit(koordinator, "Och en rad till", "Och ännu en rad till")},
		{name: "an error", do: edit(lotsen, "funktion: specialresurser", "funktion: [specialresurser"), fails: true},
		{name: "the error fixed", do: edit(lotsen, "funktion: [specialresurser", "funktion: specialresurser")},
		{name: "the file samkat does not read removed", do: func() []string {
			os.Remove(filepath.Join(dir, "content/verksamheter/zz-anteckningar.txt"))
			return []string{"content/verksamheter/zz-anteckningar.txt"}
		}, lists: true},
		{name: "the index again", do: edit("content/_index.md", "undertitel: ändrad", "undertitel: ändrad igen")},
	}
	for _, step := range steps {
		changed := step.do()
		found := s.src.found
		if ok := s.rebuild(ctx, changed, nil); ok == step.fails {
			t.Fatalf("%s: the build succeeds: %v", step.name, ok)
		}
		if walked := s.src.found != found; walked != step.lists || s.src.found == nil {
			t.Errorf("%s: loading walked content/ again: %v, want %v (kept: %v)", step.name, walked, step.lists, s.src.found != nil)
		}
		var mem publish.Mem
		res, err := pipeline.Site(ctx, os.DirFS(dir), &mem, testOptions())
		if step.fails {
			if err == nil {
				t.Fatalf("%s: the build has no errors", step.name)
			}
			if !sameDiagnostics(s.lastDiag, res.Diagnostics) {
				t.Errorf("%s: the server's diagnostics:\n%v\nthe build's:\n%v", step.name, s.lastDiag, res.Diagnostics)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		want := mem.Files()
		site := s.state.Load().site
		for _, f := range slices.Sorted(maps.Keys(want)) {
			got, ok, err := site.file(ctx, f)
			if err != nil || !ok || !bytes.Equal(got, want[f]) {
				t.Errorf("%s: %s: served %d bytes (%v, %v), built %d", step.name, f, len(got), ok, err, len(want[f]))
			}
		}
		if !sameDiagnostics(s.lastDiag, res.Diagnostics) {
			t.Errorf("%s: the server's diagnostics:\n%v\nthe build's:\n%v", step.name, s.lastDiag, res.Diagnostics)
		}
	}
}
