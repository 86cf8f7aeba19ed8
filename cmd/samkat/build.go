package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/samkat/samkat"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/pipeline"
	"github.com/samkat/samkat/internal/publish"
)

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
	if *format != formatText && *format != formatGitHub && *format != formatJSON {
		return cmd.usageError(msg.CmdBadFormat, *format)
	}
	if baseURL != "" {
		u, err := url.Parse(baseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return cmd.usageError(msg.CmdBadBaseURL, baseURL)
		}
		// The same rules and message as baseurl in content/_index.md.
		reason := markdown.CheckWebURL(baseURL)
		if reason.IsZero() {
			reason = markdown.CheckBaseURL(baseURL)
		}
		if !reason.IsZero() {
			return cmd.usageError(msg.CmdBaseURLNotSite, msg.New(msg.BaseURLNotSite, baseURL, reason))
		}
		if !strings.HasSuffix(baseURL, "/") {
			baseURL += "/"
		}
	}
	if code, ok := cmd.catalogue(dir); !ok {
		return code
	}
	opt := pipeline.Options{Now: day, Version: version(), Layouts: samkat.Layouts(), Static: samkat.Static(), BaseURL: baseURL}
	if l, ok := msg.FromEnv(); ok {
		opt.Lang = l
	}

	var res pipeline.Result
	var err error
	if checkOnly {
		res, err = pipeline.CheckDir(ctx, dir, opt)
	} else {
		if out == "" {
			out = filepath.Join(dir, "public")
		}
		if err := publish.CheckOutput(dir, out); err != nil {
			fmt.Fprintf(stderr, "samkat %s: %s\n", name, errText(err, envLang()))
			return exitUsage
		}
		res, err = pipeline.Dir(ctx, dir, out, opt)
	}
	lang := res.Lang
	if lang == "" { // the build stopped before it read the catalogue's sprak
		lang = envLang()
	}
	if only != nil {
		res.Diagnostics = only.filter(res.Diagnostics)
		if !res.Diagnostics.HasErrors() && errors.Is(err, pipeline.ErrContent) {
			err = nil // the errors are in files the editor did not ask about
		}
	}
	rep := report{command: name, format: *format, lang: lang, warnings: warnMode, dir: dir, getenv: os.Getenv}
	if perr := rep.print(stdout, stderr, res.Diagnostics); perr != nil {
		fmt.Fprintf(stderr, "samkat %s: %v\n", name, perr)
		return exitContent
	}
	if *format == formatJSON {
		stdout = stderr // stdout holds the JSON array alone
	}
	switch {
	case errors.Is(err, pipeline.ErrContent) && checkOnly:
		return exitContent // the diagnostics and their count say it all
	case errors.Is(err, pipeline.ErrContent):
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
		if len(res.Kept) > 0 {
			fmt.Fprintf(stderr, "samkat build: %s\n", publish.KeptNotice(out, res.Kept).In(lang))
		}
		fmt.Fprintf(stdout, "samkat build: %s\n", msg.New(msg.CmdWroteChanges, res.Written, res.Unchanged, res.Removed, res.Files, res.Activities, out).In(lang))
	}
	return exitOK
}
