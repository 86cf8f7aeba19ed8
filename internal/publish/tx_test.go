package publish

import (
	"errors"
	"fmt"
	"github.com/samkat/samkat/internal/msg"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A way is one way of writing an output that the tests of its rules run
// with: by the portable stager, as on systems other than Linux and macOS,
// or by the system's, and each file by Tx.WriteFile or by Tx.Stream.
type way struct {
	portable bool
	streamed bool
}

func (w way) String() string {
	s := "system"
	if w.portable {
		s = "portable"
	}
	if w.streamed {
		s += ",streamed"
	}
	return s
}

// eachWay runs test with both stagers, writing with WriteFile and with
// Stream.
func eachWay(t *testing.T, test func(*testing.T, way)) {
	for _, w := range []way{{}, {streamed: true}, {portable: true}, {portable: true, streamed: true}} {
		t.Run(w.String(), func(t *testing.T) { test(t, w) })
	}
}

// eachStager runs test with both stagers, for the tests that choose how
// each file is written.
func eachStager(t *testing.T, test func(*testing.T, way)) {
	for _, w := range []way{{}, {portable: true}} {
		t.Run(w.String(), func(t *testing.T) { test(t, w) })
	}
}

// begin starts a Tx that writes w's way.
func (w way) begin(out string) (*Tx, error) {
	return beginWith(out, w.portable)
}

// beginBesideElsewhere begins a Tx w's way into a new folder beside an
// empty one, elsewhere, for a test to link to.
func beginBesideElsewhere(t *testing.T, w way) (tx *Tx, dir, elsewhere string) {
	t.Helper()
	base := t.TempDir()
	elsewhere = filepath.Join(base, "elsewhere")
	if err := os.MkdirAll(elsewhere, 0o755); err != nil {
		t.Fatal(err)
	}
	dir = filepath.Join(base, "public")
	tx, err := w.begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	return tx, dir, elsewhere
}

// put writes one file of tx, by WriteFile or, when streamed, by Stream.
func (w way) put(tx *Tx, name string, data []byte) error {
	if !w.streamed {
		return tx.WriteFile(name, data)
	}
	return tx.Stream(name, func(wr io.Writer) error {
		_, err := wr.Write(data)
		return err
	})
}

// write builds a site of files in dir, w's way.
func (w way) write(t *testing.T, dir string, files map[string]string) Stats {
	t.Helper()
	tx, err := w.begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	return w.commit(t, tx, files)
}

// commit writes files in tx, w's way, and commits it.
func (w way) commit(t *testing.T, tx *Tx, files map[string]string) Stats {
	t.Helper()
	for name, data := range files {
		if err := w.put(tx, name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	st, err := tx.Commit()
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// write builds a site of files in dir, the system's way with WriteFile.
func write(t *testing.T, dir string, files map[string]string) Stats {
	t.Helper()
	return way{}.write(t, dir, files)
}

// fileState is what a test compares: bytes, modification time and inode.
type fileState struct {
	data  string
	mtime time.Time
	inode uint64
}

// tree reads every file below dir except samkat's own record, keyed by
// slash path.
func tree(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			if rel == stateDir {
				return filepath.SkipDir
			}
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = fileState{string(b), info.ModTime(), inode(info)}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return out
}

func contents(tr map[string]fileState) map[string]string {
	out := map[string]string{}
	for k, v := range tr {
		out[k] = v.data
	}
	return out
}

func sameTree(t *testing.T, what string, got, want map[string]fileState) {
	t.Helper()
	if !maps.Equal(got, want) {
		t.Errorf("%s: the output changed:\n got %v\nwant %v", what, contents(got), contents(want))
	}
}

// stateEntries lists what is in the output's .samkat folder.
func stateEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Join(dir, stateDir))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestOnlyChangesAreWritten(t *testing.T) { eachWay(t, testOnlyChangesAreWritten) }

func testOnlyChangesAreWritten(t *testing.T, w way) {
	dir := filepath.Join(t.TempDir(), "public")
	st := w.write(t, dir, map[string]string{"index.html": "v1", "a/same.html": "same", "gammal/index.html": "old"})
	if st.Written != 3 || st.Files != 3 {
		t.Errorf("first build: %+v", st)
	}
	before := tree(t, dir)
	time.Sleep(20 * time.Millisecond) // so that a rewritten file would get another time
	st = w.write(t, dir, map[string]string{"index.html": "v2", "a/same.html": "same", "ny/index.html": "new"})
	if st.Written != 2 || st.Unchanged != 1 || st.Removed != 1 || st.Files != 3 {
		t.Errorf("second build: %+v", st)
	}
	after := tree(t, dir)
	if got := contents(after); !maps.Equal(got, map[string]string{"index.html": "v2", "a/same.html": "same", "ny/index.html": "new"}) {
		t.Errorf("tree after the second build = %v", got)
	}
	if after["a/same.html"] != before["a/same.html"] {
		t.Errorf("the unchanged file was rewritten: %+v, was %+v", after["a/same.html"], before["a/same.html"])
	}
	if ino := after["index.html"].inode; ino != 0 && ino == before["index.html"].inode {
		t.Error("the changed file kept its inode: it was written over in place, not replaced")
	}
	if _, err := os.Stat(filepath.Join(dir, "gammal")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the folder of the removed page is still there: %v", err)
	}
	if got := stateEntries(t, dir); strings.Join(got, " ") != "lock manifest.json" {
		t.Errorf(".samkat holds %v, want the lock and the manifest only", got)
	}
}

func TestForeignFilesSurviveTenBuilds(t *testing.T) { eachWay(t, testForeignFilesSurviveTenBuilds) }

func testForeignFilesSurviveTenBuilds(t *testing.T, w way) {
	dir := filepath.Join(t.TempDir(), "public")
	foreign := map[string]string{"CNAME": "katalog.example.se\n", ".nojekyll": "", ".git/HEAD": "ref: refs/heads/gh-pages\n", "index.html/x": ""}
	delete(foreign, "index.html/x")
	for name, data := range foreign {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A foreign file inside a folder the site writes to, too.
	os.MkdirAll(filepath.Join(dir, "sok"), 0o755)
	os.WriteFile(filepath.Join(dir, "sok", "egen.txt"), []byte("mine"), 0o644)
	foreign["sok/egen.txt"] = "mine"
	want := tree(t, dir)

	tx, err := w.begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(tx.Kept(), " "); got != ".git .nojekyll CNAME sok" {
		t.Errorf("Kept = %q", got)
	}
	tx.Abort()
	for i := range 10 {
		files := map[string]string{"index.html": "v" + string(rune('0'+i)), "sok/index.json": "{}"}
		if i%2 == 0 {
			files["udda.html"] = "x"
		}
		w.write(t, dir, files)
		got := tree(t, dir)
		for name := range want {
			if got[name] != want[name] {
				t.Fatalf("build %d: foreign file %s changed or went: %+v", i+1, name, got[name])
			}
		}
	}
	if tx, err := w.begin(dir); err != nil || len(tx.Kept()) != 0 {
		t.Errorf("Kept after builds = %v, %v; want none: samkat made this folder's site", tx.Kept(), err)
	} else {
		tx.Abort()
	}
	if got := tree(t, dir); got["udda.html"].data != "" || got["index.html"].data != "v9" {
		t.Errorf("after ten builds: %v", contents(got))
	}
}

func TestFilesSamkatDidNotWriteAreNotOverwritten(t *testing.T) {
	eachWay(t, testFilesSamkatDidNotWriteAreNotOverwritten)
}

func testFilesSamkatDidNotWriteAreNotOverwritten(t *testing.T, w way) {
	for _, c := range []struct {
		name, setup, write, want string
	}{
		{"other content", "index.html", "index.html", "refusing to overwrite index.html in %s: samkat did not write it (a file with other content); move it away or delete it and build again"},
		{"a folder", "feed.xml/", "feed.xml", "refusing to overwrite feed.xml in %s: samkat did not write it (a folder); move it away or delete it and build again"},
		{"a file where a folder goes", "data", "data/verksamheter.json", "refusing to overwrite data in %s: samkat did not write it (not a folder, and the site needs one there); move it away or delete it and build again"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "public")
			p := filepath.Join(dir, c.setup)
			if strings.HasSuffix(c.setup, "/") {
				os.MkdirAll(p, 0o755)
			} else {
				os.MkdirAll(filepath.Dir(p), 0o755)
				os.WriteFile(p, []byte("theirs"), 0o644)
			}
			before := tree(t, dir)
			tx, err := w.begin(dir)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.put(tx, c.write, []byte("ours")); err != nil {
				t.Fatal(err)
			}
			_, err = tx.Commit()
			var r *Refusal
			if !errors.As(err, &r) || err.Error() != strings.ReplaceAll(c.want, "%s", dir) {
				t.Errorf("err = %v\nwant %s", err, strings.ReplaceAll(c.want, "%s", dir))
			}
			sameTree(t, c.name, tree(t, dir), before)
		})
	}
	// Many in the way: counted, the first named.
	dir := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(filepath.Join(dir, "b"), 0o755)
	for _, name := range []string{"a.html", "b/c.html", "d.html"} {
		os.WriteFile(filepath.Join(dir, name), []byte("theirs"), 0o644)
	}
	before := tree(t, dir)
	tx, err := w.begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"d.html", "b/c.html", "a.html", "ny.html"} {
		if err := w.put(tx, name, []byte("ours")); err != nil {
			t.Fatal(err)
		}
	}
	want := "refusing to overwrite 3 files or folders in " + dir + " that samkat did not write, among them a.html (a file with other content); move them away or delete them and build again"
	if _, err := tx.Commit(); err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	sameTree(t, "many in the way", tree(t, dir), before)
	if got := stateEntries(t, dir); len(got) != 0 {
		t.Errorf("a refused first build left .samkat/%v", got)
	}

	// The same bytes are adopted: the file becomes samkat's, untouched.
	dir = filepath.Join(t.TempDir(), "public")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "robots.txt"), []byte("same"), 0o644)
	before = tree(t, dir)
	if st := w.write(t, dir, map[string]string{"robots.txt": "same"}); st.Written != 0 {
		t.Errorf("an identical file was written again: %+v", st)
	}
	sameTree(t, "adopted", tree(t, dir), before)
	w.write(t, dir, map[string]string{"index.html": "x"})
	if _, err := os.Stat(filepath.Join(dir, "robots.txt")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("an adopted file the site no longer has was kept")
	}
}

