package main

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
)

// The --format values.
const (
	formatText   = "text"
	formatGitHub = "github"
	formatJSON   = "json"
)

// report is how the problems of one run are printed.
type report struct {
	command  string // "check" or "build", for the job summary's heading
	format   string
	lang     msg.Lang
	warnings diag.Warnings
	dir      string // the catalogue folder, for paths relative to the repository
	// getenv reads GITHUB_WORKSPACE and GITHUB_STEP_SUMMARY; os.Getenv
	// outside tests.
	getenv func(string) string
}

// print writes diags as r.format asks: JSON on stdout, annotations and the
// text report on stderr.
func (r report) print(stdout, stderr io.Writer, diags diag.List) error {
	switch r.format {
	case formatJSON:
		return writeJSON(stdout, diags, r.lang, r.warnings)
	case formatGitHub:
		prefix := repoPrefix(r.dir, r.getenv("GITHUB_WORKSPACE"))
		token, err := stopToken()
		if err != nil {
			return err
		}
		if err := writeGitHub(stderr, diags, r.lang, r.warnings, prefix, token, r.command); err != nil {
			return err
		}
		if file := r.getenv("GITHUB_STEP_SUMMARY"); file != "" {
			return appendStepSummary(file, diags, r.lang, r.warnings, prefix, r.command)
		}
		return nil
	}
	return diags.Report(stderr, r.lang, r.warnings)
}

// jsonDiagnostic is one element of the array --format json prints. The
// shape is documented in docs/check-json.md and is stable: fields may be
// added, none is renamed or removed.
type jsonDiagnostic struct {
	File      string `json:"file"`   // relative to the catalogue folder, slash-separated; "" when not about a file
	Line      int    `json:"line"`   // 1-based; 0 when unknown
	Column    int    `json:"column"` // 1-based; 0 when unknown
	Severity  string `json:"severity"`
	Field     string `json:"field"` // "" when not about a field
	Code      string `json:"code"`  // the message ID (docs/meddelanden.md)
	Message   string `json:"message"`
	MessageEn string `json:"message_en"`
}

// severityName is the JSON name of s.
func severityName(s diag.Severity) string {
	switch s {
	case diag.Warning:
		return "warning"
	case diag.Info:
		return "info"
	}
	return "error"
}

// shown reports whether a diagnostic of severity s is printed under w.
// Notes (Info) are shown only when all are asked for, as in the text report.
func shown(s diag.Severity, w diag.Warnings) bool {
	switch s {
	case diag.Warning:
		return w != diag.NoWarnings
	case diag.Info:
		return w == diag.AllWarnings
	}
	return true
}

