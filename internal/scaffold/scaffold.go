// Package scaffold holds the files of a new catalogue, compiled into samkat
// so that `samkat init` needs nothing but the binary. The files are the
// skeleton/ folder beside this file, written as they are except for two
// substitutions (see Files): the workflows there are the same ones this
// repository runs, and a test keeps the two copies equal.
package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/msg"
)

// "all:" because the skeleton's .gitignore, .github/ and .vscode/ start
// with a dot, which a plain pattern leaves out.
//
//go:embed all:skeleton
var skeleton embed.FS

// InstallLatest is how the skeleton's workflows install samkat. Files pins
// it to the running samkat's release when it has one.
const InstallLatest = "go install github.com/samkat/samkat/cmd/samkat@latest"

// todayToken stands for the day of init in the skeleton (the example
// activity's granskad), so that a new catalogue starts without warnings.
const todayToken = "@IDAG@"

// File is one file of a new catalogue.
type File struct {
	Path string // slash-separated, relative to the catalogue folder
	Data []byte
}

// Files returns the skeleton's files in lexical order, with the workflows'
// install line pinned to version (see InstallVersion) and the example
// activity reviewed today.
func Files(version string, today catalog.Date) ([]File, error) {
	r := strings.NewReplacer(
		InstallLatest, strings.TrimSuffix(InstallLatest, "latest")+InstallVersion(version),
		todayToken, today.String(),
	)
	var files []File
	err := fs.WalkDir(skeleton, "skeleton", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := skeleton.ReadFile(name)
		if err != nil {
			return fmt.Errorf("read embedded %s: %w", name, err)
		}
		files = append(files, File{Path: strings.TrimPrefix(name, "skeleton/"), Data: []byte(r.Replace(string(data)))})
		return nil
	})
	return files, err
}

// releaseRE matches a release tag such as v1.2.0 or v1.3.0-rc.1; Go's
// pseudo-versions (v0.0.0-20261201104500-abcdef123456) and +dirty builds
// are not releases.
var (
	releaseRE = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$`)
	pseudoRE  = regexp.MustCompile(`[0-9]{14}-[0-9a-f]{12}$`)
)

// InstallVersion is the version a new catalogue's workflows install: the
// running samkat's own when it is a release, so that a catalogue keeps
// building the way it did the day it started until the förbund chooses to
// move on; "latest" for development builds, whose version cannot be
// installed from the module proxy.
func InstallVersion(version string) string {
	if releaseRE.MatchString(version) && !pseudoRE.MatchString(version) {
		return version
	}
	return "latest"
}

// Result says what Write did.
type Result struct {
	Written []string // slash-separated paths, in the order written
	Kept    []string // files that were there already and were left alone
}

// Write writes a new catalogue into dir, creating dir if need be. It
// refuses a folder that already has content/ (a catalogue) before writing
// anything, and never overwrites a file: one that exists is kept and
// reported, so that init can run in a fresh clone that has a README.
func Write(dir, version string, today catalog.Date) (Result, error) {
	var res Result
	content := filepath.Join(dir, "content")
	if _, err := os.Lstat(content); err == nil {
		return res, msg.Errorf(msg.InitExists, dir, content)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return res, fmt.Errorf("look for %s: %w", content, err)
	}
	files, err := Files(version, today)
	if err != nil {
		return res, err
	}
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return res, fmt.Errorf("create folder for %s: %w", f.Path, err)
		}
		// O_EXCL: a file that appears between the check and the write is
		// kept too.
		out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			res.Kept = append(res.Kept, f.Path)
			continue
		}
		if err != nil {
			return res, fmt.Errorf("create %s: %w", path, err)
		}
		_, err = out.Write(f.Data)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return res, fmt.Errorf("write %s: %w", path, err)
		}
		res.Written = append(res.Written, f.Path)
	}
	return res, nil
}
