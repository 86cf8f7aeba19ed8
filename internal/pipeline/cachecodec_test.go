package pipeline

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"maps"
	"os"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/samkat/samkat/internal/load"
	"github.com/samkat/samkat/internal/search"
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

// oldSealCache is sealCache as it was written with a bytes.Buffer: the
// file format appendSealed must keep.
func oldSealCache(stamp string, entries []byte) []byte {
	var buf bytes.Buffer
	buf.WriteString(cacheMagic)
	binary.Write(&buf, binary.LittleEndian, uint32(cacheFormat))
	binary.Write(&buf, binary.LittleEndian, uint32(len(stamp)))
	buf.WriteString(stamp)
	binary.Write(&buf, binary.LittleEndian, uint32(len(entries)))
	buf.Write(entries)
	binary.Write(&buf, binary.LittleEndian, crc32.Checksum(buf.Bytes(), cacheSumTable))
	return buf.Bytes()
}

// TestAppendSealedAsBefore: a cache file made in a buffer that held
// another file, or something before it, has the bytes it had when it was
// made alone, and the cache-search entries appended have the bytes of
// each analysis's MarshalBinary.
func TestAppendSealedAsBefore(t *testing.T) {
	docs := []search.Doc{{Name: "Lotsen", Text: [4]string{"Lotsen", "Stöd till unga vuxna i Borås"}}, {Name: "Ett", Text: [4]string{"Ett", "två tre"}}, {Name: "Tom"}}
	_, analyses, err := search.BuildReusing(context.Background(), docs, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[site.Key]*search.Analysis{}
	for i, a := range analyses {
		byKey[site.Key{byte(3 - i), 7}] = a
	}
	var want []byte
	want = binary.AppendUvarint(want, uint64(len(byKey)))
	for _, k := range slices.SortedFunc(maps.Keys(byKey), func(a, b site.Key) int { return bytes.Compare(a[:], b[:]) }) {
		data, _ := byKey[k].MarshalBinary()
		want = append(want, k[:]...)
		want = binary.AppendUvarint(want, uint64(len(data)))
		want = append(want, data...)
	}
	if got := encodeAnalyses(byKey); !bytes.Equal(got, want) {
		t.Errorf("encodeAnalyses = %q,\nwant %q", got, want)
	}
	var file []byte
	for _, c := range []struct {
		stamp   string
		entries []byte
	}{{"samkat test", want}, {"", nil}, {"samkat x", []byte("kort")}, {"samkat y", bytes.Repeat([]byte{0xff}, 70000)}} {
		w := oldSealCache(c.stamp, c.entries)
		if got := sealCache(c.stamp, c.entries); !bytes.Equal(got, w) {
			t.Errorf("%q: sealCache differs from the format", c.stamp)
		}
		file = appendSealed(file[:0], c.stamp, func(b []byte) []byte { return append(b, c.entries...) })
		if !bytes.Equal(file, w) {
			t.Errorf("%q: the file made in the buffer of the one before differs", c.stamp)
		}
		prefix := []byte("before")
		if got := appendSealed(prefix, c.stamp, func(b []byte) []byte { return append(b, c.entries...) }); !bytes.Equal(got, append(prefix, w...)) {
			t.Errorf("%q: the file appended after other bytes differs", c.stamp)
		}
	}
	prefix := []byte("x")
	if got := appendAnalyses(prefix, byKey); !bytes.Equal(got, append([]byte("x"), want...)) {
		t.Errorf("appendAnalyses after other bytes = %q", got)
	}
}

// TestAppendShardInOneBuffer: cache-parsed files made one after another
// in the same buffers (as the build writes them) have the bytes of each
// made alone, whether their entries were encoded before or are encoded
// now; a shard with an entry it cannot keep is refused.
func TestAppendShardInOneBuffer(t *testing.T) {
	r := &parsedRecorder{parsed: map[site.Key]load.Parsed{}}
	if _, _, err := load.CatalogueReusing(context.Background(), os.DirFS("testdata/small"), r); err != nil {
		t.Fatal(err)
	}
	var keys []site.Key
	for k, p := range r.parsed {
		if len(p.Diags) == 0 {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b site.Key) int { return bytes.Compare(a[:], b[:]) })
	if len(keys) < 4 {
		t.Fatalf("only %d files parsed", len(keys))
	}
	// Two shards of the keys; the first key's entry encoded before.
	alone, err := encodeShard(keys[:1], nil, r.parsed, nil)
	if err != nil {
		t.Fatal(err)
	}
	encoded := map[site.Key]string{}
	if _, err := splitShard(encoded, alone); err != nil {
		t.Fatal(err)
	}
	shards := [][]site.Key{keys[:len(keys)/2], keys[len(keys)/2:], keys[1:2]}
	bodyAt := map[site.Key]bodySpan{keys[1]: {}}
	var file, tmp []byte
	for i, sh := range shards {
		want, err := encodeShard(sh, encoded, r.parsed, bodyAt)
		if err != nil {
			t.Fatal(err)
		}
		file = appendSealed(file[:0], "samkat test", func(b []byte) []byte {
			b, tmp, err = appendShard(b, tmp, sh, encoded, r.parsed, bodyAt)
			return b
		})
		if err != nil {
			t.Fatal(err)
		}
		// The positions of an entry are written in the order of a map's
		// range, so a shard's bytes differ from one encoding to the next:
		// the two files are compared by what they read back as.
		got, err := openCache(file, "samkat test")
		if err != nil {
			t.Fatalf("shard %d: the file made in the buffers of the one before is refused: %v", i, err)
		}
		if len(got) != len(want) {
			t.Errorf("shard %d: %d bytes of entries, want %d", i, len(got), len(want))
		}
		gotEntries, wantEntries := map[site.Key]string{}, map[site.Key]string{}
		gotKeys, err1 := splitShard(gotEntries, got)
		_, err2 := splitShard(wantEntries, want)
		if err1 != nil || err2 != nil || !slices.Equal(gotKeys, sh) {
			t.Fatalf("shard %d: keys %x (%v, %v), want %x", i, gotKeys, err1, err2, sh)
		}
		for _, k := range sh {
			var g, w parsedEntry
			_, _, gs, ok1 := cutBodySpan(gotEntries[k])
			_, _, ws, ok2 := cutBodySpan(wantEntries[k])
			if !ok1 || !ok2 || readEntry(gs, &g) != nil || readEntry(ws, &w) != nil || !reflect.DeepEqual(g, w) {
				t.Errorf("shard %d: the entry %x reads back otherwise", i, k[:4])
			}
		}
	}
	missing := append(slices.Clone(keys[:2]), site.Key{0xff})
	if b, err := encodeShard(missing, nil, r.parsed, nil); err == nil || b != nil {
		t.Errorf("a shard with a key not parsed: %d bytes, %v", len(b), err)
	}
	// In the buffers of the files before, as the build makes it.
	appendSealed(file[:0], "samkat test", func(b []byte) []byte {
		b, tmp, err = appendShard(b, tmp, missing, nil, r.parsed, nil)
		return b
	})
	if err == nil {
		t.Error("appendShard kept a shard with a key not parsed")
	}
}
