package pipeline

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/route"
)

// TestDerivedReused: a cache kept in memory keeps each activity's records
// of the open data and its search analysis, and the next build takes them
// for the activities that did not change: a record put in the cache
// instead of the one made is what the next build writes, for every
// activity but the changed one.
func TestDerivedReused(t *testing.T) {
	ctx, src, opt := smallWithCache(t)
	res, err := Site(ctx, src, &publish.Mem{}, opt)
	if err != nil {
		t.Fatal(err)
	}
	c := opt.Cache
	if len(c.analyses) != res.Activities || len(c.records) != 2*res.Activities {
		t.Fatalf("the cache holds %d analyses and %d records for %d activities", len(c.analyses), len(c.records), res.Activities)
	}
	for k := range c.records {
		c.records[k] = []byte("KEPT")
	}
	name := "content/verksamheter/lotsen.md"
	src[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(src[name].Data), "namn: Lotsen", "namn: Lotsen i Borås", 1))}
	var out publish.Mem
	if _, err := Site(ctx, src, &out, opt); err != nil {
		t.Fatal(err)
	}
	data := out.Files()[route.DataJSON]
	if n := bytes.Count(data, []byte("KEPT")); n != res.Activities-1 || !bytes.Contains(data, []byte("Lotsen i Borås")) {
		t.Errorf("%s holds %d kept records of %d activities, and the changed one: %v", route.DataJSON, n, res.Activities, bytes.Contains(data, []byte("Lotsen i Borås")))
	}
	if len(c.analyses) != res.Activities || len(c.records) != 2*res.Activities {
		t.Errorf("after the change, the cache holds %d analyses and %d records for %d activities", len(c.analyses), len(c.records), res.Activities)
	}
}
