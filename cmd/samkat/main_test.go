package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // today() must find Europe/Stockholm on any test machine

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
)

// testTime is the clock run is given: the day of the small test catalogue.
var testTime = time.Date(2026, time.November, 22, 12, 0, 0, 0, time.UTC)

// runSamkat runs the command with args and returns its exit code and output.
func runSamkat(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut, testTime)
	return code, out.String(), errOut.String()
}

// catalogue copies internal/pipeline/testdata/small into a new temporary
// folder and returns the folder.
func catalogue(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "katalog")
	if err := os.CopyFS(dir, os.DirFS("../../internal/pipeline/testdata/small")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// brokenCatalogue is catalogue with one activity that writes kommun: for
// kommuner: on line 4.
func brokenCatalogue(t *testing.T) string {
	t.Helper()
	dir := catalogue(t)
	const fel = `---
namn: Felskriven insats
funktion: specialresurser
kommun: [Mark]
finansiering: [ordinarie]
granskad: 2026-11-01
kontakt:
  - epost: info@example.se
---
Text.
`
	if err := os.WriteFile(filepath.Join(dir, "content", "verksamheter", "felskriven.md"), []byte(fel), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func notExist(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s exists (Stat: %v), want it not created", path, err)
	}
}

func TestRunUsage(t *testing.T) {
	empty := t.TempDir()
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   string // must contain, if set
		stderr   string // must contain, if set
		noStdout bool
	}{
		{"no arguments", nil, exitUsage, "", "Användning:", true},
		{"version", []string{"version"}, exitOK, "samkat ", "", false},
		{"--version", []string{"--version"}, exitOK, "samkat ", "", false},
		{"help", []string{"help"}, exitOK, "Användning:", "", false},
		{"--help", []string{"--help"}, exitOK, "Användning:", "", false},
		{"-h", []string{"-h"}, exitOK, "Användning:", "", false},
		{"build --help", []string{"build", "--help"}, exitOK, "", "Användning: samkat build", true},
		{"check -h", []string{"check", "-h"}, exitOK, "", "Användning: samkat check", true},
		{"unknown command", []string{"bygg"}, exitUsage, "", `okänt kommando "bygg"`, true},
		{"unknown flag", []string{"build", "--nosuch", empty}, exitUsage, "", "nosuch", true},
		{"check has no -o", []string{"check", "-o", "out", empty}, exitUsage, "", "-o", true},
		{"check has no --baseurl", []string{"check", "--baseurl", "https://x.se/", empty}, exitUsage, "", "baseurl", true},
		{"impossible --now", []string{"build", "--now", "2025-13-01", empty}, exitUsage, "", "--now", true},
		{"--now without zero padding", []string{"check", "--now", "2025-1-5", empty}, exitUsage, "", "--now", true},
		{"--now without a value", []string{"build", "--now"}, exitUsage, "", "now", true},
		{"--baseurl ftp", []string{"build", "--baseurl", "ftp://x", empty}, exitUsage, "", "--baseurl", true},
		{"--baseurl relative", []string{"build", "--baseurl", "/sub/", empty}, exitUsage, "", "--baseurl", true},
		{"--baseurl without host", []string{"build", "--baseurl", "https://", empty}, exitUsage, "", "--baseurl", true},
		{"--baseurl with an empty segment", []string{"build", "--baseurl", "https://a.se//b.example/", empty}, exitUsage, "",
			`samkat build: --baseurl: "https://a.se//b.example/" kan inte vara webbplatsens adress: sökvägen har ett tomt steg (//), och då kan sidorna hämta filer från en annan värd`, true},
		{"--baseurl with a query", []string{"build", "--baseurl", "https://a.se/x?y=1", empty}, exitUsage, "",
			`samkat build: --baseurl: "https://a.se/x?y=1" kan inte vara webbplatsens adress: den har en fråga (?y=1); adressen slutar med webbplatsens mapp`, true},
		{"--baseurl with a mixed-script host", []string{"build", "--baseurl", "https://b\u043eras.se/", empty}, exitUsage, "",
			`värdnamnet blandar alfabet`, true},
		{"unknown --format", []string{"check", "--format", "xml", empty}, exitUsage, "", "--format", true},
		{"serve --bind with a host name", []string{"serve", "--bind", "mitt.example", empty}, exitUsage, "", "--bind ska vara en IP-adress", true},
		{"two folders", []string{"build", empty, empty}, exitUsage, "", "högst en katalogmapp", true},
		{"folder without content/", []string{"check", empty}, exitContent, "", "har ingen mapp content/", true},
		{"build of a folder without content/", []string{"build", empty}, exitContent, "", "har ingen mapp content/", true},
		{"missing folder", []string{"check", filepath.Join(empty, "saknas")}, exitContent, "", "har ingen mapp content/", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runSamkat(t, tt.args...)
			if code != tt.code {
				t.Errorf("samkat %q exited %d, want %d\nstdout:\n%s\nstderr:\n%s", tt.args, code, tt.code, stdout, stderr)
			}
			if tt.stdout != "" && !strings.Contains(stdout, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, stdout)
			}
			if tt.stderr != "" && !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr)
			}
			if tt.noStdout && stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
		})
	}
	notExist(t, filepath.Join(empty, "public"))
}

