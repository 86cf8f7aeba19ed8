package serve

import (
	"context"
	"io/fs"
	"path/filepath"
	"slices"
	"time"
)

// changeSource reports changed files of a catalogue: the fsnotify watcher,
// or the poller where file system events do not arrive.
type changeSource interface {
	run(ctx context.Context, changed func([]string))
	close()
}

// poller finds changes by reading the watched folders every interval and
// comparing each file's size, modification time and mode with the last
// reading. It is for network drives, WSL and other places where inotify
// sees nothing; it costs one walk of the catalogue per interval.
type poller struct {
	dir      string
	interval time.Duration
	last     map[string]fileStamp
}

// fileStamp is what the poller compares; a change in any part is a change.
type fileStamp struct {
	size  int64
	mtime time.Time
	mode  fs.FileMode
}

func newPoller(dir string, interval time.Duration) *poller {
	p := &poller{dir: dir, interval: interval}
	p.last = p.scan()
	return p
}

func (p *poller) close() {}

// run reads the folders every interval until ctx is done and hands the
// files that changed, appeared or disappeared to changed.
func (p *poller) run(ctx context.Context, changed func([]string)) {
	tick := time.NewTicker(p.interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			now := p.scan()
			if diff := diffStamps(p.last, now); len(diff) > 0 {
				changed(diff)
			}
			p.last = now
		}
	}
}

// scan reads the stamp of every watched file; unreadable parts are skipped
// (the build reports them).
func (p *poller) scan() map[string]fileStamp {
	stamps := map[string]fileStamp{}
	for _, d := range watchedDirs {
		root := filepath.Join(p.dir, d)
		filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			rel, relErr := filepath.Rel(p.dir, path)
			if relErr != nil {
				return nil
			}
			rel = filepath.ToSlash(rel)
			if !watchedPath(rel) {
				if e.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if e.IsDir() {
				return nil
			}
			if info, err := e.Info(); err == nil {
				stamps[rel] = fileStamp{size: info.Size(), mtime: info.ModTime(), mode: info.Mode()}
			}
			return nil
		})
	}
	return stamps
}

// diffStamps returns the paths whose stamp differs between a and b, sorted.
func diffStamps(a, b map[string]fileStamp) []string {
	var out []string
	for p, s := range b {
		if old, ok := a[p]; !ok || old != s {
			out = append(out, p)
		}
	}
	for p := range a {
		if _, ok := b[p]; !ok {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
