// Package publish writes a finished site into its output folder. It
// promises three things.
//
// samkat never deletes or overwrites a file it did not write. A manifest
// inside the output (.samkat/manifest.json) lists every file the last
// build wrote with its size, hash and modification time; those are the
// only files a build replaces or removes. Everything else (.git, CNAME,
// .nojekyll, a host's configuration) is left as it is, and a file the
// site needs that someone else put there stops the build. CheckOutput
// refuses, before anything is written, an output folder that is the
// catalogue, holds it, or lies inside its sources.
//
// Only what changed is written. A file whose bytes are those the manifest
// records, and that is still as the last build left it, is not touched:
// it keeps its modification time and inode, so a sync to a web host moves
// only what changed. Files the site no longer has are removed.
//
// All or nothing. A build writes its new and changed files into a hidden
// staging folder inside the output (.samkat/staging) while the site stays
// as it was; only Commit moves them in, each with one rename over the old
// file, so every path holds the old or the new file at every instant and
// none is ever missing. Before moving anything, Commit writes a journal
// (.samkat/next.json) and keeps a hard link to each file it replaces or
// removes in .samkat/old; the new manifest is written last. A build that
// fails or is cancelled before Commit leaves the site exactly as it was;
// one killed while Commit moves files in (milliseconds when little
// changed) leaves the journal, and the next build puts every moved file
// back before it starts, so the previous site returns byte for byte.
// An exclusive lock (.samkat/lock, released by the system when the
// process dies) makes a second build on the same folder stop at once.
//
// Why not build a whole new tree beside the old one and swap the two
// folders? The swapped-in folder would need every foreign file carried
// over (a .git folder hard-linked file by file), the folder itself would
// change identity under a web server or a git worktree, the staging
// folder would sit beside the output (in the catalogue folder, for the
// default public/) where a killed build leaves it for git status to show,
// and an atomic swap of two folders exists only on Linux
// (renameat2 RENAME_EXCHANGE). Writing in place needs none of that.
//
// A large file can be given as it is made (Stream) rather than whole:
// compared with the file already there while they agree, written to the
// staging folder from the first byte that differs.
//
// It also minifies output by file type (tdewolff/minify) and names assets
// by their content hash for long caching.
package publish

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Writer receives the files of a site; names are slash-separated paths
// relative to the site root. WriteFile keeps none of the bytes it is
// given: the caller may use them again once it returns.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Mem is an in-memory Writer for tests and the dev server. The zero value is
// ready to use and safe for concurrent use. The bytes it holds are never
// changed, by it or by those it gives them to.
type Mem struct {
	mu    sync.Mutex
	files map[string][]byte
	id    string
	prev  *Mem // the version Keep takes files from (see Next)
}

// WriteFile stores a copy of data under name.
func (m *Mem) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	m.store(name, slices.Clone(data))
	return nil
}

