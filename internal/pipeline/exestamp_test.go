package pipeline

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestExeSumFrom: the hash a memo records is taken only for the identity
// it names; otherwise the executable is hashed, and the memo to keep is
// made only when the file was the same before and after the hashing.
func TestExeSumFrom(t *testing.T) {
	hashed := 0
	hash := func() string { hashed++; return "sum-of-bytes" }
	same := func() string { return "id-1" }
	for _, c := range []struct {
		name     string
		memo     []byte
		id       string
		again    func() string
		sum      string
		next     string
		hashings int
	}{
		{"the memo's file", []byte("id-1\nkept-sum"), "id-1", same, "kept-sum", "", 0},
		{"another file", []byte("id-2\nkept-sum"), "id-1", same, "sum-of-bytes", "id-1\nsum-of-bytes", 1},
		{"a file whose identity begins as the memo's", []byte("id-1\nkept-sum"), "id-", func() string { return "id-" }, "sum-of-bytes", "id-\nsum-of-bytes", 1},
		{"no memo", nil, "id-1", same, "sum-of-bytes", "id-1\nsum-of-bytes", 1},
		{"a memo without a hash", []byte("id-1\n"), "id-1", same, "sum-of-bytes", "id-1\nsum-of-bytes", 1},
		{"changed while hashed", nil, "id-1", func() string { return "id-3" }, "sum-of-bytes", "", 1},
		{"no identity", []byte("\nkept-sum"), "", func() string { return "" }, "sum-of-bytes", "", 1},
	} {
		hashed = 0
		sum, next := exeSumFrom(c.memo, c.id, hash, c.again)
		if sum != c.sum || string(next) != c.next || hashed != c.hashings {
			t.Errorf("%s: %q, memo %q, hashed %d times; want %q, %q, %d", c.name, sum, next, hashed, c.sum, c.next, c.hashings)
		}
	}
}

// TestFileIdentityChanges: a file written again in place with the same
// bytes, or replaced, is another file to fileIdentity.
func TestFileIdentityChanges(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the identity is known on Linux only")
	}
	p := filepath.Join(t.TempDir(), "samkat")
	write := func(p string) {
		t.Helper()
		if err := os.WriteFile(p, []byte("the same bytes"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(p)
	first := fileIdentity(p)
	if first == "" || fileIdentity(p) != first {
		t.Fatalf("the identity of an unchanged file is %q, then %q", first, fileIdentity(p))
	}
	time.Sleep(20 * time.Millisecond) // past the file system's clock tick
	write(p)
	inPlace := fileIdentity(p)
	if inPlace == first {
		t.Errorf("a file written again in place has the same identity %q", first)
	}
	// Replaced, and its times set back as they were.
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	write(p + ".new")
	if err := os.Chtimes(p+".new", info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(p+".new", p); err != nil {
		t.Fatal(err)
	}
	if id := fileIdentity(p); id == inPlace || id == "" {
		t.Errorf("a file replaced by one with the same bytes and times has the identity %q, before %q", id, inPlace)
	}
	if id := fileIdentity(filepath.Join(t.TempDir(), "none")); id != "" {
		t.Errorf("a missing file has the identity %q", id)
	}
}

// TestExeMemoTakenAndKept: a build into an output folder records which
// executable made its cache and its hash; the next build by the same
// file takes that hash rather than hashing the file (a memo with another
// hash for this file makes the cache another samkat's, so nothing of it
// is kept), and one by another file hashes it.
func TestExeMemoTakenAndKept(t *testing.T) {
	id := exeIdentity()
	if id == "" {
		t.Skip("the executable's identity is not known here")
	}
	dir, out := filepath.Join(t.TempDir(), "catalogue"), filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS("testdata/small")); err != nil {
		t.Fatal(err)
	}
	opt := benchOptions()
	build := func(what string) Result {
		t.Helper()
		res, err := Dir(context.Background(), dir, out, opt)
		if err != nil {
			t.Fatalf("%s: %v\n%s", what, err, diagText(res))
		}
		return res
	}
	memo := filepath.Join(out, ".samkat", exeFileName)
	build("first build")
	want := id + "\n" + exeSum()
	if b, err := os.ReadFile(memo); err != nil || string(b) != want {
		t.Fatalf("after the first build the memo is %q, %v; want %q", b, err, want)
	}
	if res := build("again"); res.Reused != res.Files {
		t.Errorf("a build with nothing changed and the memo kept %d of %d files", res.Reused, res.Files)
	}
	// The memo's hash is what the stamp is made of: another hash for this
	// file, and the cache is not this samkat's.
	if err := os.WriteFile(memo, []byte(id+"\n"+"another hash"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := build("with a memo of another hash"); res.Reused != 0 {
		t.Errorf("with a memo of another hash for this executable the build kept %d of %d files by the cache", res.Reused, res.Files)
	}
	if b, err := os.ReadFile(memo); err != nil || !bytes.Equal(b, []byte(id+"\nanother hash")) {
		t.Errorf("a memo taken was written again: %q, %v", b, err)
	}
	// A memo of another file: hashed, and the memo made again.
	if err := os.WriteFile(memo, []byte("another file\n"+exeSum()), 0o644); err != nil {
		t.Fatal(err)
	}
	build("with a memo of another file")
	if b, err := os.ReadFile(memo); err != nil || string(b) != want {
		t.Errorf("after a build with a memo of another file it is %q, %v; want %q", b, err, want)
	}
	if res := build("after that"); res.Reused != res.Files {
		t.Errorf("the build after kept %d of %d files", res.Reused, res.Files)
	}
}