// TestFilesThatAppearDuringTheBuildAreNotOverwritten: a file someone puts
// where the site adds one after the build looked there (in a folder the
// output has, or one it did not have then) stops the commit; it is not
// replaced, and the previous site stays.
func TestFilesThatAppearDuringTheBuildAreNotOverwritten(t *testing.T) {
	eachWay(t, testFilesThatAppearDuringTheBuildAreNotOverwritten)
}

func testFilesThatAppearDuringTheBuildAreNotOverwritten(t *testing.T, w way) {
	for _, name := range []string{"a/new.html", "b/new.html"} {
		dir := filepath.Join(t.TempDir(), "public")
		w.write(t, dir, map[string]string{"index.html": "v1", "a/x.html": "x"})
		tx, err := w.begin(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []string{"index.html", "b/first.html", name} {
			if err := w.put(tx, n, []byte("ours")); err != nil {
				t.Fatal(err)
			}
		}
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte("theirs"), 0o644)
		before := tree(t, dir)
		_, err = tx.Commit()
		want := "refusing to overwrite " + name + " in " + dir + ": samkat did not write it (a file with other content); move it away or delete it and build again"
		var r *Refusal
		if !errors.As(err, &r) || err.Error() != want {
			t.Errorf("%s: err = %v\nwant %s", name, err, want)
		}
		sameTree(t, name, tree(t, dir), before)
	}
}

