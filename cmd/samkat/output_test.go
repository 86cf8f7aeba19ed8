package main

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/publish"
)

// TestRunRefusesOutputs: an output folder that would mix the site into
// the catalogue is refused before anything is written, with exit code 2.
func TestRunRefusesOutputs(t *testing.T) {
	t.Setenv("SAMKAT_LANG", "en") // the messages are asserted in English; TestRunRefusalInSwedish has one in Swedish
	dir := catalogue(t)
	t.Chdir(dir)
	for _, c := range []struct{ out, want string }{
		{".", "samkat build: refusing to write the site to .: it is the catalogue folder itself; choose another output folder (the default is public)"},
		{"..", "samkat build: refusing to write the site to ..: it contains the catalogue folder ., which the build would mix the site into; choose a folder outside it (the default is public)"},
		{"content", "samkat build: refusing to write the site to content: it lies inside the catalogue's content/ folder, which the build reads; choose a folder outside it (the default is public)"},
		{"content/verksamheter", "samkat build: refusing to write the site to content/verksamheter: it lies inside the catalogue's content/ folder, which the build reads; choose a folder outside it (the default is public)"},
		{"layouts", "samkat build: refusing to write the site to layouts: it lies inside the catalogue's layouts/ folder, which the build reads; choose a folder outside it (the default is public)"},
		{"static", "samkat build: refusing to write the site to static: it lies inside the catalogue's static/ folder, which the build reads; choose a folder outside it (the default is public)"},
		{"content/_index.md", "samkat build: refusing to write the site to content/_index.md: it exists and is not a folder"},
	} {
		before := readAll(t, "..")
		code, stdout, stderr := runSamkat(t, "build", "-o", c.out)
		if code != exitUsage || strings.TrimSpace(stderr) != c.want || stdout != "" {
			t.Errorf("-o %s: exit %d\nstderr %s\nwant   %s", c.out, code, stderr, c.want)
		}
		if after := readAll(t, ".."); !maps.Equal(after, before) {
			t.Errorf("-o %s changed files", c.out)
		}
	}
	// The catalogue folder given by its path, run from elsewhere.
	t.Chdir(t.TempDir())
	want := "samkat build: refusing to write the site to " + dir + ": it is the catalogue folder itself; choose another output folder (the default is " + filepath.Join(dir, "public") + ")"
	if code, _, stderr := runSamkat(t, "build", "-o", dir, dir); code != exitUsage || strings.TrimSpace(stderr) != want {
		t.Errorf("-o %s %s: exit %d\nstderr %s\nwant   %s", dir, dir, code, stderr, want)
	}
}

// readAll reads every file below dir.
func readAll(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			files[p] = string(b)
		}
		return nil
	})
	return files
}

// TestRunSecondBuildStopsAtOnce: while a build holds the output folder,
// another one on it fails at once and changes nothing.
func TestRunSecondBuildStopsAtOnce(t *testing.T) {
	t.Setenv("SAMKAT_LANG", "en") // the messages are asserted in English; TestRunRefusalInSwedish has one in Swedish
	dir := catalogue(t)
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runSamkat(t, "build", "-o", out, dir); code != exitOK {
		t.Fatal(stderr)
	}
	before := readAll(t, out)
	first, err := publish.Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Abort()
	code, _, stderr := runSamkat(t, "build", "-o", out, dir)
	want := "samkat build: another samkat build is writing to " + out + "; wait for it to finish and build again"
	if code != exitContent || strings.TrimSpace(stderr) != want {
		t.Errorf("exit %d\nstderr %s\nwant   %s", code, stderr, want)
	}
	if after := readAll(t, out); !maps.Equal(after, before) {
		t.Error("the second build changed the output")
	}
}

// TestRunKeepsGitWorktree: public/ as a git worktree of the catalogue's
// repository on a gh-pages branch, the usual GitHub Pages setup, keeps
// working through builds, and the catalogue's git status stays clean.
func TestRunKeepsGitWorktree(t *testing.T) {
	t.Setenv("SAMKAT_LANG", "en") // the messages are asserted in English; TestRunRefusalInSwedish has one in Swedish
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := catalogue(t)
	git := func(dir string, args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@example.se", "GIT_COMMITTER_NAME=T", "GIT_COMMITTER_EMAIL=t@example.se", "GIT_CONFIG_GLOBAL=/dev/null")
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, b)
		}
		return string(b)
	}
	if err := os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("/public/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	git(dir, "init", "-q", "-b", "main")
	git(dir, "add", ".")
	git(dir, "commit", "-q", "-m", "katalog")
	git(dir, "worktree", "add", "-q", "--detach", "public")
	git(filepath.Join(dir, "public"), "checkout", "-q", "--orphan", "gh-pages")
	git(filepath.Join(dir, "public"), "rm", "-rqf", ".")
	os.WriteFile(filepath.Join(dir, "public", "CNAME"), []byte("katalog.example.se\n"), 0o644)
	git(filepath.Join(dir, "public"), "add", "CNAME")
	git(filepath.Join(dir, "public"), "commit", "-q", "-m", "CNAME")
	dotGit, _ := os.ReadFile(filepath.Join(dir, "public", ".git"))

	code, _, stderr := runSamkat(t, "build", dir)
	if code != exitOK {
		t.Fatal(stderr)
	}
	if want := "samkat build: " + filepath.Join(dir, "public") + " was not made by samkat; keeping what it already holds: .git, CNAME\n"; !strings.HasSuffix(stderr, want) {
		t.Errorf("stderr %s\nwant   %s", stderr, want)
	}
	for range 2 {
		if code, _, stderr := runSamkat(t, "build", dir); code != exitOK || strings.Contains(stderr, "keeping") {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "public", ".git")); string(b) != string(dotGit) || len(b) == 0 {
		t.Errorf("public/.git = %q, was %q", b, dotGit)
	}
	status := git(filepath.Join(dir, "public"), "status", "--porcelain")
	if !strings.Contains(status, "?? index.html") || strings.Contains(status, "CNAME") {
		t.Errorf("git status in the worktree:\n%s", status)
	}
	if s := git(dir, "status", "--porcelain", "--ignored=no"); s != "" {
		t.Errorf("the catalogue's git status after builds:\n%s", s)
	}
}

// TestRunRefusalInSwedish: the refusals are in Swedish by default.
func TestRunRefusalInSwedish(t *testing.T) {
	dir := catalogue(t)
	t.Chdir(dir)
	code, _, stderr := runSamkat(t, "build", "-o", "content")
	want := "samkat build: skriver inte webbplatsen till content: den ligger i katalogens mapp content/, som bygget läser; välj en mapp utanför den (standard är public)\n"
	if code != exitUsage || stderr != want {
		t.Errorf("exit %d, stderr %q\nwant %q", code, stderr, want)
	}
}