// store keeps data, which it now owns, under name.
func (m *Mem) store(name string, data []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[name] = data
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

// Tx is a new version of a site being written into an output folder; see
// Begin.
type Tx struct {
	out     string // the output folder as given
	root    *os.Root
	lock    *os.File
	created bool // Begin made the folder: Abort removes it again
	// Begin made the .samkat folder in a folder no build had written:
	// Abort removes it again.
	createdState bool
	old          manifest
	id           string   // this build's, recorded in its manifest
	kept         []string // what a folder samkat did not make held when the build began

	movedDirs map[string]bool // folders Commit moved in whole

	// Whether each folder of the site's paths that lstat looked at was a
	// folder (true) or missing (false) in the output, by slash path.
	outDirs sync.Map
	// What looks files up in the output quicker than the os.Root, where
	// the system allows; nil otherwise, and once the build is done.
	look looker

	// crashAfter, in tests, makes Commit stop after this many moves and
	// return as a killed process would, without undoing anything.
	crashAfter int

	// portable makes the Tx use the portable stager and no looker, as on
	// systems without stage_fd.go; the tests write both ways.
	portable bool

	// What makes the files in the staging folder, made with the folder
	// on the first write (see stager).
	stagingOnce sync.Once
	staging     stager
	stagingErr  error

	// The goroutine of MakeFolders, if any: Commit and Abort stop it
	// (stopFolders) and wait for it.
	folders     sync.WaitGroup
	stopFolders atomic.Bool
	// folderHook, in tests, is called before each folder MakeFolders
	// makes, and with "" when it ends.
	folderHook func(dir string)

	mu        sync.Mutex
	conflicts map[string]string // what is in the way of the site, by name: Commit refuses
	next      map[string]entry
	staged    map[string]bool      // files written to the staging folder, by name
	states    map[string]bool      // state files SetState wrote (true) or RemoveState named (false), by path
	marks     map[string]fileMarks // the midstates of the files streamed, for the next build
	done      bool

	// The previous build's midstates (see midstate.go), read once, and
	// the bytes the streams hashed (for the tests).
	prevMarksOnce sync.Once
	prevMarks     map[string]fileMarks
	prevMarksFile []byte // the state file they were read from
	hashed        atomic.Int64
}

// Stats describes a committed build.
type Stats struct {
	Files     int      // files of the site
	Written   int      // files added or replaced
	Unchanged int      // files left as they were
	Removed   int      // files of the previous build the site no longer has
	Kept      []string // what a folder samkat did not make held before, left alone (first build only)
}

var errCrash = errors.New("simulated crash")

// Begin starts writing a new version of the site in folder out, creating
// it when missing. It takes the folder's lock, and puts back the previous
// site when the last build was killed while moving its files in. It
// fails with a *Refusal when another build holds the lock or out is not a
// folder. A symbolic link out is followed: the site is written to its
// target.
func Begin(out string) (*Tx, error) {
	return beginWith(out, false)
}

// beginWith is Begin, with the portable stager and no looker when
// portable is true.
func beginWith(out string, portable bool) (*Tx, error) {
	if info, err := os.Stat(out); err == nil && !info.IsDir() {
		return nil, &Refusal{Reason: NotAFolder, Out: out}
	}
	created := false
	if _, err := os.Stat(out); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return nil, fmt.Errorf("create %s: %w", out, err)
		}
		created = true
	}
	root, err := os.OpenRoot(out)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", out, err)
	}
	t := &Tx{out: out, root: root, created: created, portable: portable, id: randomID(), next: map[string]entry{}, staged: map[string]bool{}, conflicts: map[string]string{}}
	if err := t.begin(); err != nil {
		if t.lock != nil {
			unlockFile(t.lock)
			t.lock.Close()
		}
		root.Close()
		if created {
			os.RemoveAll(out)
		}
		return nil, err
	}
	if !portable {
		t.look = newLooker(root)
	}
	return t, nil
}

func (t *Tx) begin() error {
	if err := t.root.Mkdir(stateDir, 0o755); err == nil {
		t.createdState = true
	} else if !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("create %s: %w", filepath.Join(t.out, stateDir), err)
	}
	lock, err := t.root.OpenFile(lockName, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return fmt.Errorf("lock %s: %w", t.out, err)
	}
	busy, err := lockFile(lock)
	if busy || err != nil {
		lock.Close()
		if busy {
			return &Refusal{Reason: Busy, Out: t.out}
		}
		return fmt.Errorf("lock %s: %w", t.out, err)
	}
	t.lock = lock
	t.removeLegacyLock()
	if err := t.recover(); err != nil {
		return fmt.Errorf("put back the site of the build that was interrupted in %s: %w", t.out, err)
	}
	old, ok, err := readManifest(t.root, manifestName)
	if err != nil {
		return err
	}
	t.old = old
	if !ok && !t.created {
		entries, err := fs.ReadDir(t.root.FS(), ".")
		if err != nil {
			return fmt.Errorf("read %s: %w", t.out, err)
		}
		for _, e := range entries {
			if e.Name() != stateDir {
				t.kept = append(t.kept, e.Name())
			}
		}
	}
	return nil
}

// removeLegacyLock removes the empty lock file that samkat versions before
// the manifest left beside the output folder (for public/, in the
// catalogue folder, where git status shows it). The name is matched
// literally.
func (t *Tx) removeLegacyLock() {
	clean := filepath.Clean(t.out)
	legacy := filepath.Join(filepath.Dir(clean), "."+filepath.Base(clean)+".samkat-lock")
	if info, err := os.Lstat(legacy); err == nil && info.Mode().IsRegular() && info.Size() == 0 {
		os.Remove(legacy)
	}
}

