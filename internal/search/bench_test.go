package search_test

// Benchmarks of the index at 100 and 10,000 activities, on generated
// catalogues:
//
//	go run ./tests/gencatalogue -n 100 -o $DIR/n100
//	go run ./tests/gencatalogue -n 10000 -o $DIR/n10000
//	SAMKAT_BENCH_DIR=$DIR go test ./internal/search -run '^$' -bench . -benchtime 20x
//
// BenchmarkBuild reports the size of the browser index (all files, and
// gzip -9 of each summed); BenchmarkSearch the time of a query in Go
// (Search and Counts) and the compressed bytes the browser downloads for it:
// before its first result while it is typed, and for all of it typed. The
// browser's own time per keystroke is measured by tests/search/bench.mjs;
// docs/search.md has the numbers.

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/search"
)

var benchSizes = []int{100, 10000}

// benchQueries are typical queries of a handläggare.
var benchQueries = []string{"unga", "sjukskrivning", "arbetsträning borås", "psykisk ohälsa", "lotsen"}

var benchCatalogues sync.Map // n → catalogue

func benchCatalogue(b *testing.B, n int) catalogue {
	dir := os.Getenv("SAMKAT_BENCH_DIR")
	if dir == "" {
		b.Skip("set SAMKAT_BENCH_DIR to a folder with the catalogues n100/ and n10000/ (see bench_test.go)")
	}
	if c, ok := benchCatalogues.Load(n); ok {
		return c.(catalogue)
	}
	c := loadCatalogue(b, filepath.Join(dir, fmt.Sprintf("n%d", n)), catalog.Date{Year: 2026, Month: 11, Day: 22})
	if len(c.docs) != n {
		b.Fatalf("%s/n%d has %d activities, want %d", dir, n, len(c.docs), n)
	}
	benchCatalogues.Store(n, c)
	return c
}

func gzipSize(data []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return buf.Len()
}

func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			c := benchCatalogue(b, n)
			var files map[string][]byte
			for b.Loop() {
				ix := search.MustBuild(c.docs, c.synonyms)
				var err error
				if files, err = ix.Files(c.values, c.labels); err != nil {
					b.Fatal(err)
				}
			}
			total, gz := 0, 0
			for _, data := range files {
				total += len(data)
				gz += gzipSize(data)
			}
			b.ReportMetric(float64(len(files)), "files")
			b.ReportMetric(float64(total), "index-B")
			b.ReportMetric(float64(gz), "index-gzB")
			b.ReportMetric(float64(gzipSize(files["meta.json"])), "meta-gzB")
		})
	}
}

func BenchmarkSearch(b *testing.B) {
	for _, n := range benchSizes {
		for _, text := range benchQueries {
			b.Run(fmt.Sprintf("n=%d/q=%s", n, text), func(b *testing.B) {
				c := benchCatalogue(b, n)
				ix := search.MustBuild(c.docs, c.synonyms)
				files, err := ix.Files(c.values, c.labels)
				if err != nil {
					b.Fatal(err)
				}
				q := search.Query{Text: text, Filters: map[string][]string{}}
				var hits []search.Hit
				for b.Loop() {
					hits = ix.Search(q)
					ix.Counts(q)
				}
				first, typed := downloads(b, ix, files, text)
				b.ReportMetric(float64(len(hits)), "hits")
				b.ReportMetric(float64(first), "first-gzB")
				b.ReportMetric(float64(typed), "typed-gzB")
			})
		}
	}
}

// downloads returns the compressed bytes of the index files the browser
// loads while text is typed a letter at a time: until the first results are
// shown, and in all. It follows static/samkat-sokmotor.js: meta.json, per
// word the term files of its keys (or the prefix file of a large two-letter
// key); the first results are drawn from these, and then the target group
// files of the first 20 results are loaded, and f.json (the counts of the
// facets a result does not show).
func downloads(b *testing.B, ix *search.Index, files map[string][]byte, text string) (first, typed int) {
	var meta struct {
		DocChunk int        `json:"docChunk"`
		Shards   [][]string `json:"shards"`
		Prefixed []string   `json:"prefixed"`
	}
	if err := json.Unmarshal(files["meta.json"], &meta); err != nil {
		b.Fatal(err)
	}
	fileOf := map[string]int{}
	for i, keys := range meta.Shards {
		for _, k := range keys {
			fileOf[k] = i
		}
	}
	loaded := map[string]bool{"meta.json": true}
	size := func() int {
		n := 0
		for name := range loaded {
			n += gzipSize(files[name])
		}
		return n
	}
	load := func(kind, key string) {
		if i, ok := fileOf[key]; ok {
			loaded[fmt.Sprintf("%s/%d.json", kind, i)] = true
		}
	}
	first = -1
	runes := []rune(text)
	for k := 1; k <= len(runes); k++ {
		typedText := string(runes[:k])
		toks := search.QueryTokens(typedText)
		for j, tok := range toks {
			last := j == len(toks)-1
			n := utf8.RuneCountInString(tok)
			if n == 2 && slices.Contains(meta.Prefixed, tok) {
				load("p", tok)
				continue
			}
			load("t", search.ShardKey(search.Stem(tok)))
			load("t", search.ShardKey(tok))
			if last && n >= 2 {
				for _, t := range search.Continued(tok) {
					load("t", search.ShardKey(t))
				}
			}
		}
		hits := ix.Search(search.Query{Text: typedText, Filters: map[string][]string{}})
		if first < 0 && len(hits) > 0 {
			first = size()
			if _, ok := files["f.json"]; ok {
				loaded["f.json"] = true
			}
		}
		for _, h := range hits[:min(20, len(hits))] {
			loaded[fmt.Sprintf("d/%d.json", h.Doc/meta.DocChunk)] = true
		}
	}
	return first, size()
}
