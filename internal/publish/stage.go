package publish

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
)

// A stager makes the files of a build in the staging folder, which Begin
// emptied: every folder in it is one the build made. Where the system
// allows (stage_fd.go), it keeps a folder it made open while its files
// are written, so that each file costs one open relative to it, not a
// walk of every folder of its path. Nothing is written through a
// symbolic link: a folder is opened without following one, a file is
// created new and never followed. It is safe for concurrent use.
type stager interface {
	// writeFile creates the file name (a slash path) with data and
	// returns its modification time in nanoseconds.
	writeFile(name string, data []byte) (int64, error)
	// create creates the file name for writing.
	create(name string) (*os.File, error)
	// makeDir makes the folder dir (a slash path) and those above it,
	// ahead of the files written in it (see Tx.MakeFolders).
	makeDir(dir string) error
	// remove removes the file name.
	remove(name string) error
	// close releases the folders it holds open.
	close()
}

// A looker looks up files of the output folder; see Tx.lstat.
type looker interface {
	// lstat is os.Root.Lstat of name (a slash path) where every folder
	// of its path is a folder; otherwise it may fail with an error
	// other than fs.ErrNotExist, and the os.Root is asked.
	lstat(name string) (fs.FileInfo, error)
	close()
}

// keepOpen is how many folders of the staging folder an fdStager keeps
// open when no file is being written in them; a folder with a folder made
// in it stays open in any case (verksamheter/, which holds a folder for
// each activity), up to maxOpen folders in all. Both are less where the
// system allows a process few open files (see fdStager).
const (
	keepOpen = 64
	maxOpen  = 1024
)

// rootStager is the portable stager: each file is opened through the
// staging folder's os.Root, which walks the folders of its path, and each
// folder is made once.
type rootStager struct {
	root *os.Root
	dirs sync.Map // folders made, by slash path
}

func (s *rootStager) makeDir(dir string) error {
	if _, ok := s.dirs.Load(dir); ok || dir == "." {
		return nil
	}
	if err := s.root.MkdirAll(filepath.FromSlash(dir), 0o755); err != nil {
		return err
	}
	s.dirs.Store(dir, true)
	return nil
}

func (s *rootStager) create(name string) (*os.File, error) {
	if err := s.makeDir(path.Dir(name)); err != nil {
		return nil, err
	}
	return s.root.OpenFile(filepath.FromSlash(name), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
}

func (s *rootStager) writeFile(name string, data []byte) (int64, error) {
	f, err := s.create(name)
	if err != nil {
		return 0, err
	}
	_, err = f.Write(data)
	var info os.FileInfo
	if err == nil {
		info, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	return info.ModTime().UnixNano(), nil
}

func (s *rootStager) remove(name string) error { return s.root.Remove(filepath.FromSlash(name)) }

func (s *rootStager) close() { s.root.Close() }

func newRootStager(parent *os.Root, dir string) (stager, error) {
	root, err := parent.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &rootStager{root: root}, nil
}