func TestAbortAndFailedWritesLeaveOldTree(t *testing.T) {
	eachWay(t, testAbortAndFailedWritesLeaveOldTree)
}

func testAbortAndFailedWritesLeaveOldTree(t *testing.T, w way) {
	dir := filepath.Join(t.TempDir(), "public")
	w.write(t, dir, map[string]string{"index.html": "v1", "a/b.html": "b"})
	before := tree(t, dir)
	tx, err := w.begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.put(tx, "index.html", []byte("v2")); err != nil {
		t.Fatal(err)
	}
	if err := w.put(tx, "x", []byte("file")); err != nil {
		t.Fatal(err)
	}
	if err := w.put(tx, "x/y", []byte("under a file")); err == nil {
		t.Error("writing below a file succeeded")
	}
	for _, bad := range []string{"../evil", "/etc/passwd", "a/../../b", "a\\b", "a\x00b", "", ".samkat/manifest.json", ".samkat"} {
		if err := w.put(tx, bad, nil); err == nil {
			t.Errorf("WriteFile(%q) succeeded", bad)
		}
	}
	if err := tx.Abort(); err != nil {
		t.Fatal(err)
	}
	sameTree(t, "abort", tree(t, dir), before)
	if _, err := tx.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
	if got := stateEntries(t, dir); strings.Join(got, " ") != "lock manifest.json" {
		t.Errorf(".samkat holds %v after an abort", got)
	}
}

