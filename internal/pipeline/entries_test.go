package pipeline

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/site"
)

// bookletFiles returns the booklets of an output folder (the whole
// catalogue's, a municipality's or a förbund's) that hold text, by path.
func bookletFiles(t *testing.T, dir, text string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for name, b := range siteFiles(t, dir) {
		if (strings.HasPrefix(name, "utskrift/") || strings.HasPrefix(name, "forbund/") && strings.HasSuffix(name, "/utskrift/index.html")) &&
			bytes.Contains(b, []byte(text)) {
			out[name] = b
		}
	}
	return out
}

// TestBookletEntriesFromPreviousFiles: after one activity's body changed,
// samkat build writes the booklets that print it with every other entry
// taken from the previous build's files, and they are those of a cold
// build.
func TestBookletEntriesFromPreviousFiles(t *testing.T) {
	src, from, _ := bookletCatalogue(t, site.BookletMaxActivities+1)
	s := newIncremental(t, src)
	if res, err := Dir(context.Background(), s.dir, s.out, s.opt); err != nil {
		t.Fatalf("first build: %v\n%s", err, diagText(res))
	}
	s.edit(from, "Se även", "Läs även")
	rebuilt := s.check("a body in the booklets")
	// Into the previous output, every entry of the booklets that print the
	// changed one but its own is taken (s.check finds none taken by the
	// cold build and by the build with nothing changed, which keeps the
	// booklets).
	booklets := bookletFiles(t, s.out, "Läs även")
	if len(booklets) < 2 {
		t.Fatalf("the changed activity is in %d booklets, want a municipality's and a förbund's", len(booklets))
	}
	want := int64(0)
	for _, b := range booklets {
		want += int64(bytes.Count(b, []byte("data-activity"))) - 1
	}
	if got := rebuilt.taken.entries; got != want {
		t.Errorf("%d entries taken from the previous booklets, want %d", got, want)
	}
}

// The spans of a booklet's entries, packed for the cache file, unpack to
// the same; a truncated pack unpacks to none.
func TestPackedSpans(t *testing.T) {
	spans := []recordSpan{
		{Key: site.Key{1, 2, 3}, At: 0, Len: 1, Sum: 0xdeadbeef},
		{Key: site.Key{31: 9}, At: 1 << 40, Len: 300, Sum: 7},
	}
	b := packSpans(spans)
	if got := unpackSpans(b); !slices.Equal(got, spans) {
		t.Errorf("unpacked %v, want %v", got, spans)
	}
	for n := range len(b) {
		if got := unpackSpans(b[:n]); n > 0 && got != nil && len(got) != 1 {
			t.Errorf("%d bytes of %d unpacked to %v", n, len(b), got)
		}
	}
	if got := unpackSpans(b[:len(b)-1]); got != nil {
		t.Errorf("a truncated pack unpacked to %v", got)
	}
}
