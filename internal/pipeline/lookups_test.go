package pipeline

import (
	"crypto/sha256"
	"testing"
	"time"

	"github.com/samkat/samkat/internal/load"
)

// TestLookupsTakeNoCacheLock: a build looks each of its files up in the
// parsed files and the checks the cache held when it started without
// taking the cache's lock (at 10,000 activities, one lock a file on each
// of the two lookups). The lookups are made here while the lock is held:
// they must end, and find what the build before kept.
func TestLookupsTakeNoCacheLock(t *testing.T) {
	ctx, src, opt := smallWithCache(t)
	for range 2 {
		if _, _, err := Prepare(ctx, src, opt); err != nil {
			t.Fatal(err)
		}
	}
	loaded, _, err := load.CatalogueReusing(ctx, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := opt.Cache
	r, unread := c.start(), c.start()
	unread.unread = func(name string) ([32]byte, bool) { return sha256.Sum256(src[name].Data), true }
	done := make(chan int)
	c.mu.Lock()
	go func() {
		found := 0
		for _, a := range loaded.Activities {
			if _, ok := r.Reused(a.File, src[a.File].Data); ok {
				found++
			}
			if _, ok := unread.ReusedUnread(a.File); !ok {
				found = -len(loaded.Activities) // not found without the file read
			}
		}
		if _, ok := r.Reused(loaded.Index.File, src[loaded.Index.File].Data); ok {
			found++
		}
		done <- found
	}()
	var found int
	select {
	case found = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the lookups of the parsed files wait for the cache's lock")
	}
	c.mu.Unlock()
	if want := len(loaded.Activities) + 1; found != want {
		t.Fatalf("%d of %d files found parsed", found, want)
	}

	reuse := r.checks(loaded.Index.File)
	kept := c.checked
	if len(kept) == 0 {
		t.Fatal("no checks kept")
	}
	c.mu.Lock()
	go func() {
		found := 0
		for _, e := range kept {
			if _, _, ok := reuse.CheckedActivity(e.a, e.dep); ok {
				found++
			}
		}
		done <- found
	}()
	select {
	case found = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the lookups of the checks wait for the cache's lock")
	}
	c.mu.Unlock()
	if found != len(kept) {
		t.Fatalf("%d of %d checks found", found, len(kept))
	}
}
