package overlay

import (
	"errors"
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/samkat/samkat/internal/msg"
)

// hugeFS holds one file, big.pdf, of size bytes that are never stored:
// reading it yields zeros, and read counts how many were read.
type hugeFS struct {
	size int64
	read *int64
}

func (h hugeFS) Open(name string) (fs.File, error) {
	switch name {
	case ".":
		return fstest.MapFS{"big.pdf": {}}.Open(".")
	case "big.pdf":
		return &hugeFile{h: h}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (h hugeFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != "." {
		return nil, fs.ErrNotExist
	}
	return []fs.DirEntry{fs.FileInfoToDirEntry(hugeInfo{h.size})}, nil
}

type hugeFile struct {
	h   hugeFS
	off int64
}

func (f *hugeFile) Stat() (fs.FileInfo, error) { return hugeInfo{f.h.size}, nil }
func (f *hugeFile) Close() error               { return nil }
func (f *hugeFile) Read(p []byte) (int, error) {
	if f.off >= f.h.size {
		return 0, io.EOF
	}
	n := int(min(int64(len(p)), f.h.size-f.off))
	clear(p[:n])
	f.off += int64(n)
	*f.h.read += int64(n)
	return n, nil
}

type hugeInfo struct{ size int64 }

func (i hugeInfo) Name() string       { return "big.pdf" }
func (i hugeInfo) Size() int64        { return i.size }
func (i hugeInfo) Mode() fs.FileMode  { return 0o644 }
func (i hugeInfo) ModTime() time.Time { return time.Time{} }
func (i hugeInfo) IsDir() bool        { return false }
func (i hugeInfo) Sys() any           { return nil }

var all = func(string) bool { return true }

// TestHugeFileIsNotRead: a static file of 5 GB gets the size message
// without a byte of it being read.
func TestHugeFileIsNotRead(t *testing.T) {
	var read int64
	_, err := Read("static", all, hugeFS{size: 5 << 30, read: &read})
	var me *msg.Error
	if !errors.As(err, &me) || me.Msg.ID != msg.FolderFileTooBig {
		t.Fatalf("err = %v, want %s", err, msg.FolderFileTooBig)
	}
	if want := "static/big.pdf is 5368709120 bytes, more than the limit of 32 MiB for one file"; err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
	if read != 0 {
		t.Errorf("%d bytes were read", read)
	}
}

func TestFileSizeLimit(t *testing.T) {
	var read int64
	if got, err := read1(MaxFileSize, &read); err != nil || len(got["big.pdf"]) != MaxFileSize {
		t.Errorf("a file of exactly %d bytes: err = %v", MaxFileSize, err)
	}
	read = 0
	if _, err := read1(MaxFileSize+1, &read); err == nil || !strings.Contains(err.Error(), "static/big.pdf is 33554433 bytes") {
		t.Errorf("a file one byte over: err = %v", err)
	}
	if read != 0 {
		t.Errorf("the file over the limit was read (%d bytes)", read)
	}
}

func read1(size int64, read *int64) (map[string][]byte, error) {
	return Read("static", all, hugeFS{size: size, read: read})
}

func TestTotalSizeLimit(t *testing.T) {
	layer := fstest.MapFS{
		"a.pdf": {Data: make([]byte, 100)},
		"b.pdf": {Data: make([]byte, 100)},
		"c.pdf": {Data: make([]byte, 50)},
	}
	if _, err := read("static", all, 100, 250, layer); err != nil {
		t.Errorf("at the limit: %v", err)
	}
	_, err := read("static", all, 100, 249, layer)
	if want := "the files in static/ come to more than 0 MiB in all (the limit was passed at static/c.pdf)"; err == nil || err.Error() != want {
		t.Errorf("one byte past the limit: err = %v, want %q", err, want)
	}
	// A later layer's file replaces the earlier one's in the total.
	own := fstest.MapFS{"a.pdf": {Data: make([]byte, 100)}}
	if _, err := read("static", all, 100, 250, layer, own); err != nil {
		t.Errorf("a replaced file counted twice: %v", err)
	}
	if _, err := read("static", all, 99, 1000, layer); err == nil || !strings.Contains(err.Error(), "static/a.pdf is 100 bytes") {
		t.Errorf("one file past the limit: err = %v", err)
	}
}

// TestCheckSizes: check finds, from the folder listing alone, the files
// Read would refuse.
func TestCheckSizes(t *testing.T) {
	var read int64
	if d := CheckSizes("static", hugeFS{size: MaxFileSize, read: &read}); len(d) != 0 {
		t.Errorf("a file of exactly the limit: %v", d)
	}
	d := CheckSizes("static", hugeFS{size: MaxFileSize + 1, read: &read})
	if want := "static/big.pdf: error: static/big.pdf is 33554433 bytes, more than the limit of 32 MiB for one file"; len(d) != 1 || d[0].String() != want {
		t.Errorf("one byte past the limit: %v, want %q", d, want)
	}
	if read != 0 {
		t.Errorf("%d bytes were read", read)
	}
	if d := CheckSizes("static", nil); len(d) != 0 {
		t.Errorf("no folder: %v", d)
	}
}
