package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkConvert converts the bodies of the repository's own activities
// as the build does (HTML, plain text and the booklet's version), one
// body per operation:
//
//	go test ./internal/markdown -run '^$' -bench Convert -benchmem
func BenchmarkConvert(b *testing.B) {
	files, err := filepath.Glob("../../content/verksamheter/*.md")
	if err != nil || len(files) == 0 {
		b.Fatalf("no activities: %v", err)
	}
	var bodies [][]byte
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		// The frontmatter's lines, blank, as the loader leaves them.
		if end := bytes.Index(data[3:], []byte("\n---\n")); bytes.HasPrefix(data, []byte("---\n")) && end >= 0 {
			fm := data[:end+3+5]
			data = append(bytes.Repeat([]byte("\n"), bytes.Count(fm, []byte("\n"))), data[len(fm):]...)
		}
		bodies = append(bodies, data)
		size += len(data)
	}
	c := New()
	in := Inset{Levels: 2, IDPrefix: "v-a", From: "verksamheter/a/", To: "utskrift/"}
	b.SetBytes(int64(size / len(bodies)))
	i := 0
	for b.Loop() {
		c.Convert("a.md", bodies[i%len(bodies)], in)
		i++
	}
}
