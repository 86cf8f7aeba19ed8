package export_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"sync"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/export"
	"github.com/samkat/samkat/internal/load"
	"github.com/samkat/samkat/internal/synth"
)

var now = catalog.Date{Year: 2026, Month: 11, Day: 22}

var synthCatalogues sync.Map // n → *catalog.Catalogue

func synthCatalogue(t testing.TB, n int) *catalog.Catalogue {
	if c, ok := synthCatalogues.Load(n); ok {
		return c.(*catalog.Catalogue)
	}
	cat, diags, err := load.Catalogue(context.Background(), synth.Generate(n, 1))
	if err != nil || diags.HasErrors() {
		t.Fatalf("load: %v\n%v", err, diags)
	}
	synthCatalogues.Store(n, cat)
	return cat
}

// edited returns cat with a copy of activity i whose name and body
// changed.
func edited(cat *catalog.Catalogue, i int) *catalog.Catalogue {
	out := *cat
	out.Activities = slices.Clone(cat.Activities)
	a := *cat.Activities[i]
	a.Namn += " (ny)"
	a.Body = append(slices.Clone(a.Body), "\nEn mening till.\n"...)
	out.Activities[i] = &a
	return &out
}

// kept returns the records of cat in format f, as a cache keeps them.
func kept(t testing.TB, f export.DataFormat, cat *catalog.Catalogue) [][]byte {
	var out [][]byte
	for _, a := range cat.Activities {
		b, err := f.Record(cat.Index, a, now)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// TestRecordsMakeTheFile writes each format from the records kept of a
// catalogue and one made again for the activity that changed since, and
// compares it with the file written whole.
func TestRecordsMakeTheFile(t *testing.T) {
	cat := synthCatalogue(t, 40)
	changed := edited(cat, 17)
	for _, f := range export.DataFormats() {
		records := kept(t, f, cat)
		var whole, pieces bytes.Buffer
		if err := f.Write(&whole, changed, now); err != nil {
			t.Fatal(err)
		}
		type span struct{ at, n int64 }
		var spans []span
		err := f.WriteRecords(&pieces, changed, now, func(i int, at int64) ([]byte, error) {
			b := records[i]
			if i == 17 {
				var err error
				if b, err = f.Record(changed.Index, changed.Activities[i], now); err != nil {
					return nil, err
				}
			}
			spans = append(spans, span{at, int64(len(b))})
			return b, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(pieces.Bytes(), whole.Bytes()) {
			t.Errorf("%s: the file from records differs from the file written whole", f.Label)
		}
		// Each record is in the file where record was told it would be.
		for i, sp := range spans {
			want := kept(t, f, changed)[i]
			if sp.at+sp.n > int64(whole.Len()) || !bytes.Equal(whole.Bytes()[sp.at:sp.at+sp.n], want) {
				t.Errorf("%s: record %d is not at %d", f.Label, i, sp.at)
				break
			}
		}
		if bytes.Equal(records[17], kept(t, f, changed)[17]) {
			t.Errorf("%s: the changed activity's record did not change", f.Label)
		}
	}
}

// BenchmarkData writes the open data of a synthetic catalogue: whole
// (cold), and from the records of the build before with one made again
// (reuse), as a build after one change would with a cache.
//
//	go test ./internal/export -run '^$' -bench Data -benchmem
func BenchmarkData(b *testing.B) {
	for _, f := range export.DataFormats() {
		for _, n := range []int{1000, 10000} {
			b.Run(fmt.Sprintf("%s/cold/n=%d", f.Label, n), func(b *testing.B) {
				cat := synthCatalogue(b, n)
				for b.Loop() {
					if err := f.Write(io.Discard, cat, now); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(fmt.Sprintf("%s/reuse/n=%d", f.Label, n), func(b *testing.B) {
				cat := synthCatalogue(b, n)
				records := kept(b, f, cat)
				changed := edited(cat, n/2)
				for b.Loop() {
					err := f.WriteRecords(io.Discard, changed, now, func(i int, _ int64) ([]byte, error) {
						if i == n/2 {
							return f.Record(changed.Index, changed.Activities[i], now)
						}
						return records[i], nil
					})
					if err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
