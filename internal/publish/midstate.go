package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"hash/crc32"
	"io"
	"maps"
	"slices"
	"sync/atomic"
)

// A streamed file is large (the open data: 81 MB at 10,000 activities),
// and after one change most of its start is the previous file's bytes,
// which the SHA-256 for the manifest would hash again. So a build keeps,
// for each streamed file, the SHA-256 state after every midstateEvery
// bytes (a midstate, from the digest's MarshalBinary) in the state file
// midstatesName, each with the CRC-32C of the bytes before it. The next
// build that streams the same path defers hashing while its bytes agree
// with the old file, and when they stop agreeing (or at the end) goes on
// from the last midstate it can trust, hashing the old file's bytes from
// there to where they stopped agreeing.
//
// A midstate is trusted only when all of these hold: the state file is
// whole (its own CRC-32C); it was made of the file the manifest records
// at that path (the same size and SHA-256) and that file is still as the
// build left it (size and modification time, the test OpenPrevious makes
// before hashing); the new bytes up to the midstate are the old file's,
// compared byte for byte; and their CRC-32C is the one kept with it.
// Otherwise the file is hashed from its start, as without the state.

// midstateEvery is how many bytes apart the midstates of a file are.
const midstateEvery = 1 << 20

// midstatesName is the state file (see SetState) that holds them.
const midstatesName = "sha256-midstates"

const midstatesMagic = "samkat sha256 midstates 1\n"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// midstate is the state of a file's hash after its first (i+1) ×
// midstateEvery bytes, where i is its index in fileMarks.marks.
type midstate struct {
	crc   uint32 // CRC-32C of those bytes
	state []byte // the SHA-256 digest's MarshalBinary after them
}

// fileMarks are the midstates of one file, of the size and SHA-256 it
// had when they were made.
type fileMarks struct {
	size  int64
	sum   [sha256.Size]byte
	marks []midstate
}