// recover finishes what an interrupted build left: when it was killed
// while moving its files in (the journal is there but the manifest is
// still the previous one), every file it moved aside is put back and
// every file it added is removed. Then the staging folders go.
func (t *Tx) recover() error {
	next, ok, err := readManifest(t.root, nextName)
	if err != nil {
		return err
	}
	if ok {
		cur, _, err := readManifest(t.root, manifestName)
		if err != nil {
			return err
		}
		if cur.Build != next.Build {
			if err := t.rollback(cur, next); err != nil {
				return err
			}
		}
	}
	return t.cleanup(nil)
}

// rollback undoes the moves of the build whose journal is next; cur is
// the manifest of the site before it.
func (t *Tx) rollback(cur, next manifest) error {
	var restore []string
	err := fs.WalkDir(t.root.FS(), oldDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if !d.IsDir() {
			restore = append(restore, strings.TrimPrefix(p, oldDir+"/"))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(next.Files)) {
		e := next.Files[name]
		if _, was := cur.Files[name]; was || !e.Added {
			continue
		}
		if h, _, err := hashFile(t.root, name); err == nil && h == e.Hash {
			if err := t.root.Remove(name); err != nil {
				return err
			}
			t.prune(name)
		}
	}
	for _, name := range restore {
		if err := t.root.MkdirAll(path.Dir(name), 0o755); err != nil {
			return err
		}
		if err := t.root.Rename(oldDir+"/"+name, name); err != nil {
			return err
		}
	}
	return nil
}

// cleanup removes the journal and the staging folders, and the folders
// that removing the files in removed left empty.
func (t *Tx) cleanup(removed []string) error {
	var errs []error
	t.closeFolders()
	for _, name := range []string{nextName, manifestTmp} {
		if err := t.root.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	errs = append(errs, t.removeNextStates())
	for _, dir := range []string{oldDir, stagingDir, scratchDir} {
		if err := t.root.RemoveAll(dir); err != nil {
			errs = append(errs, err)
		}
	}
	for _, name := range removed {
		t.prune(name)
	}
	return errors.Join(errs...)
}

// closeFolders lets go of the folders the writes kept open, once they are
// done: the moves of Commit need descriptors of their own.
func (t *Tx) closeFolders() {
	if t.staging != nil {
		t.staging.close()
	}
	if t.look != nil {
		t.look.close()
		t.look = nil
	}
}

// prune removes the folders above name that are empty, up to the output
// folder; a folder that holds anything stays.
func (t *Tx) prune(name string) {
	for dir := path.Dir(name); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if t.root.Remove(dir) != nil {
			return
		}
	}
}

// Kept returns what a folder samkat did not make held when the build
// began: names of its entries, which the build leaves alone. It is empty
// for a folder a samkat build made.
func (t *Tx) Kept() []string { return slices.Clone(t.kept) }

// WriteFile writes one file of the new version. A file whose bytes are
// those the last build wrote is not written again. When a file or folder
// that samkat did not write is where the site needs this one, it is
// noted, and Commit refuses with every such file counted. It is safe for
// concurrent use.
func (t *Tx) WriteFile(name string, data []byte) error {
	if err := t.writable(name); err != nil {
		return err
	}
	e := entry{Size: int64(len(data)), Hash: hashOf(data)}
	fn := filepath.FromSlash(name)
	info, err := t.lstat(name)
	switch {
	case err == nil && info.Mode().IsRegular():
		if o, ours := t.old.Files[name]; ours {
			if o.Size == e.Size && o.Hash == e.Hash && info.Size() == o.Size {
				// Unchanged: leave it as it is. A file touched since
				// (a checkout sets the time) is compared byte for byte.
				if info.ModTime().UnixNano() == o.MTime {
					e.MTime = o.MTime
					return t.record(name, e, false)
				}
				if same, err := sameBytes(t.root, fn, data); err == nil && same {
					e.MTime = info.ModTime().UnixNano()
					return t.record(name, e, false)
				}
			}
			break // ours, changed: replace it
		}
		// Not ours: the same bytes are adopted as they are, other bytes are refused.
		if same, err := sameBytes(t.root, fn, data); err != nil || !same {
			return t.inTheWay(name, "a file with other content")
		}
		e.MTime = info.ModTime().UnixNano()
		return t.record(name, e, false)
	case err == nil && info.IsDir():
		return t.inTheWay(name, "a folder")
	case err == nil:
		return t.inTheWay(name, "not a regular file")
	case errors.Is(err, fs.ErrNotExist):
		e.Added = true
	default:
		// A file where a folder of the path should be, or a link out of
		// the output: refuse unless it is a file of the previous build.
		if blocker := t.blocker(name); blocker != "" {
			return t.inTheWay(blocker, "not a folder, and the site needs one there")
		}
		e.Added = true
	}
	staging, err := t.stager()
	if err != nil {
		return err
	}
	mtime, err := staging.writeFile(name, data)
	if err != nil {
		return err
	}
	e.MTime = mtime // a rename keeps it
	return t.record(name, e, true)
}

// lstat is t.root.Lstat of the file name of the site, with no system call
// when a folder of its path was missing from the output when the build
// first looked: a build into a new folder looks at each folder of the site
// once, not at each of its files. (The output does not change until
// Commit, which moves a folder the output does not have in whole, and
// does not replace a folder that appeared there since.)
func (t *Tx) lstat(name string) (fs.FileInfo, error) {
	for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
		if there, known := t.outDirs.Load(dir); known {
			if !there.(bool) {
				return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrNotExist}
			}
			break
		}
	}
	var info fs.FileInfo
	err := errors.ErrUnsupported
	if t.look != nil {
		// Where every folder of the path is a folder, the same answer
		// as the os.Root's (which walks the path for each file).
		info, err = t.look.lstat(name)
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		info, err = t.root.Lstat(filepath.FromSlash(name))
	}
	if errors.Is(err, fs.ErrNotExist) {
		t.noteMissing(path.Dir(name))
	}
	return info, err
}

