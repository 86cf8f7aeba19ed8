package pipeline

import (
	"context"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestKeysRemembered: the keys a cache kept in memory remembers from the
// build before are the keys a fresh cache makes, after a change to a
// file's text and to the link table, and each build keeps only those it
// used.
func TestKeysRemembered(t *testing.T) {
	ctx := context.Background()
	src := mapCopy(t, os.DirFS("testdata/small"))
	opt := testOptions()
	opt.Cache = NewCache()
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
			if m.pages[j].Path != f.pages[j].Path || m.pages[j].Key != f.pages[j].Key {
				t.Errorf("step %d: page %s has the key %x with the keys remembered, %s %x fresh", i, m.pages[j].Path, m.pages[j].Key[:4], f.pages[j].Path, f.pages[j].Key[:4])
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

// replaceIn replaces old with new, once, in the file name of src.
func replaceIn(t *testing.T, src fstest.MapFS, name, old, new string) {
	t.Helper()
	data := string(src[name].Data)
	if !strings.Contains(data, old) {
		t.Fatalf("%s has no %q", name, old)
	}
	src[name] = &fstest.MapFile{Data: []byte(strings.Replace(data, old, new, 1))}
}
