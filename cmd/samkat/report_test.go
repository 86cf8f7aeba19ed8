package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/samkat -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test ./cmd/samkat -update and review the diff):\n%s", file, got)
	}
}

// noGitHubEnv keeps the machine's own GitHub Actions settings out of a test.
func noGitHubEnv(t *testing.T) {
	t.Setenv("GITHUB_WORKSPACE", "")
	t.Setenv("GITHUB_STEP_SUMMARY", "")
}

func TestRunFormatJSON(t *testing.T) {
	noGitHubEnv(t)
	dir := brokenCatalogue(t)
	code, stdout, stderr := runSamkat(t, "check", "--format", "json", "--now", "2026-11-22", dir)
	if code != exitContent {
		t.Fatalf("check exited %d, want 1\nstderr:\n%s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("with --format json, stderr = %q, want nothing: the JSON says it all", stderr)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("stdout is not a JSON array: %v\n%s", err, stdout)
	}
	keys := []string{"file", "line", "column", "severity", "field", "code", "message", "message_en"}
	for i, d := range got {
		if len(d) != len(keys) {
			t.Errorf("element %d has keys %v, want exactly %v", i, d, keys)
		}
		for _, k := range keys {
			if _, ok := d[k]; !ok {
				t.Errorf("element %d lacks %q: %v", i, k, d)
			}
		}
	}
	golden(t, "check-broken.json", stdout)
	if doc, err := os.ReadFile("../../docs/check-json.md"); err != nil || !strings.Contains(string(doc), "```json\n"+stdout+"```") {
		t.Errorf("docs/check-json.md must show this output as its example (%v)", err)
	}

	t.Run("valid catalogue", func(t *testing.T) {
		code, stdout, stderr := runSamkat(t, "check", "--format", "json", "--warnings", "none", "--now", "2026-11-22", catalogue(t))
		if code != exitOK || strings.TrimSpace(stdout) != "[]" {
			t.Errorf("check exited %d with stdout %q, want 0 and []\nstderr:\n%s", code, stdout, stderr)
		}
		if !strings.Contains(stderr, "giltig") {
			t.Errorf("the result line belongs on stderr with --format json, got %q", stderr)
		}
	})
	t.Run("English", func(t *testing.T) {
		t.Setenv(msg.EnvVar, "en")
		_, stdout, _ := runSamkat(t, "check", "--format", "json", "--now", "2026-11-22", dir)
		var ds []jsonDiagnostic
		if err := json.Unmarshal([]byte(stdout), &ds); err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			if d.Message != d.MessageEn {
				t.Errorf("with SAMKAT_LANG=en, message %q differs from message_en %q", d.Message, d.MessageEn)
			}
		}
	})
}

func TestWriteJSONSeverities(t *testing.T) {
	diags := diag.List{
		{Pos: diag.Pos{File: "content/a.md", Line: 2, Col: 3}, Severity: diag.Error, Field: "namn", Msg: msg.New(msg.FieldRequired)},
		{Pos: diag.Pos{File: "content/a.md", Line: 5}, Severity: diag.Warning, Field: "granskad", Msg: msg.New(msg.Verbatim, "<gammal> & \"sliten\"")},
		{Severity: diag.Info, Msg: msg.New(msg.Verbatim, "note")},
	}
	for _, tt := range []struct {
		warnings diag.Warnings
		want     []string
	}{
		{diag.SummariseWarnings, []string{"error", "warning"}},
		{diag.AllWarnings, []string{"error", "warning", "info"}},
		{diag.NoWarnings, []string{"error"}},
	} {
		var b strings.Builder
		if err := writeJSON(&b, diags, msg.Sv, tt.warnings); err != nil {
			t.Fatal(err)
		}
		var ds []jsonDiagnostic
		if err := json.Unmarshal([]byte(b.String()), &ds); err != nil {
			t.Fatal(err)
		}
		var sev []string
		for _, d := range ds {
			sev = append(sev, d.Severity)
		}
		if fmt.Sprint(sev) != fmt.Sprint(tt.want) {
			t.Errorf("warnings %d: severities %v, want %v", tt.warnings, sev, tt.want)
		}
		if !strings.Contains(b.String(), `"<gammal> & \"sliten\""`) && tt.warnings != diag.NoWarnings {
			t.Errorf("< and & must stay as they are in JSON for tools:\n%s", b.String())
		}
	}
}

