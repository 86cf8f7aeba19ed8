package gitlog

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	out := "\x002026-11-20T14:03:11+01:00\n\ncontent/verksamheter/a.md\ncontent/_index.md\n" +
		"\x002026-10-01T09:00:00+02:00\n\ncontent/verksamheter/a.md\ncontent/verksamheter/b.md\n\"content/konstig\\nfil.md\"\n"
	got := parse([]byte(out))
	want := map[string]string{
		"content/verksamheter/a.md": "2026-11-20T13:03:11Z",
		"content/_index.md":         "2026-11-20T13:03:11Z",
		"content/verksamheter/b.md": "2026-10-01T07:00:00Z",
	}
	if len(got) != len(want) {
		t.Errorf("got %v", got)
	}
	for name, w := range want {
		if g := got[name].UTC().Format(time.RFC3339); g != w {
			t.Errorf("%s: %s, want %s", name, g, w)
		}
	}
}

func TestLastChanged(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	cat := filepath.Join(repo, "katalog")
	os.MkdirAll(filepath.Join(cat, "content", "verksamheter"), 0o755)
	git := func(date string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@example.se", "GIT_COMMITTER_NAME=T",
			"GIT_COMMITTER_EMAIL=t@example.se", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_COMMITTER_DATE="+date, "GIT_AUTHOR_DATE="+date)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, b)
		}
	}
	if got, err := LastChanged(context.Background(), cat, "content"); err != nil || got != nil {
		t.Errorf("outside a repository: %v, %v", got, err)
	}
	git("", "init", "-q")
	os.WriteFile(filepath.Join(cat, "content", "verksamheter", "a.md"), []byte("a"), 0o644)
	os.WriteFile(filepath.Join(cat, "content", "verksamheter", "b.md"), []byte("b"), 0o644)
	git("2026-01-02T10:00:00Z", "add", ".")
	git("2026-01-02T10:00:00Z", "commit", "-q", "-m", "första")
	os.WriteFile(filepath.Join(cat, "content", "verksamheter", "b.md"), []byte("b2"), 0o644)
	git("2026-03-04T10:00:00Z", "commit", "-q", "-am", "andra")
	got, err := LastChanged(context.Background(), cat, "content")
	if err != nil {
		t.Fatal(err)
	}
	if a := got["content/verksamheter/a.md"]; !a.Equal(time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("a.md: %v (all: %v)", a, got)
	}
	if b := got["content/verksamheter/b.md"]; !b.Equal(time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("b.md: %v", b)
	}
}