// noteMissing notes which folders above a missing file are missing too,
// and the first that is a folder, climbing from dir. Anything else (a
// file, a link) is not noted: lstat looks at it every time.
func (t *Tx) noteMissing(dir string) {
	for ; dir != "."; dir = path.Dir(dir) {
		if _, known := t.outDirs.Load(dir); known {
			return
		}
		info, err := t.root.Lstat(filepath.FromSlash(dir))
		switch {
		case err == nil && info.IsDir():
			t.outDirs.Store(dir, true)
			return
		case errors.Is(err, fs.ErrNotExist):
			t.outDirs.Store(dir, false)
		default:
			return
		}
	}
}

// writable says why name may not be written, if it may not.
func (t *Tx) writable(name string) error {
	if err := checkName(name); err != nil {
		return err
	}
	if name == stateDir || strings.HasPrefix(name, stateDir+"/") {
		return fmt.Errorf("output file name %q is reserved for samkat's record of the output", name)
	}
	t.mu.Lock()
	done := t.done
	t.mu.Unlock()
	if done {
		return errors.New("write after the output was committed or aborted")
	}
	return nil
}

// stager makes the staging folder, once, and returns what writes in it.
func (t *Tx) stager() (stager, error) {
	t.stagingOnce.Do(func() {
		if t.stagingErr = t.root.MkdirAll(stagingDir, 0o755); t.stagingErr != nil {
			return
		}
		if t.portable {
			t.staging, t.stagingErr = newRootStager(t.root, stagingDir)
		} else {
			t.staging, t.stagingErr = newStager(t.root, stagingDir)
		}
	})
	return t.staging, t.stagingErr
}

// blocker returns the first folder on name's path that is something other
// than a folder and not a file of the previous build, or "".
func (t *Tx) blocker(name string) string {
	parts := strings.Split(name, "/")
	for i := 1; i < len(parts); i++ {
		p := strings.Join(parts[:i], "/")
		info, err := t.root.Lstat(filepath.FromSlash(p))
		if errors.Is(err, fs.ErrNotExist) {
			return ""
		}
		if err != nil || !info.IsDir() {
			if _, ours := t.old.Files[p]; ours && err == nil && info.Mode().IsRegular() {
				return ""
			}
			return p
		}
	}
	return ""
}

// inTheWay notes that what is at name is in the way of the site.
func (t *Tx) inTheWay(name, what string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.conflicts[name] = what
	return nil
}

func sameBytes(root *os.Root, name string, data []byte) (bool, error) {
	b, err := root.ReadFile(name)
	if err != nil {
		return false, err
	}
	return bytes.Equal(b, data), nil
}

