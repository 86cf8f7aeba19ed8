// Package fsread reads a file of a catalogue with a limit on its size, so
// that a file of many gigabytes costs no memory: its size is known without
// reading it.
package fsread

import (
	"bytes"
	"io"
	"io/fs"
)

// AtMost reads name from fsys, unless it is larger than limit: then it
// returns no data and its size, which is more than limit. A file that grows
// after it was looked at, or that reports no size, is read one byte past
// limit to know.
func AtMost(fsys fs.FS, name string, limit int64) (data []byte, size int64, err error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	if info.Size() > limit {
		return nil, info.Size(), nil
	}
	var b bytes.Buffer
	b.Grow(int(info.Size()) + 1)
	if _, err := b.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, 0, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if int64(b.Len()) > limit {
		return nil, max(info.Size(), int64(b.Len())), nil
	}
	return b.Bytes(), int64(b.Len()), nil
}
