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
		if !maps.Equal(opt.Cache.bodyKeys, fresh.Cache.bodyKeys) || !maps.Equal(opt.Cache.fileSums, fresh.Cache.fileSums) || !maps.Equal(opt.Cache.fileKeys, fresh.Cache.fileKeys) || !maps.Equal(opt.Cache.acrossKeys, fresh.Cache.acrossKeys) {
			t.Errorf("step %d: the cache remembers other keys than a fresh one makes", i)
		}
		if len(opt.Cache.fileSums) == 0 || len(opt.Cache.bodyKeys) == 0 {
			t.Errorf("step %d: no keys remembered", i)
		}
	}
}
