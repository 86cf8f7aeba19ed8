package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/fsnotify/fsnotify"
	"github.com/samkat/samkat/internal/load"
)

// watchedDirs are the folders of a catalogue whose changes need a rebuild.
var watchedDirs = []string{"content", "layouts", "static"}

// watcher turns file system events in a catalogue into lists of changed
// files, relative to the catalogue folder and slash-separated.
type watcher struct {
	fw     *fsnotify.Watcher
	dir    string
	stderr io.Writer
}

// newWatcher watches the catalogue folder dir itself (to notice content/,
// layouts/ or static/ being created) and every folder below those three.
func newWatcher(dir string, stderr io.Writer) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fw: fw, dir: dir, stderr: stderr}
	if err := fw.Add(dir); err != nil {
		fw.Close()
		return nil, err
	}
	for _, d := range watchedDirs {
		if err := w.addTree(filepath.Join(dir, d)); err != nil {
			fw.Close()
			return nil, err
		}
	}
	return w, nil
}

func (w *watcher) close() { w.fw.Close() }

// addTree watches root and every folder below it, skipping hidden ones.
// fsnotify is not recursive, so each folder needs its own watch.
func (w *watcher) addTree(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // gone already, or an optional folder that does not exist
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if err := w.fw.Add(p); err != nil {
			return fmt.Errorf("watch %s: %w (on Linux, raising fs.inotify.max_user_watches may help)", p, err)
		}
		return nil
	})
}

// run reads events until ctx is done and hands each changed path to
// changed at once: the first event of a save starts a rebuild (the
// builder gathers the events that come during it into one more rebuild).
func (w *watcher) run(ctx context.Context, changed func([]string)) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			rel, ok := w.relevant(ev)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) {
				// A new folder, or one moved in with files already inside.
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					if err := w.addTree(ev.Name); err != nil {
						fmt.Fprintf(w.stderr, "samkat serve: %v\n", err)
					}
				}
			}
			changed([]string{rel})
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			fmt.Fprintf(w.stderr, "samkat serve: watching for changes: %v\n", err)
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				changed(watchedDirs) // events were lost: read everything again
			}
		}
	}
}

// relevant returns the slash path of ev relative to the catalogue folder,
// or false when the event cannot change the site.
func (w *watcher) relevant(ev fsnotify.Event) (string, bool) {
	if ev.Op == fsnotify.Chmod || ev.Op == 0 {
		return "", false // attribute changes only: indexers, backup and antivirus software
	}
	rel, err := filepath.Rel(w.dir, ev.Name)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if !watchedPath(rel) {
		return "", false
	}
	return rel, true
}

// watchedPath reports whether rel, relative to the catalogue folder, lies in
// a watched folder (or is one) and names no hidden or temporary file.
func watchedPath(rel string) bool {
	first, _, _ := strings.Cut(rel, "/")
	if !slices.Contains(watchedDirs, first) {
		return false
	}
	for seg := range strings.SplitSeq(rel, "/") {
		if load.Ignored(seg) {
			return false
		}
	}
	return true
}
