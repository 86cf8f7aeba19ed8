package pipeline

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/route"
	"github.com/samkat/samkat/internal/site"
	"github.com/samkat/samkat/internal/synth"
)

// TestModelAsBuilt: every file Site writes, a Model makes on request with
// the same bytes, and it makes no file Site does not write. The catalogues
// are the repository's own content, a synthetic one, one whose booklet is
// one per municipality and förbund, the small one, and
// one with layouts of its own (whose pages Site does not splice).
func TestModelAsBuilt(t *testing.T) {
	own := mapCopy(t, os.DirFS("testdata/small"))
	b, err := os.ReadFile("../../layouts/utskrift.html")
	if err != nil {
		t.Fatal(err)
	}
	own["layouts/utskrift.html"] = &fstest.MapFile{Data: bytes.Replace(b, []byte("{{- range .Activities}}"), []byte("<pre>\n{{- range .Activities}}"), 1)}
	cases := map[string]fs.FS{
		"small":       os.DirFS("testdata/small"),
		"repository":  os.DirFS("../.."),
		"synth":       synth.Catalogue(300),
		"own layouts": own,
	}
	// A booklet per municipality and förbund, the bodies printed at two
	// depths.
	cases["split booklet"], _, _ = bookletCatalogue(t, site.BookletMaxActivities+1)
	for _, name := range slices.Sorted(maps.Keys(cases)) {
		for _, cached := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/cached=%v", name, cached), func(t *testing.T) {
				testModelAsBuilt(t, cases[name], cached)
			})
		}
	}
}

// testModelAsBuilt is TestModelAsBuilt for one catalogue. Cached, the
// Model is prepared with a cache that knows every body converts cleanly
// but holds none of them, so that each is converted only when a file
// that shows it is asked for.
func testModelAsBuilt(t *testing.T, src fs.FS, cached bool) {
	built, res, err := buildMem(t, src)
	if err != nil {
		t.Fatal(err)
	}
	opt := testOptions()
	if cached {
		opt.Cache = NewCache()
		if _, err := Site(context.Background(), src, &publish.Mem{}, opt); err != nil {
			t.Fatal(err)
		}
		for k, e := range opt.Cache.bodies { // known clean, not converted
			opt.Cache.bodies[k] = bodyEntry{clean: e.clean, gen: e.gen}
		}
	}
	m, mres, err := Prepare(context.Background(), src, opt)
	if err != nil {
		t.Fatal(err)
	}
	if cached && len(m.p.pending.jobs) == 0 {
		t.Error("no body left for later")
	}
	if diagText(mres) != diagText(res) {
		t.Errorf("Prepare says:\n%s\nSite says:\n%s", diagText(mres), diagText(res))
	}
	// The pages first: a derived file converts every body left for
	// later, and each page must convert those it shows itself.
	files := slices.Sorted(maps.Keys(built))
	later := func(f string) int {
		if _, page := m.byPath[f]; page {
			return 0
		}
		return 1
	}
	slices.SortStableFunc(files, func(a, b string) int { return cmp.Compare(later(a), later(b)) })
	for _, f := range files {
		got, ok, err := m.Render(context.Background(), f)
		if err != nil || !ok {
			t.Errorf("%s: %v, %v", f, ok, err)
			continue
		}
		if d := difference(built[f], got, "built", "model"); d != "" {
			t.Errorf("%s %s", f, d)
		}
	}
	for _, f := range m.Paths() {
		if _, ok := built[f]; !ok {
			t.Errorf("the model lists %s, which Site does not write", f)
		}
	}
	for _, f := range []string{"finns-inte.html", "verksamheter/finns-inte/index.html", route.SearchIndex + "finns-inte.json", "admin/finns-inte"} {
		if _, ok, err := m.Render(context.Background(), f); ok || err != nil {
			t.Errorf("%s: found %v, %v", f, ok, err)
		}
	}
}

