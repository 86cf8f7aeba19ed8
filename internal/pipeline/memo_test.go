package pipeline

import (
	"context"
	"maps"
	"os"
	"slices"
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
		for _, c := range []struct {
			name       string
			got, fresh int
		}{
			{"file sums", opt.Cache.fileSums.size(), fresh.Cache.fileSums.size()},
			{"file keys", opt.Cache.fileKeys.size(), fresh.Cache.fileKeys.size()},
			{"body keys", opt.Cache.bodyKeys.size(), fresh.Cache.bodyKeys.size()},
			{"keys across", opt.Cache.acrossKeys.size(), fresh.Cache.acrossKeys.size()},
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
