package publish

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// stagedTree lists what is in the staging folder of out: folders end in
// a slash.
func stagedTree(t *testing.T, out string) []string {
	t.Helper()
	staging := filepath.Join(out, stagingDir)
	var got []string
	err := filepath.WalkDir(staging, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == staging {
			return err
		}
		rel, _ := filepath.Rel(staging, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			rel += "/"
		}
		got = append(got, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestFoldersMadeAhead: MakeFolders makes, in the staging folder, the
// folders of the files it is given that the output lacks, and no file;
// the files written in them afterwards are committed as without it, and
// a folder the output has is not made (it would stay empty once moved
// in, as the output's unchanged files are not staged).
func TestFoldersMadeAhead(t *testing.T) { eachWay(t, testFoldersMadeAhead) }

func testFoldersMadeAhead(t *testing.T, w way) {
	dir := filepath.Join(t.TempDir(), "public")
	w.write(t, dir, map[string]string{"index.html": "v1", "a/x/index.html": "x"})
	tx, err := w.begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"index.html":       "v2",
		"a/x/index.html":   "x", // unchanged: not staged
		"a/y/index.html":   "y", // a new folder in a folder the output has
		"b/c/d/index.html": "d", // a new tree
		"b/c/e.html":       "e",
	}
	names := []string{"index.html", "a/x/index.html", "a/y/index.html", "b/c/d/index.html", "b/c/e.html", "../bad", ".samkat/x/y"}
	tx.MakeFolders(names)
	tx.folders.Wait()
	want := []string{"a/", "a/y/", "b/", "b/c/", "b/c/d/"}
	if got := stagedTree(t, dir); !slices.Equal(got, want) {
		t.Errorf("made ahead %v, want %v", got, want)
	}
	st := w.commit(t, tx, files)
	if st.Written != 4 || st.Unchanged != 1 {
		t.Errorf("%+v, want 4 written, 1 unchanged", st)
	}
	if got := contents(tree(t, dir)); !mapsEqual(got, files) {
		t.Errorf("the output holds %v, want %v", got, files)
	}
	// No folder left empty in the output.
	for _, empty := range []string{"a/x", "a/y", "b/c/d"} {
		if entries, err := os.ReadDir(filepath.Join(dir, empty)); err != nil || len(entries) == 0 {
			t.Errorf("%s: %v, %v", empty, entries, err)
		}
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if bv, ok := b[k]; !ok || bv != v {
			return false
		}
	}
	return true
}

// TestAbortWaitsForTheFoldersMadeAhead: Abort (and Commit, through the
// same finish) stops the making of folders ahead and returns only once
// it has ended, so that no folder is made in the staging folder while,
// or after, it is removed.
func TestAbortWaitsForTheFoldersMadeAhead(t *testing.T) {
	eachStager(t, testAbortWaitsForTheFoldersMadeAhead)
}

func testAbortWaitsForTheFoldersMadeAhead(t *testing.T, w way) {
	dir := filepath.Join(t.TempDir(), "public")
	w.write(t, dir, map[string]string{"index.html": "v1"})
	before := tree(t, dir)
	tx, err := w.begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	entered, release := make(chan struct{}), make(chan struct{})
	var ended atomic.Bool
	first := true
	tx.folderHook = func(d string) {
		switch {
		case d == "":
			ended.Store(true)
		case first:
			// Held in the middle of its work until Abort stops it, or
			// the test lets it go.
			first = false
			close(entered)
			for !tx.stopFolders.Load() {
				select {
				case <-release:
					return
				default:
					runtime.Gosched()
				}
			}
		}
	}
	tx.MakeFolders([]string{"v/a/index.html", "v/b/index.html", "v/c/index.html"})
	<-entered
	err = tx.Abort()
	if !ended.Load() {
		t.Error("Abort returned while folders were being made ahead")
	}
	close(release)
	tx.folders.Wait()
	if err != nil {
		t.Fatal(err)
	}
	sameTree(t, "abort", tree(t, dir), before)
	if got := stateEntries(t, dir); strings.Join(got, " ") != "lock manifest.json" {
		t.Errorf(".samkat holds %v after an abort", got)
	}
}
