package publish

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// A Streamer is a Writer that also takes a file as it is made, so that a
// large one (the open data, the printable catalogue) need not be held in
// memory whole. Tx and Mem are Streamers.
type Streamer interface {
	Writer
	// Stream writes the file name with the bytes write writes to w; the
	// file is part of the site only when write returns nil.
	Stream(name string, write func(w io.Writer) error) error
}

// Stream writes the file name of the site to out with the bytes write
// writes, as they come when out is a Streamer, else collected and handed
// to out.WriteFile.
func Stream(out Writer, name string, write func(w io.Writer) error) error {
	if s, ok := out.(Streamer); ok {
		return s.Stream(name, write)
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	return out.WriteFile(name, buf.Bytes())
}

// Stream stores the bytes write writes under name.
func (m *Mem) Stream(name string, write func(w io.Writer) error) error {
	if err := checkName(name); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	m.store(name, buf.Bytes())
	return nil
}

// streamBuffer is the size of the pieces a streamed file is compared and
// written in.
const streamBuffer = 64 << 10

// Stream is WriteFile for a file given as it is made: the same rules, the
// same result, without the whole file in memory. While the bytes agree
// with the file already at name they are only compared with it, so an
// unchanged file is read, not written; from the first byte that differs
// on, the file is written to the staging folder (the part that agreed
// copied from the old file). It is safe for concurrent use.
func (t *Tx) Stream(name string, write func(w io.Writer) error) error {
	if err := t.writable(name); err != nil {
		return err
	}
	s := &txStream{t: t, name: name}
	defer s.close()
	fn := filepath.FromSlash(name)
	info, err := t.lstat(name)
	switch {
	case err == nil && info.Mode().IsRegular():
		f, err := t.root.Open(fn)
		if err != nil {
			return err
		}
		_, s.ours = t.old.Files[name]
		s.oldFile, s.old, s.oldInfo, s.comparing = f, bufio.NewReaderSize(f, streamBuffer), info, true
		s.sum = newStreamSum(t.midstatesOf(name, info.Size(), info.ModTime().UnixNano()), &t.hashed)
	case err == nil && info.IsDir():
		s.conflict = "a folder"
	case err == nil:
		s.conflict = "not a regular file"
	case errors.Is(err, fs.ErrNotExist):
		s.added = true
	default:
		if blocker := t.blocker(name); blocker != "" {
			s.conflict, s.conflictAt = "not a folder, and the site needs one there", blocker
		} else {
			s.added = true
		}
	}
	if s.sum == nil {
		s.sum = newStreamSum(nil, &t.hashed)
	}
	if s.added {
		if err := s.stage(0); err != nil {
			return err
		}
	}
	w := bufio.NewWriterSize(s, streamBuffer)
	if err := write(w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return s.finish()
}

// txStream is one file of Tx.Stream: compared with the file at its name
// while they agree, else written to the staging folder.
type txStream struct {
	t    *Tx
	name string
	sum  *streamSum // the SHA-256, deferred while the old file's midstates may spare it
	size int64

	// The file at name, while comparing.
	oldFile   *os.File
	old       *bufio.Reader
	oldInfo   fs.FileInfo
	ours      bool // the file at name is in the manifest
	comparing bool // every byte so far is the old file's

	added    bool     // nothing was at name
	staged   *os.File // the new file in the staging folder, once writing
	conflict string   // what is in the way, when something is: the bytes are only hashed
	// conflictAt is where the thing in the way is, when it is not at name.
	conflictAt string
}

func (s *txStream) Write(p []byte) (int, error) {
	s.sum.given(p)
	s.size += int64(len(p))
	if s.comparing {
		if s.agrees(p) {
			if !s.sum.deferred {
				s.sum.add(p)
			}
			return len(p), nil
		}
		if err := s.diverge(s.size - int64(len(p))); err != nil {
			return 0, err
		}
	}
	s.sum.add(p)
	if s.staged == nil {
		return len(p), nil // in the way: counted, not written
	}
	return s.staged.Write(p)
}

// agrees reports whether p is what the old file holds next, consuming it.
func (s *txStream) agrees(p []byte) bool {
	for len(p) > 0 {
		b, err := s.old.Peek(min(len(p), streamBuffer))
		if len(b) == 0 || !bytes.Equal(b, p[:len(b)]) {
			return false
		}
		s.old.Discard(len(b))
		p = p[len(b):]
		if err != nil && len(p) > 0 {
			return false
		}
	}
	return true
}

// diverge ends the comparison: the new file differs from the old one
// after the first n bytes. Ours, it is written to the staging folder;
// someone else's, it is in the way.
func (s *txStream) diverge(n int64) error {
	s.comparing = false
	if err := s.sum.catchUp(s.oldFile, n); err != nil {
		return fmt.Errorf("hash the unchanged start of %s: %w", s.name, err)
	}
	if !s.ours {
		s.conflict = "a file with other content"
		return nil
	}
	return s.stage(n)
}

// stage starts the new file in the staging folder with the first n
// bytes of the old one, which it shares.
func (s *txStream) stage(n int64) error {
	staging, err := s.t.stager()
	if err != nil {
		return err
	}
	f, err := staging.create(s.name)
	if err != nil {
		return err
	}
	s.staged = f
	if n > 0 {
		if err := copyStart(f, s.oldFile, n); err != nil {
			return fmt.Errorf("copy the unchanged start of %s: %w", s.name, err)
		}
	}
	return nil
}

// copyStart copies the first n bytes of src to dst, where dst is written
// next. The comparison is over when it is called: src is read from its
// start again, as an *os.File behind an io.LimitedReader, so that
// (*os.File).ReadFrom copies it in the kernel (copy_file_range on Linux)
// rather than through a buffer of ours; elsewhere it is io.Copy's usual
// copy.
func copyStart(dst, src *os.File, n int64) error {
	if _, err := src.Seek(0, io.SeekStart); err != nil {
		return err
	}
	m, err := io.Copy(dst, io.LimitReader(src, n))
	if err == nil && m != n {
		err = io.ErrUnexpectedEOF
	}
	return err
}

// finish records the file once every byte is written.
func (s *txStream) finish() error {
	if s.comparing {
		if _, err := s.old.Peek(1); err != io.EOF {
			// The old file is longer.
			if err := s.diverge(s.size); err != nil {
				return err
			}
		}
	}
	if s.comparing {
		if err := s.sum.catchUp(s.oldFile, s.size); err != nil {
			return fmt.Errorf("hash %s: %w", s.name, err)
		}
	}
	sum, marks := s.sum.sum()
	e := entry{Size: s.size, Hash: sum, Added: s.added}
	switch {
	case s.conflict != "":
		at := s.name
		if s.conflictAt != "" {
			at = s.conflictAt
		}
		return s.t.inTheWay(at, s.conflict)
	case s.comparing:
		// The same bytes: ours, unchanged; someone else's, adopted as they are.
		e.MTime = s.oldInfo.ModTime().UnixNano()
		s.t.keepMidstates(s.name, marks)
		return s.t.record(s.name, e, false)
	}
	info, err := s.staged.Stat()
	if err == nil {
		err = s.staged.Close()
	}
	s.staged = nil
	if err != nil {
		return err
	}
	e.MTime = info.ModTime().UnixNano() // a rename keeps it
	s.t.keepMidstates(s.name, marks)
	return s.t.record(s.name, e, true)
}

// close releases the files; a staged file that was not recorded goes.
func (s *txStream) close() {
	if s.oldFile != nil {
		s.oldFile.Close()
	}
	if s.staged != nil {
		s.staged.Close()
		s.t.staging.remove(s.name)
	}
}
