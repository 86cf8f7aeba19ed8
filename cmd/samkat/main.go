// Command samkat builds a catalogue of samverkansverksamheter into a static
// website.
//
//	samkat build [-o DIR] [--now YYYY-MM-DD] [dir]   build dir (default .) into DIR (default public/)
//	samkat check [--now YYYY-MM-DD] [dir | file.md…] validate only, the whole catalogue or some files
//	samkat serve [--port N] [--now YYYY-MM-DD] [dir] preview on 127.0.0.1, rebuilt on every change
//	samkat init [dir]                                start a new catalogue in dir
//	samkat new "Namn" [--funktion ID]… [--kommun NAMN]… [dir]  an activity file to fill in
//	samkat schema [-o FILE] [dir]                    JSON Schema of activity frontmatter, for editors
//	samkat version
//
// One file per command (build.go, serve.go …); args.go holds what they share
// for reading the command line, report.go how problems are printed. Every
// text is a message of internal/msg, in Swedish unless SAMKAT_LANG or the
// catalogue's sprak says otherwise.
//
// Exit codes: 0 ok (warnings allowed), 1 content errors or a failed build,
// 2 wrong usage.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/samkat/samkat/internal/msg"
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
	case "init":
		return runInit(args[1:], stdout, stderr, now)
	case "new":
		return runNew(args[1:], stdout, stderr, now)
	case "schema":
		return runSchema(ctx, args[1:], stdout, stderr, now)
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
