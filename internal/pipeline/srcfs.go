package pipeline

import (
	"io/fs"
	"os"
)

// rootFS is the catalogue folder's os.Root as a file system, with a
// quicker Open where the system allows (srcfs_fd.go): the folders it
// reads from are opened once and kept, so that reading a file is one
// openat relative to its folder rather than a walk of every folder of its
// path. Every other method, and Open whenever the quick way fails for
// any reason (a symbolic link, a missing file), is the os.Root's, so that
// what is read and every error are the same.
type rootFS struct {
	root fs.FS // root.FS() of the catalogue's os.Root
	fast *fastDirs
}

// sourceFS returns the catalogue in root as a file system, and what to
// call once it is read.
func sourceFS(root *os.Root) (fs.FS, func()) {
	f := &rootFS{root: root.FS(), fast: newFastDirs(root)}
	return f, f.fast.close
}

func (f *rootFS) Open(name string) (fs.File, error) {
	if file := f.fast.open(name); file != nil {
		return file, nil
	}
	return f.root.Open(name)
}

func (f *rootFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(f.root, name) }

func (f *rootFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(f.root, name) }

func (f *rootFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(f.root, name) }

func (f *rootFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(f.root, name) }

func (f *rootFS) ReadLink(name string) (string, error) { return fs.ReadLink(f.root, name) }
