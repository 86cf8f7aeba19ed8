// Package publish writes a finished site. Its promise is all or nothing:
// a build writes into a fresh temporary folder beside the output folder, and
// only Commit swaps it into place, so a build that fails, is interrupted or
// is killed leaves the previous site exactly as it was. An exclusive lock
// keeps two builds from writing the same folder at once; leftovers of killed
// builds are removed by the next one.
//
// It also minifies output by file type (tdewolff/minify) and names assets
// by their content hash for long caching.
package publish

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
)

// Writer receives the files of a site; names are slash-separated paths
// relative to the site root.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Mem is an in-memory Writer for tests and the dev server. The zero value is
// ready to use and safe for concurrent use.
type Mem struct {
	mu    sync.Mutex
	files map[string][]byte
}

// WriteFile stores a copy of data under name.
func (m *Mem) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[name] = slices.Clone(data)
	return nil
}

// Files returns a copy of the stored files keyed by name.
func (m *Mem) Files() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.files)
}

// Get returns the file stored under name.
func (m *Mem) Get(name string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.files[name]
	return b, ok
}

// checkName rejects names that could escape the site folder.
func checkName(name string) error {
	switch {
	case name == "", strings.HasPrefix(name, "/"), strings.ContainsAny(name, "\\\x00"),
		path.Clean(name) != name, name == "..", strings.HasPrefix(name, "../"):
		return fmt.Errorf("invalid output file name %q", name)
	}
	return nil
}

// Tx is a new version of a site being written; see Begin.
type Tx struct {
	dir  string // the output folder to replace
	tmp  string // where the new version is written
	lock *os.File
	mu   sync.Mutex
	done bool
}

// Begin starts writing a new version of the site in dir. It fails when
// another build holds the lock, or when dir exists and is not a folder.
func Begin(dir string) (*Tx, error) {
	dir = filepath.Clean(dir)
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("output %s exists and is not a folder", dir)
	}
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	lock, err := os.OpenFile(filepath.Join(parent, "."+base+".samkat-lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		lock.Close()
		return nil, fmt.Errorf("another samkat build is writing %s (lock: %w)", dir, err)
	}
	// With the lock held, temporary folders are leftovers of killed builds.
	for _, pattern := range []string{".samkat-tmp-*", ".samkat-old-*"} {
		old, _ := filepath.Glob(filepath.Join(parent, "."+base+pattern))
		for _, o := range old {
			os.RemoveAll(o)
		}
	}
	tmp := filepath.Join(parent, "."+base+".samkat-tmp-"+randomSuffix())
	if err := os.Mkdir(tmp, 0o755); err != nil {
		unlock(lock)
		return nil, fmt.Errorf("create temporary output folder: %w", err)
	}
	return &Tx{dir: dir, tmp: tmp, lock: lock}, nil
}

func randomSuffix() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func unlock(f *os.File) {
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	f.Close()
}

// WriteFile writes one file of the new version. It is safe for concurrent use.
func (t *Tx) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	t.mu.Lock()
	done := t.done
	t.mu.Unlock()
	if done {
		return errors.New("write after the output was committed or aborted")
	}
	p := filepath.Join(t.tmp, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

func (t *Tx) finish() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.done {
		return errors.New("output already committed or aborted")
	}
	t.done = true
	return nil
}

// Commit puts the new version in place of dir and removes the old one.
func (t *Tx) Commit() error {
	if err := t.finish(); err != nil {
		return err
	}
	defer unlock(t.lock)
	old := ""
	if _, err := os.Lstat(t.dir); err == nil {
		old = filepath.Join(filepath.Dir(t.dir), "."+filepath.Base(t.dir)+".samkat-old-"+randomSuffix())
		if err := os.Rename(t.dir, old); err != nil {
			os.RemoveAll(t.tmp)
			return fmt.Errorf("move the previous site aside: %w", err)
		}
	}
	if err := os.Rename(t.tmp, t.dir); err != nil {
		if old != "" {
			os.Rename(old, t.dir) // put the previous site back
		}
		os.RemoveAll(t.tmp)
		return fmt.Errorf("move the new site into place: %w", err)
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove the previous site: %w", err)
		}
	}
	return nil
}

// Abort throws the new version away; dir is untouched.
func (t *Tx) Abort() error {
	if err := t.finish(); err != nil {
		return err
	}
	defer unlock(t.lock)
	return os.RemoveAll(t.tmp)
}
