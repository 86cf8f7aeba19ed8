package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
)

// command is what the catalogue commands share: their flag set with --now,
// the catalogue folder argument and how they report usage errors.
type command struct {
	name   string
	fs     *flag.FlagSet
	now    *string
	stderr io.Writer
}

func newCommand(name string, help msg.ID, stderr io.Writer) *command {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	c := &command{name: name, fs: fs, stderr: stderr}
	c.now = fs.String("now", "", say(msg.FlagNow))
	fs.Usage = func() {
		fmt.Fprint(stderr, say(help))
		fs.PrintDefaults()
	}
	return c
}

// parse reads the flags and the optional folder argument and works out the
// build day. When ok is false the command ends with exit code code.
func (c *command) parse(args []string, now time.Time) (dir string, day catalog.Date, code int, ok bool) {
	dir, _, day, code, ok = c.parseFiles(args, now, false)
	return dir, day, code, ok
}

// parseFiles is parse for commands that may also name files of a catalogue
// (check): then dir is the catalogue they lie in and only selects them.
// Options may come before or after the folder or files.
func (c *command) parseFiles(args []string, now time.Time, filesAllowed bool) (dir string, only *selection, day catalog.Date, code int, ok bool) {
	positional, err := parseInterleaved(c.fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return "", nil, day, exitOK, false
		}
		return "", nil, day, exitUsage, false
	}
	day, err = today(*c.now, now)
	if err != nil {
		return "", nil, day, c.usageError(msg.CmdBadNow, errText(err, envLang())), false
	}
	dir = "."
	switch {
	case len(positional) == 0:
	case len(positional) == 1 && !isFile(positional[0]):
		dir = positional[0]
	case !filesAllowed:
		return "", nil, day, c.usageError(msg.CmdTooManyArgs, positional), false
	default:
		dir, only, err = selectFiles(positional)
		if err != nil {
			return "", nil, day, c.usageError(msg.CmdBadFiles, errText(err, envLang())), false
		}
	}
	return dir, only, day, exitOK, true
}

// parseInterleaved parses flags wherever they stand among the arguments, as
// editors write "samkat check mitt-forbund --now 2026-01-01"; after "--"
// everything is an argument.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

func isFile(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.IsDir()
}

// selection is the files of a catalogue that an editor asked to check.
type selection struct {
	files []string // slash-separated, relative to the catalogue folder
}

// filter keeps the diagnostics about the selected files, and the errors of
// content/_index.md, which every activity is checked against.
func (s *selection) filter(diags diag.List) diag.List {
	var out diag.List
	for _, d := range diags {
		if slices.Contains(s.files, d.Pos.File) || d.Pos.File == "content/_index.md" && d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}

// selectFiles finds the catalogue the files lie in: the nearest folder above
// them whose content/ holds them. All must lie in the same catalogue.
func selectFiles(paths []string) (string, *selection, error) {
	var root string
	sel := &selection{}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return "", nil, err
		}
		if info, err := os.Stat(abs); err != nil || info.IsDir() {
			return "", nil, msg.Errorf(msg.CmdNotAFile, p)
		}
		r, rel, ok := catalogueOf(abs)
		if !ok {
			return "", nil, msg.Errorf(msg.CmdFileOutside, p)
		}
		if root != "" && r != root {
			return "", nil, msg.Errorf(msg.CmdFilesTwoCatalogues, paths[0], p)
		}
		root = r
		sel.files = append(sel.files, rel)
	}
	return root, sel, nil
}

// catalogueOf returns the catalogue folder of the file at abs and the file's
// path relative to it, if the file lies in some catalogue's content/.
func catalogueOf(abs string) (root, rel string, ok bool) {
	for dir := filepath.Dir(abs); ; {
		parent := filepath.Dir(dir)
		if filepath.Base(dir) == "content" {
			if r, err := filepath.Rel(parent, abs); err == nil {
				return parent, filepath.ToSlash(r), true
			}
		}
		if parent == dir {
			return "", "", false
		}
		dir = parent
	}
}

// usageError prints a problem with the command line and returns exitUsage.
func (c *command) usageError(id msg.ID, args ...any) int {
	fmt.Fprintf(c.stderr, "samkat %s: %s\n", c.name, msg.New(id, args...).In(envLang()))
	return exitUsage
}

// catalogue checks that dir looks like a catalogue folder.
func (c *command) catalogue(dir string) (int, bool) {
	if info, err := os.Stat(filepath.Join(dir, "content")); err != nil || !info.IsDir() {
		fmt.Fprintf(c.stderr, "samkat %s: %s\n", c.name, msg.New(msg.CmdNotCatalogue, dir).In(envLang()))
		return exitContent, false
	}
	return exitOK, true
}

// today returns the build day: --now if given, else today in Sweden.
func today(flagValue string, now time.Time) (catalog.Date, error) {
	if flagValue != "" {
		return catalog.ParseDate(flagValue)
	}
	if loc, err := time.LoadLocation("Europe/Stockholm"); err == nil {
		now = now.In(loc)
	}
	return catalog.DateOf(now), nil
}
