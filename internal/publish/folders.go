package publish

import (
	"errors"
	"io/fs"
	"path"
	"slices"
)

// A FolderMaker is a Writer that can make the folders of the files it is
// about to be given ahead of them. Tx is a FolderMaker.
type FolderMaker interface {
	Writer
	// MakeFolders starts making the folders the files names (slash
	// paths) go in. It is only a head start: a write makes its file's
	// folder when it is not made yet, as it would without it.
	MakeFolders(names []string)
}

// MakeFolders starts making, in the staging folder, the folders that the
// files names (slash paths) go in and the output lacks, and returns at
// once. They are made in one ordered pass on a goroutine of its own, so
// that the writes that follow only open their files: a folder made by
// one goroutine is not made from two cores in the same parent, whose lock
// they then contend for, and a file in a folder made so is opened through
// its parent, without a descriptor of its own for its folder (see
// fdStager.openBeneath). A folder it has not made when a file is written
// in it is made by that write. Commit and Abort stop it and wait for it,
// so no folder is made after them. Names that are not valid file names
// of the site are left to the write, which refuses them. It is safe for
// concurrent use.
func (t *Tx) MakeFolders(names []string) {
	var dirs []string
	for _, name := range names {
		if t.writable(name) == nil && path.Dir(name) != "." {
			dirs = append(dirs, path.Dir(name))
		}
	}
	slices.Sort(dirs)
	dirs = slices.Compact(dirs)
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.done || len(dirs) == 0 {
		return
	}
	t.folders.Add(1)
	go func() {
		defer t.folders.Done()
		t.makeFolders(dirs)
	}()
}

// makeFolders makes the folders dirs in the staging folder, in order,
// but those the output has: a page of a folder that is there is
// written in the staging folder only when it changed (and a folder
// made for nothing would stay empty in the output once moved in). It
// stops at the first failure and leaves the rest to the writes, which
// report it.
func (t *Tx) makeFolders(dirs []string) {
	if t.folderHook != nil {
		defer t.folderHook("")
	}
	for _, dir := range dirs {
		if t.stopFolders.Load() {
			return
		}
		if t.folderHook != nil {
			t.folderHook(dir)
		}
		if !t.outputLacks(dir) {
			continue
		}
		staging, err := t.stager()
		if err != nil {
			return
		}
		if staging.makeDir(dir) != nil {
			return
		}
	}
}

// outputLacks reports whether the output has nothing at dir (a slash
// path): what Tx.lstat knows, else one lookup (a system call where the
// looker has the folder above it open). A folder the output has, and one
// it lacks, is noted for the writes.
func (t *Tx) outputLacks(dir string) bool {
	if there, known := t.outDirs.Load(dir); known {
		return !there.(bool)
	}
	info, err := t.lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		t.outDirs.Store(dir, false)
		return true
	case err == nil && info.IsDir():
		t.outDirs.Store(dir, true)
	}
	return false
}

// stopMakingFolders stops what MakeFolders started and waits for it.
func (t *Tx) stopMakingFolders() {
	t.stopFolders.Store(true)
	t.folders.Wait()
}
