//go:build linux || darwin

package publish

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"
)

// fdStager makes the staging folder's files relative to the descriptors
// of their folders: a file is one openat in its open folder, a folder
// one mkdirat and one openat in its parent's, made once. No call follows
// a symbolic link (O_NOFOLLOW, O_DIRECTORY), so a link that appears in the
// staging folder is refused, not written through.
//
// The same type, not making folders (makes false), looks up the files of
// the output (see Tx.lstat).
type fdStager struct {
	top   *os.File // the staging folder
	makes bool     // it makes the folders it opens
	mu    sync.Mutex
	// The folders made or opened, by slash path; "." is the staging
	// folder itself, always open.
	dirs   map[string]*fdDir
	open   int  // folders open, but for the staging folder
	closed bool // close was called: nothing is opened any more
	// How many folders it keeps open (keepOpen and maxOpen, or less
	// where the process may open few files).
	keep, most int
	// noBeneath is set once the system turned down openBeneath's call.
	noBeneath atomic.Bool
}

// fdDir is one folder of the staging folder.
type fdDir struct {
	path   string
	mu     sync.Mutex // held while it is made or opened
	fd     int        // -1 while closed
	made   bool       // this build made it
	refs   int        // files and folders being made in it (fdStager.mu)
	parent bool       // a folder was opened in it: it stays open
	// made by makeDir (fdStager.mu): a file in it may be opened
	// through its parent (openBeneath).
	premade bool
}

func newStager(parent *os.Root, dir string) (stager, error) {
	return newFdTree(parent, dir, true)
}

// newLooker returns what looks up files in the output root: on these
// systems, an fdStager that makes nothing.
func newLooker(root *os.Root) looker {
	l, err := newFdTree(root, ".", false)
	if err != nil {
		return nil
	}
	return l
}

func newFdTree(parent *os.Root, dir string, makes bool) (*fdStager, error) {
	f, err := parent.Open(dir)
	if err != nil {
		return nil, err
	}
	if info, err := f.Stat(); err != nil || !info.IsDir() {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: dir, Err: unix.ENOTDIR}
	}
	fd := -1
	rc, err := f.SyscallConn()
	if err == nil {
		err = rc.Control(func(d uintptr) { fd = int(d) })
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	s := &fdStager{top: f, makes: makes, dirs: map[string]*fdDir{}, keep: keepOpen, most: maxOpen}
	var lim unix.Rlimit
	if unix.Getrlimit(unix.RLIMIT_NOFILE, &lim) == nil {
		// A sixteenth of what the process may open, a quarter at most.
		s.keep = int(min(uint64(keepOpen), lim.Cur/16))
		s.most = int(min(uint64(maxOpen), lim.Cur/4))
	}
	s.dirs["."] = &fdDir{path: ".", fd: fd, made: true, parent: true}
	return s, nil
}

// acquire returns the folder dir, made and open, for a file or folder to
// be made in it; release gives it back.
func (s *fdStager) acquire(dir string) (*fdDir, error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil, &fs.PathError{Op: "open", Path: dir, Err: fs.ErrClosed}
	}
	d := s.dirs[dir]
	if d == nil {
		d = &fdDir{path: dir, fd: -1}
		s.dirs[dir] = d
	}
	d.refs++
	s.mu.Unlock()
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.fd >= 0 {
		return d, nil
	}
	if err := s.openDir(d); err != nil {
		s.release(d)
		return nil, err
	}
	return d, nil
}

func (d *fdDir) name() string { return path.Base(d.path) }

