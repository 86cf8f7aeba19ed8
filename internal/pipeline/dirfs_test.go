package pipeline

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestFolderFS: the catalogue folder opened file by file from each
// file's folder gives what the root gives, bytes and errors, for files,
// links within a folder, out of it, out of the catalogue, folders and
// names that are not there; and Lstat still sees a link.
func TestFolderFS(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.txt")
	for name, data := range map[string]string{"top.md": "T", "a/b/c.md": "C", "a/x.md": "X", outside: "S"} {
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, filepath.FromSlash(name))
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{"a/b/in.md": "c.md", "a/b/up.md": "../x.md", "a/b/out.md": outside} {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	ffs := newFolderFS(root)
	defer ffs.Close()
	read := func(fsys fs.FS, name string) (string, string) {
		f, err := fsys.Open(name)
		if err != nil {
			return "", err.Error()
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil {
			return "", err.Error()
		}
		if info.IsDir() {
			return "a folder", ""
		}
		b, err := io.ReadAll(f)
		if err != nil {
			return "", err.Error()
		}
		return string(b), ""
	}
	for _, name := range []string{"top.md", "a/b/c.md", "a/x.md", "a/b/in.md", "a/b/up.md", "a/b/out.md", "a/b", "a/b/none.md", "none/c.md", "a/../top.md", "/top.md", "a//x.md"} {
		got, gotErr := read(ffs, name)
		want, wantErr := read(root.FS(), name)
		if got != want || gotErr != wantErr {
			t.Errorf("%s: %q, %q; the root gives %q, %q", name, got, gotErr, want, wantErr)
		}
	}
	if info, err := fs.Lstat(ffs, "a/b/in.md"); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("Lstat of a link: %v, %v", info, err)
	}
	if target, err := fs.ReadLink(ffs, "a/b/up.md"); err != nil || target != "../x.md" {
		t.Errorf("ReadLink: %q, %v", target, err)
	}
}
