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
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/samkat/samkat"
	"github.com/samkat/samkat/internal/build"
	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/publish"
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

const usage = `samkat builds a catalogue of samverkansverksamheter into a static website.

Usage:
  samkat build [-o DIR] [--now YYYY-MM-DD] [--baseurl URL] [--format text|github] [dir]
  samkat check [--now YYYY-MM-DD] [--format text|github] [dir]
  samkat serve [--port N] [--now YYYY-MM-DD] [dir]
  samkat version

dir is the catalogue folder, the one that holds content/ (default: .).
Run "samkat COMMAND --help" for the options of a command.

Exit codes: 0 success (warnings allowed), 1 the catalogue has errors or the
build failed, 2 wrong usage.
`

// run is main without the process: testable, and it returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, now time.Time) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
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
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "samkat: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer, now time.Time, checkOnly bool) int {
	name, help := "build", "Usage: samkat build [options] [dir]\n\nBuilds the catalogue in dir (default .) into a website. With errors, nothing is published\nand the previous output is left as it was.\n\nOptions:\n"
	if checkOnly {
		name, help = "check", "Usage: samkat check [options] [dir]\n\nValidates the catalogue in dir (default .) and prints every problem as file:line:col.\n\nOptions:\n"
	}
	cmd := newCommand(name, help, stderr)
	out, baseURL := "", ""
	if !checkOnly {
		cmd.fs.StringVar(&out, "o", "", "output folder (default: public/ inside the catalogue folder); files samkat did not write there are kept")
		cmd.fs.StringVar(&baseURL, "baseurl", "", "absolute address the site is published at, overriding baseurl in content/_index.md (e.g. for a preview)")
	}
	format := cmd.fs.String("format", "text", `how to print problems: "text", or "github" for GitHub Actions annotations`)
	dir, day, code, ok := cmd.parse(args, now)
	if !ok {
		return code
	}
	if *format != "text" && *format != "github" {
		return cmd.usageError("--format must be text or github, not %q", *format)
	}
	if baseURL != "" {
		u, err := url.Parse(baseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return cmd.usageError("--baseurl must be an absolute http or https address, not %q", baseURL)
		}
		if !strings.HasSuffix(baseURL, "/") {
			baseURL += "/"
		}
	}
	if code, ok := cmd.catalogue(dir); !ok {
		return code
	}
	opt := build.Options{Now: day, Version: version(), Layouts: samkat.Layouts(), Static: samkat.Static(), BaseURL: baseURL}

	var res build.Result
	var err error
	if checkOnly {
		res.Diagnostics, err = build.CheckDir(ctx, dir, opt)
	} else {
		if out == "" {
			out = filepath.Join(dir, "public")
		}
		if err := publish.CheckOutput(dir, out); err != nil {
			return cmd.usageError("%v", err)
		}
		res, err = build.Dir(ctx, dir, out, opt)
	}
	printDiagnostics(stderr, res.Diagnostics, *format)
	switch {
	case errors.Is(err, build.ErrContent):
		fmt.Fprintf(stderr, "samkat %s: %v\n", name, err)
		return exitContent
	case err != nil:
		fmt.Fprintf(stderr, "samkat %s: %v\n", name, err)
		return exitContent
	case checkOnly:
		fmt.Fprintf(stdout, "samkat check: %s is valid (%s)\n", dir, res.Diagnostics.Summary())
	default:
		if len(res.Kept) > 0 {
			fmt.Fprintf(stderr, "samkat build: %s\n", publish.KeptNotice(out, res.Kept))
		}
		fmt.Fprintf(stdout, "samkat build: wrote %d files, %d unchanged, %d removed (%d files, %d activities) to %s\n",
			res.Written, res.Unchanged, res.Removed, res.Files, res.Activities, out)
	}
	return exitOK
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer, now time.Time) int {
	cmd := newCommand("serve", "Usage: samkat serve [options] [dir]\n\nBuilds the catalogue in dir (default .) into memory, serves it at http://127.0.0.1:PORT/\nand rebuilds it whenever a file in content/, layouts/ or static/ changes; open pages\nreload by themselves. Problems are printed here and shown on every page. Ctrl-C stops.\n\nOptions:\n", stderr)
	port := cmd.fs.Int("port", 1313, "port to listen on at 127.0.0.1; 0 picks a free one")
	dir, day, code, ok := cmd.parse(args, now)
	if !ok {
		return code
	}
	if *port < 0 || *port > 65535 {
		return cmd.usageError("--port must be between 0 and 65535, not %d", *port)
	}
	if code, ok := cmd.catalogue(dir); !ok {
		return code
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "samkat serve: %v (is another samkat serve running? try --port 0)\n", err)
		return exitContent
	}
	srv := serve.New(serve.Config{
		Dir:    dir,
		Build:  build.Options{Now: day, Version: version(), Layouts: samkat.Layouts(), Static: samkat.Static()},
		Stdout: stdout,
		Stderr: stderr,
	})
	if err := srv.Run(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "samkat serve: %v\n", err)
		return exitContent
	}
	return exitOK
}

// command is what the catalogue commands share: their flag set with --now,
// the catalogue folder argument and how they report usage errors.
type command struct {
	name   string
	fs     *flag.FlagSet
	now    *string
	stderr io.Writer
}

func newCommand(name, help string, stderr io.Writer) *command {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	c := &command{name: name, fs: fs, stderr: stderr}
	c.now = fs.String("now", "", "the day to build for, YYYY-MM-DD (default: today in Sweden); makes date-dependent output reproducible")
	fs.Usage = func() {
		fmt.Fprint(stderr, help)
		fs.PrintDefaults()
	}
	return c
}

// parse reads the flags and the optional folder argument and works out the
// build day. When ok is false the command ends with exit code code.
func (c *command) parse(args []string, now time.Time) (dir string, day catalog.Date, code int, ok bool) {
	if err := c.fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return "", day, exitOK, false
		}
		return "", day, exitUsage, false
	}
	if c.fs.NArg() > 1 {
		return "", day, c.usageError("expected at most one catalogue folder, got %q", c.fs.Args()), false
	}
	dir = "."
	if c.fs.NArg() == 1 {
		dir = c.fs.Arg(0)
	}
	day, err := today(*c.now, now)
	if err != nil {
		return "", day, c.usageError("--now: %v", err), false
	}
	return dir, day, exitOK, true
}

// usageError prints a problem with the command line and returns exitUsage.
func (c *command) usageError(format string, args ...any) int {
	fmt.Fprintf(c.stderr, "samkat %s: %s\n", c.name, fmt.Sprintf(format, args...))
	return exitUsage
}

// catalogue checks that dir looks like a catalogue folder.
func (c *command) catalogue(dir string) (int, bool) {
	if info, err := os.Stat(filepath.Join(dir, "content")); err != nil || !info.IsDir() {
		fmt.Fprintf(c.stderr, "samkat %s: %s has no content/ folder; is it a catalogue? (see README.md)\n", c.name, dir)
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

func printDiagnostics(w io.Writer, diags diag.List, format string) {
	if format == "github" {
		for _, d := range diags {
			fmt.Fprintln(w, githubAnnotation(d))
		}
	}
	diags.Print(w)
}

// githubAnnotation formats d as a GitHub Actions workflow command, so that
// problems show up on the lines of a pull request.
func githubAnnotation(d diag.Diagnostic) string {
	prop := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	msg := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	kind := "error"
	if d.Severity == diag.Warning {
		kind = "warning"
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
	text := d.Msg
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
