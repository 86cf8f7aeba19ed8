package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// OpenPrevious opens the file name of the version the transaction starts
// from (Base), for reading, when it is still as that build left it: listed
// in the previous manifest, a regular file of the size it records, and
// of its modification time (a file touched since is compared by its
// hash). Otherwise it returns ErrNotIntact. A build reads it to take
// parts of it again (the build cache takes the open data's unchanged
// records from it); the file stays where it is until Commit, whatever is
// written in its place. The caller closes it.
func (t *Tx) OpenPrevious(name string) (*os.File, error) {
	if err := t.writable(name); err != nil {
		return nil, err
	}
	notIntact := fmt.Errorf("open previous %s: %w", name, ErrNotIntact)
	o, ours := t.old.Files[name]
	if !ours {
		return nil, notIntact
	}
	fn := filepath.FromSlash(name)
	if info, err := t.root.Lstat(fn); err != nil || !info.Mode().IsRegular() {
		return nil, notIntact
	}
	f, err := t.root.Open(fn)
	if err != nil {
		return nil, notIntact
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() != o.Size {
		f.Close()
		return nil, notIntact
	}
	if info.ModTime().UnixNano() != o.MTime {
		h := sha256.New()
		if _, err := io.Copy(h, io.NewSectionReader(f, 0, o.Size)); err != nil || hex.EncodeToString(h.Sum(nil)) != o.Hash {
			f.Close()
			return nil, notIntact
		}
	}
	return f, nil
}