func TestRunCheck(t *testing.T) {
	dir := catalogue(t)
	code, stdout, stderr := runSamkat(t, "check", "--now", "2026-11-22", dir)
	if code != exitOK {
		t.Fatalf("check exited %d, want 0\nstderr:\n%s", code, stderr)
	}
	if want := "samkat check: " + dir + " är giltig (0 fel, 0 varningar)"; !strings.Contains(stdout, want) {
		t.Errorf("stdout = %q, want it to contain %q", stdout, want)
	}
	// The test catalogue's one note: an activity that ended long ago. It is
	// not a warning every night, and shows only when all notes are asked for.
	if stderr != "" {
		t.Errorf("stderr = %q, want nothing", stderr)
	}
	notExist(t, filepath.Join(dir, "public"))

	_, _, stderr = runSamkat(t, "check", dir, "--now", "2026-11-22", "--warnings=all")
	if !strings.Contains(stderr, "content/verksamheter/aktiv-vardag.md:9:1: information: slut: 2009-12-31 har passerats") {
		t.Errorf("--warnings=all after the folder: stderr lacks the note on slut:\n%s", stderr)
	}
	_, _, stderr = runSamkat(t, "check", "--now", "2010-01-15", dir)
	if !strings.Contains(stderr, "content/verksamheter/aktiv-vardag.md:9:1: varning: slut: 2009-12-31 har passerats") {
		t.Errorf("two weeks after its slut, an ended activity is a warning; stderr:\n%s", stderr)
	}
}

func TestRunBuild(t *testing.T) {
	dir := catalogue(t)
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := runSamkat(t, "build", "-o", out, "--now", "2026-11-22", dir)
	if code != exitOK {
		t.Fatalf("build exited %d, want 0\nstderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "samkat build: skrev ") || !strings.Contains(stdout, out) {
		t.Errorf("stdout = %q, want a line saying what was written to %s", stdout, out)
	}
	for _, name := range []string{"index.html", "404.html", "verksamheter/lotsen/index.html", "data/verksamheter.json", "sitemap.xml"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(name))); err != nil {
			t.Errorf("%s was not written: %v", name, err)
		}
	}
	notExist(t, filepath.Join(dir, "public"))
}

