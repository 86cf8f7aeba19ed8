// Package gitlog finds when each file of a catalogue last changed, from
// the catalogue's git history, with one git command for all files.
package gitlog

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// LastChanged returns, for every file below the folders in paths (relative
// to dir, e.g. "content"), the commit time of the last commit that touched
// it, keyed by slash path relative to dir ("content/verksamheter/lotsen.md").
// It returns nil and no error when git is not on the PATH or dir is not in
// a git repository: the caller then dates files another way.
func LastChanged(ctx context.Context, dir string, paths ...string) (map[string]time.Time, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, nil
	}
	args := append([]string{"-c", "core.quotepath=off", "log", "--format=%x00%cI", "--name-only", "--relative", "--no-renames", "--"}, paths...)
	cmd := exec.CommandContext(ctx, git, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) && ctx.Err() == nil {
			return nil, nil // not a repository, or one without commits
		}
		return nil, fmt.Errorf("git log in %s: %w", dir, err)
	}
	return parse(out), nil
}

// parse reads git log --format=%x00%cI --name-only: per commit, newest
// first, a NUL, the commit time, and the names of the files it touched.
func parse(out []byte) map[string]time.Time {
	times := map[string]time.Time{}
	for _, commit := range bytes.Split(out, []byte{0}) {
		lines := strings.Split(string(commit), "\n")
		when, err := time.Parse(time.RFC3339, strings.TrimSpace(lines[0]))
		if err != nil {
			continue
		}
		for _, name := range lines[1:] {
			if name == "" || strings.HasPrefix(name, `"`) {
				continue // a quoted name has characters no catalogue file has
			}
			if _, newer := times[name]; !newer {
				times[name] = when
			}
		}
	}
	return times
}
