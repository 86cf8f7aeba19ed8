package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
)

// A Keeper is a Writer that starts from a version of the site it can tell
// apart from any other, and can keep a file of that version as it is
// without being given its bytes again. Tx and Mem are Keepers.
type Keeper interface {
	Writer
	// Base identifies the version of the site the writer starts from: ""
	// when there is none. Two writers with the same non-empty Base start
	// from the same files.
	Base() string
	// ID identifies the version the writer makes: a later writer that
	// starts from it has it as its Base.
	ID() string
	// Keep makes the file name of the base version part of the new one,
	// as it is. It fails with ErrNotIntact, and keeps nothing, when the
	// base has no such file or it is no longer as the base left it; the
	// caller then writes the file.
	Keep(name string) error
}

// ErrNotIntact is returned by Keep for a file that is not as the previous
// build left it (edited, removed, or never written by it).
var ErrNotIntact = errors.New("the file is not as the previous build left it")

// Base returns the id of the build that wrote the site the transaction
// starts from, as its manifest records it; "" for a folder no build
// completed in.
func (t *Tx) Base() string { return t.old.Build }

// ID returns the id the manifest will record for this build once it is
// committed.
func (t *Tx) ID() string { return t.id }

// Keep keeps the file name of the previous build as it is: it counts as
// written and unchanged. The file must be listed in the previous manifest
// and still have the size and modification time it records (a file
// touched since is compared by its hash). Otherwise Keep returns
// ErrNotIntact and records nothing. It is safe for concurrent use.
func (t *Tx) Keep(name string) error {
	if err := t.writable(name); err != nil {
		return err
	}
	o, ours := t.old.Files[name]
	if !ours {
		return fmt.Errorf("keep %s: %w", name, ErrNotIntact)
	}
	fn := filepath.FromSlash(name)
	info, err := t.lstat(name)
	if err != nil || !info.Mode().IsRegular() || info.Size() != o.Size {
		return fmt.Errorf("keep %s: %w", name, ErrNotIntact)
	}
	e := entry{Size: o.Size, Hash: o.Hash, MTime: o.MTime}
	if info.ModTime().UnixNano() != o.MTime {
		if h, _, err := hashFile(t.root, fn); err != nil || h != o.Hash {
			return fmt.Errorf("keep %s: %w", name, ErrNotIntact)
		}
		e.MTime = info.ModTime().UnixNano()
	}
	return t.record(name, e, false)
}

// stateFile is the path of a file of samkat's own in the output's state
// folder.
func stateFile(name string) (string, error) {
	if name == "" || strings.ContainsAny(name, "/\\\x00") || name == "." || name == ".." ||
		path.Base(name) != name || strings.HasSuffix(name, ".tmp") || strings.HasSuffix(name, stateNext) {
		return "", fmt.Errorf("invalid state file name %q", name)
	}
	switch stateDir + "/" + name {
	case manifestName, nextName, lockName, stagingDir, oldDir:
		return "", fmt.Errorf("state file name %q is publish's own", name)
	}
	return stateDir + "/" + name, nil
}

// stateNext ends the name of a state file written for a build that is
// not committed yet.
const stateNext = ".next"

// ReadState returns the file name of the output's state folder
// (.samkat/), as the last committed build left it (see SetState); ok is
// false when there is none. Such files are never part of the site.
func (t *Tx) ReadState(name string) (data []byte, ok bool, err error) {
	p, err := stateFile(name)
	if err != nil {
		return nil, false, err
	}
	b, err := t.root.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return b, true, nil
}

// SetState sets the file name of the output's state folder to data for
// when the build is committed: it is written now, beside (so that the
// caller need not hold data), and takes the place of the old one right
// after the manifest. A build that is aborted, fails or is killed leaves
// the old one. It is safe for concurrent use.
func (t *Tx) SetState(name string, data []byte) error {
	p, err := stateFile(name)
	if err != nil {
		return err
	}
	t.mu.Lock()
	done := t.done
	t.mu.Unlock()
	if done {
		return errors.New("state set after the output was committed or aborted")
	}
	if err := writeWhole(t.root, p+stateNext, p, data); err != nil {
		return err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.states == nil {
		t.states = map[string]bool{}
	}
	t.states[p] = true
	return nil
}

// RemoveState removes the file name of the output's state folder when the
// build is committed (a cache an earlier samkat kept, which this one has
// no use for). A build that is aborted, fails or is killed leaves it.
func (t *Tx) RemoveState(name string) error {
	p, err := stateFile(name)
	if err != nil {
		return err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.done {
		return errors.New("state removed after the output was committed or aborted")
	}
	if t.states == nil {
		t.states = map[string]bool{}
	}
	t.states[p] = false
	return nil
}

// commitStates puts the state files SetState wrote in place and removes
// those RemoveState named. A failure
// leaves the old file: they are samkat's caches, which a build can do
// without.
func (t *Tx) commitStates() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for p, set := range t.states {
		switch {
		case !set:
			t.root.Remove(p)
		case t.root.Rename(p+stateNext, p) != nil:
			t.root.Remove(p + stateNext)
		}
	}
}

// removeNextStates removes the state files of a build that was not
// committed (this one, or one that was killed).
func (t *Tx) removeNextStates() error {
	entries, err := fs.ReadDir(t.root.FS(), stateDir)
	if err != nil {
		return nil // no state folder: nothing to remove
	}
	var errs []error
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), stateNext) && e.Type().IsRegular() {
			if err := t.root.Remove(stateDir + "/" + e.Name()); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// Next returns an empty Mem for the next version of the site in m: its
// Base is m's ID, and Keep takes a file from m (the same bytes, not a
// copy). m must not be written to any more.
func (m *Mem) Next() *Mem { return &Mem{prev: m} }

// ID identifies the version of the site m holds.
func (m *Mem) ID() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.id == "" {
		m.id = randomID()
	}
	return m.id
}

// Base is the ID of the Mem that m is the Next of, or "".
func (m *Mem) Base() string {
	if m.prev == nil {
		return ""
	}
	return m.prev.ID()
}

// Keep takes the file name from the Mem that m is the Next of.
func (m *Mem) Keep(name string) error {
	if m.prev == nil {
		return fmt.Errorf("keep %s: %w", name, ErrNotIntact)
	}
	b, ok := m.prev.Get(name)
	if !ok {
		return fmt.Errorf("keep %s: %w", name, ErrNotIntact)
	}
	m.store(name, b)
	return nil
}
