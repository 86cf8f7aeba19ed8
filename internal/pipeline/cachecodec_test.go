package pipeline

import (
	"bytes"
	"context"
	"os"
	"reflect"
	"sync"
	"testing"

	"github.com/samkat/samkat/internal/load"
	"github.com/samkat/samkat/internal/site"
)

// parsedRecorder keeps what load made of each file, as the cache does.
type parsedRecorder struct {
	mu     sync.Mutex
	parsed map[site.Key]load.Parsed
}

func (r *parsedRecorder) Reused(string, []byte) (load.Parsed, bool) { return load.Parsed{}, false }

func (r *parsedRecorder) Parsed(name string, src []byte, p load.Parsed) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.parsed[(&run{}).fileSum(name, src)] = p
}

// TestParsedFileRoundTrip: what the cache file holds of a parsed file
// reads back as it was written, every field, for every file of the
// repository's catalogue and of the test catalogues. (A false egenanmalan
// once read back as none: the activity page lost its fact.)
func TestParsedFileRoundTrip(t *testing.T) {
	dirs := []string{"../..", "testdata/small"}
	if entries, err := os.ReadDir("../../tests/catalogues"); err == nil {
		for _, e := range entries {
			if e.IsDir() {
				dirs = append(dirs, "../../tests/catalogues/"+e.Name())
			}
		}
	}
	for _, dir := range dirs {
		r := &parsedRecorder{parsed: map[site.Key]load.Parsed{}}
		if _, _, err := load.CatalogueReusing(context.Background(), os.DirFS(dir), r); err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		b, err := encodeParsed(r.parsed)
		if err != nil {
			t.Fatal(err)
		}
		back, err := decodeParsed(b)
		if err != nil {
			t.Fatal(err)
		}
		for k, want := range r.parsed {
			if len(want.Diags) > 0 {
				continue // not kept in the file
			}
			got, ok := back[k]
			if !ok {
				t.Errorf("%s: an entry is missing", dir)
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %s reads back otherwise:\n got %#v\nwant %#v", dir, nameOf(want), got, want)
			}
		}
	}
}

func nameOf(p load.Parsed) string {
	switch {
	case p.Activity != nil:
		return p.Activity.File
	case p.Page != nil:
		return p.Page.File
	case p.Index != nil:
		return p.Index.File
	}
	return "?"
}

// TestOpenCacheRefusesDamage: a cache file with any byte changed, or cut
// short anywhere, is refused; the file as sealed is read back.
func TestOpenCacheRefusesDamage(t *testing.T) {
	entries := []byte("some entries, as the cache would hold them\x00\xff")
	b := sealCache("samkat test", entries)
	if got, err := openCache(b, "samkat test"); err != nil || !bytes.Equal(got, entries) {
		t.Fatalf("openCache(sealCache) = %q, %v", got, err)
	}
	if _, err := openCache(b, "another samkat"); err == nil {
		t.Error("the file of another samkat is read")
	}
	for i := range b {
		for _, flip := range []byte{0x01, 0x80, 0xff} {
			d := bytes.Clone(b)
			d[i] ^= flip
			if _, err := openCache(d, "samkat test"); err == nil {
				t.Errorf("byte %d ^ %#x: the damaged file is read", i, flip)
			}
		}
		if _, err := openCache(b[:i], "samkat test"); err == nil {
			t.Errorf("cut at %d: the file is read", i)
		}
	}
}
