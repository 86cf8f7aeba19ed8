// Package overlay reads file trees laid over one another: samkat's
// built-in layouts and static files, then a catalogue's own, where a file
// of a later layer replaces the file of the same name in an earlier one.
package overlay

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/fsread"
	"github.com/samkat/samkat/internal/msg"
)

// The files of a folder are read into memory, so they have limits: one
// file, and all the files of the folder together.
const (
	MaxFileSize  = 32 << 20
	MaxTotalSize = 256 << 20
)

// Read returns the regular files of the layers (nil layers are skipped)
// for which keep is true, later layers winning. Hidden files are ignored;
// a symbolic link is an error, so nothing outside a catalogue is read.
// label names the folder in messages ("static", "layouts"). A file larger
// than MaxFileSize, or files that come to more than MaxTotalSize, are an
// error (a *msg.Error), found before they are read.
func Read(label string, keep func(name string) bool, layers ...fs.FS) (map[string][]byte, error) {
	return read(label, keep, MaxFileSize, MaxTotalSize, layers...)
}

func read(label string, keep func(name string) bool, maxFile, maxTotal int64, layers ...fs.FS) (map[string][]byte, error) {
	files := map[string][]byte{}
	total := int64(0)
	var limitErr error
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
			data, size, err := fsread.AtMost(layer, name, maxFile)
			if err != nil {
				return err
			}
			if size > maxFile {
				limitErr = msg.Errorf(msg.FolderFileTooBig, label+"/"+name, size, maxFile>>20)
				return fs.SkipAll
			}
			total += size - int64(len(files[name])) // a later layer replaces the file
			if total > maxTotal {
				limitErr = msg.Errorf(msg.FolderTooBig, label+"/", maxTotal>>20, label+"/"+name)
				return fs.SkipAll
			}
			files[name] = data
			return nil
		})
		if limitErr != nil {
			return nil, limitErr
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", label, err)
		}
	}
	return files, nil
}

// CheckSizes reports the files of layer (a catalogue's static/ or layouts/,
// may be nil) that Read would refuse for their size, and the folder when its
// files come to more than MaxTotalSize, without reading any file. It lets
// check find what build would fail on. Hidden files and what is not a
// regular file are left to Read.
func CheckSizes(label string, layer fs.FS) diag.List {
	var diags diag.List
	if layer == nil {
		return diags
	}
	total := int64(0)
	_ = fs.WalkDir(layer, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(path.Base(name), ".") || !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		file := label + "/" + name
		if info.Size() > MaxFileSize {
			diags.AddError(diag.Pos{File: file}, "", msg.FolderFileTooBig, file, info.Size(), MaxFileSize>>20)
			return nil
		}
		if total += info.Size(); total > MaxTotalSize {
			diags.AddError(diag.Pos{File: file}, "", msg.FolderTooBig, label+"/", MaxTotalSize>>20, file)
			return fs.SkipAll
		}
		return nil
	})
	return diags
}