// encodeMidstates writes the midstates of files for the state file.
func encodeMidstates(files map[string]fileMarks) []byte {
	b := []byte(midstatesMagic)
	b = binary.AppendUvarint(b, midstateEvery)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		f := files[name]
		b = binary.AppendUvarint(b, uint64(len(name)))
		b = append(b, name...)
		b = binary.AppendUvarint(b, uint64(f.size))
		b = append(b, f.sum[:]...)
		b = binary.AppendUvarint(b, uint64(len(f.marks)))
		for _, m := range f.marks {
			b = binary.LittleEndian.AppendUint32(b, m.crc)
			b = binary.AppendUvarint(b, uint64(len(m.state)))
			b = append(b, m.state...)
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// decodeMidstates reads a state file of encodeMidstates; anything else
// (damaged, cut, of another format or spacing) gives nil.
func decodeMidstates(b []byte) map[string]fileMarks {
	if len(b) < len(midstatesMagic)+4 || string(b[:len(midstatesMagic)]) != midstatesMagic {
		return nil
	}
	body := b[:len(b)-4]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(b[len(b)-4:]) {
		return nil
	}
	d := midstateReader{b: body[len(midstatesMagic):]}
	if d.uvarint() != midstateEvery {
		return nil
	}
	files := map[string]fileMarks{}
	for len(d.b) > 0 && d.ok() {
		name := string(d.bytes(d.uvarint()))
		size := d.uvarint()
		var f fileMarks
		copy(f.sum[:], d.bytes(sha256.Size))
		n := d.uvarint()
		if !d.ok() || size > 1<<62 || n > size/midstateEvery {
			return nil
		}
		f.size = int64(size)
		f.marks = make([]midstate, 0, n)
		for range n {
			crc := d.bytes(4)
			state := d.bytes(d.uvarint())
			if !d.ok() {
				return nil
			}
			f.marks = append(f.marks, midstate{crc: binary.LittleEndian.Uint32(crc), state: slices.Clone(state)})
		}
		files[name] = f
	}
	if !d.ok() {
		return nil
	}
	return files
}

// midstateReader reads the fields of a state file; once one is cut
// short, every later read gives nothing and ok is false.
type midstateReader struct {
	b      []byte
	failed bool
}

func (d *midstateReader) ok() bool { return !d.failed }

func (d *midstateReader) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.failed, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *midstateReader) bytes(n uint64) []byte {
	if d.failed || n > uint64(len(d.b)) {
		d.failed, d.b = true, nil
		return nil
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}

// restore returns a SHA-256 digest in the state m keeps after offset
// bytes, or nil when the state is not one of that length.
func (m midstate) restore(offset int64) hash.Hash {
	const lenField = 8 // the state ends with the count of bytes hashed
	if len(m.state) < lenField || binary.BigEndian.Uint64(m.state[len(m.state)-lenField:]) != uint64(offset) {
		return nil
	}
	h := sha256.New()
	if h.(encoding.BinaryUnmarshaler).UnmarshalBinary(m.state) != nil {
		return nil
	}
	return h
}

// streamSum is the SHA-256 of a streamed file and the midstates for the
// next build, with the hashing deferred while the bytes are the old
// file's and a midstate of the previous build may spare it.
type streamSum struct {
	hash    hash.Hash
	crc     uint32   // of every byte given so far
	crcAt   []uint32 // the CRC-32C at each midstateEvery
	crcPos  int64    // bytes given
	hashPos int64    // bytes hashed
	marks   []midstate

	// While deferring: the previous build's midstates, and how many of
	// them (from the first) the bytes given so far agree with.
	prev     []midstate
	verified int
	deferred bool
	hashed   *atomic.Int64 // counts the bytes hashed, for the tests
}

// newStreamSum returns the sum of a file, deferred over the midstates
// prev of the file the new one is compared with (none: hashed as given).
func newStreamSum(prev []midstate, hashed *atomic.Int64) *streamSum {
	return &streamSum{hash: sha256.New(), prev: prev, deferred: len(prev) > 0, hashed: hashed}
}

// given takes the CRC-32C of p, the next bytes of the file, and checks
// the previous midstates it passes.
func (s *streamSum) given(p []byte) {
	for len(p) > 0 {
		next := (int64(len(s.crcAt)) + 1) * midstateEvery
		n := min(int64(len(p)), next-s.crcPos)
		s.crc = crc32.Update(s.crc, castagnoli, p[:n])
		s.crcPos += n
		p = p[n:]
		if s.crcPos == next {
			s.crcAt = append(s.crcAt, s.crc)
			if i := len(s.crcAt) - 1; s.deferred && i == s.verified && i < len(s.prev) && s.prev[i].crc == s.crc {
				s.verified++
			}
		}
	}
}

// add hashes p, the bytes after those hashed, keeping a midstate at each
// midstateEvery. Their CRC-32C must have been given already.
func (s *streamSum) add(p []byte) {
	s.hashed.Add(int64(len(p)))
	for len(p) > 0 {
		next := (int64(len(s.marks)) + 1) * midstateEvery
		n := min(int64(len(p)), next-s.hashPos)
		s.hash.Write(p[:n])
		s.hashPos += n
		p = p[n:]
		if s.hashPos == next {
			state, err := s.hash.(encoding.BinaryMarshaler).MarshalBinary()
			if err != nil {
				state = nil // not kept: the midstates stop here (see sum), the sum goes on
			}
			s.marks = append(s.marks, midstate{crc: s.crcAt[len(s.marks)], state: state})
		}
	}
}

// catchUp ends the deferring: the first upTo bytes given are the old
// file's, read from old where no midstate spares them. It starts from
// the last verified midstate at or before upTo.
func (s *streamSum) catchUp(old io.ReaderAt, upTo int64) error {
	if !s.deferred {
		return nil
	}
	s.deferred = false
	for i := min(s.verified, int(upTo/midstateEvery)) - 1; i >= 0; i-- {
		if h := s.prev[i].restore(int64(i+1) * midstateEvery); h != nil {
			s.hash, s.hashPos = h, int64(i+1)*midstateEvery
			s.marks = slices.Clone(s.prev[:i+1])
			break
		}
	}
	s.prev = nil
	if _, err := io.Copy(sumWriter{s}, io.NewSectionReader(old, s.hashPos, upTo-s.hashPos)); err != nil {
		return err
	}
	if s.hashPos != upTo {
		return io.ErrUnexpectedEOF
	}
	return nil
}

// sumWriter hashes what is written to it (see streamSum.add).
type sumWriter struct{ s *streamSum }

func (w sumWriter) Write(p []byte) (int, error) {
	w.s.add(p)
	return len(p), nil
}

// sum returns the file's SHA-256 and its midstates; every byte given must
// be hashed.
func (s *streamSum) sum() (string, fileMarks) {
	f := fileMarks{size: s.hashPos, marks: s.marks}
	s.hash.Sum(f.sum[:0])
	if i := slices.IndexFunc(f.marks, func(m midstate) bool { return m.state == nil }); i >= 0 {
		f.marks = f.marks[:i]
	}
	return hex.EncodeToString(f.sum[:]), f
}

// midstatesOf returns the previous build's midstates of the file name,
// when they may be used: made of the file the manifest records there,
// which is still as that build left it (info).
func (t *Tx) midstatesOf(name string, size, mtime int64) []midstate {
	o, ours := t.old.Files[name]
	if !ours || o.Size != size || o.MTime != mtime {
		return nil
	}
	t.readMidstates()
	f, ok := t.prevMarks[name]
	if !ok || f.size != o.Size || hex.EncodeToString(f.sum[:]) != o.Hash {
		return nil
	}
	return f.marks
}

// readMidstates reads the previous build's midstates, once.
func (t *Tx) readMidstates() {
	t.prevMarksOnce.Do(func() {
		if b, ok, err := t.ReadState(midstatesName); ok && err == nil {
			t.prevMarks, t.prevMarksFile = decodeMidstates(b), b
		}
	})
}

// keepMidstates records the midstates of a streamed file for the next
// build.
func (t *Tx) keepMidstates(name string, f fileMarks) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.marks == nil {
		t.marks = map[string]fileMarks{}
	}
	t.marks[name] = f
}

// saveMidstates writes the midstates of the files this build streamed,
// and those of the previous build for files it kept as they were, for
// the next build. A failure only costs the next build the hashing.
func (t *Tx) saveMidstates() {
	t.readMidstates()
	t.mu.Lock()
	files := map[string]fileMarks{}
	for name, f := range t.prevMarks {
		if e, ok := t.next[name]; ok && e.Size == f.size && e.Hash == hex.EncodeToString(f.sum[:]) {
			files[name] = f
		}
	}
	for name, f := range t.marks {
		if _, ok := t.next[name]; ok {
			files[name] = f
		}
	}
	t.mu.Unlock()
	maps.DeleteFunc(files, func(_ string, f fileMarks) bool { return len(f.marks) == 0 })
	switch b := encodeMidstates(files); {
	case len(files) > 0 && bytes.Equal(b, t.prevMarksFile):
		// The same: not written again (a build with nothing changed
		// writes nothing).
	case len(files) > 0:
		_ = t.SetState(midstatesName, b)
	case t.prevMarksFile != nil:
		_ = t.RemoveState(midstatesName) // no file of a megabyte left
	}
}
