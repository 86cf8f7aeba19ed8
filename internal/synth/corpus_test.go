package synth

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBodies: a body keeps its file's line numbers, a file that is not
// Markdown is left out, and the generated activities of each seed are
// there under names of their own.
func TestBodies(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.md":       "---\nnamn: A\nkommuner: [Mark]\n---\n# Rubrik\n\nText.\n",
		"sub/b.md":   "Bara text, ingen front matter.\n",
		"c.md":       "---\nnamn: C\nutan slut\n",
		"bild.png":   "---\nx\n---\n",
		"sub/d.yaml": "namn: D\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bodies, err := Bodies([]string{dir}, 5)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"a.md":     "\n\n\n\n# Rubrik\n\nText.\n",
		"sub/b.md": files["sub/b.md"],
		"c.md":     files["c.md"],
	} {
		if got := string(bodies[filepath.Join(dir, filepath.FromSlash(name))]); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	generated := 0
	for name, body := range bodies {
		if strings.HasPrefix(name, dir) {
			continue
		}
		generated++
		if !strings.Contains(name, "#") || strings.HasPrefix(string(body), "---") {
			t.Errorf("generated %s: %.40q", name, body)
		}
	}
	if len(bodies) != generated+3 || generated < 3*5 {
		t.Errorf("%d bodies, %d of them generated; want 3 of the folder's and the activities of three catalogues of 5", len(bodies), generated)
	}
	if _, err := Bodies([]string{filepath.Join(dir, "saknas")}, 1); err == nil {
		t.Error("a missing folder gave no error")
	}
}