// openDir makes the folder d in its parent (once) and opens it. It is
// called with d.mu held.
func (s *fdStager) openDir(d *fdDir) error {
	p, err := s.acquire(path.Dir(d.path))
	if err != nil {
		return err
	}
	defer s.release(p)
	if s.makes && !d.made {
		err := ignoringEINTR(func() error { return unix.Mkdirat(p.fd, d.name(), 0o755) })
		if err != nil && !errors.Is(err, unix.EEXIST) {
			return &fs.PathError{Op: "mkdir", Path: d.path, Err: err}
		}
		// Made, or there already (the open below refuses anything but a
		// folder).
		d.made = true
	}
	var fd int
	err = s.retrying(func() (err error) {
		fd, err = unix.Openat(p.fd, d.name(), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
		return err
	})
	if err != nil {
		return &fs.PathError{Op: "open", Path: d.path, Err: err}
	}
	s.mu.Lock()
	d.fd = fd
	s.open++
	p.parent = true
	s.mu.Unlock()
	return nil
}

// release gives back a folder acquire returned. The last one out closes
// it, unless it holds folders or few folders are open.
func (s *fdStager) release(d *fdDir) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d.refs--
	if d.refs > 0 || d.fd < 0 || d.path == "." {
		return
	}
	if s.open > s.most || (s.open > s.keep && !d.parent) {
		unix.Close(d.fd)
		d.fd = -1
		s.open--
	}
}

// makeDir makes the folder dir in its parent (once), and those above
// it, without opening it: a file written in it is then opened through
// its parent (openBeneath).
func (s *fdStager) makeDir(dir string) error {
	if dir == "." {
		return nil
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return &fs.PathError{Op: "mkdir", Path: dir, Err: fs.ErrClosed}
	}
	d := s.dirs[dir]
	if d == nil {
		d = &fdDir{path: dir, fd: -1}
		s.dirs[dir] = d
	}
	s.mu.Unlock()
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.made {
		return nil
	}
	p, err := s.acquire(path.Dir(dir))
	if err != nil {
		return err
	}
	defer s.release(p)
	err = ignoringEINTR(func() error { return unix.Mkdirat(p.fd, d.name(), 0o755) })
	if err != nil && !errors.Is(err, unix.EEXIST) {
		return &fs.PathError{Op: "mkdir", Path: dir, Err: err}
	}
	// Made, or there already: what is there is opened only as a
	// folder, never through a link (openDir, openBeneath).
	d.made = true
	s.mu.Lock()
	d.premade = true
	p.parent = true
	s.mu.Unlock()
	return nil
}

// openBeneath creates the file name in a folder makeDir made and no one
// holds open, through the folder above it, with one openat2 that follows
// no symbolic link on the way (RESOLVE_NO_SYMLINKS) nor leaves that
// folder (RESOLVE_BENEATH): the file's folder is neither opened nor
// closed, two system calls fewer a file (at 10,000 activities, a folder
// each). ok is false when it does not apply, or the system does not have
// the call: then openFile opens the folder.
func (s *fdStager) openBeneath(name string) (fd int, ok bool, err error) {
	dir := path.Dir(name)
	if dir == "." || s.noBeneath.Load() {
		return -1, false, nil
	}
	s.mu.Lock()
	d := s.dirs[dir]
	applies := d != nil && d.premade && d.fd < 0
	s.mu.Unlock()
	if !applies {
		return -1, false, nil
	}
	p, err := s.acquire(path.Dir(dir))
	if err != nil {
		return -1, true, err
	}
	defer s.release(p)
	err = s.retrying(func() (err error) {
		fd, err = openBeneath(p.fd, d.name()+"/"+path.Base(name), unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0o644)
		return err
	})
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EPERM) {
		// No openat2 (an older kernel, another system, a filter that
		// forbids it): the usual way, which reports a real EPERM.
		s.noBeneath.Store(true)
		return -1, false, nil
	}
	if err != nil {
		return -1, true, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return fd, true, nil
}

