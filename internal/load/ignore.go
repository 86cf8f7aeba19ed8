package load

import (
	"path/filepath"
	"strings"
)

// Ignored reports whether a file or folder name is hidden or one of the
// temporary files editors write beside the file being saved. The loader
// skips them and samkat serve does not rebuild for them: one rule for both.
func Ignored(name string) bool {
	switch {
	case name == "", name == ".", name == "..":
		return true
	case strings.HasPrefix(name, "."): // hidden; also vim's .x.swp and emacs' .#x locks
		return true
	case strings.HasSuffix(name, "~"): // backups (vim, emacs, gedit)
		return true
	case strings.HasPrefix(name, "#"): // emacs auto-save (#x#) and lock files
		return true
	case name == "4913": // vim checks that it may write to the folder with this name
		return true
	case strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"): // JetBrains safe write
		return true
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".swp", ".swo", ".swx", // vim swap files
		".bck", // Helix backups (gohugoio/hugo#12677)
		".tmp", ".crdownload", ".part":
		return true
	}
	return false
}