// annotations returns the lines of out that GitHub would read as workflow
// commands: those outside a ::stop-commands:: block.
func annotations(t *testing.T, out string) []string {
	t.Helper()
	var cmds []string
	stopped := ""
	for _, line := range strings.Split(out, "\n") {
		trimmed := strings.TrimLeft(line, " \t") // the runner trims leading space
		switch {
		case stopped != "":
			if trimmed == "::"+stopped+"::" {
				stopped = ""
			}
		case strings.HasPrefix(trimmed, "::stop-commands::"):
			stopped = strings.TrimPrefix(trimmed, "::stop-commands::")
		case strings.HasPrefix(trimmed, "::"):
			cmds = append(cmds, trimmed)
		}
	}
	if stopped != "" {
		t.Errorf("the stop-commands block %q is never ended:\n%s", stopped, out)
	}
	return cmds
}

func manyDiagnostics(errors, warnings, notes int) diag.List {
	var l diag.List
	for i := range errors {
		l.AddError(diag.Pos{File: "content/verksamheter/a.md", Line: i + 1, Col: 1}, "namn", msg.Verbatim, fmt.Sprintf("fel %d", i+1))
	}
	for i := range warnings {
		l.AddWarning(diag.Pos{File: "content/verksamheter/b.md", Line: i + 1}, "granskad", msg.Verbatim, fmt.Sprintf("varning %d", i+1))
	}
	for i := range notes {
		l.AddInfo(diag.Pos{File: "content/verksamheter/c.md", Line: i + 1}, "slut", msg.Verbatim, fmt.Sprintf("notering %d", i+1))
	}
	return l
}

func TestWriteGitHubLimits(t *testing.T) {
	count := func(cmds []string, kind string) (n int, summary string) {
		for _, c := range cmds {
			if strings.HasPrefix(c, "::"+kind+" ") {
				n++
				if strings.Contains(c, "title=samkat check") {
					summary = c
				}
			}
		}
		return n, summary
	}
	tests := []struct {
		name                          string
		errors, warnings, notes       int
		mode                          diag.Warnings
		wantE, wantW, wantN           int
		wantESummary, wantWSummary    string // in the counting annotation, if any
		wantNoESummary, wantNoWSumary bool
	}{
		{name: "within the limits", errors: 10, warnings: 10, notes: 10, mode: diag.AllWarnings, wantE: 10, wantW: 10, wantN: 10, wantNoESummary: true, wantNoWSumary: true},
		{name: "over the limits", errors: 25, warnings: 11, notes: 30, mode: diag.AllWarnings, wantE: 10, wantW: 10, wantN: 10,
			wantESummary: "16 more errors", wantWSummary: "2 more warnings"},
		{name: "notes only when asked for", errors: 1, warnings: 40, notes: 30, mode: diag.SummariseWarnings, wantE: 1, wantW: 10, wantN: 0,
			wantNoESummary: true, wantWSummary: "31 more warnings"},
		{name: "errors alone", errors: 11, warnings: 5, notes: 5, mode: diag.NoWarnings, wantE: 10, wantW: 0, wantN: 0, wantESummary: "2 more errors"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := writeGitHub(&b, manyDiagnostics(tt.errors, tt.warnings, tt.notes), msg.En, tt.mode, "", "tok", "check"); err != nil {
				t.Fatal(err)
			}
			cmds := annotations(t, b.String())
			e, es := count(cmds, "error")
			w, ws := count(cmds, "warning")
			n, _ := count(cmds, "notice")
			if e != tt.wantE || w != tt.wantW || n != tt.wantN {
				t.Errorf("got %d errors, %d warnings, %d notices; want %d, %d, %d\n%s", e, w, n, tt.wantE, tt.wantW, tt.wantN, b.String())
			}
			if e > maxErrorAnnotations || w > maxWarningAnnotations || n > maxNoticeAnnotations || e+w+n > 50 {
				t.Errorf("over GitHub's limits: %d, %d, %d", e, w, n)
			}
			if tt.wantESummary != "" && !strings.Contains(es, tt.wantESummary) {
				t.Errorf("the errors' counting annotation is %q, want it to say %q", es, tt.wantESummary)
			}
			if tt.wantWSummary != "" && !strings.Contains(ws, tt.wantWSummary) {
				t.Errorf("the warnings' counting annotation is %q, want it to say %q", ws, tt.wantWSummary)
			}
			if tt.wantNoESummary && es != "" || tt.wantNoWSumary && ws != "" {
				t.Errorf("a counting annotation without need: %q %q", es, ws)
			}
			// Every error is still in the log, in the text report.
			if !strings.Contains(b.String(), fmt.Sprintf("fel %d\n", tt.errors)) {
				t.Errorf("the log lacks the last error:\n%s", b.String())
			}
		})
	}
}

