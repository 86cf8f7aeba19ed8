package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/msg"
)

// TestCatalogueTextCannotAct: a value with a line break (which a quoted YAML
// value may hold) cannot start a line of the printed diagnostics: in GitHub
// Actions, "::error …" at the start of a line is a command. (Control and
// invisible characters are refused in values; msg.Visible writes out any
// that reach a message another way.)
func TestCatalogueTextCannotAct(t *testing.T) {
	src := hostileCatalogue(strings.Replace(hostileActivity, "kommuner: [Borås]", "kommuner: [Marks]", 1))
	ix := src["content/_index.md"]
	ix.Data = []byte(strings.Replace(hostileIndex, "kommuner: [Borås, Mark]", `kommuner: ["Borås\n::error file=x::pwned", Mark]`, 1))
	_, res, _ := buildMem(t, src)
	for _, lang := range []msg.Lang{msg.Sv, msg.En} {
		out := diagTextIn(res, lang)
		if !res.Diagnostics.HasErrors() {
			t.Fatalf("no error for an undeclared municipality:\n%s", out)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "::") || strings.ContainsRune(line, '\x1b') {
				t.Errorf("%s: a value reached the output as it is: %q", lang, line)
			}
		}
		if !strings.Contains(out, `\n::error file=x::pwned`) {
			t.Errorf("%s: the value is not shown written out:\n%s", lang, out)
		}
	}
}

// TestDecomposedNamesAreTheSame: Borås written as a + combining ring (as PDF
// copies and some macOS tools write it) is the declared Borås.
func TestDecomposedNamesAreTheSame(t *testing.T) {
	src := hostileCatalogue(strings.Replace(hostileActivity, "kommuner: [Borås]", "kommuner: [Bora\u030as]", 1))
	files, res, err := buildMem(t, src)
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	if !strings.Contains(string(files["kommuner/boras/index.html"]), "Lotsen") {
		t.Error("the activity is not listed under Borås")
	}
}

// TestLinkedSourceFoldersAreRefused: content/, layouts/ and static/ that
// are symbolic links are reported as links, as files are, in check and build.
func TestLinkedSourceFoldersAreRefused(t *testing.T) {
	for _, dir := range []string{"content", "layouts", "static"} {
		t.Run(dir, func(t *testing.T) {
			root := t.TempDir()
			cat := filepath.Join(root, "katalog")
			elsewhere := filepath.Join(root, "annanstans")
			for name, f := range hostileCatalogue(hostileActivity) {
				p := filepath.Join(cat, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.MkdirAll(filepath.Join(cat, "layouts"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Join(cat, "static"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(filepath.Join(cat, dir), elsewhere); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(elsewhere, filepath.Join(cat, dir)); err != nil {
				t.Skip("symbolic links are not available:", err)
			}
			res, err := CheckDir(context.Background(), cat, testOptions())
			want := dir + "/: error: is a symbolic link; samkat does not follow links (they could point outside the catalogue): put the folder here instead of the link"
			if got := diagText(res); !strings.Contains(got, want) || err == nil {
				t.Errorf("check: %v\n%s\nwant %s", err, got, want)
			}
			out := filepath.Join(root, "ut")
			if _, err := Dir(context.Background(), cat, out, testOptions()); err == nil {
				t.Error("build of a catalogue with a linked folder succeeded")
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("the failed build wrote its output folder")
			}
		})
	}
}
