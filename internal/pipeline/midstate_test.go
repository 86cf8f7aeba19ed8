package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/samkat/samkat/internal/synth"
)

// TestOpenDataHashedFromMidstates: the open data of 600 activities (some
// 2 MB a file, so that its SHA-256 is kept every MiB for the next build)
// rebuilt after a body changed, after an activity moved to the front of
// the order (its namn), with nothing changed and back again: the site is
// a cold build's each time, and the manifest has the SHA-256 and size of
// every file as it is on disk.
func TestOpenDataHashedFromMidstates(t *testing.T) {
	src := synth.Catalogue(600)
	names := synth.Activities(src)
	mid, last := names[len(names)/2], names[len(names)-1]
	s := newIncremental(t, src)
	if res, err := Dir(context.Background(), s.dir, s.out, s.opt); err != nil {
		t.Fatalf("first build: %v\n%s", err, diagText(res))
	}
	manifestTrue(t, s.out)
	if _, err := os.Stat(filepath.Join(s.out, ".samkat", "sha256-midstates")); err != nil {
		t.Fatalf("no midstates kept: %v", err)
	}
	for _, c := range []struct {
		what string
		do   func()
	}{
		{"a body changed", func() { s.edit(mid, "\n## Syfte\n", "\nEn rad till.\n\n## Syfte\n") }},
		{"the last activity first", func() { s.edit(last, "\nnamn: ", "\nnamn: Aaa ") }},
		{"nothing", func() {}},
		{"the body changed again", func() { s.edit(mid, "\nEn rad till.\n", "\nEn rad till, och en till.\n") }},
		{"the last activity last again", func() { s.edit(last, "\nnamn: Aaa ", "\nnamn: ") }},
	} {
		c.do()
		s.check(c.what)
		manifestTrue(t, s.out)
	}
}

// manifestTrue checks that out's manifest has the size and SHA-256 of
// each file as it is.
func manifestTrue(t *testing.T, out string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, ".samkat", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Files map[string]struct {
			Size int64  `json:"size"`
			Hash string `json:"sha256"`
		} `json:"files"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Files) == 0 {
		t.Fatal("the manifest lists no files")
	}
	for name, e := range m.Files {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != e.Hash || int64(len(data)) != e.Size {
			t.Errorf("%s: the manifest has %s, %d bytes; the file is %s, %d bytes", name, e.Hash, e.Size, got, len(data))
		}
	}
}
