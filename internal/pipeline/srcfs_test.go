package pipeline

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestSourceFSReadsAsTheRoot: the catalogue's file system with its
// quicker Open gives what the os.Root gives, file by file, error by
// error: links inside the catalogue followed as the os.Root follows them,
// links out of it refused.
func TestSourceFSReadsAsTheRoot(t *testing.T) {
	base := t.TempDir()
	cat := filepath.Join(base, "katalog")
	for name, data := range map[string]string{
		"content/_index.md":             "index",
		"content/verksamheter/a.md":     "a",
		"content/verksamheter/sub/b.md": "b",
		"static/x.css":                  "x",
	} {
		p := filepath.Join(cat, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	os.WriteFile(filepath.Join(base, "secret"), []byte("secret"), 0o644)
	links := map[string]string{
		"content/verksamheter/inside.md": "a.md",
		"content/outside.md":             filepath.Join(base, "secret"),
		"content/dirlink":                "verksamheter",
		"content/outdir":                 base,
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(cat, filepath.FromSlash(name))); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	root, err := os.OpenRoot(cat)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	src, done := sourceFS(root)
	defer done()
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
			entries, err := f.(fs.ReadDirFile).ReadDir(-1)
			if err != nil {
				return "", err.Error()
			}
			return info.Name() + " dir of " + string(rune('0'+len(entries))), ""
		}
		b, err := io.ReadAll(f)
		if err != nil {
			return "", err.Error()
		}
		return info.Name() + ": " + string(b), ""
	}
	for _, name := range []string{
		"content/_index.md", "content/verksamheter/a.md", "content/verksamheter/sub/b.md", "static/x.css",
		"content/verksamheter/inside.md", "content/outside.md", "content/dirlink/a.md", "content/outdir/secret",
		"content/missing.md", "missing/a.md", "content/verksamheter", "content", ".", "../secret", "/etc/passwd",
		"content/verksamheter/a.md/x",
	} {
		got, gotErr := read(src, name)
		want, wantErr := read(root.FS(), name)
		if got != want || gotErr != wantErr {
			t.Errorf("%s: got %q, %q\nwant %q, %q", name, got, gotErr, want, wantErr)
		}
		if name == "content/outside.md" && (wantErr == "" || got == "secret") {
			t.Errorf("%s: read through a link out of the catalogue", name)
		}
	}
	for _, name := range []string{"content/outside.md", "content/dirlink", "content"} {
		a, errA := fs.Lstat(src, name)
		b, errB := fs.Lstat(root.FS(), name)
		if (errA == nil) != (errB == nil) || errA == nil && (a.Mode() != b.Mode() || a.Name() != b.Name()) {
			t.Errorf("Lstat %s: %v, %v; want %v, %v", name, a, errA, b, errB)
		}
	}
	if _, err := fs.ReadFile(src, "content/outside.md"); err == nil {
		t.Error("ReadFile read through a link out of the catalogue")
	}
	// Where the quick way is had, it is the one that read.
	if runtime.GOOS == "linux" {
		if f := src.(*rootFS).fast.open("content/verksamheter/sub/b.md"); f == nil {
			t.Error("a plain file was not opened the quick way")
		} else {
			f.Close()
		}
		if f := src.(*rootFS).fast.open("content/dirlink/a.md"); f != nil {
			t.Error("the quick way went through a link")
			f.Close()
		}
	}
}
