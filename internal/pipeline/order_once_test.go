package pipeline

import (
	"context"
	"os"
	"testing"

	"github.com/samkat/samkat/internal/site"
)

// TestOneBuildSortsOnce: a build whose cache keeps nothing in memory (what
// samkat build has) sorts its activities by name once, for the link
// table, and lists its pages for the rendering in that order, without
// sorting them again.
func TestOneBuildSortsOnce(t *testing.T) {
	ctx := context.Background()
	src := mapCopy(t, os.DirFS("testdata/small"))
	opt := testOptions()
	r := (&Cache{oneBuild: true}).start()
	p, _, err := prepare(ctx, src, opt, r, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.order == nil {
		t.Fatal("the build has no order of its activities")
	}
	if n := p.order.Sorts(); n != 1 {
		t.Fatalf("the activities sorted %d times for the link table, want once", n)
	}
	want := site.Paths(site.Input{Cat: p.cat, Now: opt.Now})
	got := site.Paths(site.Input{Cat: p.cat, Now: opt.Now, Order: p.order})
	if n := p.order.Sorts(); n != 1 {
		t.Errorf("the activities sorted %d times in all, want once", n)
	}
	if len(got) != len(want) {
		t.Fatalf("%d pages listed in the order kept, %d without", len(got), len(want))
	}
	for i := range want {
		if got[i].Path != want[i].Path || got[i].Key != want[i].Key {
			t.Errorf("page %d: %s in the order kept, %s without", i, got[i].Path, want[i].Path)
		}
	}
}