func (t *Tx) record(name string, e entry, staged bool) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.done {
		return errors.New("write after the output was committed or aborted")
	}
	t.next[name] = e
	if staged {
		t.staged[name] = true
	} else {
		delete(t.staged, name)
	}
	return nil
}

// finish ends the writing: no file is written, and no folder made, once
// it returns.
func (t *Tx) finish() error {
	t.mu.Lock()
	if t.done {
		t.mu.Unlock()
		return errors.New("output already committed or aborted")
	}
	t.done = true
	t.mu.Unlock()
	t.stopMakingFolders()
	return nil
}

func (t *Tx) release() {
	t.unlock()
	t.root.Close()
}

func (t *Tx) unlock() {
	if t.lock != nil {
		unlockFile(t.lock)
		t.lock.Close()
		t.lock = nil
	}
}

// Commit moves the new and changed files into place, removes the files of
// the previous build the site no longer has, and records the new
// manifest. When it fails, the previous site is put back.
func (t *Tx) Commit() (Stats, error) {
	t.saveMidstates()
	if err := t.finish(); err != nil {
		return Stats{}, err
	}
	if len(t.conflicts) > 0 {
		names := slices.Sorted(maps.Keys(t.conflicts))
		r := &Refusal{Reason: InTheWay, Out: t.out, Other: names[0], Detail: t.conflicts[names[0]], Count: len(names)}
		return Stats{}, errors.Join(r, t.abort())
	}
	defer t.release()
	t.closeFolders()
	st := Stats{Files: len(t.next), Written: len(t.staged), Kept: t.kept}
	st.Unchanged = st.Files - st.Written
	// The previous build's files the site no longer has, if they are
	// still as it left them (someone else's now, otherwise).
	var remove []string
	for _, name := range slices.Sorted(maps.Keys(t.old.Files)) {
		if _, keep := t.next[name]; keep {
			continue
		}
		o := t.old.Files[name]
		info, err := t.root.Lstat(filepath.FromSlash(name))
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		if info.Size() != o.Size || info.ModTime().UnixNano() != o.MTime {
			if h, _, err := hashFile(t.root, filepath.FromSlash(name)); err != nil || h != o.Hash {
				continue
			}
		}
		remove = append(remove, name)
	}
	st.Removed = len(remove)

	id := t.id
	if err := writeManifest(t.root, nextName, manifest{Format: manifestFormat, Build: id, Files: t.next}); err != nil {
		t.cleanup(nil)
		return st, err
	}
	err := t.apply(remove)
	if errors.Is(err, errCrash) {
		return st, err
	}
	if err == nil {
		err = writeManifest(t.root, manifestName, t.final(id))
	}
	if err == nil {
		t.commitStates()
	}
	if err != nil {
		if rerr := t.rollback(t.old, manifest{Files: t.next}); rerr != nil {
			err = errors.Join(err, fmt.Errorf("put back the previous site: %w", rerr))
		}
		t.cleanup(nil)
		return st, err
	}
	return st, t.cleanup(remove)
}

