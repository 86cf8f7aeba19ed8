package pipeline

import (
	"bufio"
	"hash/crc32"
	"io"
	"os"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/export"
	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/site"
)

// The open data after one change is the previous build's file with one
// record made again. samkat build keeps no copy of the records: the cache
// file says where each record is in the files of the build that wrote it
// (its recordKey, offset, length and a CRC-32C of its bytes), and the next
// build reads the unchanged ones from those files, which stay in place
// until it commits. A file is read only while it is as that build left it
// (publish.Tx.OpenPrevious), and a record only when its bytes are the
// ones written (the CRC): else it is made again.

// recordSpan is where a record of the open data is in a file.
type recordSpan struct {
	Key site.Key // recordKey
	At  int64
	Len int64
	Sum uint32 // CRC-32C of the bytes
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// previousOpener is a writer that can give the files of the version it
// starts from (publish.Tx).
type previousOpener interface {
	OpenPrevious(name string) (*os.File, error)
}

// fileRecorder returns the recorder of a build with the cache of one
// build into out, which starts from the version base: it takes the
// records from base's files where the cache knows them. Otherwise it is
// recorder's.
func (r *run) fileRecorder(keys map[string]site.Key, out publish.Writer, base string) *recorder {
	if r == nil || !r.c.oneBuild || keys == nil {
		return r.recorder(keys)
	}
	rc := &recorder{r: r, keys: keys, made: map[string]*[]recordSpan{}}
	r.c.mu.Lock()
	if base != "" && r.c.base == base {
		rc.spans = r.c.spans
	}
	r.c.mu.Unlock()
	if prev, ok := out.(previousOpener); ok && rc.spans != nil {
		rc.prev = prev
	}
	return rc
}

// fromFile is record for a recorder of fileRecorder's.
func (rc *recorder) fromFile(f export.DataFormat, cat *catalog.Catalogue, now catalog.Date) func(int, int64) ([]byte, error) {
	made := &[]recordSpan{}
	rc.made[f.Path] = made
	old := rc.previous(f.Path)
	index := rc.keys[cat.Index.File]
	return func(i int, at int64) ([]byte, error) {
		a := cat.Activities[i]
		fk, ok := rc.keys[a.File]
		if !ok || index == (site.Key{}) {
			return f.Record(cat.Index, a, now)
		}
		key := recordKey(f.Path, fk, index, now)
		b, sum := old.read(key)
		if b != nil {
			rc.r.recordsTaken.Add(1) // its CRC is the one read checked
		} else {
			var err error
			if b, err = f.Record(cat.Index, a, now); err != nil {
				return nil, err
			}
			sum = crc32.Checksum(b, castagnoli)
		}
		*made = append(*made, recordSpan{Key: key, At: at, Len: int64(len(b)), Sum: sum})
		return b, nil
	}
}

// previous returns the reader of the records of the previous build's
// file path, or nil when there is none to read.
func (rc *recorder) previous(path string) *spanReader {
	spans := rc.spans[path]
	if rc.prev == nil || len(spans) == 0 {
		return nil
	}
	f, err := rc.prev.OpenPrevious(path)
	if err != nil {
		return nil
	}
	rc.open = append(rc.open, f)
	info, err := f.Stat()
	if err != nil {
		return nil
	}
	s := &spanReader{f: f, size: info.Size(), pos: -1, spans: make(map[site.Key]recordSpan, len(spans))}
	for _, sp := range spans {
		s.spans[sp.Key] = sp
	}
	return s
}

// doneFile ends a recorder of fileRecorder's: the files it read are
// closed, and the build keeps where its records are.
func (rc *recorder) doneFile() {
	for _, f := range rc.open {
		f.Close()
	}
	rc.open = nil
	spans := make(map[string][]recordSpan, len(rc.made))
	for path, made := range rc.made {
		spans[path] = *made
	}
	rc.r.spans = spans
}

// keptExports records that the open data and the feed of version base
// are kept as they are: the records are where they were, and the feed's
// summaries the same.
func (r *run) keptExports(base string) {
	if r == nil || !r.c.oneBuild {
		return
	}
	r.c.mu.Lock()
	defer r.c.mu.Unlock()
	if base != "" && r.c.base == base {
		r.spans, r.summaries = r.c.spans, r.c.summaries
	}
}

// spanReader reads records from a file of the previous build, mostly in
// the order they are in it.
type spanReader struct {
	f     *os.File
	size  int64
	br    *bufio.Reader
	pos   int64 // the offset br reads next; -1 when br has none
	spans map[site.Key]recordSpan
	buf   []byte
}

// read returns the bytes of the record of key, valid until the next call,
// and their CRC-32C, or nil when the file does not have them (s may be
// nil).
func (s *spanReader) read(key site.Key) ([]byte, uint32) {
	if s == nil {
		return nil, 0
	}
	sp, ok := s.spans[key]
	if !ok || sp.At < 0 || sp.Len < 0 || sp.Len > s.size || sp.At > s.size-sp.Len {
		return nil, 0
	}
	switch {
	case s.pos >= 0 && sp.At >= s.pos && sp.At-s.pos <= 1<<16:
		if _, err := s.br.Discard(int(sp.At - s.pos)); err != nil {
			s.pos = -1
			return nil, 0
		}
	default:
		r := io.NewSectionReader(s.f, sp.At, s.size-sp.At)
		if s.br == nil {
			s.br = bufio.NewReaderSize(r, 64<<10)
		} else {
			s.br.Reset(r)
		}
	}
	s.pos = sp.At
	if int64(cap(s.buf)) < sp.Len {
		s.buf = make([]byte, sp.Len)
	}
	b := s.buf[:sp.Len]
	if _, err := io.ReadFull(s.br, b); err != nil {
		s.pos = -1
		return nil, 0
	}
	s.pos += sp.Len
	if crc32.Checksum(b, castagnoli) != sp.Sum {
		return nil, 0
	}
	return b, sp.Sum
}
