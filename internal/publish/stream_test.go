package publish

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// streamFile writes data with Stream, in pieces of n bytes.
func streamFile(tx *Tx, name string, data []byte, n int) error {
	return tx.Stream(name, func(w io.Writer) error {
		for p := data; len(p) > 0; {
			k := min(n, len(p))
			if _, err := w.Write(p[:k]); err != nil {
				return err
			}
			p = p[k:]
		}
		return nil
	})
}

// TestStreamComparesWithTheOldFile: a streamed file that differs from the
// previous build's anywhere (at the start, in the middle, past a piece
// of the comparison, by being longer or shorter) is replaced with exactly
// the new bytes; one that does not is left as it was.
func TestStreamComparesWithTheOldFile(t *testing.T) { eachStager(t, testStreamComparesWithTheOldFile) }

func testStreamComparesWithTheOldFile(t *testing.T, w way) {
	old := bytes.Repeat([]byte("0123456789abcdef"), 3*streamBuffer/16+5)
	change := func(at int, b byte) []byte {
		c := bytes.Clone(old)
		c[at] = b
		return c
	}
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"same", old},
		{"first byte", change(0, 'x')},
		{"middle", change(len(old)/2, 'x')},
		{"just past a piece", change(streamBuffer, 'x')},
		{"last byte", change(len(old)-1, 'x')},
		{"longer", append(bytes.Clone(old), 'x')},
		{"shorter", old[:len(old)-1]},
		{"empty", nil},
	} {
		for _, piece := range []int{1 << 20, 1000, 1} {
			if piece == 1 && len(c.data) > 0 && c.name != "last byte" {
				continue // slow, and the same paths as 1000
			}
			dir := filepath.Join(t.TempDir(), "public")
			w.write(t, dir, map[string]string{"big.json": string(old), "other.html": "x"})
			before := tree(t, dir)
			time.Sleep(10 * time.Millisecond) // so that a rewritten file would get another time
			tx, err := w.begin(dir)
			if err != nil {
				t.Fatal(err)
			}
			if err := streamFile(tx, "big.json", c.data, piece); err != nil {
				t.Fatal(err)
			}
			tx.WriteFile("other.html", []byte("x"))
			st, err := tx.Commit()
			if err != nil {
				t.Fatal(err)
			}
			after := tree(t, dir)
			if got := after["big.json"].data; got != string(c.data) {
				t.Errorf("%s, pieces of %d: the file holds %d bytes, not the %d written", c.name, piece, len(got), len(c.data))
			}
			same := bytes.Equal(c.data, old)
			if same != (after["big.json"] == before["big.json"]) || st.Written != map[bool]int{true: 0, false: 1}[same] {
				t.Errorf("%s, pieces of %d: written %d, file %+v → %+v", c.name, piece, st.Written, before["big.json"].mtime, after["big.json"].mtime)
			}
			// The next build compares with what this one recorded.
			if st := w.write(t, dir, map[string]string{"big.json": string(c.data), "other.html": "x"}); st.Written != 0 {
				t.Errorf("%s: the build after wrote %+v", c.name, st)
			}
		}
	}
}

// TestStreamWithAnErrorWritesNothing: a file whose maker fails is not
// part of the site, and its staged part is gone.
func TestStreamWithAnErrorWritesNothing(t *testing.T) {
	eachStager(t, testStreamWithAnErrorWritesNothing)
}

func testStreamWithAnErrorWritesNothing(t *testing.T, w way) {
	dir := filepath.Join(t.TempDir(), "public")
	w.write(t, dir, map[string]string{"a.json": "old", "index.html": "x"})
	before := tree(t, dir)
	tx, err := w.begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	for _, name := range []string{"a.json", "new/b.json"} {
		err := tx.Stream(name, func(w io.Writer) error {
			w.Write(bytes.Repeat([]byte("new"), streamBuffer))
			return boom
		})
		if !errors.Is(err, boom) {
			t.Errorf("%s: err = %v, want the maker's", name, err)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, stagingDir, "new"))
	if _, err := os.Stat(filepath.Join(dir, stagingDir, "a.json")); err == nil || len(entries) > 0 {
		t.Errorf("the failed files are still staged: %v", entries)
	}
	if err := tx.Abort(); err != nil {
		t.Fatal(err)
	}
	sameTree(t, "failed stream", tree(t, dir), before)
}

func TestStreamIntoMemAndAnyWriter(t *testing.T) {
	var m Mem
	data := []byte(strings.Repeat("x", 100))
	make := func(w io.Writer) error { _, err := w.Write(data); return err }
	if err := Stream(&m, "a/b.json", make); err != nil {
		t.Fatal(err)
	}
	if got, _ := m.Get("a/b.json"); !bytes.Equal(got, data) {
		t.Errorf("Mem holds %q", got)
	}
	if err := Stream(&m, "../x", make); err == nil {
		t.Error("Mem took a name out of the site")
	}
	var w onlyWriteFile
	if err := Stream(&w, "c.json", make); err != nil || !bytes.Equal(w.files["c.json"], data) {
		t.Errorf("a Writer that cannot stream got %q, %v", w.files["c.json"], err)
	}
}

type onlyWriteFile struct{ files map[string][]byte }

func (w *onlyWriteFile) WriteFile(name string, data []byte) error {
	if w.files == nil {
		w.files = map[string][]byte{}
	}
	w.files[name] = bytes.Clone(data)
	return nil
}
