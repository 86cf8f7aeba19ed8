package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// streamBuild streams data as name into dir in pieces of piece bytes and
// commits; it returns the manifest's entry and the bytes hashed.
func streamBuild(t *testing.T, dir, name string, data []byte, piece int) (entry, int64) {
	t.Helper()
	tx, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := streamFile(tx, name, data, piece); err != nil {
		t.Fatal(err)
	}
	hashed := tx.hashed.Load()
	if _, err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	m, ok, err := readManifest(root, manifestName)
	if !ok || err != nil {
		t.Fatalf("manifest: %v, %v", ok, err)
	}
	return m.Files[name], hashed
}

func randomBytes(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, 1))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

func hexSum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// TestMidstatesSpareTheStart: a streamed file that agrees with the
// previous one up to some point is hashed from the last midstate before
// it, not from its start, and the manifest has the SHA-256 of the whole
// new file, for changes anywhere (at a midstate, a byte either side of
// one, the first byte, the end), files cut or grown, and any pieces.
func TestMidstatesSpareTheStart(t *testing.T) {
	const mb = midstateEvery
	old := randomBytes(1, 5*mb+mb/2)
	change := func(at int) []byte {
		c := bytes.Clone(old)
		c[at] ^= 0x55
		return c
	}
	for _, c := range []struct {
		name  string
		data  []byte
		spare int // the bytes that need not be hashed again, at least
	}{
		{"same", old, 5 * mb},
		{"middle", change(3*mb + mb/3), 3 * mb},
		{"at a midstate", change(3 * mb), 3 * mb},
		{"a byte before one", change(3*mb - 1), 2 * mb},
		{"a byte after one", change(3*mb + 1), 3 * mb},
		{"first byte", change(0), 0},
		{"last byte", change(len(old) - 1), 5 * mb},
		{"cut at a midstate", old[:4*mb], 4 * mb},
		{"cut", old[:4*mb+10], 4 * mb},
		{"longer", append(bytes.Clone(old), randomBytes(2, 2*mb)...), 5 * mb},
		{"bytes inserted", append(append(bytes.Clone(old[:2*mb+5]), 'x'), old[2*mb+5:]...), 2 * mb},
	} {
		for _, piece := range []int{1 << 16, 777, 3 * mb} {
			dir := filepath.Join(t.TempDir(), "public")
			if e, hashed := streamBuild(t, dir, "data.json", old, piece); e.Hash != hexSum(old) || hashed != int64(len(old)) {
				t.Fatalf("cold: hash %s, hashed %d of %d", e.Hash, hashed, len(old))
			}
			e, hashed := streamBuild(t, dir, "data.json", c.data, piece)
			if e.Hash != hexSum(c.data) || e.Size != int64(len(c.data)) {
				t.Errorf("%s, pieces of %d: the manifest has %s, %d bytes; the file is %s", c.name, piece, e.Hash, e.Size, hexSum(c.data))
			}
			// A difference is found a piece at a time: with pieces
			// larger than the midstates' spacing, less is spared.
			if max := int64(len(c.data) - c.spare); piece < midstateEvery && hashed > max {
				t.Errorf("%s, pieces of %d: hashed %d bytes, want at most %d", c.name, piece, hashed, max)
			}
			// And the midstates kept are those of the new file.
			again := bytes.Clone(c.data)
			if len(again) > 0 {
				again[len(again)-1] ^= 1
			}
			if e, _ := streamBuild(t, dir, "data.json", again, piece); e.Hash != hexSum(again) {
				t.Errorf("%s, pieces of %d, then the last byte: the manifest has %s; the file is %s", c.name, piece, e.Hash, hexSum(again))
			}
		}
	}
}

// midstatesFile is the state file of dir's midstates.
func midstatesFile(dir string) string { return filepath.Join(dir, stateDir, midstatesName) }

