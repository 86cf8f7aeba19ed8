package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	for _, tt := range []struct {
		xs   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{3, 1, 2}, 2},
		{[]float64{4, 1, 3, 2}, 2.5},
	} {
		if got := median(tt.xs); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.xs, got, tt.want)
		}
	}
	xs := []float64{3, 1, 2}
	median(xs)
	if xs[0] != 3 {
		t.Error("median sorted its argument")
	}
}

func TestTreeAndWrittenSince(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for name, data := range map[string]string{"a.html": "12345", "b/c.html": "123", "b/d.json": "1"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if name != "b/c.html" {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	if files, size, err := tree(dir); err != nil || files != 3 || size != 9 {
		t.Errorf("tree: %d files, %d bytes, %v; want 3, 9", files, size, err)
	}
	if files, size, err := writtenSince(dir, time.Now().Add(-time.Minute)); err != nil || files != 1 || size != 3 {
		t.Errorf("writtenSince: %d files, %d bytes, %v; want 1, 3", files, size, err)
	}
}
