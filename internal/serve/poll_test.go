package serve

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestPollerFindsChanges: the poller reports a changed, a new and a removed
// file, and nothing for editor temp files or an unchanged folder.
func TestPollerFindsChanges(t *testing.T) {
	dir := catalogueCopy(t)
	p := newPoller(dir, time.Hour)
	if diff := diffStamps(p.last, p.scan()); diff != nil {
		t.Fatalf("nothing changed, but the poller reports %v", diff)
	}
	act := filepath.Join(dir, "content", "verksamheter", "aktiv-vardag.md")
	data, err := os.ReadFile(act)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/verksamheter/aktiv-vardag.md", append(data, "\nMer text.\n"...))
	write("content/verksamheter/ny.md", data)
	write("content/verksamheter/.ny.md.swp", data)
	write("content/verksamheter/ny.md~", data)
	if err := os.Remove(filepath.Join(dir, "content", "om.md")); err != nil {
		t.Fatal(err)
	}
	got := diffStamps(p.last, p.scan())
	want := []string{"content/om.md", "content/verksamheter/aktiv-vardag.md", "content/verksamheter/ny.md"}
	if !slices.Equal(got, want) {
		t.Errorf("changes = %v, want %v", got, want)
	}
}

// TestPollerRun: run hands a change to its callback and stops with ctx.
func TestPollerRun(t *testing.T) {
	dir := catalogueCopy(t)
	p := newPoller(dir, 10*time.Millisecond)
	ctx, cancel := context.WithCancel(context.Background())
	changes := make(chan []string, 10)
	done := make(chan struct{})
	go func() { p.run(ctx, func(c []string) { changes <- c }); close(done) }()
	if err := os.WriteFile(filepath.Join(dir, "content", "verksamheter", "ny.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-changes:
		if !slices.Equal(c, []string{"content/verksamheter/ny.md"}) {
			t.Errorf("change = %v", c)
		}
	case <-time.After(5 * time.Second):
		t.Error("the poller did not see a new file")
	}
	cancel()
	<-done
}
