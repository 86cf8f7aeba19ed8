package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkParseActivity reads and parses the repository's own activities,
// one file per operation:
//
//	go test ./internal/load -run '^$' -bench ParseActivity -benchmem
func BenchmarkParseActivity(b *testing.B) {
	files, err := filepath.Glob("../../content/verksamheter/*.md")
	if err != nil || len(files) == 0 {
		b.Fatalf("no activities: %v", err)
	}
	var srcs [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, data)
	}
	i := 0
	for b.Loop() {
		k := i % len(files)
		if _, diags := ParseActivity(files[k], strings.TrimSuffix(filepath.Base(files[k]), ".md"), srcs[k]); diags.HasErrors() {
			b.Fatal(diags)
		}
		i++
	}
}

// BenchmarkCatalogue loads the repository's own catalogue from disk.
func BenchmarkCatalogue(b *testing.B) {
	fsys := os.DirFS("../..")
	for b.Loop() {
		if _, diags, err := Catalogue(b.Context(), fsys); err != nil || diags.HasErrors() {
			b.Fatal(err, diags)
		}
	}
}