func (s *fdStager) openFile(name string) (int, error) {
	if fd, ok, err := s.openBeneath(name); ok {
		return fd, err
	}
	d, err := s.acquire(path.Dir(name))
	if err != nil {
		return -1, err
	}
	defer s.release(d)
	var fd int
	err = s.retrying(func() (err error) {
		fd, err = unix.Openat(d.fd, path.Base(name), unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0o644)
		return err
	})
	if err != nil {
		return -1, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return fd, nil
}

func (s *fdStager) writeFile(name string, data []byte) (int64, error) {
	fd, err := s.openFile(name)
	if err != nil {
		return 0, err
	}
	for len(data) > 0 && err == nil {
		var n int
		n, err = unix.Write(fd, data)
		switch {
		case errors.Is(err, unix.EINTR):
			err = nil
		case err == nil && n == 0:
			err = unix.EIO
		}
		data = data[max(n, 0):]
	}
	var st unix.Stat_t
	if err == nil {
		err = ignoringEINTR(func() error { return unix.Fstat(fd, &st) })
	}
	if cerr := unix.Close(fd); err == nil && cerr != nil && !errors.Is(cerr, unix.EINTR) {
		err = cerr
	}
	if err != nil {
		return 0, &fs.PathError{Op: "write", Path: name, Err: err}
	}
	return st.Mtim.Nano(), nil
}

func (s *fdStager) create(name string) (*os.File, error) {
	fd, err := s.openFile(name)
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(fd), name), nil
}

func (s *fdStager) remove(name string) error {
	d, err := s.acquire(path.Dir(name))
	if err != nil {
		return err
	}
	defer s.release(d)
	if err := ignoringEINTR(func() error { return unix.Unlinkat(d.fd, path.Base(name), 0) }); err != nil {
		return &fs.PathError{Op: "remove", Path: name, Err: err}
	}
	return nil
}

// lstat looks at the file name without following a link: when every
// folder of its path is a folder, in one fstatat in its open folder. When
// one is not (a link, a file), it gives a *fs.PathError that is not
// fs.ErrNotExist: Tx.lstat then asks the os.Root.
func (s *fdStager) lstat(name string) (fs.FileInfo, error) {
	d, err := s.acquire(path.Dir(name))
	if err != nil {
		return nil, err
	}
	defer s.release(d)
	var st unix.Stat_t
	base := path.Base(name)
	if err := ignoringEINTR(func() error { return unix.Fstatat(d.fd, base, &st, unix.AT_SYMLINK_NOFOLLOW) }); err != nil {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: err}
	}
	return &statInfo{name: base, st: st}, nil
}

// statInfo is an fs.FileInfo of a unix.Stat_t.
type statInfo struct {
	name string
	st   unix.Stat_t
}

func (i *statInfo) Name() string       { return i.name }
func (i *statInfo) Size() int64        { return i.st.Size }
func (i *statInfo) ModTime() time.Time { return time.Unix(i.st.Mtim.Unix()) }
func (i *statInfo) IsDir() bool        { return i.Mode().IsDir() }
func (i *statInfo) Sys() any           { return &i.st }

func (i *statInfo) Mode() fs.FileMode {
	m := fs.FileMode(i.st.Mode & 0o777)
	switch i.st.Mode & unix.S_IFMT {
	case unix.S_IFREG:
	case unix.S_IFDIR:
		m |= fs.ModeDir
	case unix.S_IFLNK:
		m |= fs.ModeSymlink
	default:
		m |= fs.ModeIrregular
	}
	return m
}

func (s *fdStager) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	for _, d := range s.dirs {
		if d.fd >= 0 && d.path != "." {
			unix.Close(d.fd)
		}
		d.fd = -1
	}
	s.open = 0
	s.top.Close()
}

// retrying makes an open call, and when the process has too many files
// open, closes the folders no one is using and makes it once more.
func (s *fdStager) retrying(open func() error) error {
	err := ignoringEINTR(open)
	if errors.Is(err, unix.EMFILE) {
		s.shed()
		err = ignoringEINTR(open)
	}
	return err
}

// shed closes the folders that are open and in use by no one.
func (s *fdStager) shed() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.dirs {
		if d.refs == 0 && d.fd >= 0 && d.path != "." {
			unix.Close(d.fd)
			d.fd = -1
			s.open--
		}
	}
}

func ignoringEINTR(call func() error) error {
	for {
		if err := call(); !errors.Is(err, unix.EINTR) {
			return err
		}
	}
}
