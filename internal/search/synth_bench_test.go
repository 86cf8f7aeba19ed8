package search_test

// Benchmarks of building the index of a synthetic catalogue
// (synth.Generate(n, 1)), at 1,000 and 10,000 activities, whole and by
// phase:
//
//	go test ./internal/search -run '^$' -bench Index -benchmem
//
// Cold is what a build does: documents from the catalogue, the index, its
// files. The phases are FromCatalogue (Docs), Build and Files.

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"sync"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/check"
	"github.com/samkat/samkat/internal/load"
	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/search"
	"github.com/samkat/samkat/internal/synth"
)

var synthSizes = []int{1000, 10000}

// synthCatalogue is what the index is built of, for one catalogue.
type synthCatalogue struct {
	cat    *catalog.Catalogue
	now    catalog.Date
	bodies map[string]string
	catalogue
}

var synthCatalogues sync.Map // n → *synthCatalogue

func synthOf(b *testing.B, n int) *synthCatalogue {
	if c, ok := synthCatalogues.Load(n); ok {
		return c.(*synthCatalogue)
	}
	now := catalog.Date{Year: 2026, Month: 11, Day: 22}
	cat, bodies := loadFS(b, synth.Generate(n, 1), now)
	c := &synthCatalogue{cat: cat, now: now, bodies: bodies}
	c.docs = search.FromCatalogue(cat, now, func(a *catalog.Activity) string { return bodies[a.File] })
	c.synonyms = cat.Index.Synonymer
	c.values, c.labels = search.FacetValues(cat.Index)
	synthCatalogues.Store(n, c)
	return c
}

// loadFS reads the catalogue fsys the way `samkat build` does, and gives
// each activity's body as plain text.
func loadFS(t testing.TB, fsys fs.FS, now catalog.Date) (*catalog.Catalogue, map[string]string) {
	t.Helper()
	cat, diags, err := load.Catalogue(context.Background(), fsys)
	if err == nil {
		diags = append(diags, check.Catalogue(cat, now)...)
	}
	if err != nil || diags.HasErrors() {
		t.Fatalf("load: %v\n%v", err, diags)
	}
	cat.Activities = slices.DeleteFunc(cat.Activities, func(a *catalog.Activity) bool { return a.Utkast })
	conv := markdown.New()
	bodies := map[string]string{}
	for _, a := range cat.Activities {
		b, _ := conv.Convert(a.File, a.Body)
		bodies[a.File] = b.Text
	}
	return cat, bodies
}

func BenchmarkIndex(b *testing.B) {
	for _, n := range synthSizes {
		b.Run(fmt.Sprintf("cold/n=%d", n), func(b *testing.B) {
			c := synthOf(b, n)
			for b.Loop() {
				docs := search.FromCatalogue(c.cat, c.now, func(a *catalog.Activity) string { return c.bodies[a.File] })
				ix, err := search.Build(context.Background(), docs, c.synonyms)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := ix.Files(c.values, c.labels); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("docs/n=%d", n), func(b *testing.B) {
			c := synthOf(b, n)
			for b.Loop() {
				search.FromCatalogue(c.cat, c.now, func(a *catalog.Activity) string { return c.bodies[a.File] })
			}
		})
		b.Run(fmt.Sprintf("build/n=%d", n), func(b *testing.B) {
			c := synthOf(b, n)
			for b.Loop() {
				if _, err := search.Build(context.Background(), c.docs, c.synonyms); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("files/n=%d", n), func(b *testing.B) {
			c := synthOf(b, n)
			ix := search.MustBuild(c.docs, c.synonyms)
			for b.Loop() {
				if _, err := ix.Files(c.values, c.labels); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkIndexReuse builds the index again after a change to one
// document's description, from the analyses of the build before: what a
// rebuild after one saved edit costs, against cold in BenchmarkIndex. The
// edit adds a sentence of words the catalogue has (same-words), or one
// with a word it has not (new-word), which changes the vocabulary that
// the compounds' tails depend on.
func BenchmarkIndexReuse(b *testing.B) {
	for _, n := range synthSizes {
		for _, edit := range []string{"same-words", "new-word"} {
			b.Run(fmt.Sprintf("%s/n=%d", edit, n), func(b *testing.B) {
				c := synthOf(b, n)
				// Another activity's target group, whose words the
				// catalogue has, or a word no activity has.
				text := " " + c.docs[0].Text[search.Target]
				if edit == "new-word" {
					text = " Deltagarna får stöd med xylofonspelning."
				}
				_, prev, err := search.BuildReusing(context.Background(), c.docs, c.synonyms, nil)
				if err != nil {
					b.Fatal(err)
				}
				docs := slices.Clone(c.docs)
				docs[n/2].Text[search.Body] += text
				for b.Loop() {
					ix, _, err := search.BuildReusing(context.Background(), docs, c.synonyms, prev)
					if err != nil {
						b.Fatal(err)
					}
					if _, err := ix.Files(c.values, c.labels); err != nil {
						b.Fatal(err)
					}
				}
				size := 0
				for _, a := range prev {
					size += a.Len()
				}
				b.ReportMetric(float64(size)/float64(n), "analysis-B/doc")
			})
		}
	}
}
