package check

import (
	"fmt"
	"runtime"
	"testing"
	"unsafe"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/route"
)

// keptAcross is an AcrossReuse that keeps no activity's checks and gives
// the same diagnostics of the checks across activities for any key.
type keptAcross struct{ diags diag.List }

func (keptAcross) CheckedActivity(*catalog.Activity, [32]byte) (*catalog.Activity, diag.List, bool) {
	return nil, nil, false
}
func (keptAcross) ActivityChecked(*catalog.Activity, [32]byte, diag.List) {}
func (keptAcross) Remember(_ *catalog.Activity, _ [32]byte, mk func() [32]byte) [32]byte {
	return mk()
}
func (k keptAcross) Across([32]byte) (diag.List, bool) { return k.diags, true }
func (keptAcross) AcrossChecked([32]byte, diag.List)   {}

// TestAcrossKeptCopiedOnce: the diagnostics of the checks across
// activities that a reuse kept are copied once, into the list returned,
// and given in full, last.
func TestAcrossKeptCopiedOnce(t *testing.T) {
	catalogue := func() *catalog.Catalogue {
		cat := &catalog.Catalogue{Index: testIndex(), Pages: []*catalog.Page{statement()}}
		for i := range 10 {
			cat.Activities = append(cat.Activities, activity(fmt.Sprintf("a%02d", i)))
		}
		return cat
	}
	many := make(diag.List, 100_000)
	for i := range many {
		many[i] = diag.Diagnostic{Pos: diag.Pos{File: "content/verksamheter/a00.md", Line: i + 1}, Severity: diag.Warning}
	}
	allocated := func(kept diag.List) (uint64, diag.List) {
		least, got := uint64(1<<63), diag.List(nil)
		for range 3 {
			cat := catalogue()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			got = CatalogueReusing(cat, today, keptAcross{kept})
			runtime.ReadMemStats(&after)
			least = min(least, after.TotalAlloc-before.TotalAlloc)
		}
		return least, got
	}
	none, _ := allocated(nil)
	some, got := allocated(many)
	if len(got) < len(many) || got[len(got)-len(many)].Pos.Line != 1 || got[len(got)-1].Pos.Line != len(many) {
		t.Fatalf("the kept diagnostics are not the last %d of the %d given", len(many), len(got))
	}
	size := uint64(len(many)) * uint64(unsafe.Sizeof(diag.Diagnostic{}))
	if extra := some - none; extra > (size+size/2)*raceFactor {
		t.Errorf("%d kept diagnostics (%d bytes) cost %d bytes more: copied more than once", len(many), size, extra)
	}
}

// TestUniqueSlugsMapSized: the addresses claimed are kept in one map
// sized for every activity and page, not grown one claim at a time.
func TestUniqueSlugsMapSized(t *testing.T) {
	const n = 20_000
	cat := &catalog.Catalogue{Index: testIndex(), Pages: []*catalog.Page{statement()}}
	for i := range n {
		cat.Activities = append(cat.Activities, &catalog.Activity{File: fmt.Sprintf("content/verksamheter/a%05d.md", i), Slug: fmt.Sprintf("a%05d", i)})
	}
	measure := func(f func()) uint64 {
		least := uint64(1 << 63)
		for range 3 {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			f()
			runtime.ReadMemStats(&after)
			least = min(least, after.TotalAlloc-before.TotalAlloc)
		}
		return least
	}
	var diags diag.List
	got := measure(func() {
		c := checker{ix: cat.Index, diags: &diags, now: today, broken: map[string]bool{}}
		c.uniqueSlugs(cat)
	})
	// The same claims into a map made with room for them all.
	want := measure(func() {
		seen := make(map[string]string, n+1)
		for _, a := range cat.Activities {
			seen[route.Activity(a.Slug)] = a.File
		}
		seen[route.Page(cat.Pages[0])] = cat.Pages[0].File
	})
	if len(diags) != 0 {
		t.Fatalf("diagnostics for unique slugs: %v", diags)
	}
	if got > (want+want/5)*raceFactor {
		t.Errorf("the claims of %d addresses allocated %d bytes, %d into a map sized for them", n+1, got, want)
	}
}
