package pipeline

import (
	"crypto/sha256"
	"encoding/binary"
	"hash/crc32"
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/render"
	"github.com/samkat/samkat/internal/site"
)

// A booklet written again after one change is mostly the entries of the
// previous one: the booklet of a municipality prints some 600 activities
// at 10,000, and converting their bodies and rendering and minifying
// their entries was a quarter of the rebuild. So, as for the open data's
// records (records.go), the cache file says where each entry, as it was
// spliced into the booklet (render.Splice), is in the files of the build
// that wrote it: its key (site.Entry.Key with the layouts), offset,
// length and CRC-32C. A booklet that is rendered again takes from the
// previous build's file each entry whose key is the same and whose bytes
// are the ones written, and its activity's body is not converted for it;
// the others are rendered as before.

// bookletEntries takes the entries of the booklets a build renders from
// the previous build's files, and records where this build writes them.
// A nil *bookletEntries takes and records nothing.
type bookletEntries struct {
	r    *run
	rend *render.Renderer
	salt site.Key // what an entry's bytes are made of besides its site.Entry.Key
	prev previousOpener
	// spans say where the entries are in the previous build's files, by
	// path, packed (nil: none to take).
	spans map[string][]byte

	mu sync.Mutex
	// keys are the keys of the entries of each booklet rendered, by path
	// and ID; made where this build writes them.
	keys map[string]map[string]site.Key
	made map[string][]recordSpan
}

// bookletEntries returns the bookletEntries of a build with the cache of
// one build into out, which starts from the version base and renders
// with rend: nil without such a cache, or when rend splices no entries.
// layout and plain say what the bytes of a page are made of besides its
// view (keeping.layout, emitter.plainPages).
func (r *run) bookletEntries(out publish.Writer, base string, rend *render.Renderer, layout site.Key, plain bool) *bookletEntries {
	if r == nil || !r.c.oneBuild || !rend.Splicing() {
		return nil
	}
	h := sha256.New()
	writeString(h, "samkat booklet entry 1")
	writeKey(h, layout)
	writeString(h, strconv.FormatBool(plain))
	be := &bookletEntries{r: r, rend: rend, salt: sumOf(h), keys: map[string]map[string]site.Key{}, made: map[string][]recordSpan{}}
	r.c.mu.Lock()
	if base != "" && r.c.base == base {
		be.spans = r.c.entries
	}
	r.c.mu.Unlock()
	if prev, ok := out.(previousOpener); ok && be.spans != nil {
		be.prev = prev
	}
	return be
}

// entryKey is the key an entry of key k is recorded by.
func (be *bookletEntries) entryKey(k site.Key) site.Key {
	h := sha256.New()
	writeKey(h, be.salt)
	writeKey(h, k)
	return sumOf(h)
}

// take looks up the entries of pg, a page to render: it returns those it
// takes from the previous build's file, minified, by ID, and the files
// whose bodies need not be converted for them. It records the keys of
// pg's entries, for record.
func (be *bookletEntries) take(pg site.Page) (taken map[string][]byte, files map[string]bool) {
	if be == nil {
		return nil, nil
	}
	entries := pg.Entries()
	if entries == nil {
		return nil, nil
	}
	keys := make(map[string]site.Key, len(entries))
	for _, e := range entries {
		keys[e.ID] = be.entryKey(e.Key)
	}
	be.mu.Lock()
	be.keys[pg.Path] = keys
	be.mu.Unlock()
	old := be.previous(pg.Path)
	if old == nil {
		return nil, nil
	}
	defer old.f.Close()
	taken, files = map[string][]byte{}, map[string]bool{}
	for _, e := range entries {
		if b, _ := old.read(keys[e.ID]); b != nil {
			taken[e.ID] = slices.Clone(b)
			files[e.File] = true
		}
	}
	be.r.entriesTaken.Add(int64(len(taken)))
	return taken, files
}

