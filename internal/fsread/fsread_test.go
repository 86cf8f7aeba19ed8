package fsread

import (
	"bytes"
	"io/fs"
	"testing"
	"testing/fstest"
	"time"
)

// unsized is a file system whose one file reports no size, as some
// special files do, though it has content.
type unsized struct{ data []byte }

func (u unsized) Open(string) (fs.File, error) { return &unsizedFile{bytes.NewReader(u.data)}, nil }

type unsizedFile struct{ *bytes.Reader }

func (*unsizedFile) Stat() (fs.FileInfo, error) { return unsizedInfo{}, nil }
func (*unsizedFile) Close() error               { return nil }

type unsizedInfo struct{}

func (unsizedInfo) Name() string       { return "f" }
func (unsizedInfo) Size() int64        { return 0 }
func (unsizedInfo) Mode() fs.FileMode  { return 0 }
func (unsizedInfo) ModTime() time.Time { return time.Time{} }
func (unsizedInfo) IsDir() bool        { return false }
func (unsizedInfo) Sys() any           { return nil }

func TestAtMost(t *testing.T) {
	big := bytes.Repeat([]byte("x"), 5000)
	cases := []struct {
		name     string
		fsys     fs.FS
		limit    int64
		want     []byte
		wantSize int64
	}{
		{"empty", fstest.MapFS{"f": {Data: nil}}, 10, []byte{}, 0},
		{"small", fstest.MapFS{"f": {Data: []byte("abc")}}, 10, []byte("abc"), 3},
		{"at the limit", fstest.MapFS{"f": {Data: big}}, 5000, big, 5000},
		{"past the limit", fstest.MapFS{"f": {Data: big}}, 4999, nil, 5000},
		{"unsized", unsized{big}, 10000, big, 5000},
		{"unsized past the limit", unsized{big}, 100, nil, 101},
	}
	for _, c := range cases {
		data, size, err := AtMost(c.fsys, "f", c.limit)
		if err != nil || !bytes.Equal(data, c.want) || (data == nil) != (c.want == nil) || size != c.wantSize {
			t.Errorf("%s: %d bytes, size %d, %v; want %d bytes, size %d", c.name, len(data), size, err, len(c.want), c.wantSize)
		}
	}
}

// TestAtMostReadsOnce: a file of known size is read into one buffer of its
// size, not one grown to twice it.
func TestAtMostReadsOnce(t *testing.T) {
	fsys := fstest.MapFS{"f": {Data: bytes.Repeat([]byte("x"), 64<<10)}}
	var data []byte
	allocs := testing.AllocsPerRun(10, func() { data, _, _ = AtMost(fsys, "f", 1<<20) })
	if c := cap(data); c > 64<<10+64 {
		t.Errorf("buffer of %d bytes for a file of %d", c, 64<<10)
	}
	if allocs > 8 {
		t.Errorf("%v allocations", allocs)
	}
}
