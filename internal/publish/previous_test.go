package publish

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestOpenPrevious: a file of the previous build is opened while it is as
// that build left it, also while the build writes it anew; one edited,
// removed, never written or replaced by a link is refused.
func TestOpenPrevious(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	tx, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"a.json": "A", "b.json": "B", "c/d.json": "D", "e.json": "E", "f.json": "F"} {
		if err := tx.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.json"), []byte("b"), 0o644); err != nil { // same size, other bytes
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "c/d.json")); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "e.json"), later, later); err != nil { // touched, not changed
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "f.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.json", filepath.Join(dir, "f.json")); err != nil {
		t.Fatal(err)
	}

	tx, err = Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Abort()
	if err := tx.WriteFile("a.json", []byte("AA")); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"a.json": "A", "e.json": "E"} {
		f, err := tx.OpenPrevious(name)
		if err != nil {
			t.Errorf("OpenPrevious(%s): %v", name, err)
			continue
		}
		b, err := io.ReadAll(f)
		f.Close()
		if err != nil || string(b) != want {
			t.Errorf("OpenPrevious(%s) reads %q, %v; want %q", name, b, err, want)
		}
	}
	for _, name := range []string{"b.json", "c/d.json", "f.json", "new.json", ".samkat/manifest.json"} {
		f, err := tx.OpenPrevious(name)
		if err == nil {
			f.Close()
		}
		if err == nil || (name != ".samkat/manifest.json" && !errors.Is(err, ErrNotIntact)) {
			t.Errorf("OpenPrevious(%s): %v, want it refused", name, err)
		}
	}
}
