package publish

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/samkat/samkat/internal/cputime"
	"github.com/samkat/samkat/internal/parallel"
)

// BenchmarkWriteFolders writes a site of 10,000 folders of one 20 KB
// page each (an activity's page) from two goroutines into a new output,
// and commits it, each iteration twice, in turns: without the folders
// made ahead and with them (MakeFolders, waited for before the writes,
// as in a build they are made while the pages render). It reports the
// process's CPU seconds (user and system) of each. The outputs are
// deleted only when it ends, as a file system that has just deleted
// many files makes new ones slowly (see the performance notes): run it
// with -count 1 and TMPDIR set to a folder of its own.
func BenchmarkWriteFolders(b *testing.B) {
	const n = 10000
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("verksamheter/aktivitet-%05d/index.html", i)
	}
	page := make([]byte, 20<<10)
	for i := range page {
		page[i] = byte('a' + i%26)
	}
	base := b.TempDir()
	build := func(out string, ahead bool) float64 {
		c0, _ := cputime.Process()
		tx, err := Begin(out)
		if err != nil {
			b.Fatal(err)
		}
		if ahead {
			tx.MakeFolders(names)
			tx.folders.Wait()
		}
		err = parallel.For(b.Context(), 2, func(w int) error {
			for j := w; j < n; j += 2 {
				if err := tx.WriteFile(names[j], page); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		c1, _ := cputime.Process()
		return (c1 - c0).Seconds()
	}
	var plain, ahead float64
	for i := 0; b.Loop(); i++ {
		plain += build(filepath.Join(base, fmt.Sprint("plain-", i)), false)
		ahead += build(filepath.Join(base, fmt.Sprint("ahead-", i)), true)
	}
	b.ReportMetric(plain/float64(b.N), "plain-cpu-s/op")
	b.ReportMetric(ahead/float64(b.N), "ahead-cpu-s/op")
}