// previous returns the reader of the entries of the previous build's
// file path, or nil when there is none to read; the caller closes its
// file.
func (be *bookletEntries) previous(path string) *spanReader {
	spans := unpackSpans(be.spans[path])
	if be.prev == nil || len(spans) == 0 {
		return nil
	}
	f, err := be.prev.OpenPrevious(path)
	if err != nil {
		return nil
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil
	}
	s := &spanReader{f: f, size: info.Size(), pos: -1, spans: make(map[site.Key]recordSpan, len(spans))}
	for _, sp := range spans {
		s.spans[sp.Key] = sp
	}
	return s
}

// use gives the entries of v that take took (taken) their bytes, for the
// renderer to splice them in rather than render them.
func (be *bookletEntries) use(v site.View, taken map[string][]byte) {
	bv, ok := v.(*site.BookletView)
	if !ok || len(taken) == 0 {
		return
	}
	for s := range bv.Sections {
		for i := range bv.Sections[s].Activities {
			a := &bv.Sections[s].Activities[i]
			if b, ok := taken[a.ID]; ok && a.HTML == "" {
				a.HTML = be.rend.Reuse(a.ID, b)
				a.Body = ""
			}
		}
	}
}

// record returns what render.SpliceEach calls for each entry of the page
// name as it is written, and what to call once the page is written whole;
// nil, nil for a page whose entries take did not look up.
func (be *bookletEntries) record(name string) (each func(id string, at int64, entry []byte), written func()) {
	if be == nil {
		return nil, nil
	}
	be.mu.Lock()
	keys, ok := be.keys[name]
	be.mu.Unlock()
	if !ok {
		return nil, nil
	}
	var made []recordSpan
	each = func(id string, at int64, entry []byte) {
		if k, ok := keys[id]; ok {
			made = append(made, recordSpan{Key: k, At: at, Len: int64(len(entry)), Sum: crc32.Checksum(entry, castagnoli)})
		}
	}
	written = func() {
		be.mu.Lock()
		be.made[name] = made
		be.mu.Unlock()
	}
	return each, written
}

// done hands the cache where the entries of the booklets among pages (the
// site's) are: in the files written, where record saw them; in those
// kept, where the previous build wrote them.
func (be *bookletEntries) done(pages []site.Page) {
	if be == nil {
		return
	}
	be.mu.Lock()
	defer be.mu.Unlock()
	entries := map[string][]byte{}
	for _, pg := range pages {
		if spans, ok := be.made[pg.Path]; ok {
			if len(spans) > 0 {
				entries[pg.Path] = packSpans(spans)
			}
		} else if _, rendered := be.keys[pg.Path]; !rendered && len(be.spans[pg.Path]) > 0 {
			entries[pg.Path] = be.spans[pg.Path]
		}
	}
	be.r.entries = entries
}

// packSpans packs spans for the cache file: the spans of a booklet are
// one string of bytes there, unpacked only when the booklet is made again
// (when the cache file was written by encoding/gob, which writes an
// array of 32 bytes byte by byte, the 20,000 entries of 10,000 activities
// cost more than the rest of the cache file).
func packSpans(spans []recordSpan) []byte {
	b := make([]byte, 0, len(spans)*(len(site.Key{})+12))
	for _, sp := range spans {
		b = append(b, sp.Key[:]...)
		b = binary.AppendUvarint(b, uint64(sp.At))
		b = binary.AppendUvarint(b, uint64(sp.Len))
		b = binary.LittleEndian.AppendUint32(b, sp.Sum)
	}
	return b
}

// unpackSpans reads what packSpans wrote; nil when b is not that.
func unpackSpans(b []byte) []recordSpan {
	var spans []recordSpan
	for len(b) > 0 {
		var sp recordSpan
		if len(b) < len(sp.Key) {
			return nil
		}
		copy(sp.Key[:], b)
		b = b[len(sp.Key):]
		at, n := binary.Uvarint(b)
		if n <= 0 || at > math.MaxInt64 {
			return nil
		}
		b = b[n:]
		size, n := binary.Uvarint(b)
		if n <= 0 || size > math.MaxInt64 || len(b) < n+4 {
			return nil
		}
		sp.At, sp.Len, sp.Sum = int64(at), int64(size), binary.LittleEndian.Uint32(b[n:])
		b = b[n+4:]
		spans = append(spans, sp)
	}
	return spans
}
