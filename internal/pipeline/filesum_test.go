package pipeline

import (
	"sync"
	"testing"

	"github.com/samkat/samkat/internal/load"
)

// TestEachFileHashedOnce: loading a file the cache does not know asks
// Reused, then tells Parsed, with the same bytes; Parsed takes the sum
// Reused made, so that each file's bytes are hashed once (at 10,000
// activities, some 50 MB of SHA-256 not made twice).
func TestEachFileHashedOnce(t *testing.T) {
	ctx, src, opt := smallWithCache(t)
	r := opt.Cache.start()
	var mu sync.Mutex
	hashed := map[string]int{}
	// known is asked each time a file's sum is made; saying it does not
	// know lets the sum be made from the bytes, as for a folder on disk.
	r.known = func(name string, _ []byte) ([32]byte, bool) {
		mu.Lock()
		hashed[name]++
		mu.Unlock()
		return [32]byte{}, false
	}
	cat, _, err := load.CatalogueReusing(ctx, src, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Activities) == 0 || len(hashed) < len(cat.Activities) {
		t.Fatalf("%d files hashed, %d activities loaded", len(hashed), len(cat.Activities))
	}
	for name, n := range hashed {
		if n != 1 {
			t.Errorf("%s: hashed %d times", name, n)
		}
	}
	for _, a := range cat.Activities {
		if _, ok := r.parsed[r.sums[a.File]]; !ok {
			t.Errorf("%s: not kept under its sum", a.File)
		}
	}
}
