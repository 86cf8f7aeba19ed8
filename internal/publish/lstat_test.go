package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestLstatAsTheRoot: Tx.lstat, which looks files up relative to their
// open folders, says what os.Root.Lstat says of each path of the output,
// links inside and out of it included.
func TestLstatAsTheRoot(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "public")
	for _, name := range []string{"index.html", "a/b/c.html", "d/e.html"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(name), 0o644)
	}
	os.WriteFile(filepath.Join(base, "secret"), []byte("s"), 0o644)
	for link, target := range map[string]string{"in": "a", "out": base, "file": "index.html", "nowhere": "missing"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	tx, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Abort()
	if runtime.GOOS == "linux" {
		if _, err := tx.look.lstat("a/b/c.html"); err != nil {
			t.Errorf("the quick way: %v", err)
		}
		if _, err := tx.look.lstat("in/b/c.html"); err == nil || errors.Is(err, fs.ErrNotExist) {
			t.Errorf("the quick way through a link: %v", err)
		}
	}
	for _, name := range []string{
		"index.html", "a/b/c.html", "a/b", "a", "d/e.html", "in/b/c.html", "in", "out/secret", "out",
		"file", "nowhere", "nowhere/x", "index.html/x", "a/missing.html", "missing/x.html", "missing/y/z.html", "a/b/c.html/d",
	} {
		for range 2 { // the second time from what the first noted
			got, gotErr := tx.lstat(name)
			want, wantErr := tx.root.Lstat(filepath.FromSlash(name))
			if (gotErr == nil) != (wantErr == nil) || errors.Is(gotErr, fs.ErrNotExist) != errors.Is(wantErr, fs.ErrNotExist) {
				t.Errorf("%s: err %v, want %v", name, gotErr, wantErr)
				continue
			}
			if gotErr == nil && (got.Mode() != want.Mode() || got.Size() != want.Size() || !got.ModTime().Equal(want.ModTime()) || got.Name() != want.Name()) {
				t.Errorf("%s: %v %d %v %s, want %v %d %v %s", name, got.Mode(), got.Size(), got.ModTime(), got.Name(), want.Mode(), want.Size(), want.ModTime(), want.Name())
			}
		}
	}
}
