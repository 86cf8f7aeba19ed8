package publish

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestCopyStartInTheKernel: the unchanged start of a streamed file is
// copied from the old file without a buffer of the process (by
// copy_file_range): exactly its first n bytes, from the start of the old
// file wherever its reading had got to, and after them the new file is
// written on.
func TestCopyStartInTheKernel(t *testing.T) {
	dir := t.TempDir()
	old := bytes.Repeat([]byte("0123456789abcdef"), 3*streamBuffer/16+5)
	if err := os.WriteFile(filepath.Join(dir, "old"), old, 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := os.Open(filepath.Join(dir, "old"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	n := int64(len(old) - 7)
	dst, err := os.Create(filepath.Join(dir, "new"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.Seek(12345, 0); err != nil { // where a comparison left it
		t.Fatal(err)
	}
	if err := copyStart(dst, src, n); err != nil {
		t.Fatal(err)
	}
	if _, err := dst.WriteString("end"); err != nil {
		t.Fatal(err)
	}
	dst.Close()
	got, err := os.ReadFile(filepath.Join(dir, "new"))
	if err != nil {
		t.Fatal(err)
	}
	if want := append(bytes.Clone(old[:n]), "end"...); !bytes.Equal(got, want) {
		t.Fatalf("the new file holds %d bytes, want the old file's first %d and 3 more", len(got), n)
	}
	// A copy through a buffer allocates it (io.Copy's 32 KiB, a
	// reader); the one allocation allowed is the io.LimitedReader.
	again, err := os.Create(filepath.Join(dir, "again"))
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	allocs := testing.AllocsPerRun(5, func() {
		if _, err := again.Seek(0, 0); err != nil {
			t.Fatal(err)
		}
		if err := copyStart(again, src, n); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 1 {
		t.Errorf("copying the start allocated %.0f times, want at most 1: it goes through a buffer, not the kernel", allocs)
	}
}

// BenchmarkCopyStart: the unchanged 40 MB start of a streamed file
// copied by copyStart, against io.Copy from an io.SectionReader (through
// a buffer of the process), as it was.
func BenchmarkCopyStart(b *testing.B) {
	dir := b.TempDir()
	old := bytes.Repeat([]byte("0123456789abcdef"), 40<<20/16)
	if err := os.WriteFile(filepath.Join(dir, "old"), old, 0o644); err != nil {
		b.Fatal(err)
	}
	src, err := os.Open(filepath.Join(dir, "old"))
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	n := int64(len(old))
	for _, c := range []struct {
		name string
		copy func(dst *os.File) error
	}{
		{"kernel", func(dst *os.File) error { return copyStart(dst, src, n) }},
		{"buffer", func(dst *os.File) error {
			_, err := io.Copy(dst, io.NewSectionReader(src, 0, n))
			return err
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(n)
			for b.Loop() {
				dst, err := os.Create(filepath.Join(dir, "new"))
				if err != nil {
					b.Fatal(err)
				}
				if err := c.copy(dst); err != nil {
					b.Fatal(err)
				}
				dst.Close()
			}
		})
	}
}