func TestWriteGitHubWarningKindsInTurn(t *testing.T) {
	diags := manyDiagnostics(0, 30, 0) // thirty of one kind, sorted first
	diags.AddWarning(diag.Pos{File: "content/verksamheter/z.md", Line: 6}, "kontakt", msg.KontaktNoWayToReach)
	var b strings.Builder
	if err := writeGitHub(&b, diags, msg.En, diag.SummariseWarnings, "", "tok", "check"); err != nil {
		t.Fatal(err)
	}
	cmds := annotations(t, b.String())
	if len(cmds) != maxWarningAnnotations || !strings.HasPrefix(cmds[1], "::warning file=content/verksamheter/z.md,line=6,") {
		t.Errorf("the one warning of another kind must be among the annotations, second:\n%s", strings.Join(cmds, "\n"))
	}
}

// TestWriteGitHubInjection gives values that try to start workflow commands
// of their own: none of them may reach GitHub as a command.
func TestWriteGitHubInjection(t *testing.T) {
	evil := "x\n::error file=content/_index.md,line=1::pwned\r\n::add-mask::%0A::set-env name=A::b"
	diags := diag.List{
		{Pos: diag.Pos{File: "content/verksamheter/a.md", Line: 3, Col: 1}, Severity: diag.Error, Field: evil, Msg: msg.New(msg.Verbatim, evil)},
		{Pos: diag.Pos{File: "content/a,b::c.md", Line: 4}, Severity: diag.Warning, Field: "f", Msg: msg.New(msg.Verbatim, "100% ::warning::w")},
	}
	var b strings.Builder
	if err := writeGitHub(&b, diags, msg.En, diag.AllWarnings, "sub", "tok", "check"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	cmds := annotations(t, out)
	if len(cmds) != 2 {
		t.Fatalf("got %d commands, want the 2 annotations:\n%s", len(cmds), strings.Join(cmds, "\n"))
	}
	want := []string{
		"::error file=sub/content/verksamheter/a.md,line=3,col=1,title=x%0A%3A%3Aerror file=content/_index.md%2Cline=1%3A%3Apwned%0D%0A%3A%3Aadd-mask%3A%3A%250A%3A%3Aset-env name=A%3A%3Ab::",
		"::warning file=sub/content/a%2Cb%3A%3Ac.md,line=4,title=f::f: 100%25 ::warning::w",
	}
	for i, w := range want {
		if !strings.HasPrefix(cmds[i], w) {
			t.Errorf("command %d =\n %s\nwant it to start with\n %s", i, cmds[i], w)
		}
		if strings.ContainsAny(cmds[i], "\r") {
			t.Errorf("command %d holds a carriage return: %q", i, cmds[i])
		}
	}
	// The text report writes the value's line breaks out (msg.Visible), so
	// no line of it starts a command; the stop-commands block is a second
	// guard for text samkat does not word itself.
	if strings.Contains(out, "\n::error file=content/_index.md") || !strings.Contains(out, `x\n::error file=content/_index.md,line=1::pwned\r\n`) {
		t.Errorf("the value must be shown with its line breaks written out:\n%s", out)
	}
	if !strings.Contains(out, "::stop-commands::tok\n") || !strings.HasSuffix(out, "::tok::\n") {
		t.Errorf("the text report is not inside ::stop-commands::tok … ::tok:::\n%s", out)
	}
}

func TestStopToken(t *testing.T) {
	a, err := stopToken()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := stopToken()
	if a == b || len(a) < 20 {
		t.Errorf("tokens %q and %q: want long and different", a, b)
	}
	// The runner refuses a token that is itself a command name.
	for _, cmd := range []string{"error", "warning", "notice", "debug", "add-mask", "stop-commands"} {
		if strings.EqualFold(a, cmd) {
			t.Errorf("token %q is a command name", a)
		}
	}
}

// repoWithCatalogue makes a repository folder (with .git) holding the test
// catalogue under sub/katalog and returns both.
func repoWithCatalogue(t *testing.T) (repo, dir string) {
	t.Helper()
	repo = t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	dir = filepath.Join(repo, "sub", "katalog")
	if err := os.CopyFS(dir, os.DirFS(brokenCatalogue(t))); err != nil {
		t.Fatal(err)
	}
	return repo, dir
}

func TestRepoPrefix(t *testing.T) {
	repo, dir := repoWithCatalogue(t)
	other := t.TempDir()
	worktree := t.TempDir() // a git worktree has a .git file, not a folder
	if err := os.WriteFile(filepath.Join(worktree, ".git"), []byte("gitdir: /elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(worktree, "katalog", "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, dir, workspace, want string
	}{
		{"found by .git", dir, "", "sub/katalog"},
		{"at the root", repo, "", ""},
		{"GITHUB_WORKSPACE", dir, filepath.Join(repo, "sub"), "katalog"},
		{"outside GITHUB_WORKSPACE: .git decides", dir, other, "sub/katalog"},
		{"a worktree's .git file", filepath.Join(worktree, "katalog"), "", "katalog"},
		{"relative folder", filepath.Join(dir, "content", ".."), "", "sub/katalog"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := repoPrefix(tt.dir, tt.workspace); got != tt.want {
				t.Errorf("repoPrefix(%q, %q) = %q, want %q", tt.dir, tt.workspace, got, tt.want)
			}
		})
	}
}

func TestRunFormatGitHubSubfolder(t *testing.T) {
	repo, dir := repoWithCatalogue(t)
	summary := filepath.Join(t.TempDir(), "summary.md")
	if err := os.WriteFile(summary, []byte("# From an earlier step\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GITHUB_WORKSPACE", repo)
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	code, _, stderr := runSamkat(t, "check", "--format", "github", "--now", "2026-11-22", dir)
	if code != exitContent {
		t.Fatalf("check exited %d, want 1\n%s", code, stderr)
	}
	cmds := annotations(t, stderr)
	if !slices.ContainsFunc(cmds, func(c string) bool {
		return strings.HasPrefix(c, "::error file=sub/katalog/content/verksamheter/felskriven.md,line=4,col=1,")
	}) {
		t.Errorf("want annotations with paths from the repository root, got:\n%s", strings.Join(cmds, "\n"))
	}
	got, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(got), "# From an earlier step\n\n## samkat check: 1 fel, 0 varningar\n") {
		t.Errorf("the summary must be appended after what earlier steps wrote:\n%s", got)
	}
	if !strings.Contains(string(got), "| `sub/katalog/content/verksamheter/felskriven.md:4:1` | kommun | okänt fält \"kommun\"; menade du \"kommuner\"? |") {
		t.Errorf("the summary lacks the error's row:\n%s", got)
	}
	// Run again: a second step appends, it does not overwrite.
	runSamkat(t, "check", "--format", "github", "--now", "2026-11-22", dir)
	again, _ := os.ReadFile(summary)
	if strings.Count(string(again), "## samkat check") != 2 {
		t.Errorf("a second run must append a second summary:\n%s", again)
	}
}

func TestRunBuildStepSummary(t *testing.T) {
	dir := catalogue(t)
	summary := filepath.Join(t.TempDir(), "summary.md")
	t.Setenv("GITHUB_WORKSPACE", "")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	if code, _, stderr := runSamkat(t, "build", "--format", "github", "--now", "2026-11-22", "-o", t.TempDir(), dir); code != exitOK {
		t.Fatalf("build exited %d\n%s", code, stderr)
	}
	got, err := os.ReadFile(summary)
	if err != nil || !strings.HasPrefix(string(got), "## samkat build: 0 fel") || !strings.Contains(string(got), "Inga fel") {
		t.Errorf("the build's job summary: %v\n%s", err, got)
	}
}

func TestStepSummary(t *testing.T) {
	diags := manyDiagnostics(2, 5, 1)
	diags.AddWarning(diag.Pos{File: "content/verksamheter/d.md", Line: 2}, "", msg.GranskadMissing, "2026-11-22")
	diags.AddError(diag.Pos{File: "content/verksamheter/e|<b>.md", Line: 7, Col: 2}, "kontakt[0].epost", msg.Verbatim, "a | b <script>alert(1)</script> [x](javascript:y) _i_\nnext")
	golden(t, "step-summary.md", stepSummary(diags, msg.Sv, diag.SummariseWarnings, "sub", "check"))

	t.Run("no errors", func(t *testing.T) {
		got := stepSummary(manyDiagnostics(0, 1, 0), msg.Sv, diag.SummariseWarnings, "", "check")
		if !strings.Contains(got, "Inga fel") || strings.Contains(got, "| Var | Fält |") {
			t.Errorf("summary without errors:\n%s", got)
		}
	})
	t.Run("long list", func(t *testing.T) {
		got := stepSummary(manyDiagnostics(maxSummaryErrors+5, 0, 0), msg.Sv, diag.SummariseWarnings, "", "check")
		if n := strings.Count(got, "| `content/"); n != maxSummaryErrors {
			t.Errorf("the table has %d rows, want %d", n, maxSummaryErrors)
		}
		if !strings.Contains(got, "… och 5 fel till") {
			t.Errorf("the summary must count the errors it leaves out:\n%s", got[len(got)-200:])
		}
	})
}
