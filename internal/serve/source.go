package serve

import (
	"bytes"
	"crypto/sha256"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/samkat/samkat/internal/load"
)

// maxKept is the largest file the server keeps in memory between
// rebuilds; larger ones (images in static/, say) are read from disk by
// every rebuild. A catalogue's Markdown files are at most 8 MB.
const maxKept = 8 << 20

// source keeps the catalogue's files in memory between rebuilds, so that
// a rebuild reads from disk only the files the watcher reported changed
// (forget), not the whole catalogue. The folders under content/ are kept
// listed too, and listed again when a file in them (or below) appears,
// disappears or is no longer a file, or a folder in them is reported: at
// 10,000 activities listing content/verksamheter/ through the catalogue's
// os.Root costs a stat of each file, some 25 ms a save. The other folders
// are listed from disk by every rebuild. What loading found in those
// folders (the Markdown files, each classified) is kept too, and dropped
// with any of their listings: a save that changes a file's bytes alone
// walks none of the 10,000 files again.
type source struct {
	mu    sync.Mutex
	files map[string]*kept // by slash path from the catalogue folder
	// dirs are the listings of folders under content/, by slash path.
	dirs map[string][]fs.DirEntry
	// found is what loading found in the folders of dirs (nil when not
	// kept): see load.FoundKeeper.
	found *load.Found
}

// kept is a file as it was read: its bytes, what Stat said, and a hash.
type kept struct {
	data []byte
	info fs.FileInfo
	sum  [32]byte
}

func newSource() *source { return &source{files: map[string]*kept{}, dirs: map[string][]fs.DirEntry{}} }

// forget drops the files at the given slash paths, and every file below
// any of them that is a folder, so that the next rebuild reads them again.
// It drops the listings that may have changed with them: each folder
// above a path, unless the listing of its folder holds the path as a
// file and it is a file in root still (its folder holds the same names),
// and each folder at or below a path.
func (s *source) forget(root fs.FS, paths []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range paths {
		prefix := p + "/"
		for dir := range s.dirs {
			if dir == p || strings.HasPrefix(dir, prefix) {
				delete(s.dirs, dir)
			}
		}
		if _, ok := s.files[p]; ok {
			delete(s.files, p)
		} else {
			// A folder, created, moved or removed, or a file not read
			// since it was last reported (the second event of a save
			// that first empties the file).
			for name := range s.files {
				if strings.HasPrefix(name, prefix) {
					delete(s.files, name)
				}
			}
		}
		if s.listed(p) {
			// A file the listing holds, a file still: its folder holds
			// the same names.
			if info, err := fs.Lstat(root, p); err == nil && info.Mode().IsRegular() {
				continue
			}
		}
		if p == load.ContentDir || strings.HasPrefix(p, load.ContentDir+"/") {
			s.found = nil // loading walks only content/
		}
		for dir := path.Dir(p); dir != "."; dir = path.Dir(dir) {
			delete(s.dirs, dir)
		}
	}
}

// listed reports whether the listing kept of the folder of name holds it
// as a regular file. Called with s.mu held.
func (s *source) listed(name string) bool {
	list, ok := s.dirs[path.Dir(name)]
	if !ok {
		return false
	}
	base := path.Base(name)
	i, found := slices.BinarySearchFunc(list, base, func(e fs.DirEntry, name string) int { return strings.Compare(e.Name(), name) })
	return found && list[i].Type().IsRegular()
}

// changes returns the paths of changed that may have changed: those not
// kept, and those kept whose file in root is no longer the same. An event
// that comes while a rebuild reads the file it is about (the second step
// of a save, often) needs no rebuild of its own: the file kept is the one
// on disk.
func (s *source) changes(root fs.FS, changed []string) []string {
	var out []string
	for _, name := range changed {
		s.mu.Lock()
		k, ok := s.files[name]
		s.mu.Unlock()
		if ok {
			if now := read(root, name); now != nil && now.sum == k.sum && now.info.Mode() == k.info.Mode() {
				continue
			}
		}
		out = append(out, name)
	}
	return out
}

// keptFile returns the file kept at name, or nil.
func (s *source) keptFile(name string) *kept {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.files[name]
}

// forgetAll drops every file: the next rebuild reads the whole catalogue.
func (s *source) forgetAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.files)
	clear(s.dirs)
	s.found = nil
}

// over returns the catalogue in root as one rebuild sees it: the files
// kept in memory, the others read from root (and kept from then on).
func (s *source) over(root fs.FS) *sourceFS {
	s.mu.Lock()
	n := len(s.files) // the files of the last rebuild: sized so, the map need not grow
	s.mu.Unlock()
	return &sourceFS{root: root, s: s, used: make(map[string]*kept, n)}
}

// sourceFS is the catalogue for one rebuild. It is a pipeline.Summer:
// the pages' keys come from the files it read.
type sourceFS struct {
	root fs.FS
	s    *source
	mu   sync.Mutex
	used map[string]*kept // the files this rebuild read
}

// Open opens name: a file kept in memory, or else from the folder.
func (f *sourceFS) Open(name string) (fs.File, error) {
	if k := f.keep(name); k != nil {
		return &memFile{Reader: bytes.NewReader(k.data), info: k.info}, nil
	}
	return f.root.Open(name)
}

