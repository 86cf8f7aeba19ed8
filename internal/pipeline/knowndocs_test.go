package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/search"
)

// TestKnownDocsMakeTheIndex: the documents knownOf makes to tell which
// analyses are usable are search.FromCatalogue's, and the search index is
// made of those (not of documents made once more): a name changed in them
// is the one the index holds.
func TestKnownDocsMakeTheIndex(t *testing.T) {
	ctx := context.Background()
	dir, out := filepath.Join(t.TempDir(), "catalogue"), filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(dir, os.DirFS("testdata/small")); err != nil {
		t.Fatal(err)
	}
	opt := benchOptions()
	if res, err := Dir(ctx, dir, out, opt); err != nil {
		t.Fatalf("first build: %v\n%s", err, diagText(res))
	}
	// As Dir starts a build into the previous output.
	tx, err := publish.Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Abort()
	r := loadCache(tx, opt.Version).start()
	r.state, r.version = tx, opt.Version
	defer r.wait()
	src := os.DirFS(dir)
	p, res, err := prepare(ctx, src, opt, r, nil)
	if err != nil {
		t.Fatalf("%v\n%s", err, diagText(res))
	}
	k := knownOf(p.cat, opt.Now, p.fileKeys, r)
	if k == nil || k.trusted == nil {
		t.Fatal("the cache knows no analyses")
	}
	if want := search.FromCatalogue(p.cat, opt.Now, nil); !reflect.DeepEqual(k.docs, want) {
		t.Fatalf("knownOf's documents are not search.FromCatalogue's")
	}
	const name = "Xylofonlotsarna i Testbygd"
	k.docs[0].Name = name
	files, err := searchIndexKnown(ctx, p.cat, opt.Now, p.text, r, k)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, b := range files {
		found = found || strings.Contains(string(b), name)
	}
	if !found {
		t.Errorf("the index does not hold the name of knownOf's documents")
	}
}
