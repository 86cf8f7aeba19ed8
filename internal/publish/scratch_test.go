package publish

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestScratch checks a build's scratch file: read back as written, gone
// once done, never in the site, and one an interrupted build left is
// removed when the next begins.
func TestScratch(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	tx, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"", "a/b", "..", "A", "x.tmp"} {
		if _, _, err := tx.Scratch(bad); err == nil {
			t.Errorf("Scratch(%q) is allowed", bad)
		}
	}
	f, done, err := tx.Scratch("texts")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("some text"); err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 4)
	if _, err := f.ReadAt(b, 5); err != nil || string(b) != "text" {
		t.Fatalf("read back %q, %v", b, err)
	}
	done()
	if err := tx.WriteFile("index.html", []byte("<p>x</p>")); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(filepath.Join(out, scratchDir)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the scratch folder is left after the commit: %v", err)
	}

	// Left by a build that was killed (where the name could not be
	// removed at once).
	if err := os.MkdirAll(filepath.Join(out, scratchDir), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, scratchDir, "texts"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	tx, err = Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Abort()
	if _, err := os.Lstat(filepath.Join(out, scratchDir)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a scratch folder left by an interrupted build stays: %v", err)
	}
	f, done, err = tx.Scratch("texts")
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	if n, err := io.ReadAll(f); err != nil || len(n) != 0 {
		t.Errorf("a new scratch file holds %q, %v", n, err)
	}
}
