package pipeline

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/site"
)

// TestKeysRemembered: the keys a cache kept in memory remembers from the
// build before are the keys a fresh cache makes, after a change to a
// file's text and to the link table, and each build keeps only those it
// used.
func TestKeysRemembered(t *testing.T) {
	ctx, src, opt := smallWithCache(t)
	lotsen := "content/verksamheter/lotsen.md"
	steps := []func(){
		func() {},
		func() {},
		func() {
			src[lotsen] = &fstest.MapFile{Data: append(slices.Clone(src[lotsen].Data), "\nEn rad till.\n"...)}
		},
		func() { src["content/verksamheter/ny.md"] = &fstest.MapFile{Data: src[lotsen].Data} }, // another page: the link table changes
		func() { delete(src, "content/verksamheter/ny.md") },
		// The fields of an activity: its name, its municipalities, its
		// function (the pages that list it change, and their keys).
		func() { replaceIn(t, src, lotsen, "namn: Lotsen\n", "namn: Lotsen i Mark\n") },
		func() { replaceIn(t, src, lotsen, "kommuner: [Borås, mark]", "kommuner: [Borås]") },
		func() { replaceIn(t, src, lotsen, "funktion: aktiverande-funktion", "funktion: specialresurser") },
		// The index: every file's key changes.
		func() {
			replaceIn(t, src, "content/_index.md", "undertitel: en liten katalog för tester", "undertitel: ändrad")
		},
	}
	for i, step := range steps {
		step()
		m, _, err := Prepare(ctx, src, opt)
		if err != nil {
			t.Fatal(err)
		}
		fresh := testOptions()
		fresh.Cache = NewCache()
		f, _, err := Prepare(ctx, src, fresh)
		if err != nil {
			t.Fatal(err)
		}
		if !maps.Equal(m.p.fileKeys, f.p.fileKeys) {
			t.Errorf("step %d: the file keys remembered differ from those made", i)
		}
		if len(m.pages) != len(f.pages) {
			t.Fatalf("step %d: %d pages listed with the keys remembered, %d fresh", i, len(m.pages), len(f.pages))
		}
		for j := range m.pages {
			got, want := m.pages[j].MakeKey(), f.pages[j].MakeKey()
			if m.pages[j].Path != f.pages[j].Path || got != want || got == (site.Key{}) {
				t.Errorf("step %d: page %s has the key %x with the keys remembered, %s %x fresh", i, m.pages[j].Path, got[:4], f.pages[j].Path, want[:4])
			}
		}
		for _, c := range []struct {
			name       string
			got, fresh int
		}{
			{"file sums", opt.Cache.fileSums.size(), fresh.Cache.fileSums.size()},
			{"file keys", opt.Cache.fileKeys.size(), fresh.Cache.fileKeys.size()},
			{"body keys", opt.Cache.bodyKeys.size(), fresh.Cache.bodyKeys.size()},
			{"keys across", opt.Cache.acrossKeys.size(), fresh.Cache.acrossKeys.size()},
			{"field keys", opt.Cache.fieldKeys.size(), fresh.Cache.fieldKeys.size()},
		} {
			if c.got != c.fresh || c.got == 0 {
				t.Errorf("step %d: the cache remembers %d %s, a fresh one %d", i, c.got, c.name, c.fresh)
			}
		}
		for name, e := range opt.Cache.bodyKeys.by {
			if f := fresh.Cache.bodyKeys.by[name]; f == nil || f.key != e.key {
				t.Errorf("step %d: the body key of %s remembered differs from the one made", i, name)
			}
		}
	}
}

// The body key a cache kept in memory remembers for a body is the one
// its insets give, whatever changed of what they are made of: for an
// activity, its slug and the addresses of the booklets it stands in,
// from which its insets are made as convertBodies made them.
func TestBodyKeyOfInsets(t *testing.T) {
	r := NewCache().start()
	sum, links := site.Key{1}, site.Key{2}
	two := bodyJob{file: "a.md", activity: true, slug: "a", to: [2]string{"utskrift/ale/", "forbund/f/utskrift/"}}
	want := []markdown.Inset{
		{Levels: 2, IDPrefix: "v-a", From: "verksamheter/a/", To: "utskrift/ale/"},
		{Levels: 2, IDPrefix: "v-a", From: "verksamheter/a/", To: "forbund/f/utskrift/"},
	}
	if got := two.insets(); !slices.Equal(got, want) {
		t.Errorf("an activity's insets: %+v, want %+v", got, want)
	}
	fn := func(to string) []markdown.Inset {
		return []markdown.Inset{{Levels: 1, IDPrefix: "funktion-a", From: "funktioner/a/", To: to}}
	}
	jobs := []bodyJob{
		{file: "a.md", activity: true, slug: "a", to: [2]string{"utskrift/", ""}},
		{file: "a.md", activity: true, slug: "a", to: [2]string{"utskrift/ale/", ""}},
		two,
		two,
		{file: "a.md", activity: true, slug: "b", to: two.to},
		{file: "a.md", activity: true, slug: "b", to: [2]string{"utskrift/ale/", "forbund/g/utskrift/"}},
		{file: "a.md", activity: true, slug: "b", to: [2]string{"utskrift/ale/", ""}},
		{file: "a.md", inset: fn("utskrift/")},
		{file: "a.md", inset: fn("utskrift/ale/")},
		{file: "a.md"},
		{file: "a.md", activity: true, slug: "b", to: [2]string{"utskrift/ale/", ""}},
	}
	for i := range jobs {
		j := &jobs[i]
		if got, want := r.bodyKey(sum, links, j), bodyKey(sum, links, j.insets()); got != want {
			t.Errorf("%d: %+v: key %x remembered, %x made", i, j, got[:4], want[:4])
		}
	}
}

// replaceIn replaces old with new, once, in the file name of src.
func replaceIn(t *testing.T, src fstest.MapFS, name, old, new string) {
	t.Helper()
	data := string(src[name].Data)
	if !strings.Contains(data, old) {
		t.Fatalf("%s has no %q", name, old)
	}
	src[name] = &fstest.MapFile{Data: []byte(strings.Replace(data, old, new, 1))}
}