func TestAbortRemovesAFolderItMade(t *testing.T) { eachWay(t, testAbortRemovesAFolderItMade) }

func testAbortRemovesAFolderItMade(t *testing.T, w way) {
	dir := filepath.Join(t.TempDir(), "public")
	tx, err := w.begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	w.put(tx, "index.html", []byte("x"))
	tx.Abort()
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the output folder an aborted first build made is still there: %v", err)
	}
}

func TestAbortInAForeignFolderLeavesNoTrace(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "docs")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("docs"), 0o644)
	tx, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	tx.WriteFile("index.html", []byte("x"))
	tx.Abort()
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("after an aborted build the folder holds %v", entries)
	}
}

func TestConcurrentBuildsAreRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	write(t, dir, map[string]string{"index.html": "v1"})
	before := tree(t, dir)
	first, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	first.WriteFile("index.html", []byte("v2"))
	_, err = Begin(dir)
	if want := "another samkat build is writing to " + dir + "; wait for it to finish and build again"; err == nil || err.Error() != want {
		t.Errorf("second Begin: err = %v, want %s", err, want)
	}
	sameTree(t, "second build", tree(t, dir), before)
	first.Abort()
	second, err := Begin(dir)
	if err != nil {
		t.Fatalf("Begin after the first finished: %v", err)
	}
	second.Abort()
}

// TestKilledWhileMovingIn stops Commit after each number of moves as a
// kill would, and checks that the next build puts the previous site back
// byte for byte before it goes on.
func TestKilledWhileMovingIn(t *testing.T) { eachWay(t, testKilledWhileMovingIn) }

func testKilledWhileMovingIn(t *testing.T, w way) {
	v1 := map[string]string{"index.html": "v1", "a/same.html": "same", "gone/index.html": "old", "data": "a file"}
	v2 := map[string]string{"index.html": "v2", "a/same.html": "same", "new/index.html": "new", "data/x.json": "{}"}
	for crash := 1; ; crash++ {
		dir := filepath.Join(t.TempDir(), "public")
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, "CNAME"), []byte("x"), 0o644)
		w.write(t, dir, v1)
		before := tree(t, dir)
		tx, err := w.begin(dir)
		if err != nil {
			t.Fatal(err)
		}
		for name, data := range v2 {
			if err := w.put(tx, name, []byte(data)); err != nil {
				t.Fatal(err)
			}
		}
		tx.crashAfter = crash
		if _, err := tx.Commit(); err == nil {
			if crash < 4 {
				t.Errorf("Commit made only %d moves", crash-1)
			}
			break // every move done: nothing left to crash in
		} else if !errors.Is(err, errCrash) {
			t.Fatalf("crash after %d: %v", crash, err)
		}
		again, err := w.begin(dir)
		if err != nil {
			t.Fatalf("crash after %d: Begin: %v", crash, err)
		}
		sameTree(t, "after a crash and recovery", tree(t, dir), before)
		if got := stateEntries(t, dir); strings.Join(got, " ") != "lock manifest.json" {
			t.Errorf("crash after %d: .samkat holds %v after recovery", crash, got)
		}
		again.Abort()
	}
}

func TestBeginRefusesAFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "public")
	os.WriteFile(p, []byte("x"), 0o644)
	if _, err := Begin(p); err == nil || err.Error() != "refusing to write the site to "+p+": it exists and is not a folder" {
		t.Errorf("Begin on a file: %v", err)
	}
}

// TestSymlinkOutputIsWrittenThrough: a link as the output folder is
// followed, the link stays, and its target gets the site.
func TestSymlinkOutputIsWrittenThrough(t *testing.T) {
	base := t.TempDir()
	target := filepath.Join(base, "www", "site")
	os.MkdirAll(target, 0o755)
	link := filepath.Join(base, "public")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	write(t, link, map[string]string{"index.html": "v1"})
	write(t, link, map[string]string{"index.html": "v2"})
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(target, "index.html")); string(b) != "v2" {
		t.Errorf("target holds %q", b)
	}
}