func TestRunBuildDefaultOutput(t *testing.T) {
	dir := catalogue(t)
	if code, _, stderr := runSamkat(t, "build", "--now", "2026-11-22", dir); code != exitOK {
		t.Fatalf("build exited %d, want 0\nstderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Errorf("build without -o did not write public/index.html in the catalogue: %v", err)
	}
}

func TestRunBuildBaseURL(t *testing.T) {
	dir := catalogue(t)
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := runSamkat(t, "build", "-o", out, "--now", "2026-11-22", "--baseurl", "https://test.example.se/pr-7", dir)
	if code != exitOK {
		t.Fatalf("build exited %d, want 0\nstderr:\n%s", code, stderr)
	}
	sitemap, err := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	// The missing slash is added, and the preview address replaces baseurl.
	if !strings.Contains(string(sitemap), "https://test.example.se/pr-7/verksamheter/lotsen/") {
		t.Errorf("sitemap.xml does not use --baseurl:\n%s", sitemap)
	}
	if strings.Contains(string(sitemap), "samverkan.example.se") {
		t.Errorf("sitemap.xml still uses the baseurl of _index.md:\n%s", sitemap)
	}
}

func TestRunContentErrors(t *testing.T) {
	for _, cmd := range []string{"build", "check"} {
		t.Run(cmd, func(t *testing.T) {
			dir := brokenCatalogue(t)
			out := filepath.Join(t.TempDir(), "out")
			args := []string{cmd, "--now", "2026-11-22", dir}
			if cmd == "build" {
				args = []string{cmd, "-o", out, "--now", "2026-11-22", dir}
			}
			code, stdout, stderr := runSamkat(t, args...)
			if code != exitContent {
				t.Fatalf("%s exited %d, want 1\nstderr:\n%s", cmd, code, stderr)
			}
			for _, want := range []string{
				"content/verksamheter/felskriven.md:4:1: fel: ",
				"menade du",
				`"kommuner"`,
			} {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			if strings.Contains(stdout, "valid") || strings.Contains(stdout, "wrote") {
				t.Errorf("stdout claims success: %q", stdout)
			}
			if strings.Contains(stderr, "::error") {
				t.Errorf("text format printed GitHub annotations:\n%s", stderr)
			}
			notExist(t, out)
			notExist(t, filepath.Join(dir, "public"))
		})
	}
}

func TestRunErrorsKeepPreviousOutput(t *testing.T) {
	dir := catalogue(t)
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runSamkat(t, "build", "-o", out, "--now", "2026-11-22", dir); code != exitOK {
		t.Fatalf("first build exited %d\n%s", code, stderr)
	}
	before, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "verksamheter", "lotsen.md"), []byte("---\nnamn: Lotsen\nkommun: [Mark]\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := runSamkat(t, "build", "-o", out, "--now", "2026-11-22", dir); code != exitContent {
		t.Fatalf("build of a broken catalogue exited %d, want 1", code)
	}
	after, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatalf("the previous site is gone: %v", err)
	}
	if !bytes.Equal(before, after) {
		t.Error("a failed build changed the previous index.html")
	}
}

func TestRunFormatGitHub(t *testing.T) {
	dir := brokenCatalogue(t)
	if _, _, stderr := runSamkat(t, "check", "--format", "github", "--warnings", "all", "--now", "2026-11-22", dir); !strings.Contains(stderr, "::notice file=content/verksamheter/aktiv-vardag.md,line=9,") {
		t.Errorf("with --warnings all, stderr lacks the notice on slut:\n%s", stderr)
	}
	code, _, stderr := runSamkat(t, "check", "--format", "github", "--now", "2026-11-22", dir)
	if code != exitContent {
		t.Fatalf("check exited %d, want 1\nstderr:\n%s", code, stderr)
	}
	for _, want := range []string{
		"::error file=content/verksamheter/felskriven.md,line=4,",
		"content/verksamheter/felskriven.md:4:1: fel: ", // the text form follows
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	for _, line := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(line, "::") && strings.Count(line, "::") < 2 {
			t.Errorf("malformed annotation %q", line)
		}
	}
}

