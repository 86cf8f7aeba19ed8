// Package overlay reads file trees laid over one another: samkat's
// built-in layouts and static files, then a catalogue's own, where a file
// of a later layer replaces the file of the same name in an earlier one.
package overlay

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// Read returns the regular files of the layers (nil layers are skipped)
// for which keep is true, later layers winning. Hidden files are ignored;
// a symbolic link is an error, so nothing outside a catalogue is read.
// label names the folder in messages ("static", "layouts").
func Read(label string, keep func(name string) bool, layers ...fs.FS) (map[string][]byte, error) {
	files := map[string][]byte{}
	for _, layer := range layers {
		if layer == nil {
			continue
		}
		err := fs.WalkDir(layer, ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || strings.HasPrefix(path.Base(name), ".") || !keep(name) {
				return nil
			}
			if !d.Type().IsRegular() {
				return fmt.Errorf("%s/%s: only regular files are read (symbolic links are not followed)", label, name)
			}
			data, err := fs.ReadFile(layer, name)
			if err != nil {
				return err
			}
			files[name] = data
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", label, err)
		}
	}
	return files, nil
}