// writeJSON prints diags as a JSON array for other tools, in the order of
// the list. A tool wants every problem, so warnings are not summarised;
// notes come with --warnings all and warnings go with --warnings none.
func writeJSON(w io.Writer, diags diag.List, lang msg.Lang, warnings diag.Warnings) error {
	out := []jsonDiagnostic{} // an empty list is [], not null
	for _, d := range diags {
		if !shown(d.Severity, warnings) {
			continue
		}
		out = append(out, jsonDiagnostic{
			File:      d.Pos.File,
			Line:      d.Pos.Line,
			Column:    d.Pos.Col,
			Severity:  severityName(d.Severity),
			Field:     d.Field,
			Code:      string(d.Msg.ID),
			Message:   d.Msg.In(lang),
			MessageEn: d.Msg.In(msg.En),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // "<" in a message is text for a tool, not HTML
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	return nil
}

// GitHub Actions shows at most this many annotations of each kind per step,
// and 50 per job across its steps; the rest are dropped without a word
// (actions/toolkit, docs/problem-matchers.md, "Limitations"). samkat check
// stays within them: it prints the first ones and one annotation that counts
// the rest and points to the log and the job summary.
const (
	maxErrorAnnotations   = 10
	maxWarningAnnotations = 10
	maxNoticeAnnotations  = 10
)

// maxSummaryErrors is how many errors the job summary lists one by one; a
// step summary may take at most 1 MiB, and a table longer than this helps
// nobody.
const maxSummaryErrors = 200

// writeGitHub writes diags as GitHub Actions workflow commands, so that
// problems show on the lines of a pull request, followed by the text report
// for the log. prefix is the catalogue folder relative to the repository
// root ("" at the root). The text report quotes catalogue values, which an
// editor controls; it is written between stop-commands and token, so that
// no line of it can be read as a workflow command.
func writeGitHub(w io.Writer, diags diag.List, lang msg.Lang, warnings diag.Warnings, prefix, token, command string) error {
	var b strings.Builder
	kinds := []struct {
		sev   diag.Severity
		limit int
		more  msg.ID
	}{
		{diag.Error, maxErrorAnnotations, msg.GitHubMoreErrors},
		{diag.Warning, maxWarningAnnotations, msg.GitHubMoreWarnings},
		{diag.Info, maxNoticeAnnotations, msg.GitHubMoreNotices},
	}
	for _, k := range kinds {
		if !shown(k.sev, warnings) {
			continue
		}
		var of []diag.Diagnostic
		for _, d := range diags {
			if d.Severity == k.sev {
				of = append(of, d)
			}
		}
		if k.sev != diag.Error {
			of = byKindInTurn(of)
		}
		n := len(of)
		if n > k.limit {
			of = of[:k.limit-1] // the last place is the count of the rest
		}
		for _, d := range of {
			d.Pos.File = repoPath(prefix, d.Pos.File)
			b.WriteString(githubAnnotation(d, lang))
			b.WriteByte('\n')
		}
		if n > k.limit {
			rest := diag.Diagnostic{Severity: k.sev, Field: "samkat " + command, Msg: msg.New(k.more, n-len(of), k.limit)}
			b.WriteString(githubAnnotation(rest, lang))
			b.WriteByte('\n')
		}
	}
	fmt.Fprintf(&b, "::stop-commands::%s\n", token)
	if err := diags.Report(&b, lang, warnings); err != nil {
		return err
	}
	fmt.Fprintf(&b, "::%s::\n", token)
	_, err := io.WriteString(w, b.String())
	return err
}

// byKindInTurn orders warnings so that each kind comes once before any
// comes twice: when only the first few become annotations, thirty missing
// granskad must not hide the one warning about the file being changed.
func byKindInTurn(ds []diag.Diagnostic) []diag.Diagnostic {
	var kinds []msg.ID
	byKind := map[msg.ID][]diag.Diagnostic{}
	for _, d := range ds {
		if _, seen := byKind[d.Msg.ID]; !seen {
			kinds = append(kinds, d.Msg.ID)
		}
		byKind[d.Msg.ID] = append(byKind[d.Msg.ID], d)
	}
	out := make([]diag.Diagnostic, 0, len(ds))
	for i := 0; len(out) < len(ds); i++ {
		for _, k := range kinds {
			if i < len(byKind[k]) {
				out = append(out, byKind[k][i])
			}
		}
	}
	return out
}

// stopToken returns a token nobody can guess, to end ::stop-commands:: with.
func stopToken() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("making a stop-commands token: %w", err)
	}
	return "samkat-" + hex.EncodeToString(b[:]), nil
}

// The escaping of workflow commands, as actions/toolkit's escapeData and
// escapeProperty do it. A value with a line break cannot start a new line
// (and so a new command), and a property cannot end early.
var (
	escapeData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	escapeProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// githubAnnotation formats d as a GitHub Actions workflow command, so that
// problems show up on the lines of a pull request.
func githubAnnotation(d diag.Diagnostic, lang msg.Lang) string {
	kind := "error"
	switch d.Severity {
	case diag.Warning:
		kind = "warning"
	case diag.Info:
		kind = "notice"
	}
	var props []string
	if d.Pos.File != "" {
		props = append(props, "file="+escapeProperty.Replace(d.Pos.File))
	}
	if d.Pos.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
	}
	if d.Pos.Col > 0 {
		props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
	}
	if d.Field != "" {
		props = append(props, "title="+escapeProperty.Replace(d.Field))
	}
	text := d.Msg.In(lang)
	if d.Field != "" {
		text = d.Field + ": " + text
	}
	return fmt.Sprintf("::%s %s::%s", kind, strings.Join(props, ","), escapeData.Replace(text))
}

// repoPrefix returns the catalogue folder dir relative to the root of the
// repository it is in, slash-separated ("" when it is the root or no root
// is found): GitHub wants annotation paths relative to the repository, and a
// catalogue may live in a subfolder. The root is workspace (GITHUB_WORKSPACE)
// when dir lies in it, else the nearest folder above dir with a .git.
func repoPrefix(dir, workspace string) string {
	abs, err := realPath(dir)
	if err != nil {
		return ""
	}
	if workspace != "" {
		if ws, err := realPath(workspace); err == nil {
			if rel, ok := within(ws, abs); ok {
				return rel
			}
		}
	}
	for root := abs; ; {
		if _, err := os.Lstat(filepath.Join(root, ".git")); err == nil { // a folder, or a file in a worktree
			rel, _ := within(root, abs)
			return rel
		}
		parent := filepath.Dir(root)
		if parent == root {
			return ""
		}
		root = parent
	}
}

// realPath is the absolute path of p with symbolic links resolved, so that
// a workspace reached through a link still contains the catalogue.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r, nil
	}
	return abs, nil
}

