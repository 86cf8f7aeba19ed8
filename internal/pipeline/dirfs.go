package pipeline

import (
	"io/fs"
	"os"
	"path"
	"sync"
)

// folderFS is the catalogue folder as the build reads it: root.FS(),
// but a file is opened from its own folder, opened once (os.Root.OpenRoot)
// and kept open, rather than from the root. Opening
// content/verksamheter/lotsen.md from the root walks every folder of its
// path, an openat and a close each: at 10,000 activities some 40,000
// system calls more, a second of system time on a slow file system.
// Anything the fast way does not open (an error, a link out of its
// folder) is opened the root's way again, so that what opens and what
// every error says are the same.
type folderFS struct {
	root *os.Root
	fsys fs.FS // root.FS()
	mu   sync.Mutex
	dirs map[string]*os.Root // nil: the folder did not open
}

func newFolderFS(root *os.Root) *folderFS {
	return &folderFS{root: root, fsys: root.FS(), dirs: map[string]*os.Root{}}
}

// Open opens the file name (see folderFS).
func (f *folderFS) Open(name string) (fs.File, error) {
	dir, base := path.Split(name)
	if dir == "" || !fs.ValidPath(name) {
		return f.fsys.Open(name)
	}
	if sub := f.folder(dir[:len(dir)-1]); sub != nil {
		if file, err := sub.Open(base); err == nil {
			return file, nil
		}
	}
	return f.fsys.Open(name)
}

// folder returns the folder dir, opened once; nil when it does not open.
func (f *folderFS) folder(dir string) *os.Root {
	f.mu.Lock()
	defer f.mu.Unlock()
	sub, ok := f.dirs[dir]
	if !ok {
		sub, _ = f.root.OpenRoot(dir)
		f.dirs[dir] = sub
	}
	return sub
}

// Close closes the folders it opened.
func (f *folderFS) Close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for dir, sub := range f.dirs {
		if sub != nil {
			sub.Close()
		}
		delete(f.dirs, dir)
	}
}

// Stat, ReadFile, ReadDir, ReadLink and Lstat are the root's: a file
// system without them would be read otherwise (fs.Lstat without ReadLink
// follows links).
func (f *folderFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(f.fsys, name) }

func (f *folderFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(f.fsys, name) }

func (f *folderFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(f.fsys, name) }

func (f *folderFS) ReadLink(name string) (string, error) { return fs.ReadLink(f.fsys, name) }

func (f *folderFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(f.fsys, name) }

var (
	_ fs.StatFS     = (*folderFS)(nil)
	_ fs.ReadFileFS = (*folderFS)(nil)
	_ fs.ReadDirFS  = (*folderFS)(nil)
	_ fs.ReadLinkFS = (*folderFS)(nil)
)