// TestLinksInsideTheOutputAreNotFollowed: a link inside the output to a
// folder elsewhere is in the way; nothing is written through it.
func TestLinksInsideTheOutputAreNotFollowed(t *testing.T) {
	eachWay(t, testLinksInsideTheOutputAreNotFollowed)
}

func testLinksInsideTheOutputAreNotFollowed(t *testing.T, w way) {
	base := t.TempDir()
	elsewhere := filepath.Join(base, "elsewhere")
	os.MkdirAll(elsewhere, 0o755)
	dir := filepath.Join(base, "public")
	os.MkdirAll(dir, 0o755)
	if err := os.Symlink(elsewhere, filepath.Join(dir, "data")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	tx, err := w.begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	w.put(tx, "data/x.json", []byte("{}"))
	want := "refusing to overwrite data in " + dir + ": samkat did not write it (not a folder, and the site needs one there); move it away or delete it and build again"
	if _, err := tx.Commit(); err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("wrote %v outside the output", entries)
	}
}

// TestLinksInTheStagingFolderAreNotFollowed: a link that appears in the
// staging folder while the build writes there, where a folder of the
// site's is or is yet to be made, is not written through; the write
// fails or goes to the folder the build made.
func TestLinksInTheStagingFolderAreNotFollowed(t *testing.T) {
	eachWay(t, testLinksInTheStagingFolderAreNotFollowed)
}

func testLinksInTheStagingFolderAreNotFollowed(t *testing.T, w way) {
	tx, dir, elsewhere := beginBesideElsewhere(t, w)
	// More folders than are kept open: the last ones are closed
	// once written and opened again for the next file.
	for i := range 2 * keepOpen {
		if err := w.put(tx, fmt.Sprintf("f%d/index.html", i), []byte("x")); err != nil {
			t.Fatal(err)
		}
	}
	staging := filepath.Join(dir, stagingDir)
	if err := os.Symlink(elsewhere, filepath.Join(staging, "new")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := w.put(tx, "new/index.html", []byte("x")); err == nil {
		t.Error("wrote through a link where the build makes a folder")
	}
	for _, moved := range []string{"f0", fmt.Sprint("f", 2*keepOpen-1)} {
		if err := os.Rename(filepath.Join(staging, moved), filepath.Join(staging, moved+"-moved")); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(elsewhere, filepath.Join(staging, moved)); err != nil {
			t.Fatal(err)
		}
		w.put(tx, moved+"/more.html", []byte("x"))
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("wrote %v through a link", entries)
	}
	if err := tx.Abort(); err != nil {
		t.Fatal(err)
	}
}

func TestCheckOutput(t *testing.T) {
	base := t.TempDir()
	cat := filepath.Join(base, "katalog")
	for _, d := range []string{"content", "layouts", "static", ".git", "docs"} {
		os.MkdirAll(filepath.Join(cat, d), 0o755)
	}
	os.WriteFile(filepath.Join(cat, "fil"), nil, 0o644)
	os.Symlink(filepath.Join(cat, "content"), filepath.Join(base, "lank"))
	def := filepath.Join(cat, "public")
	for _, c := range []struct{ out, want string }{
		{cat, "refusing to write the site to " + cat + ": it is the catalogue folder itself; choose another output folder (the default is " + def + ")"},
		{cat + "/", "refusing to write the site to " + cat + "/: it is the catalogue folder itself; choose another output folder (the default is " + def + ")"},
		{base, "refusing to write the site to " + base + ": it contains the catalogue folder " + cat + ", which the build would mix the site into; choose a folder outside it (the default is " + def + ")"},
		{"/", "refusing to write the site to /: it contains the catalogue folder " + cat + ", which the build would mix the site into; choose a folder outside it (the default is " + def + ")"},
		{filepath.Join(cat, "content"), "refusing to write the site to " + filepath.Join(cat, "content") + ": it lies inside the catalogue's content/ folder, which the build reads; choose a folder outside it (the default is " + def + ")"},
		{filepath.Join(cat, "layouts", "ut"), "refusing to write the site to " + filepath.Join(cat, "layouts", "ut") + ": it lies inside the catalogue's layouts/ folder, which the build reads; choose a folder outside it (the default is " + def + ")"},
		{filepath.Join(cat, "static"), "refusing to write the site to " + filepath.Join(cat, "static") + ": it lies inside the catalogue's static/ folder, which the build reads; choose a folder outside it (the default is " + def + ")"},
		{filepath.Join(cat, ".git"), "refusing to write the site to " + filepath.Join(cat, ".git") + ": it lies inside the catalogue's .git/ folder, which the build reads; choose a folder outside it (the default is " + def + ")"},
		{filepath.Join(base, "lank", "x"), "refusing to write the site to " + filepath.Join(base, "lank", "x") + ": it lies inside the catalogue's content/ folder, which the build reads; choose a folder outside it (the default is " + def + ")"},
		{filepath.Join(cat, "fil"), "refusing to write the site to " + filepath.Join(cat, "fil") + ": it exists and is not a folder"},
		{def, ""},
		{filepath.Join(cat, "docs"), ""},
		{filepath.Join(base, "ut", "public"), ""},
		{filepath.Join(cat, "contentx"), ""},
	} {
		err := CheckOutput(cat, c.out)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("CheckOutput(%s):\n got %s\nwant %s", c.out, got, c.want)
		}
	}
	// "-o ." run from the catalogue folder.
	t.Chdir(cat)
	want := "refusing to write the site to .: it is the catalogue folder itself; choose another output folder (the default is public)"
	if err := CheckOutput(".", "."); err == nil || err.Error() != want {
		t.Errorf("CheckOutput(., .) = %v, want %s", err, want)
	}
}

