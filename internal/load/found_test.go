package load

import (
	"context"
	"io/fs"
	"testing"
	"testing/fstest"
)

// keeperFS is a catalogue that keeps what loading found (a FoundKeeper),
// counts the folders listed, and fails to list the folder broken.
type keeperFS struct {
	fstest.MapFS
	found  *Found
	kept   int // the calls of KeepFound
	listed int
	broken string
}

func (k *keeperFS) KeptFound() *Found  { return k.found }
func (k *keeperFS) KeepFound(f *Found) { k.found, k.kept = f, k.kept+1 }

func (k *keeperFS) ReadDir(name string) ([]fs.DirEntry, error) {
	k.listed++
	if name == k.broken {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrPermission}
	}
	return k.MapFS.ReadDir(name)
}

// TestFoundKept: a FoundKeeper is given what loading found in content/
// when every folder and file there could be read, and a kept Found is
// taken as it is without a walk. What the caller gets it may change: the
// diagnostics kept stay those of the walk.
func TestFoundKept(t *testing.T) {
	fsys := &keeperFS{MapFS: fstest.MapFS{
		"content/_index.md":                {Data: []byte(validIndex)},
		"content/verksamheter/lotsen.md":   {Data: []byte(validActivity)},
		"content/verksamheter/anteckn.txt": {Data: []byte("Att göra.\n")},
		"content/trasig/b.txt":             {Data: []byte("B\n")},
	}, broken: "content/trasig"}
	// Only the walk has diagnostics, of the files it leaves out (the
	// caller gets its list, not a copy, unless the keeper copies it).
	load := func() (string, int) {
		t.Helper()
		fsys.listed = 0
		cat, diags, err := Catalogue(context.Background(), fsys)
		if err != nil {
			t.Fatal(err)
		}
		if len(cat.Activities) != 1 || cat.Activities[0].Slug != "lotsen" {
			t.Fatalf("activities: %v", cat.Activities)
		}
		out := printed(diags)
		if fsys.broken == "" && len(diags) != 2 {
			t.Fatalf("want the two files left out, got:\n%s", out)
		}
		for i := range diags {
			diags[i].Field = "changed by the caller"
		}
		return out, fsys.listed
	}
	if _, _ = load(); fsys.kept != 0 {
		t.Errorf("a walk with a folder it could not list was kept")
	}
	fsys.broken = ""
	walked, listed := load()
	if fsys.kept != 1 || listed == 0 {
		t.Fatalf("the walk: kept %d times, %d folders listed", fsys.kept, listed)
	}
	for range 2 {
		again, listed := load()
		if listed != 0 || fsys.kept != 1 {
			t.Errorf("with a Found kept: %d folders listed, kept %d times", listed, fsys.kept)
		}
		if again != walked {
			t.Errorf("with a Found kept, the diagnostics:\n%s\nthe walk's:\n%s", again, walked)
		}
	}
}
