package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// scratchDir is where Scratch makes its files: in the state folder, on
// the output's file system, removed with whatever an interrupted build
// left there when a build begins and ends (see cleanup).
const scratchDir = stateDir + "/scratch"

// Scratch returns a new, empty file of the build's own, never part of the
// site, for what the build would otherwise hold in memory until it needs
// it again (name says what it is: letters, digits and '-' only). The
// caller closes it with done, which removes it, before Commit or Abort
// (which remove the folder). Where the system allows, its name is removed
// at once, so that a build that is killed leaves nothing behind.
func (t *Tx) Scratch(name string) (f *os.File, done func(), err error) {
	if name == "" || strings.Trim(name, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		return nil, nil, fmt.Errorf("invalid scratch file name %q", name)
	}
	if err := t.root.Mkdir(scratchDir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, nil, fmt.Errorf("scratch file %s: %w", name, err)
	}
	p := scratchDir + "/" + name
	f, err = t.root.OpenFile(p, os.O_CREATE|os.O_EXCL|os.O_RDWR, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("scratch file %s: %w", name, err)
	}
	removed := t.root.Remove(p) == nil // not where an open file cannot be removed (Windows)
	return f, func() {
		f.Close()
		if !removed {
			_ = t.root.Remove(p)
		}
	}, nil
}
