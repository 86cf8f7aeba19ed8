package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// initCatalogue runs samkat init into a folder that does not exist yet and
// returns the folder.
func initCatalogue(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "nytt förbund")
	code, stdout, stderr := runSamkat(t, "init", dir)
	if code != exitOK || stderr != "" {
		t.Fatalf("init exited %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	return dir
}

func TestRunInit(t *testing.T) {
	t.Setenv("SAMKAT_LANG", "")
	dir := filepath.Join(t.TempDir(), "nytt förbund")
	code, stdout, stderr := runSamkat(t, "init", dir)
	if code != exitOK || stderr != "" {
		t.Fatalf("init exited %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"samkat init: skapade en ny katalog i " + dir + ":\n",
		"  skrev .github/workflows/check.yml\n",
		"  skrev content/_index.md\n",
		"  skrev content/verksamheter/exempelteamet.md\n",
		"Nästa steg:",
		`samkat new "Namn på verksamheten" "` + dir + `"`, // the folder has a space
		`samkat serve "` + dir + `"`,
		"Settings → Pages",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}

	// A catalogue that builds at once, without a single warning.
	code, stdout, stderr = runSamkat(t, "check", dir)
	if code != exitOK || stderr != "" || !strings.Contains(stdout, "(0 fel, 0 varningar)") {
		t.Errorf("check of a new catalogue exited %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runSamkat(t, "build", "-o", out, dir); code != exitOK {
		t.Fatalf("build of a new catalogue exited %d\n%s", code, stderr)
	}
	for _, f := range []string{"index.html", "verksamheter/exempelteamet/index.html", "tillganglighet/index.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("the built site lacks %s: %v", f, err)
		}
	}
}

func TestRunInitRefusesCatalogue(t *testing.T) {
	t.Setenv("SAMKAT_LANG", "")
	dir := initCatalogue(t)
	before, err := os.ReadFile(filepath.Join(dir, "content", "_index.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "_index.md"), append(before, "Ändrad.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runSamkat(t, "init", dir)
	want := "samkat init: " + dir + " har redan en katalog (" + filepath.Join(dir, "content") + " finns); samkat init ändrar ingenting i den\n"
	if code != exitContent || stdout != "" || stderr != want {
		t.Errorf("init of a catalogue: exit %d\nstdout %q\nstderr %q\nwant exit 1 and stderr %q", code, stdout, stderr, want)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "content", "_index.md")); string(after) != string(before)+"Ändrad.\n" {
		t.Error("init changed content/_index.md of an existing catalogue")
	}

	t.Setenv("SAMKAT_LANG", "en")
	_, _, stderr = runSamkat(t, "init", dir)
	if want := "samkat init: " + dir + " already holds a catalogue"; !strings.HasPrefix(stderr, want) {
		t.Errorf("English: stderr %q, want it to start with %q", stderr, want)
	}
}

func TestRunInitKeepsFiles(t *testing.T) {
	t.Setenv("SAMKAT_LANG", "")
	dir := t.TempDir() // a fresh clone with GitHub's README and .gitignore
	for name, data := range map[string]string{"README.md": "# katalog\n", ".gitignore": "*.tmp\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, _ := runSamkat(t, "init", dir)
	if code != exitOK {
		t.Fatalf("init exited %d", code)
	}
	for _, want := range []string{"  fanns redan, lämnades som den var: .gitignore\n", "  fanns redan, lämnades som den var: README.md\n"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "README.md")); string(got) != "# katalog\n" {
		t.Errorf("README.md was overwritten: %q", got)
	}
}

func TestRunInitUsage(t *testing.T) {
	t.Setenv("SAMKAT_LANG", "")
	code, _, stderr := runSamkat(t, "init", "a", "b")
	if code != exitUsage || !strings.Contains(stderr, "väntade högst en katalogmapp") {
		t.Errorf("init a b: exit %d, stderr %q", code, stderr)
	}
	if code, stdout, stderr := runSamkat(t, "init", "--help"); code != exitOK || !strings.Contains(stdout+stderr, "samkat init [mapp]") {
		t.Errorf("init --help: exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestInitGitignore checks that what samkat build leaves in a catalogue
// folder is ignored by the .gitignore that init writes.
func TestInitGitignore(t *testing.T) {
	dir := initCatalogue(t)
	before := map[string]bool{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		before[e.Name()] = true
	}
	if code, _, stderr := runSamkat(t, "build", dir); code != exitOK {
		t.Fatalf("build exited %d\n%s", code, stderr)
	}
	ignore, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if err != nil {
		t.Fatal(err)
	}
	var patterns []string
	for _, l := range strings.Split(string(ignore), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			patterns = append(patterns, strings.Trim(l, "/"))
		}
	}
	entries, _ = os.ReadDir(dir)
	for _, e := range entries {
		if before[e.Name()] {
			continue
		}
		ignored := false
		for _, p := range patterns {
			if ok, _ := filepath.Match(p, e.Name()); ok {
				ignored = true
			}
		}
		if !ignored {
			t.Errorf("samkat build left %s, which .gitignore (%v) does not ignore", e.Name(), patterns)
		}
	}
}