// within returns p relative to root, slash-separated, if p lies in root.
func within(root, p string) (string, bool) {
	rel, err := filepath.Rel(root, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	if rel == "." {
		return "", true
	}
	return filepath.ToSlash(rel), true
}

// repoPath is the catalogue file file relative to the repository root.
func repoPath(prefix, file string) string {
	if prefix == "" || file == "" {
		return file
	}
	return path.Join(prefix, file)
}

// appendStepSummary appends the Markdown summary of diags to file, the
// job summary GitHub shows on the run's page ($GITHUB_STEP_SUMMARY: every
// step appends to it).
func appendStepSummary(file string, diags diag.List, lang msg.Lang, warnings diag.Warnings, prefix, command string) error {
	f, err := os.OpenFile(file, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("writing the job summary: %w", err)
	}
	_, werr := io.WriteString(f, stepSummary(diags, lang, warnings, prefix, command))
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("writing the job summary %s: %w", file, werr)
	}
	return nil
}

// stepSummary is the Markdown for the job summary: the counts, a table of
// the errors with their places, then the warnings summarised by kind.
func stepSummary(diags diag.List, lang msg.Lang, warnings diag.Warnings, prefix, command string) string {
	say := func(id msg.ID, args ...any) string { return msg.New(id, args...).In(lang) }
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", mdEscape(say(msg.GitHubSummaryTitle, command, diags.Summary(lang))))
	var errs []diag.Diagnostic
	for _, d := range diags {
		if d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	if len(errs) == 0 {
		fmt.Fprintf(&b, "%s\n\n", say(msg.GitHubSummaryNoErrors))
	} else {
		fmt.Fprintf(&b, "### %s\n\n| %s | %s | %s |\n|---|---|---|\n", say(msg.GitHubSummaryErrors),
			say(msg.GitHubSummaryPlace), say(msg.GitHubSummaryField), say(msg.GitHubSummaryMessage))
		for i, d := range errs {
			if i == maxSummaryErrors {
				fmt.Fprintf(&b, "\n%s\n", mdEscape(say(msg.GitHubSummaryMoreErrors, len(errs)-i)))
				break
			}
			d.Pos.File = repoPath(prefix, d.Pos.File)
			fmt.Fprintf(&b, "| %s | %s | %s |\n", mdCode(d.Pos.String()), mdEscape(d.Field), mdEscape(d.Msg.In(lang)))
		}
		b.WriteByte('\n')
	}
	// Warnings by kind: the kind's first message as an example, and a count.
	var kinds []msg.ID
	byKind := map[msg.ID][]diag.Diagnostic{}
	for _, d := range diags {
		if d.Severity == diag.Warning && warnings != diag.NoWarnings {
			if _, seen := byKind[d.Msg.ID]; !seen {
				kinds = append(kinds, d.Msg.ID)
			}
			byKind[d.Msg.ID] = append(byKind[d.Msg.ID], d)
		}
	}
	if len(kinds) > 0 {
		fmt.Fprintf(&b, "### %s\n\n| %s | %s | %s |\n|---|---|---|\n", say(msg.GitHubSummaryWarnings),
			say(msg.GitHubSummaryCount), say(msg.GitHubSummaryExample), say(msg.GitHubSummaryPlace))
		for _, k := range kinds {
			ds := byKind[k]
			first := ds[0]
			first.Pos.File = repoPath(prefix, first.Pos.File)
			text := first.Msg.In(lang)
			if first.Field != "" {
				text = first.Field + ": " + text
			}
			fmt.Fprintf(&b, "| %d | %s | %s |\n", len(ds), mdEscape(text), mdCode(first.Pos.String()))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// mdEscape makes s plain text in a Markdown table cell: catalogue values
// quoted in messages must not become links, HTML, emphasis or new cells.
var mdEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;", "|", `\|`, `\`, `\\`,
	"`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "~", `\~`, "#", `\#`, "!", `\!`,
	"\r\n", " ", "\n", " ", "\r", " ",
)

func mdEscape(s string) string { return mdEscaper.Replace(s) }

// mdCode is s as inline code, for a file:line place; a backtick or line
// break in a file name falls back to escaped text.
func mdCode(s string) string {
	if s == "" {
		return ""
	}
	if strings.ContainsAny(s, "`|\r\n") {
		return mdEscape(s)
	}
	return "`" + s + "`"
}