func TestGithubAnnotation(t *testing.T) {
	tests := []struct {
		name string
		d    diag.Diagnostic
		want string
	}{
		{
			"error with position and field",
			diag.Diagnostic{Pos: diag.Pos{File: "content/verksamheter/a.md", Line: 4, Col: 1}, Severity: diag.Error, Field: "kommun", Msg: msg.New(msg.Verbatim, `unknown field; did you mean "kommuner"?`)},
			`::error file=content/verksamheter/a.md,line=4,col=1,title=kommun::kommun: unknown field; did you mean "kommuner"?`,
		},
		{
			"warning without column",
			diag.Diagnostic{Pos: diag.Pos{File: "content/_index.md", Line: 7}, Severity: diag.Warning, Msg: msg.New(msg.Verbatim, "old")},
			`::warning file=content/_index.md,line=7::old`,
		},
		{
			"properties escape , and :",
			diag.Diagnostic{Pos: diag.Pos{File: "content/a,b:c.md", Line: 1, Col: 2}, Severity: diag.Error, Field: "x:y", Msg: msg.New(msg.Verbatim, "m")},
			`::error file=content/a%2Cb%3Ac.md,line=1,col=2,title=x%3Ay::x:y: m`,
		},
		{
			"a value's line breaks are written out, and % escaped",
			diag.Diagnostic{Pos: diag.Pos{File: "a.md", Line: 2}, Severity: diag.Error, Msg: msg.New(msg.Verbatim, "100%\nnext\r\nline")},
			`::error file=a.md,line=2::100%25\nnext\r\nline`,
		},
		{
			"the message's own line breaks are escaped",
			diag.Diagnostic{Pos: diag.Pos{File: "a.md", Line: 2}, Severity: diag.Error, Field: "kontakt", Msg: msg.New(msg.KontaktNotList)},
			`::error file=a.md,line=2,title=kontakt::kontakt: must be a list of contacts, e.g.%0A    kontakt:%0A      - namn: Anna Andersson%0A        telefon: 033-12 34 56`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := githubAnnotation(tt.d, msg.En); got != tt.want {
				t.Errorf("githubAnnotation =\n %s\nwant\n %s", got, tt.want)
			}
		})
	}
	t.Run("no position", func(t *testing.T) {
		got := githubAnnotation(diag.Diagnostic{Severity: diag.Error, Msg: msg.New(msg.Verbatim, "content/ is missing")}, msg.En)
		if !strings.HasPrefix(got, "::error") || !strings.HasSuffix(got, "::content/ is missing") || strings.Contains(got, "file=") {
			t.Errorf("githubAnnotation = %q, want an error annotation without file", got)
		}
	})
}

func TestToday(t *testing.T) {
	tests := []struct {
		name string
		flag string
		now  time.Time
		want catalog.Date
	}{
		{"--now wins", "2025-06-30", testTime, catalog.Date{Year: 2025, Month: time.June, Day: 30}},
		{"midday", "", testTime, catalog.Date{Year: 2026, Month: time.November, Day: 22}},
		// 23:30 UTC is already the next day in Sweden (UTC+1 in winter, +2 in summer).
		{"late UTC evening in winter", "", time.Date(2026, time.November, 22, 23, 30, 0, 0, time.UTC), catalog.Date{Year: 2026, Month: time.November, Day: 23}},
		{"late UTC evening in summer", "", time.Date(2026, time.June, 30, 22, 30, 0, 0, time.UTC), catalog.Date{Year: 2026, Month: time.July, Day: 1}},
		{"early UTC morning", "", time.Date(2026, time.November, 22, 0, 30, 0, 0, time.UTC), catalog.Date{Year: 2026, Month: time.November, Day: 22}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := today(tt.flag, tt.now)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("today(%q, %v) = %v, want %v", tt.flag, tt.now, got, tt.want)
			}
		})
	}
	if _, err := today("2025-02-30", testTime); err == nil {
		t.Error(`today("2025-02-30") succeeded, want an error`)
	}
}

