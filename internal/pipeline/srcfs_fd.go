//go:build linux || darwin

package pipeline

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"sync"

	"golang.org/x/sys/unix"
)

// maxSourceDirs is how many folders of the catalogue fastDirs keeps open
// (or a sixteenth of the files the process may open, when that is less);
// files in others are read through the os.Root.
const maxSourceDirs = 256

// fastDirs opens files of the catalogue relative to the descriptors of
// their folders, each opened once, without following a symbolic link
// (O_NOFOLLOW, O_DIRECTORY): a path with one is left to the os.Root.
type fastDirs struct {
	top  *os.File // the catalogue folder, as the os.Root opened it
	name string   // the os.Root's name, which its files' names start with
	mu   sync.Mutex
	dirs map[string]int // open folders by slash path, -1 when not to be used
	most int            // how many it keeps open
}

func newFastDirs(root *os.Root) *fastDirs {
	top, err := root.Open(".")
	if err != nil {
		return nil
	}
	fd := -1
	if rc, err := top.SyscallConn(); err == nil {
		rc.Control(func(d uintptr) { fd = int(d) })
	}
	if fd < 0 {
		top.Close()
		return nil
	}
	d := &fastDirs{top: top, name: root.Name(), dirs: map[string]int{".": fd}, most: maxSourceDirs}
	var lim unix.Rlimit
	if unix.Getrlimit(unix.RLIMIT_NOFILE, &lim) == nil {
		d.most = int(min(uint64(maxSourceDirs), lim.Cur/16))
	}
	return d
}

// dir returns the descriptor of the folder dir, opening it (and those
// above it) the first time; -1 when it is not to be had so.
func (d *fastDirs) dir(dir string) int {
	d.mu.Lock()
	fd, ok := d.dirs[dir]
	closed := d.dirs == nil
	d.mu.Unlock()
	if closed {
		return -1
	}
	if ok {
		return fd
	}
	fd = -1
	if parent := d.dir(path.Dir(dir)); parent >= 0 {
		err := ignoringEINTR(func() (err error) {
			fd, err = unix.Openat(parent, path.Base(dir), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
			return err
		})
		if err != nil {
			fd = -1
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if old, ok := d.dirs[dir]; ok || d.dirs == nil { // opened meanwhile, or closed
		if fd >= 0 {
			unix.Close(fd)
		}
		if !ok {
			return -1
		}
		return old
	}
	if fd >= 0 && len(d.dirs) >= d.most {
		unix.Close(fd)
		return -1
	}
	d.dirs[dir] = fd
	return fd
}

// open opens the file name, or returns nil: then the os.Root is asked.
func (d *fastDirs) open(name string) fs.File {
	if d == nil || !fs.ValidPath(name) || name == "." {
		return nil
	}
	dir := d.dir(path.Dir(name))
	if dir < 0 {
		return nil
	}
	var fd int
	err := ignoringEINTR(func() (err error) {
		fd, err = unix.Openat(dir, path.Base(name), unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
		return err
	})
	if err != nil {
		return nil
	}
	prefix := d.name // as os.Root names its files
	if prefix == "" || !os.IsPathSeparator(prefix[len(prefix)-1]) {
		prefix += string(os.PathSeparator)
	}
	return os.NewFile(uintptr(fd), prefix+name)
}

func (d *fastDirs) close() {
	if d == nil {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for dir, fd := range d.dirs {
		if fd >= 0 && dir != "." {
			unix.Close(fd)
		}
	}
	d.dirs = nil
	d.top.Close()
}

func ignoringEINTR(call func() error) error {
	for {
		if err := call(); !errors.Is(err, unix.EINTR) {
			return err
		}
	}
}
