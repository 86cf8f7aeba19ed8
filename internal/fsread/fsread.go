// Package fsread reads a file of a catalogue with a limit on its size, so
// that a file of many gigabytes costs no memory: its size is known without
// reading it.
package fsread

import (
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
	// One byte more than the file, to see its end without growing, as
	// os.ReadFile does: bytes.Buffer.ReadFrom would double the buffer to
	// have room for the read that finds the end.
	data = make([]byte, 0, info.Size()+1)
	r := io.LimitReader(f, limit+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, &fs.PathError{Op: "read", Path: name, Err: err}
		}
	}
	if int64(len(data)) > limit {
		return nil, max(info.Size(), int64(len(data))), nil
	}
	return data, int64(len(data)), nil
}
