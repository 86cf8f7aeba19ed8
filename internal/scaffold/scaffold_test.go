package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/msg"
)

var day = catalog.DateOf(time.Date(2026, time.December, 1, 12, 0, 0, 0, time.UTC))

// repoInstall is how this repository's own workflows install samkat: from
// the source they check out, since they check samkat's own changes.
const repoInstall = "go install ./cmd/samkat # här: samkat ur den här källkoden; en katalog installerar en version"

// TestWorkflowsMatchRepository keeps one source for the workflows: the
// repository's .github/workflows are the skeleton's, but for the install line.
func TestWorkflowsMatchRepository(t *testing.T) {
	for _, name := range []string{"check.yml", "publish.yml"} {
		skel, err := skeleton.ReadFile("skeleton/.github/workflows/" + name)
		if err != nil {
			t.Fatal(err)
		}
		repo, err := os.ReadFile(filepath.Join("..", "..", ".github", "workflows", name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Count(string(skel), InstallLatest) != 1 {
			t.Errorf("skeleton %s: want exactly one %q", name, InstallLatest)
		}
		if strings.Count(string(repo), repoInstall) != 1 {
			t.Errorf(".github/workflows/%s: want exactly one %q", name, repoInstall)
		}
		if got := strings.Replace(string(repo), repoInstall, InstallLatest, 1); got != string(skel) {
			t.Errorf(".github/workflows/%s differs from internal/scaffold/skeleton/.github/workflows/%s beyond the install line; change both", name, name)
		}
	}
}

func TestInstallVersion(t *testing.T) {
	tests := []struct{ in, want string }{
		{"v1.2.0", "v1.2.0"},
		{"v0.3.1-rc.1", "v0.3.1-rc.1"},
		{"dev", "latest"},
		{"dev-0123456789ab", "latest"},
		{"v0.0.0-20261201104500-abcdef123456", "latest"},
		{"v1.2.1-0.20261201104500-abcdef123456", "latest"},
		{"v1.2.0+dirty", "latest"},
		{"(devel)", "latest"},
		{"", "latest"},
	}
	for _, tt := range tests {
		if got := InstallVersion(tt.in); got != tt.want {
			t.Errorf("InstallVersion(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFilesPinAndDate(t *testing.T) {
	files, err := Files("v1.4.0", day)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
		s := string(f.Data)
		if strings.Contains(s, todayToken) || strings.Contains(s, "@latest") && strings.HasPrefix(f.Path, ".github/") {
			t.Errorf("%s still has a placeholder:\n%s", f.Path, s)
		}
		if strings.HasPrefix(f.Path, ".github/") && !strings.Contains(s, "go install github.com/samkat/samkat/cmd/samkat@v1.4.0\n") {
			t.Errorf("%s does not install v1.4.0", f.Path)
		}
		if strings.HasSuffix(f.Path, "exempelteamet.md") && !strings.Contains(s, "granskad: 2026-12-01\n") {
			t.Errorf("the example activity is not reviewed today:\n%s", s)
		}
	}
	want := []string{
		".github/workflows/check.yml", ".github/workflows/publish.yml", ".gitignore",
		".vscode/extensions.json", ".vscode/settings.json", "README.md",
		"content/_index.md", "content/tillganglighet.md", "content/verksamheter/exempelteamet.md",
	}
	if !slices.Equal(paths, want) {
		t.Errorf("files %v, want %v", paths, want)
	}
}

func TestWriteKeepsExistingFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ny", "katalog") // does not exist yet
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	readme := []byte("# Förbundets egen README\n")
	if err := os.WriteFile(filepath.Join(dir, "README.md"), readme, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Write(dir, "dev", day)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Kept, []string{"README.md"}) || len(res.Written) != 8 {
		t.Errorf("Write = %+v, want README.md kept and 8 files written", res)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "README.md")); string(got) != string(readme) {
		t.Errorf("README.md was overwritten: %q", got)
	}

	// A second run finds content/ and writes nothing.
	res, err = Write(dir, "dev", day)
	var me *msg.Error
	if !errors.As(err, &me) || me.Msg.ID != msg.InitExists {
		t.Fatalf("second Write: err %v, want %s", err, msg.InitExists)
	}
	if len(res.Written)+len(res.Kept) != 0 {
		t.Errorf("second Write touched files: %+v", res)
	}
}