// TestMidstatesNotTrusted: midstates that are not of the bytes streamed
// are not used, whatever their state file says: those of another file
// under this file's size and hash (only their CRC tells them apart), a
// state file damaged anywhere, and a previous file changed in place with
// its size and time put back.
func TestMidstatesNotTrusted(t *testing.T) {
	const mb = midstateEvery
	old := randomBytes(3, 4*mb+100)
	next := bytes.Clone(old)
	next[3*mb+50] ^= 1
	check := func(what, dir string) {
		t.Helper()
		if e, _ := streamBuild(t, dir, "data.json", next, 1<<16); e.Hash != hexSum(next) {
			t.Errorf("%s: the manifest has %s; the file is %s", what, e.Hash, hexSum(next))
		}
	}

	// Another file's midstates, under this file's size and hash.
	other := filepath.Join(t.TempDir(), "other")
	streamBuild(t, other, "data.json", randomBytes(4, len(old)), 1<<16)
	foreign := decodeMidstates(mustRead(t, midstatesFile(other)))["data.json"]
	if len(foreign.marks) != 4 {
		t.Fatalf("%d midstates of 4 MB, want 4", len(foreign.marks))
	}
	dir := filepath.Join(t.TempDir(), "public")
	streamBuild(t, dir, "data.json", old, 1<<16)
	mine := decodeMidstates(mustRead(t, midstatesFile(dir)))["data.json"]
	foreign.size, foreign.sum = mine.size, mine.sum
	if err := os.WriteFile(midstatesFile(dir), encodeMidstates(map[string]fileMarks{"data.json": foreign}), 0o644); err != nil {
		t.Fatal(err)
	}
	check("another file's midstates", dir)

	// The state file damaged: a byte changed anywhere, or cut.
	dir = filepath.Join(t.TempDir(), "public")
	streamBuild(t, dir, "data.json", old, 1<<16)
	good := mustRead(t, midstatesFile(dir))
	r := rand.New(rand.NewPCG(5, 6))
	for range 20 {
		bad := bytes.Clone(good)
		bad[r.IntN(len(bad))] ^= byte(1 + r.IntN(255))
		if decodeMidstates(bad) != nil {
			t.Errorf("a damaged state file was read")
		}
		d := filepath.Join(t.TempDir(), "public")
		streamBuild(t, d, "data.json", old, 1<<16)
		if err := os.WriteFile(midstatesFile(d), bad, 0o644); err != nil {
			t.Fatal(err)
		}
		check("a damaged state file", d)
	}

	// The previous file changed in place, its size and time put back:
	// the stream stops agreeing there, and no midstate after it is used.
	dir = filepath.Join(t.TempDir(), "public")
	streamBuild(t, dir, "data.json", old, 1<<16)
	f := filepath.Join(dir, "data.json")
	info, err := os.Stat(f)
	if err != nil {
		t.Fatal(err)
	}
	changed := bytes.Clone(old)
	changed[mb+7] ^= 1
	if err := os.WriteFile(f, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(f, time.Time{}, info.ModTime()); err != nil {
		t.Fatal(err)
	}
	check("the previous file changed in place", dir)
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestMidstatesDecodedWhole: the state file reads back as written, and
// cut anywhere it is not read; a midstate restores only at its length.
func TestMidstatesDecodedWhole(t *testing.T) {
	s := newStreamSum(nil, new(atomic.Int64))
	data := randomBytes(7, 2*midstateEvery+3)
	s.given(data)
	s.add(data)
	sum, f := s.sum()
	if sum != hexSum(data) || len(f.marks) != 2 {
		t.Fatalf("sum %s, %d midstates", sum, len(f.marks))
	}
	files := map[string]fileMarks{"a.json": f, "b/c.csv": {size: 5, marks: nil}}
	b := encodeMidstates(files)
	got := decodeMidstates(b)
	if len(got) != 2 || got["a.json"].size != f.size || got["a.json"].sum != f.sum || len(got["a.json"].marks) != 2 ||
		!bytes.Equal(got["a.json"].marks[1].state, f.marks[1].state) || got["a.json"].marks[1].crc != f.marks[1].crc {
		t.Fatalf("read back %+v", got)
	}
	for n := range len(b) {
		if decodeMidstates(b[:n]) != nil {
			t.Fatalf("cut at %d of %d: read", n, len(b))
		}
	}
	if f.marks[0].restore(midstateEvery) == nil || f.marks[0].restore(midstateEvery+1) != nil || f.marks[1].restore(midstateEvery) != nil {
		t.Errorf("a midstate restored at another length, or not at its own")
	}
}

// TestMidstatesNotWrittenAgain: a build whose streamed files are the same
// as the previous build's, or kept without being streamed, leaves the
// state file of their midstates as it was; one that changes them writes
// it.
func TestMidstatesNotWrittenAgain(t *testing.T) {
	data := randomBytes(8, 2*midstateEvery+9)
	dir := filepath.Join(t.TempDir(), "public")
	streamBuild(t, dir, "data.json", data, 1<<16)
	was, err := os.Stat(midstatesFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	streamBuild(t, dir, "data.json", data, 1<<16)
	tx, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Keep("data.json"); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if is, err := os.Stat(midstatesFile(dir)); err != nil || !os.SameFile(was, is) || !is.ModTime().Equal(was.ModTime()) {
		t.Errorf("the state file was written again with nothing changed")
	}
	data[len(data)-1] ^= 1
	streamBuild(t, dir, "data.json", data, 1<<16)
	if is, err := os.Stat(midstatesFile(dir)); err != nil || os.SameFile(was, is) {
		t.Errorf("the state file was not written again after a change: %v", err)
	}
}
