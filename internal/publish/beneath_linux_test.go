package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestFilesInFoldersMadeAheadOpenNoFolder: a file written in a folder
// MakeFolders made is opened through the folder above it: its own
// folder is never opened (two system calls fewer a file), and only the
// folder that holds them all is open while they are written.
func TestFilesInFoldersMadeAheadOpenNoFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	tx, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Abort()
	var names []string
	for i := range 2 * keepOpen {
		names = append(names, fmt.Sprintf("v/a%d/index.html", i))
	}
	tx.MakeFolders(names)
	tx.folders.Wait()
	for _, name := range names {
		if err := tx.WriteFile(name, []byte("x")); err != nil {
			t.Fatal(err)
		}
	}
	s := tx.staging.(*fdStager)
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, name := range names {
		if d := s.dirs[filepath.Dir(name)]; d == nil || d.fd >= 0 || !d.premade {
			t.Fatalf("%s: its folder was opened, or not made ahead: %+v", name, d)
		}
	}
	if s.open != 1 || s.dirs["v"].fd < 0 {
		t.Errorf("%d folders open, want 1 (v)", s.open)
	}
}

// TestLinksInFoldersMadeAheadAreNotFollowed: a folder MakeFolders made
// that is replaced by a symbolic link before its file is written is not
// written through, be the link's target outside the staging folder or
// inside it.
func TestLinksInFoldersMadeAheadAreNotFollowed(t *testing.T) {
	eachWay(t, testLinksInFoldersMadeAheadAreNotFollowed)
}

func testLinksInFoldersMadeAheadAreNotFollowed(t *testing.T, w way) {
	tx, dir, elsewhere := beginBesideElsewhere(t, w)
	defer tx.Abort()
	tx.MakeFolders([]string{"v/a/index.html", "v/b/index.html", "v/c/index.html"})
	tx.folders.Wait()
	staging := filepath.Join(dir, stagingDir)
	if err := os.Remove(filepath.Join(staging, "v", "a")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(staging, "v", "a")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := w.put(tx, "v/a/index.html", []byte("x")); err == nil {
		t.Error("wrote through a link where a folder was made ahead")
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("wrote %v through a link", entries)
	}
	if w.portable {
		return // the os.Root follows a link that stays inside it
	}
	if err := os.Remove(filepath.Join(staging, "v", "b")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("c", filepath.Join(staging, "v", "b")); err != nil {
		t.Fatal(err)
	}
	if err := w.put(tx, "v/b/index.html", []byte("x")); err == nil {
		t.Error("wrote through a link inside the staging folder")
	}
	if entries, _ := os.ReadDir(filepath.Join(staging, "v", "c")); len(entries) != 0 {
		t.Errorf("wrote %v through a link", entries)
	}
}
