package load

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

// TestReadSourceLimit: a file of exactly MaxFileSize is read; one byte more
// is not, and only its size is returned.
func TestReadSourceLimit(t *testing.T) {
	fsys := fstest.MapFS{
		"at.md":   {Data: make([]byte, MaxFileSize)},
		"past.md": {Data: make([]byte, MaxFileSize+1)},
	}
	src, size, err := ReadSource(fsys, "at.md")
	if err != nil || len(src) != MaxFileSize || size != MaxFileSize {
		t.Errorf("at the limit: %d bytes, size %d, %v", len(src), size, err)
	}
	src, size, err = ReadSource(fsys, "past.md")
	if err != nil || src != nil || size != MaxFileSize+1 {
		t.Errorf("past the limit: %d bytes, size %d, %v", len(src), size, err)
	}
}

// endless is a file that says it is empty, as some special files do, and
// never ends.
type endless struct{ read int64 }

func (e *endless) Open(string) (fs.File, error) { return e, nil }
func (e *endless) Stat() (fs.FileInfo, error) {
	return fstest.MapFS{"x.md": {}}.Stat("x.md")
}
func (e *endless) Close() error { return nil }
func (e *endless) Read(p []byte) (int, error) {
	e.read += int64(len(p))
	return len(p), nil
}

// TestReadSourceOfAnEndlessFile: a file whose size is not what it says is
// read one byte past the limit, no further.
func TestReadSourceOfAnEndlessFile(t *testing.T) {
	e := &endless{}
	src, size, err := ReadSource(e, "x.md")
	if err != nil || src != nil || size != MaxFileSize+1 {
		t.Errorf("%d bytes, size %d, %v", len(src), size, err)
	}
	if e.read > 2*MaxFileSize {
		t.Errorf("read %d bytes", e.read)
	}
}
