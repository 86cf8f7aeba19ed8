package load

import (
	"strings"
	"testing"
)

// FuzzYAMLMistakes checks that no frontmatter, however broken, makes the
// reading of a file panic, and that every hint points into the file.
func FuzzYAMLMistakes(f *testing.F) {
	for _, s := range []string{validActivity, "---\nnamn: [a\n---\n", "---\n  namn: x\nb: c\n---\n",
		"---\nnamn: \"a\" b\n---\n", "---\nkontakt:\n  - namn: a\n   x: 1\n---\n", "---\n- - a\n---\n",
		"---\nnamn: |\n\ta\n---\n", "---\na: {b: [c, 'd\n---\n", "---\nnamn: Grupp #2\n...\n---\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		_, diags := ParseActivity("v.md", "v", []byte(src))
		lines := strings.Count(string(normalizeNewlines([]byte(src))), "\n") + 1
		for _, d := range diags {
			if d.Pos.Line > lines || d.Pos.Line < 0 || d.Pos.Col < 0 {
				t.Errorf("%v points outside a file of %d lines", d, lines)
			}
		}
	})
}
