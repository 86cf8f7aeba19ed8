// Command samkat builds a catalogue of samverkansverksamheter into a static
// website.
//
//	samkat build [-o DIR] [--now YYYY-MM-DD] [dir]   build dir (default .) into DIR (default public/)
//	samkat check [--now YYYY-MM-DD] [dir]            validate only
//	samkat serve [--port N] [--now YYYY-MM-DD] [dir] preview on 127.0.0.1, rebuilt on every change
//	samkat version
//
// Exit codes: 0 ok (warnings allowed), 1 content errors or a failed build,
// 2 wrong usage.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/samkat/samkat"
	"github.com/samkat/samkat/internal/build"
	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/serve"
)

const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, time.Now())
	stop()
	os.Exit(code)
}

// usage is the command's help in the language of SAMKAT_LANG.
func usage() string { return msg.New(msg.UsageMain).In(envLang()) }

// run is main without the process: testable, and it returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, now time.Time) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return exitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(ctx, args[1:], stdout, stderr, now, false)
	case "check":
		return runBuild(ctx, args[1:], stdout, stderr, now, true)
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr, now)
	case "version", "--version":
		fmt.Fprintf(stdout, "samkat %s\n", version())
		return exitOK
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage())
		return exitOK
	}
	fmt.Fprintf(stderr, "samkat: %s\n\n%s", msg.New(msg.CmdUnknown, args[0]).In(envLang()), usage())
	return exitUsage
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer, now time.Time, checkOnly bool) int {
	name, help := "build", msg.HelpBuild
	if checkOnly {
		name, help = "check", msg.HelpCheck
	}
	cmd := newCommand(name, help, stderr)
	out, baseURL := "", ""
	if !checkOnly {
		cmd.fs.StringVar(&out, "o", "", say(msg.FlagOut))
		cmd.fs.StringVar(&baseURL, "baseurl", "", say(msg.FlagBaseURL))
	}
	format := cmd.fs.String("format", "text", say(msg.FlagFormat))
	warnings := cmd.fs.String("warnings", "summary", say(msg.FlagWarnings))
	dir, only, day, code, ok := cmd.parseFiles(args, now, checkOnly)
	if !ok {
		return code
	}
	warnMode, ok := diag.ParseWarnings(*warnings)
	if !ok {
		return cmd.usageError(msg.CmdBadWarnings, *warnings)
	}
	if *format != "text" && *format != "github" {
		return cmd.usageError(msg.CmdBadFormat, *format)
	}
	if baseURL != "" {
		u, err := url.Parse(baseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return cmd.usageError(msg.CmdBadBaseURL, baseURL)
		}
		if !strings.HasSuffix(baseURL, "/") {
			baseURL += "/"
		}
	}
	if code, ok := cmd.catalogue(dir); !ok {
		return code
	}
	opt := build.Options{Now: day, Version: version(), Layouts: samkat.Layouts(), Static: samkat.Static(), BaseURL: baseURL}
	if l, ok := msg.FromEnv(); ok {
		opt.Lang = l
	}

	var res build.Result
	var err error
	if checkOnly {
		res, err = build.CheckDir(ctx, dir, opt)
	} else {
		if out == "" {
			out = filepath.Join(dir, "public")
		}
		res, err = build.Dir(ctx, dir, out, opt)
	}
	lang := res.Lang
	if only != nil {
		res.Diagnostics = only.filter(res.Diagnostics)
		if !res.Diagnostics.HasErrors() && errors.Is(err, build.ErrContent) {
			err = nil // the errors are in files the editor did not ask about
		}
	}
	printDiagnostics(stderr, res.Diagnostics, *format, lang, warnMode)
	switch {
	case errors.Is(err, build.ErrContent) && checkOnly:
		return exitContent // the diagnostics and their count say it all
	case errors.Is(err, build.ErrContent):
		fmt.Fprintf(stderr, "samkat %s: %s\n", name, msg.New(msg.CmdHasErrors).In(lang))
		return exitContent
	case err != nil:
		fmt.Fprintf(stderr, "samkat %s: %s\n", name, errText(err, lang))
		return exitContent
	case checkOnly && only != nil:
		fmt.Fprintf(stdout, "samkat check: %s\n", msg.New(msg.CmdValid, strings.Join(only.files, ", "), res.Diagnostics.Summary(lang)).In(lang))
	case checkOnly:
		fmt.Fprintf(stdout, "samkat check: %s\n", msg.New(msg.CmdValid, dir, res.Diagnostics.Summary(lang)).In(lang))
	default:
		fmt.Fprintf(stdout, "samkat build: %s\n", msg.New(msg.CmdWrote, res.Files, res.Activities, out).In(lang))
	}
	return exitOK
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer, now time.Time) int {
	cmd := newCommand("serve", msg.HelpServe, stderr)
	port := cmd.fs.Int("port", 1313, say(msg.FlagPort))
	dir, day, code, ok := cmd.parse(args, now)
	if !ok {
		return code
	}
	if *port < 0 || *port > 65535 {
		return cmd.usageError(msg.CmdBadPort, *port)
	}
	if code, ok := cmd.catalogue(dir); !ok {
		return code
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "samkat serve: %s\n", msg.New(msg.CmdListen, err).In(envLang()))
		return exitContent
	}
	srv := serve.New(serve.Config{
		Dir:    dir,
		Build:  build.Options{Now: day, Version: version(), Layouts: samkat.Layouts(), Static: samkat.Static()},
		Stdout: stdout,
		Stderr: stderr,
	})
	if err := srv.Run(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "samkat serve: %s\n", errText(err, envLang()))
		return exitContent
	}
	return exitOK
}

