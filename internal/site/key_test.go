package site

import (
	"crypto/sha256"
	"reflect"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
)

// keyedInput is the test catalogue with a key for every content file.
func keyedInput(cat *catalog.Catalogue) Input {
	in := Input{Cat: cat, Now: catalog.Date{Year: 2026, Month: 3, Day: 1}, Version: "test", FileKeys: map[string]Key{}}
	in.FileKeys[cat.Index.File] = sha256.Sum256([]byte(cat.Index.File))
	for _, x := range cat.Activities {
		in.FileKeys[x.File] = sha256.Sum256([]byte(x.File))
	}
	for _, p := range cat.Pages {
		in.FileKeys[p.File] = sha256.Sum256([]byte(p.File))
	}
	return in
}

func TestKeysWithoutFileKeysAreZero(t *testing.T) {
	for _, pg := range Paths(Input{Cat: testCatalogue()}) {
		if pg.Key != (Key{}) {
			t.Fatalf("%s: key %x without file keys", pg.Path, pg.Key)
		}
	}
}

// Paths and Assemble give the same keys, Page.Build of a page from Paths
// the view Assemble makes, and every page its own key.
func TestPathsBuildAsAssemble(t *testing.T) {
	in := keyedInput(testCatalogue())
	paths, pages := Paths(in), Assemble(in)
	if len(paths) != len(pages) {
		t.Fatalf("%d paths, %d pages", len(paths), len(pages))
	}
	seen := map[Key]string{}
	for i := range pages {
		if paths[i].Key != pages[i].Key || paths[i].Key == (Key{}) {
			t.Errorf("%s: key %x from Paths, %x from Assemble", pages[i].Path, paths[i].Key, pages[i].Key)
		}
		if other, dup := seen[pages[i].Key]; dup {
			t.Errorf("%s and %s have the same key", other, pages[i].Path)
		}
		seen[pages[i].Key] = pages[i].Path
		if paths[i].View != nil {
			t.Errorf("%s: Paths made a view", paths[i].Path)
		}
		if got := paths[i].Build(); !reflect.DeepEqual(got, pages[i].View) {
			t.Errorf("%s: Build made another view than Assemble", pages[i].Path)
		}
	}
}

// A changed file changes the key of every page that shows it.
func TestKeyFollowsFile(t *testing.T) {
	in := keyedInput(testCatalogue())
	before := Paths(in)
	x := in.Cat.Activities[0]
	in.FileKeys[x.File] = sha256.Sum256([]byte("changed"))
	after := Paths(in)
	for i := range before {
		if before[i].URL == activityURL(x) && before[i].Key == after[i].Key {
			t.Errorf("%s: key unchanged after its file changed", before[i].Path)
		}
	}
}
