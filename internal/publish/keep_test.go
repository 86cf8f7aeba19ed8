package publish

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestKeep: a file of the previous build kept as it is counts as
// unchanged and stays; one edited, removed or never written is refused,
// and the build writes it instead.
func TestKeep(t *testing.T) { eachStager(t, testKeep) }

func testKeep(t *testing.T, w way) {
	dir := filepath.Join(t.TempDir(), "site")
	tx, err := w.begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	if tx.Base() != "" {
		t.Errorf("Base of a new folder: %q", tx.Base())
	}
	first := tx.ID()
	for name, data := range map[string]string{"a.html": "A", "b.html": "B", "c/d.html": "D", "e.html": "E"} {
		if err := tx.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.html"), []byte("b"), 0o644); err != nil { // same size, other bytes
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "c/d.html")); err != nil {
		t.Fatal(err)
	}
	// Touched, not changed: kept after comparing the hash.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "e.html"), later, later); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dir)

	tx, err = w.begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	if tx.Base() != first {
		t.Errorf("Base %q, want the first build's id %q", tx.Base(), first)
	}
	for _, name := range []string{"a.html", "e.html"} {
		if err := tx.Keep(name); err != nil {
			t.Errorf("Keep(%s): %v", name, err)
		}
	}
	for _, name := range []string{"b.html", "c/d.html", "new.html", ".samkat/manifest.json"} {
		err := tx.Keep(name)
		if err == nil || (name != ".samkat/manifest.json" && !errors.Is(err, ErrNotIntact)) {
			t.Errorf("Keep(%s): %v, want it refused", name, err)
		}
	}
	for name, data := range map[string]string{"b.html": "B", "c/d.html": "D"} {
		if err := tx.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	st, err := tx.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if st.Files != 4 || st.Written != 2 || st.Unchanged != 2 || st.Removed != 0 {
		t.Errorf("stats %+v, want 4 files, 2 written, 2 unchanged", st)
	}
	after := tree(t, dir)
	for _, name := range []string{"a.html", "e.html"} {
		if after[name] != before[name] {
			t.Errorf("%s: %+v, want it as it was, %+v", name, after[name], before[name])
		}
	}
	if after["b.html"].data != "B" || after["c/d.html"].data != "D" {
		t.Errorf("rewritten files: %+v", after)
	}
	// A third build that keeps everything keeps the touched file's time.
	tx, err = w.begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.html", "b.html", "c/d.html", "e.html"} {
		if err := tx.Keep(name); err != nil {
			t.Errorf("third build, Keep(%s): %v", name, err)
		}
	}
	if _, err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// TestState: a state file set by a build takes its place when the build
// is committed, not when it is aborted; it survives builds that do not
// set it and is never part of the site; publish's own names are refused.
func TestState(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	state := filepath.Join(dir, ".samkat", "cache")
	tx, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := tx.ReadState("cache"); ok || err != nil {
		t.Errorf("ReadState of a new folder: %v %v", ok, err)
	}
	if err := tx.SetState("cache", []byte("one")); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"manifest.json", "next.json", "lock", "staging", "old", "a/b", "..", "", "x.tmp", "x.next"} {
		if err := tx.SetState(bad, nil); err == nil {
			t.Errorf("SetState(%q) accepted", bad)
		}
	}
	if _, err := os.Stat(state); err == nil {
		t.Error("the state file is in place before the commit")
	}
	if err := tx.WriteFile("index.html", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(state); err != nil || string(b) != "one" {
		t.Errorf("after the commit: %q %v", b, err)
	}

	tx, err = Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	if b, ok, err := tx.ReadState("cache"); !ok || err != nil || string(b) != "one" {
		t.Errorf("ReadState: %q %v %v", b, ok, err)
	}
	if err := tx.SetState("cache", []byte("two")); err != nil {
		t.Fatal(err)
	}
	if err := tx.Abort(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, ".samkat"))
	for _, e := range entries {
		if e.Name() != "cache" && e.Name() != "manifest.json" && e.Name() != "lock" {
			t.Errorf("an aborted build left .samkat/%s", e.Name())
		}
	}

	tx, err = Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	st, err := tx.Commit() // sets no state and writes nothing: the site has no files now
	if err != nil {
		t.Fatal(err)
	}
	if st.Files != 0 || st.Removed != 1 {
		t.Errorf("stats %+v", st)
	}
	if b, err := os.ReadFile(state); err != nil || string(b) != "one" {
		t.Errorf("the state file after builds that did not set it: %q %v", b, err)
	}

	// RemoveState: an aborted build leaves the file, a committed one
	// removes it.
	for _, commit := range []bool{false, true} {
		tx, err = Begin(dir)
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.RemoveState("cache"); err != nil {
			t.Fatal(err)
		}
		if err := tx.RemoveState("manifest.json"); err == nil {
			t.Error("RemoveState of the manifest accepted")
		}
		if commit {
			_, err = tx.Commit()
		} else {
			err = tx.Abort()
		}
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(state); commit != os.IsNotExist(err) {
			t.Errorf("committed %v: the state file after RemoveState: %v", commit, err)
		}
	}
}

// TestMemKeep: a Mem made by Next keeps the files of the one before it,
// and nothing else.
func TestMemKeep(t *testing.T) {
	var first Mem
	if first.Base() != "" || first.Keep("a") == nil {
		t.Fatal("a Mem of its own starts from nothing")
	}
	if err := first.WriteFile("a.html", []byte("A")); err != nil {
		t.Fatal(err)
	}
	next := first.Next()
	if next.Base() != first.ID() || next.ID() == first.ID() {
		t.Errorf("Base %q, ID %q; the first's ID %q", next.Base(), next.ID(), first.ID())
	}
	if err := next.Keep("a.html"); err != nil {
		t.Errorf("Keep: %v", err)
	}
	if err := next.Keep("b.html"); !errors.Is(err, ErrNotIntact) {
		t.Errorf("Keep of a file the first has not: %v", err)
	}
	if b, ok := next.Get("a.html"); !ok || string(b) != "A" {
		t.Errorf("kept %q %v", b, ok)
	}
	if _, ok := next.Get("b.html"); ok {
		t.Error("a refused Keep left a file")
	}
}