// Prepare lists the pages without hashing their keys or finding their
// files: each is made when Render or Keep asks for it, and is the one a
// build gives the page.
func TestModelKeysLater(t *testing.T) {
	ctx := context.Background()
	src := summed{mapCopy(t, os.DirFS("testdata/small"))}
	m, _, err := Prepare(ctx, src, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	in := *m.in
	in.KeysLater = false
	want := site.Paths(in)
	if len(want) != len(m.pages) {
		t.Fatalf("%d pages, %d listed again", len(m.pages), len(want))
	}
	for i, pg := range m.pages {
		if pg.Key != (site.Key{}) {
			t.Errorf("%s: key %x made by Prepare", pg.Path, pg.Key)
		}
		if k := pg.MakeKey(); k != want[i].Key || k == (site.Key{}) {
			t.Errorf("%s: key %x, listed at once %x", pg.Path, k, want[i].Key)
		}
		if pg.Files != nil || !slices.Equal(pg.MakeFiles(), want[i].Files) {
			t.Errorf("%s: files %v, made %v, listed at once %v", pg.Path, pg.Files, pg.MakeFiles(), want[i].Files)
		}
	}
}

// TestModelKeep: a Model takes over the pages of the one before that the
// change did not touch: all of them after a change to a layout that only
// some templates read, except those; after a change to the content, those
// whose keys did not change.
func TestModelKeep(t *testing.T) {
	ctx := context.Background()
	src := summed{mapCopy(t, os.DirFS("testdata/small"))}
	prepare := func() *Model {
		t.Helper()
		m, _, err := Prepare(ctx, src, testOptions())
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	renderAll := func(m *Model) {
		t.Helper()
		for _, f := range m.Paths() {
			if _, _, err := m.Render(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
	}
	kept := func(m, prev *Model) (pages map[string]bool) {
		pages = map[string]bool{}
		for name, f := range m.made {
			if prev.made[name] == f {
				pages[name] = true
			}
		}
		return pages
	}
	first := prepare()
	renderAll(first)

	// Nothing changed: everything is kept.
	same := prepare()
	same.Keep(first)
	if k := kept(same, first); len(k) != len(first.Paths()) {
		t.Errorf("kept %d of %d files with nothing changed", len(k), len(first.Paths()))
	}

	// A layout only the activity pages read.
	b, err := os.ReadFile("../../layouts/activity.html")
	if err != nil {
		t.Fatal(err)
	}
	src.MapFS["layouts/activity.html"] = &fstest.MapFile{Data: bytes.Replace(b, []byte("{{define \"main\"}}"), []byte("{{define \"main\"}}<p>ändrad</p>"), 1)}
	layout := prepare()
	layout.Keep(first)
	k := kept(layout, first)
	for _, pg := range layout.pages {
		if want := pg.Template != "activity"; k[pg.Path] != want {
			t.Errorf("%s (%s) kept: %v, want %v", pg.Path, pg.Template, k[pg.Path], want)
		}
	}
	if got, _, _ := layout.Render(ctx, "verksamheter/lotsen/index.html"); !bytes.Contains(got, []byte("ändrad")) {
		t.Error("the activity page does not show its changed layout")
	}

	// A static file that no page names: only it is made again.
	src.MapFS["static/bild.txt"] = &fstest.MapFile{Data: []byte("ett\n")}
	withStatic := prepare()
	renderAll(withStatic)
	src.MapFS["static/bild.txt"] = &fstest.MapFile{Data: []byte("två\n")}
	static := prepare()
	static.Keep(withStatic)
	if k := kept(static, withStatic); k["bild.txt"] || !k["index.html"] {
		t.Errorf("after a change to a static file, kept: bild.txt %v, index.html %v", k["bild.txt"], k["index.html"])
	}
	if got, _, _ := static.Render(ctx, "bild.txt"); string(got) != "två\n" {
		t.Errorf("bild.txt is %q", got)
	}

	// The content: a plain page's text changed. Its page is made again;
	// the pages whose keys say they do not show it are kept, and each is
	// what a model without the earlier one makes.
	om := src.MapFS["content/om.md"]
	src.MapFS["content/om.md"] = &fstest.MapFile{Data: append(slices.Clone(om.Data), "\nEn rad till.\n"...)}
	content := prepare()
	content.Keep(first)
	k = kept(content, first)
	if k["om/index.html"] {
		t.Error("om/index.html kept after a change to its text")
	}
	sameAsFresh(t, content, prepare(), k)
}

// sameAsFresh checks that each file of m named in kept is what fresh, a
// model made without an earlier one, makes.
func sameAsFresh(t *testing.T, m, fresh *Model, kept map[string]bool) {
	t.Helper()
	ctx := context.Background()
	for name := range kept {
		got, _, err := m.Render(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		want, _, err := fresh.Render(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s kept, but a fresh model makes other bytes", name)
		}
	}
}

// summed is a catalogue in memory that sums itself as samkat serve's does.
type summed struct{ fstest.MapFS }

func (s summed) Sum() [32]byte {
	var sum [32]byte
	for _, name := range slices.Sorted(maps.Keys(s.MapFS)) {
		data := ""
		if strings.HasPrefix(name, "content/") {
			data = string(s.MapFS[name].Data)
		}
		if strings.HasPrefix(name, "content/") || strings.HasPrefix(name, "static/") {
			for i, c := range []byte(name + "\x00" + data) {
				sum[i%32] = sum[i%32]*31 + c
			}
		}
	}
	return sum
}

// smallWithCache returns what most tests of a kept cache start from: a
// context, a copy of testdata/small that the test may change, and the
// test options with a new cache.
func smallWithCache(t *testing.T) (context.Context, fstest.MapFS, Options) {
	t.Helper()
	opt := testOptions()
	opt.Cache = NewCache()
	return context.Background(), mapCopy(t, os.DirFS("testdata/small")), opt
}

func mapCopy(t *testing.T, src fs.FS) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, err := fs.ReadFile(src, p)
			if err != nil {
				return err
			}
			out[p] = &fstest.MapFile{Data: b}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestModelConcurrent: requests for the same files at once get the same
// bytes (run with -race).
func TestModelConcurrent(t *testing.T) {
	src := os.DirFS("testdata/small")
	built, _, err := buildMem(t, src)
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := Prepare(context.Background(), src, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	names := slices.Sorted(maps.Keys(built))
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range names {
				f := names[(i*(g+1))%len(names)]
				got, ok, err := m.Render(context.Background(), f)
				if !ok || err != nil || !bytes.Equal(got, built[f]) {
					t.Errorf("%s: %v, %v, equal %v", f, ok, err, bytes.Equal(got, built[f]))
				}
			}
		})
	}
	wg.Wait()
}

// TestModelKeepCached: with a cache (Options.Cache), the pages of the
// activities a change to another activity's text does not touch are
// kept, and each is what a model without the earlier one makes.
func TestModelKeepCached(t *testing.T) {
	ctx, src, opt := smallWithCache(t)
	prepare := func() *Model {
		t.Helper()
		m, _, err := Prepare(ctx, src, opt)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	first := prepare()
	for _, f := range first.Paths() {
		if _, _, err := first.Render(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	name := "content/verksamheter/lotsen.md"
	src[name] = &fstest.MapFile{Data: append(slices.Clone(src[name].Data), "\nEn rad till.\n"...)}
	next := prepare()
	next.Keep(first)
	kept := map[string]bool{}
	for name, f := range next.made {
		if first.made[name] == f {
			kept[name] = true
		}
	}
	if kept["verksamheter/lotsen/index.html"] {
		t.Error("the changed activity's page was kept")
	}
	others := 0
	for _, pg := range next.pages {
		if pg.Template == "activity" && pg.Path != "verksamheter/lotsen/index.html" {
			others++
			if !kept[pg.Path] {
				t.Errorf("%s not kept after a change to another activity", pg.Path)
			}
		}
	}
	if others == 0 {
		t.Fatal("no other activity page")
	}
	opt.Cache = nil
	sameAsFresh(t, next, prepare(), kept)
}

// fileSummed is a catalogue in memory that gives the sums of its files,
// as samkat serve's source does (FileSummer), and counts those it gave.
type fileSummed struct {
	fstest.MapFS
	mu    sync.Mutex
	given int
}

func (s *fileSummed) FileSum(name string, data []byte) ([32]byte, bool) {
	f, ok := s.MapFS[name]
	if !ok || !bytes.Equal(f.Data, data) {
		return [32]byte{}, false
	}
	s.mu.Lock()
	s.given++
	s.mu.Unlock()
	return sha256.Sum256(data), true
}

// unreadSummed is fileSummed that also gives the sums of files it is not
// asked to read (UnreadSummer), and counts those.
type unreadSummed struct {
	*fileSummed
	unread int
}

func (s *unreadSummed) UnreadSum(name string) ([32]byte, bool) {
	f, ok := s.MapFS[name]
	if !ok {
		return [32]byte{}, false
	}
	s.mu.Lock()
	s.unread++
	s.mu.Unlock()
	return sha256.Sum256(f.Data), true
}

// TestFileSummerAsBuilt: with a source that gives its files' sums, a
// cached model after a change to one activity renders every file as a
// build of the changed catalogue, and the sums are taken, not made; with
// one that gives them unread, too.
func TestFileSummerAsBuilt(t *testing.T) {
	for _, unread := range []bool{false, true} {
		t.Run(fmt.Sprintf("unread=%v", unread), func(t *testing.T) { testFileSummerAsBuilt(t, unread) })
	}
}

func testFileSummerAsBuilt(t *testing.T, unread bool) {
	ctx := context.Background()
	fsrc := &fileSummed{MapFS: mapCopy(t, os.DirFS("testdata/small"))}
	var src fs.FS = fsrc
	usrc := &unreadSummed{fileSummed: fsrc}
	if unread {
		src = usrc
	}
	opt := testOptions()
	opt.Cache = NewCache()
	if _, _, err := Prepare(ctx, src, opt); err != nil {
		t.Fatal(err)
	}
	name := "content/verksamheter/lotsen.md"
	fsrc.MapFS[name] = &fstest.MapFile{Data: append(slices.Clone(fsrc.MapFS[name].Data), "\nEn rad till.\n"...)}
	fsrc.given, usrc.unread = 0, 0
	m, _, err := Prepare(ctx, src, opt)
	if err != nil {
		t.Fatal(err)
	}
	if fsrc.given == 0 && usrc.unread == 0 {
		t.Error("no file's sum was taken from the source")
	}
	if unread && usrc.unread == 0 {
		t.Error("no file's sum was taken unread")
	}
	built, _, err := buildMem(t, fsrc.MapFS)
	if err != nil {
		t.Fatal(err)
	}
	rendersAsBuilt(ctx, t, "", m, built)
}

// TestLinkTableKept: a cache kept in memory gives the link table again
// when only the text of an activity changed, and makes it anew when its
// frontmatter did; every file is what a build of the catalogue makes.
func TestLinkTableKept(t *testing.T) {
	ctx, src, opt := smallWithCache(t)
	lotsen, koordinator, aktiv := "content/verksamheter/lotsen.md", "content/verksamheter/koordinator.md", "content/verksamheter/aktiv-vardag.md"
	edit := func(name, old, new string) {
		b := string(src[name].Data)
		if !strings.Contains(b, old) {
			t.Fatalf("%s has no %q", name, old)
		}
		src[name] = &fstest.MapFile{Data: []byte(strings.Replace(b, old, new, 1))}
	}
	steps := []struct {
		name string
		do   func()
		kept bool
	}{
		{"first", func() {}, false},
		{"unchanged", func() {}, true},
		{"a link in a text", func() {
			src[koordinator].Data = append(slices.Clone(src[koordinator].Data), "\n[Lotsen](lotsen.md).\n"...)
		}, true},
		{"another text", func() { src[lotsen].Data = append(slices.Clone(src[lotsen].Data), "\nEn rad till.\n"...) }, true},
		{"a municipality fewer", func() { edit(lotsen, "kommuner: [Borås, mark]", "kommuner: [Borås]") }, false},
		{"the text again", func() { src[lotsen].Data = append(slices.Clone(src[lotsen].Data), "\nOch en.\n"...) }, true},
		{"a draft", func() { edit(aktiv, "namn: Aktiv vardag\n", "namn: Aktiv vardag\nutkast: true\n") }, false},
		{"published", func() { edit(aktiv, "namn: Aktiv vardag\nutkast: true\n", "namn: Aktiv vardag\n") }, false},
		{"a year later", func() { opt.Now = opt.Now.AddDays(400) }, false},
	}
	for _, step := range steps {
		step.do()
		var before *markdown.Site
		if opt.Cache.links != nil {
			before = opt.Cache.links.site
		}
		m, _, err := Prepare(ctx, src, opt)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if kept := before != nil && opt.Cache.links.site == before; kept != step.kept {
			t.Errorf("%s: the link table kept: %v, want %v", step.name, kept, step.kept)
		}
		cold := opt
		cold.Cache = nil
		var out publish.Mem
		if _, err := Site(ctx, src, &out, cold); err != nil {
			t.Fatal(err)
		}
		built := out.Files()
		rendersAsBuilt(ctx, t, step.name+": ", m, built)
	}
}

// TestFailedBuildKeepsTables: a build with errors between two good ones
// (an editor's save in two steps: the file emptied, then written) leaves
// the cache the link table and the bodies of the good build before it,
// so that the next finds them; every file is then what a cold build
// makes.
func TestFailedBuildKeepsTables(t *testing.T) {
	ctx, src, opt := smallWithCache(t)
	if _, _, err := Prepare(ctx, src, opt); err != nil {
		t.Fatal(err)
	}
	links, bodies := opt.Cache.links, opt.Cache.bodies
	lotsen := "content/verksamheter/lotsen.md"
	was := src[lotsen].Data
	src[lotsen] = &fstest.MapFile{Data: nil}
	if _, _, err := Prepare(ctx, src, opt); err == nil {
		t.Fatal("an empty activity file builds")
	}
	if opt.Cache.links != links || fmt.Sprintf("%p", opt.Cache.bodies) != fmt.Sprintf("%p", bodies) {
		t.Error("the failed build replaced the link table or the bodies of the good one")
	}
	src[lotsen] = &fstest.MapFile{Data: append(slices.Clone(was), "\nEn rad till.\n"...)}
	m, _, err := Prepare(ctx, src, opt)
	if err != nil {
		t.Fatal(err)
	}
	if opt.Cache.links == links {
		t.Error("the good build after kept no link table of its own")
	}
	built, _, err := buildMem(t, src)
	if err != nil {
		t.Fatal(err)
	}
	rendersAsBuilt(ctx, t, "", m, built)
}

// rendersAsBuilt requires every file of built to be what m renders, each
// difference reported after step.
func rendersAsBuilt(ctx context.Context, t *testing.T, step string, m *Model, built map[string][]byte) {
	t.Helper()
	for _, f := range slices.Sorted(maps.Keys(built)) {
		got, ok, err := m.Render(ctx, f)
		if !ok || err != nil || !bytes.Equal(got, built[f]) {
			t.Errorf("%s%s: %v, %v, equal %v", step, f, ok, err, bytes.Equal(got, built[f]))
		}
	}
}