func TestKeptNotice(t *testing.T) {
	m := KeptNotice("public", []string{".git", "CNAME", "a", "b", "c", "d", "e", "f", "g", "h"})
	if got, want := m.In(msg.En), "public was not made by samkat; keeping what it already holds: .git, CNAME, a, b, c, d, e, f and 2 more"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	if got, want := m.In(msg.Sv), "public skapades inte av samkat; det som redan finns där behålls: .git, CNAME, a, b, c, d, e, f och 2 till"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

// TestOutputNamesAreLiteral: an output named like a pattern touches
// nothing of a folder whose name the pattern would match.
func TestOutputNamesAreLiteral(t *testing.T) { eachWay(t, testOutputNamesAreLiteral) }

func testOutputNamesAreLiteral(t *testing.T, w way) {
	parent := t.TempDir()
	other := filepath.Join(parent, "ab")
	w.write(t, other, map[string]string{"index.html": "other"})
	os.MkdirAll(filepath.Join(other, stagingDir, "x"), 0o755) // as a build in progress there has it
	before := tree(t, other)
	os.WriteFile(filepath.Join(parent, ".ab.samkat-lock"), nil, 0o644)
	os.WriteFile(filepath.Join(parent, ".a*.samkat-lock"), nil, 0o644) // left by an older samkat
	w.write(t, filepath.Join(parent, "a*"), map[string]string{"index.html": "mine"})
	if _, err := os.Stat(filepath.Join(parent, ".a*.samkat-lock")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the lock file an older samkat left beside the output: %v", err)
	}
	if _, err := os.Stat(filepath.Join(parent, ".ab.samkat-lock")); err != nil {
		t.Errorf("another output's old lock file: %v", err)
	}
	sameTree(t, "the other output", tree(t, other), before)
	if _, err := os.Stat(filepath.Join(other, stagingDir, "x")); err != nil {
		t.Errorf("the other output's staging folder: %v", err)
	}
}

// TestAncestorIs: the comparison by identity that catches other spellings
// of a folder (case-insensitive file systems, bind mounts); here only
// plain paths, which is what a Linux test machine can make.
func TestAncestorIs(t *testing.T) {
	base := t.TempDir()
	deep := filepath.Join(base, "a", "b")
	os.MkdirAll(deep, 0o755)
	if !ancestorIs(filepath.Join(deep, "not", "there"), filepath.Join(base, "a")) || !ancestorIs(deep, deep) {
		t.Error("an ancestor was not found")
	}
	if ancestorIs(filepath.Join(base, "a"), deep) || ancestorIs(deep, filepath.Join(base, "missing")) {
		t.Error("a folder below, or a missing one, counted as an ancestor")
	}
}
