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
	files, srcs := repositoryActivities(b)
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

// TestParseActivityAllocations checks that reading an activity costs a
// few allocations for each of its fields rather than several: each
// mapping's keys in a slice, not two maps; list entries named without
// fmt; the positions' map made at its size; no slug made to learn that a
// name has one. Those made some 128 allocations an activity of the
// repository's own; now about 45.
func TestParseActivityAllocations(t *testing.T) {
	files, srcs := repositoryActivities(t)
	allocs := testing.AllocsPerRun(5, func() {
		for i, src := range srcs {
			if _, diags := ParseActivity(files[i], "a", src); diags.HasErrors() {
				t.Fatal(diags)
			}
		}
	}) / float64(len(srcs))
	t.Logf("%.1f allocations an activity", allocs)
	if allocs > 47 {
		t.Errorf("%.1f allocations an activity, want at most 47", allocs)
	}
}

// repositoryActivities returns the bytes of the repository's own
// activities, one file each, and their names.
func repositoryActivities(tb testing.TB) ([]string, [][]byte) {
	tb.Helper()
	files, err := filepath.Glob("../../content/verksamheter/*.md")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no activities: %v", err)
	}
	var srcs [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		srcs = append(srcs, data)
	}
	return files, srcs
}