// keep returns the kept file at name, reading it now when it is not kept
// yet, or nil for what is not kept: folders, links, large or unreadable
// files, which Open, Stat and Lstat leave to the folder.
func (f *sourceFS) keep(name string) *kept {
	f.s.mu.Lock()
	k, ok := f.s.files[name]
	f.s.mu.Unlock()
	if !ok {
		if k = read(f.root, name); k != nil {
			f.s.mu.Lock()
			f.s.files[name] = k
			f.s.mu.Unlock()
		}
	}
	f.mu.Lock()
	f.used[name] = k // nil for what is left to the folder: Sum counts its name
	f.mu.Unlock()
	return k
}

// read reads the regular file name of root, or returns nil.
func read(root fs.FS, name string) *kept {
	if !fs.ValidPath(name) {
		return nil
	}
	// Lstat: a link is left to the folder, which reports it as it does.
	if info, err := fs.Lstat(root, name); err != nil || !info.Mode().IsRegular() || info.Size() > maxKept {
		return nil
	}
	file, err := root.Open(name)
	if err != nil {
		return nil
	}
	defer file.Close()
	info, err := file.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxKept {
		return nil
	}
	data, err := io.ReadAll(io.LimitReader(file, maxKept+1))
	if err != nil || int64(len(data)) != info.Size() {
		return nil // changing while read: the event that follows reads it again
	}
	return &kept{data: data, info: info, sum: sha256.Sum256(data)}
}

// ReadFile returns the bytes of name; the caller may change them.
func (f *sourceFS) ReadFile(name string) ([]byte, error) {
	if k := f.keep(name); k != nil {
		return slices.Clone(k.data), nil
	}
	return fs.ReadFile(f.root, name)
}

// Stat returns what the folder's Stat said of name.
func (f *sourceFS) Stat(name string) (fs.FileInfo, error) {
	if k := f.kept(name); k != nil {
		return k.info, nil
	}
	return fs.Stat(f.root, name)
}

// Lstat is Stat without following links: a kept file is no link.
func (f *sourceFS) Lstat(name string) (fs.FileInfo, error) {
	if k := f.kept(name); k != nil {
		return k.info, nil
	}
	return fs.Lstat(f.root, name)
}

// ReadLink reads a link of the folder.
func (f *sourceFS) ReadLink(name string) (string, error) { return fs.ReadLink(f.root, name) }

// ReadDir lists a folder: one under content/ as it was kept (see source),
// else from disk.
func (f *sourceFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != "content" && !strings.HasPrefix(name, "content/") {
		return fs.ReadDir(f.root, name)
	}
	f.s.mu.Lock()
	list, ok := f.s.dirs[name]
	f.s.mu.Unlock()
	if ok {
		return slices.Clone(list), nil
	}
	list, err := fs.ReadDir(f.root, name)
	if err != nil {
		return list, err
	}
	f.s.mu.Lock()
	f.s.dirs[name] = slices.Clone(list)
	f.s.mu.Unlock()
	return list, nil
}

// KeptFound returns what loading found in content/ when no listing there
// was dropped since (load.FoundKeeper).
func (f *sourceFS) KeptFound() *load.Found {
	f.s.mu.Lock()
	defer f.s.mu.Unlock()
	return f.s.found
}

// KeepFound keeps what loading found in content/, listed as the folders
// kept list it (load.FoundKeeper). The rebuilds, which alone drop
// listings, run one at a time: none is dropped while a walk runs.
func (f *sourceFS) KeepFound(found *load.Found) {
	f.s.mu.Lock()
	defer f.s.mu.Unlock()
	f.s.found = found
}

// kept returns the file at name if it is kept, without reading it.
func (f *sourceFS) kept(name string) *kept {
	f.s.mu.Lock()
	defer f.s.mu.Unlock()
	return f.s.files[name]
}

// Sum hashes the names and bytes of the files under content/ that this
// rebuild opened and the names of those under static/ (see
// pipeline.Summer). A file too large to keep counts by its name only:
// under content/ it is an error anyway, under static/ only its name
// reaches the pages.
func (f *sourceFS) Sum() [32]byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	h := sha256.New()
	for _, name := range slices.Sorted(maps.Keys(f.used)) {
		dir, _, _ := strings.Cut(name, "/")
		switch dir {
		case "content":
			h.Write([]byte(name + "\x00"))
			if k := f.used[name]; k != nil {
				h.Write(k.sum[:])
			} else {
				h.Write([]byte("not kept\x00")) // a folder, or a file too large for the site
			}
		case "static":
			h.Write([]byte(name + "\x00"))
		}
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}

// FileSum returns the SHA-256 of data if they are the bytes kept for
// name (pipeline.FileSummer): comparing them costs less than hashing
// them, and a file read again since is not taken for them.
func (f *sourceFS) FileSum(name string, data []byte) ([32]byte, bool) {
	if k := f.kept(name); k != nil && bytes.Equal(k.data, data) {
		return k.sum, true
	}
	return [32]byte{}, false
}

// UnreadSum returns the SHA-256 of the file kept for name, if one is,
// without copying or comparing its bytes (pipeline.UnreadSummer): the
// kept bytes are what Open gives. The file counts as read for Sum.
func (f *sourceFS) UnreadSum(name string) ([32]byte, bool) {
	k := f.kept(name)
	if k == nil {
		return [32]byte{}, false
	}
	f.mu.Lock()
	f.used[name] = k
	f.mu.Unlock()
	return k.sum, true
}

// memFile is a kept file, opened.
type memFile struct {
	*bytes.Reader
	info fs.FileInfo
}

func (m *memFile) Stat() (fs.FileInfo, error) { return m.info, nil }
func (m *memFile) Close() error               { return nil }