// apply moves the staged files in and the removed ones out, keeping the
// previous version of each in the old folder. New files go in first, then
// replaced ones, then removals, so that a page moved in finds the assets
// it refers to.
func (t *Tx) apply(remove []string) error {
	moves := 0
	step := func() error {
		moves++
		if t.crashAfter > 0 && moves > t.crashAfter {
			return errCrash
		}
		return nil
	}
	removing := map[string]bool{}
	for _, r := range remove {
		removing[r] = true
	}
	moveAside := func(name string) error {
		if err := step(); err != nil {
			return err
		}
		if err := t.root.MkdirAll(filepath.FromSlash(path.Dir(oldDir+"/"+name)), 0o755); err != nil {
			return err
		}
		delete(removing, name)
		return t.root.Rename(filepath.FromSlash(name), filepath.FromSlash(oldDir+"/"+name))
	}
	names := slices.Sorted(maps.Keys(t.staged))
	slices.SortStableFunc(names, func(a, b string) int {
		ae, be := t.next[a].Added, t.next[b].Added
		switch {
		case ae && !be:
			return -1
		case be && !ae:
			return 1
		}
		return 0
	})
	// A folder the output does not have yet is moved in whole, with one
	// rename: everything in it is new. (A first build moves a handful of
	// folders, not every file.)
	exists := map[string]bool{}
	missingTop := func(name string) (string, error) {
		parts := strings.Split(name, "/")
		for i := 1; i < len(parts); i++ {
			p := strings.Join(parts[:i], "/")
			there, known := exists[p]
			if !known {
				_, err := t.root.Lstat(filepath.FromSlash(p))
				if err != nil && !errors.Is(err, fs.ErrNotExist) {
					return "", err
				}
				there = err == nil
				exists[p] = there
			}
			if !there {
				return p, nil
			}
		}
		return "", nil
	}
	movedIn := func(name string) bool {
		for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
			if t.movedDirs[dir] {
				return true
			}
		}
		return false
	}
	t.movedDirs = map[string]bool{}
	for _, name := range names {
		if movedIn(name) {
			continue
		}
		if err := step(); err != nil {
			return err
		}
		fn := filepath.FromSlash(name)
		if t.next[name].Added {
			// A file of the previous build where this one's folder goes.
			for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
				if removing[dir] {
					if err := moveAside(dir); err != nil {
						return err
					}
					delete(exists, dir)
				}
			}
			top, err := missingTop(name)
			if err != nil {
				return err
			}
			if top != "" {
				if err := t.root.Rename(filepath.FromSlash(stagingDir+"/"+top), filepath.FromSlash(top)); err != nil {
					return err
				}
				for p := top; p != "."; p = path.Dir(p) {
					exists[p] = true
				}
				t.movedDirs[top] = true
				continue
			}
			// Nothing was there when the build looked: something that
			// appeared since is someone else's, and not replaced.
			if info, err := t.root.Lstat(fn); err == nil {
				what := "a file with other content"
				switch {
				case info.IsDir():
					what = "a folder"
				case !info.Mode().IsRegular():
					what = "not a regular file"
				}
				return &Refusal{Reason: InTheWay, Out: t.out, Other: name, Detail: what, Count: 1}
			}
		} else if err := t.keepOld(name); err != nil {
			return err
		}
		if err := t.root.Rename(filepath.FromSlash(stagingDir+"/"+name), fn); err != nil {
			return err
		}
	}
	for _, name := range remove {
		if removing[name] {
			if err := moveAside(name); err != nil {
				return err
			}
		}
	}
	return nil
}

// keepOld keeps the file name of the previous build in the old folder,
// as a hard link where the file system has them, else as a copy, while
// name itself stays in place until the new version replaces it.
func (t *Tx) keepOld(name string) error {
	keep := filepath.FromSlash(oldDir + "/" + name)
	if err := t.root.MkdirAll(filepath.Dir(keep), 0o755); err != nil {
		return err
	}
	if err := t.root.Link(filepath.FromSlash(name), keep); err == nil {
		return nil
	}
	b, err := t.root.ReadFile(filepath.FromSlash(name))
	if err != nil {
		return err
	}
	info, err := t.root.Lstat(filepath.FromSlash(name))
	if err != nil {
		return err
	}
	if err := t.root.WriteFile(keep, b, info.Mode().Perm()); err != nil {
		return err
	}
	return t.root.Chtimes(keep, info.ModTime(), info.ModTime()) // put back as it was
}

// final is the manifest of the committed site: the modification time of
// each file as it now is.
func (t *Tx) final(id string) manifest {
	files := make(map[string]entry, len(t.next))
	for name, e := range t.next {
		e.Added = false // the time is the staged file's: renames keep it
		files[name] = e
	}
	return manifest{Format: manifestFormat, Build: id, Files: files}
}

// Abort throws the new version away; the output folder is as it was (and
// gone again when Begin made it).
func (t *Tx) Abort() error {
	if err := t.finish(); err != nil {
		return err
	}
	return t.abort()
}

func (t *Tx) abort() error {
	err := t.cleanup(nil)
	_, built, _ := readManifest(t.root, manifestName)
	t.unlock()
	switch {
	case built:
	case t.created:
		t.root.Close()
		return errors.Join(err, os.RemoveAll(t.out))
	case t.createdState:
		err = errors.Join(err, t.root.RemoveAll(stateDir))
	}
	t.root.Close()
	return err
}

func randomID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}