// TestRunCheckFiles checks single files within their catalogue, as an editor
// checks the one file they changed.
func TestRunCheckFiles(t *testing.T) {
	dir := brokenCatalogue(t)
	broken := filepath.Join(dir, "content", "verksamheter", "felskriven.md")
	good := filepath.Join(dir, "content", "verksamheter", "aktiv-vardag.md")

	code, stdout, stderr := runSamkat(t, "check", good, "--now", "2026-11-22")
	if code != exitOK || stderr != "" {
		t.Errorf("check of a good file exited %d, stderr:\n%s", code, stderr)
	}
	if want := "samkat check: content/verksamheter/aktiv-vardag.md är giltig (0 fel, 0 varningar)"; !strings.Contains(stdout, want) {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}

	code, _, stderr = runSamkat(t, "check", "--now", "2026-11-22", good, broken)
	if code != exitContent || !strings.Contains(stderr, "content/verksamheter/felskriven.md:4:1: fel: kommun:") {
		t.Errorf("check of a broken file exited %d, stderr:\n%s", code, stderr)
	}

	other := catalogue(t)
	code, _, stderr = runSamkat(t, "check", good, filepath.Join(other, "content", "_index.md"))
	if code != exitUsage || !strings.Contains(stderr, "ligger i olika kataloger") {
		t.Errorf("files of two catalogues: exit %d, stderr:\n%s", code, stderr)
	}
	outside := filepath.Join(t.TempDir(), "lös.md")
	if err := os.WriteFile(outside, []byte("---\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runSamkat(t, "check", outside)
	if code != exitUsage || !strings.Contains(stderr, "ligger inte i en katalogs content/-mapp") {
		t.Errorf("a file outside any catalogue: exit %d, stderr:\n%s", code, stderr)
	}
	code, _, stderr = runSamkat(t, "build", good)
	if code != exitUsage {
		t.Errorf("build of a file: exit %d, want %d; stderr:\n%s", code, exitUsage, stderr)
	}
}

// TestRunWarningsSummary: many warnings of one kind are one line with a
// count, errors come first, and --warnings picks what is shown.
func TestRunWarningsSummary(t *testing.T) {
	dir := brokenCatalogue(t)
	for _, name := range []string{"b", "c", "d", "e"} {
		const stale = "---\nnamn: Gammal %s\nfunktion: specialresurser\nkommuner: [Mark]\nfinansiering: [ordinarie]\ngranskad: 2020-01-01\nkontakt:\n  - epost: info@example.se\n---\n"
		if err := os.WriteFile(filepath.Join(dir, "content", "verksamheter", name+".md"), fmt.Appendf(nil, stale, name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, _, stderr := runSamkat(t, "check", dir, "--now", "2026-11-22")
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	want := []string{
		"content/verksamheter/felskriven.md:4:1: fel: kommun:",
		"content/verksamheter/b.md:6:1: varning: granskad: 2020-01-01 är äldre än granskas_inom",
		"… och 3 varningar till av samma slag (alla visas med --warnings=all)",
		"1 fel, 4 varningar",
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), stderr)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want it to start with %q", i+1, lines[i], w)
		}
	}
	if !strings.Contains(lines[0], " fel: ") {
		t.Errorf("the errors must come first:\n%s", stderr)
	}
	_, _, stderr = runSamkat(t, "check", dir, "--now", "2026-11-22", "--warnings=all")
	if n := strings.Count(stderr, "varning: granskad"); n != 4 {
		t.Errorf("--warnings=all shows %d granskad warnings, want 4:\n%s", n, stderr)
	}
	_, _, stderr = runSamkat(t, "check", dir, "--now", "2026-11-22", "--warnings=none")
	if strings.Contains(stderr, "varning:") || !strings.Contains(stderr, "fel: kommun:") {
		t.Errorf("--warnings=none must show the errors alone:\n%s", stderr)
	}
	if code, _, stderr := runSamkat(t, "check", dir, "--warnings=few"); code != exitUsage || !strings.Contains(stderr, "--warnings ska vara") {
		t.Errorf("--warnings=few: exit %d, stderr %q", code, stderr)
	}
}

// TestRunLanguage: SAMKAT_LANG=en prints every message in English.
func TestRunLanguage(t *testing.T) {
	t.Setenv("SAMKAT_LANG", "en")
	dir := brokenCatalogue(t)
	_, _, stderr := runSamkat(t, "check", dir, "--now", "2026-11-22")
	if !strings.Contains(stderr, `content/verksamheter/felskriven.md:4:1: error: kommun: unknown field "kommun"; did you mean "kommuner"?`) {
		t.Errorf("stderr is not in English:\n%s", stderr)
	}
	_, stdout, _ := runSamkat(t, "check", catalogue(t), "--now", "2026-11-22")
	if !strings.Contains(stdout, "is valid (0 errors, 0 warnings)") {
		t.Errorf("stdout is not in English: %q", stdout)
	}
}

// TestDefaultCatalogueIsQuiet: the repository's own catalogue builds with a
// handful of lines, so that a real problem is not lost among them.
func TestDefaultCatalogueIsQuiet(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runSamkat(t, "build", "-o", out, "--now", "2026-12-01", "../..")
	if code != exitOK {
		t.Fatalf("build of content/ exited %d:\n%s", code, stderr)
	}
	if n := strings.Count(stdout+stderr, "\n"); n > 5 {
		t.Errorf("the default catalogue's build printed %d lines, want at most 5:\n%s%s", n, stderr, stdout)
	}
}
