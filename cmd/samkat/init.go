package main

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/scaffold"
)

// runInit starts a new catalogue from the skeleton compiled into samkat.
func runInit(args []string, stdout, stderr io.Writer, now time.Time) int {
	cmd := newCommand("init", msg.HelpInit, stderr)
	dir, day, code, ok := cmd.parse(args, now)
	if !ok {
		return code
	}
	res, err := scaffold.Write(dir, version(), day)
	// Report what was written even when a later file failed, so that the
	// editor knows what is on disk.
	if len(res.Written)+len(res.Kept) > 0 {
		fmt.Fprintf(stdout, "samkat init: %s\n", say(msg.InitCreated, dir))
		for _, f := range res.Written {
			fmt.Fprintln(stdout, say(msg.InitWroteFile, f))
		}
		for _, f := range res.Kept {
			fmt.Fprintln(stdout, say(msg.InitKeptFile, f))
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "samkat init: %s\n", errText(err, envLang()))
		return exitContent
	}
	arg := ""
	if dir != "." {
		arg = shellQuote(dir)
	}
	fmt.Fprint(stdout, say(msg.InitNext, arg, arg))
	return exitOK
}

// shellQuote quotes path for the next-steps lines when it holds anything a
// shell would split or expand; double quotes work in sh, cmd and PowerShell.
func shellQuote(path string) string {
	for _, r := range path {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("._/-\\:", r)) {
			return `"` + path + `"`
		}
	}
	return path
}
