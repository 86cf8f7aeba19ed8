package pipeline

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/samkat/samkat/internal/site"
)

// sampleCacheFile is a cache file's entries with some of everything, n
// of most: keys of many bytes, offsets past 32 bits, empty strings and
// spans.
func sampleCacheFile(n int) cacheFile {
	f := cacheFile{
		Base:      "b7c1e0",
		Outputs:   map[string]site.Key{},
		Clean:     map[site.Key]bool{},
		Records:   map[string][]recordSpan{},
		Summaries: map[site.Key]string{},
		Entries:   map[string][]byte{},
	}
	for i := range n {
		k := site.Key{byte(i), byte(i >> 8), 31: 0xff}
		f.Outputs[fmt.Sprintf("verksamheter/å-%d/index.html", i)] = k
		f.Clean[k] = true
		f.Summaries[k] = fmt.Sprintf("Sammanfattning %d, med ä och ö", i)
	}
	f.Summaries[site.Key{1: 7}] = ""
	f.Outputs[""] = site.Key{}
	f.Records["data/verksamheter.json"] = []recordSpan{{Key: site.Key{3}, At: 1 << 40, Len: 300, Sum: 0xdeadbeef}, {Key: site.Key{4}, At: 0, Len: 0, Sum: 0}}
	f.Records["data/verksamheter.csv"] = []recordSpan{}
	f.Entries["utskrift/alingsas/index.html"] = packSpans([]recordSpan{{Key: site.Key{9}, At: 12, Len: 34, Sum: 56}})
	f.Entries["utskrift/tom/index.html"] = []byte{}
	return f
}

// TestCacheFileRoundTrip: the cache file's entries read back as they
// were written, and the bodies that are not clean are left out, as
// before.
func TestCacheFileRoundTrip(t *testing.T) {
	f := sampleCacheFile(300)
	b, err := encodeOutputs(f)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeOutputs(b)
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if !reflect.DeepEqual(got, f) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, f)
	}
	f.Clean[site.Key{30: 1}] = false
	b, err = encodeOutputs(f)
	if err != nil {
		t.Fatal(err)
	}
	if got, err = decodeOutputs(b); err != nil || len(got.Clean) != len(f.Clean)-1 || got.Clean[site.Key{30: 1}] {
		t.Errorf("a body not clean read back as %v (%d clean, want %d): %v", got.Clean[site.Key{30: 1}], len(got.Clean), len(f.Clean)-1, err)
	}
	empty, err := encodeOutputs(cacheFile{})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := decodeOutputs(empty); err != nil || got.Base != "" || len(got.Outputs)+len(got.Clean)+len(got.Records)+len(got.Summaries)+len(got.Entries) != 0 {
		t.Errorf("an empty cache file read back as %+v, %v", got, err)
	}
}

// TestCacheFileDamaged: entries cut short, with bytes after them, or
// with a byte changed are refused or read as some cache file, never a
// panic (the CRC-32C of the whole file is checked first; this is what is
// left when it is not).
func TestCacheFileDamaged(t *testing.T) {
	b, err := encodeOutputs(sampleCacheFile(3))
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(b) {
		if _, err := decodeOutputs(b[:n]); err == nil {
			t.Fatalf("the entries cut to %d of %d bytes read without an error", n, len(b))
		}
	}
	if _, err := decodeOutputs(append(b[:len(b):len(b)], 0)); err == nil {
		t.Errorf("the entries with a byte after them read without an error")
	}
	for i := range len(b) {
		c := append([]byte(nil), b...)
		c[i] ^= 0xa5
		_, _ = decodeOutputs(c)
	}
	huge := []byte{0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}
	if _, err := decodeOutputs(huge); err == nil {
		t.Errorf("a count of 2^63 read without an error")
	}
}

func BenchmarkCacheFile(b *testing.B) {
	f := cacheFile{Outputs: map[string]site.Key{}, Clean: map[site.Key]bool{}, Records: map[string][]recordSpan{}, Summaries: map[site.Key]string{}}
	var spans []recordSpan
	for i := range 10000 {
		k := site.Key{byte(i), byte(i >> 8), 5: 1}
		f.Outputs[fmt.Sprintf("verksamheter/aktivitet-%d/index.html", i)] = k
		f.Clean[k] = true
		f.Summaries[k] = "En sammanfattning av verksamheten, som den står i flödet, med några ord till."
		spans = append(spans, recordSpan{Key: k, At: int64(i) * 4000, Len: 4000, Sum: uint32(i)})
	}
	f.Records["data/verksamheter.json"], f.Records["data/verksamheter.csv"] = spans, spans
	for b.Loop() {
		enc, err := encodeOutputs(f)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := decodeOutputs(enc); err != nil {
			b.Fatal(err)
		}
	}
}