// say puts the message id into words in the language of SAMKAT_LANG.
func say(id msg.ID, args ...any) string { return msg.New(id, args...).In(envLang()) }

// envLang is the language for messages printed before a catalogue is read:
// SAMKAT_LANG, else Swedish.
func envLang() msg.Lang {
	l, _ := msg.FromEnv()
	return l
}

// errText puts err into words in lang when it carries a message of the
// catalogue, and in its own words otherwise.
func errText(err error, lang msg.Lang) string {
	var me *msg.Error
	if errors.As(err, &me) {
		return me.Msg.In(lang)
	}
	return err.Error()
}

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

func printDiagnostics(w io.Writer, diags diag.List, format string, lang msg.Lang, warnings diag.Warnings) {
	if format == "github" {
		for _, d := range diags {
			if d.Severity == diag.Error || warnings == diag.AllWarnings || d.Severity == diag.Warning && warnings != diag.NoWarnings {
				fmt.Fprintln(w, githubAnnotation(d, lang))
			}
		}
	}
	diags.Report(w, lang, warnings)
}

// githubAnnotation formats d as a GitHub Actions workflow command, so that
// problems show up on the lines of a pull request.
func githubAnnotation(d diag.Diagnostic, lang msg.Lang) string {
	prop := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	msg := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	kind := "error"
	switch d.Severity {
	case diag.Warning:
		kind = "warning"
	case diag.Info:
		kind = "notice"
	}
	var props []string
	if d.Pos.File != "" {
		props = append(props, "file="+prop.Replace(d.Pos.File))
	}
	if d.Pos.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
	}
	if d.Pos.Col > 0 {
		props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
	}
	if d.Field != "" {
		props = append(props, "title="+prop.Replace(d.Field))
	}
	text := d.Msg.In(lang)
	if d.Field != "" {
		text = d.Field + ": " + text
	}
	return fmt.Sprintf("::%s %s::%s", kind, strings.Join(props, ","), msg.Replace(text))
}

// version reports the module version, or the VCS revision for a source build.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "dev-" + s.Value[:12]
		}
	}
	return "dev"
}
