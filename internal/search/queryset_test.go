package search_test

// The query set: realistic queries of caseworkers over this repository's
// catalogue and the test catalogues of other förbund, each with the
// activities that answer it (testdata/queries.json, judged from the
// activity files). TestQuerySet indexes each catalogue as `samkat build`
// does, reports the share of queries whose answer is first (top-1), among
// the first three (top-3), and of queries with no result at all, and fails
// below minTop3. It writes each catalogue's browser index to
// testdata/queryset/<name>/ and Go's first results to
// testdata/queryset/answers.json, where tests/search/queryset.test.mjs runs
// the same queries with the browser's engine (refresh both with -update).

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/search"
)

const (
	queriesFile         = "testdata/queries.json"
	querySetDir         = "testdata/queryset/"
	querySetAnswersFile = querySetDir + "answers.json"
	minTop3             = 0.95
)

type querySet struct {
	Comment    string            `json:"comment"`
	Catalogues map[string]string `json:"catalogues"` // name → folder holding content/, from the repository root
	Queries    []struct {
		Cat  string   `json:"cat"`
		Q    string   `json:"q"`
		Want []string `json:"want"` // slugs; any of them answers the query
	} `json:"queries"`
}

// querySetAnswers is what Go answers, for the browser engine to match.
type querySetAnswers struct {
	Comment string           `json:"comment"`
	Now     string           `json:"now"`
	Answers []querySetAnswer `json:"answers"`
	Rates   querySetRates    `json:"rates"`
}

type querySetAnswer struct {
	Cat   string   `json:"cat"`
	Q     string   `json:"q"`
	Top   []string `json:"top"`  // the first three results' URLs
	Hits  int      `json:"hits"` // how many results
	Found string   `json:"found"`
}

type querySetRates struct {
	Queries int     `json:"queries"`
	Top1    float64 `json:"top1"`
	Top3    float64 `json:"top3"`
	Zero    int     `json:"zero"`
}

// judge says where among the results an expected answer is: "1" first,
// "3" second or third, "later", "missing" or "none" (no result at all).
func judge(urls []string, want []string) string {
	if len(urls) == 0 {
		return "none"
	}
	pos := -1
	for i, u := range urls {
		if slices.Contains(want, strings.TrimSuffix(strings.TrimPrefix(u, act), "/")) {
			pos = i
			break
		}
	}
	switch {
	case pos == 0:
		return "1"
	case pos > 0 && pos < 3:
		return "3"
	case pos >= 3:
		return "later"
	}
	return "missing"
}

func TestQuerySet(t *testing.T) {
	data, err := os.ReadFile(queriesFile)
	if err != nil {
		t.Fatal(err)
	}
	var set querySet
	if err := json.Unmarshal(data, &set); err != nil {
		t.Fatalf("%s: %v", queriesFile, err)
	}
	now, err := catalog.ParseDate(vectorsNow)
	if err != nil {
		t.Fatal(err)
	}
	indexes := map[string]*search.Index{}
	names := make([]string, 0, len(set.Catalogues))
	for name := range set.Catalogues {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		ix, c := indexOf(t, path.Join(root, set.Catalogues[name]), now)
		files, err := ix.Files(c.values, c.labels)
		if err != nil {
			t.Fatal(err)
		}
		writeIndexDir(t, querySetDir+name+"/", files)
		indexes[name] = ix
	}
	out := querySetAnswers{
		Comment: "Go's answers to testdata/queries.json; written by go test ./internal/search -run QuerySet -update",
		Now:     vectorsNow,
	}
	var top1, top3 int
	var misses []string
	for _, qu := range set.Queries {
		ix, ok := indexes[qu.Cat]
		if !ok {
			t.Fatalf("%s: no catalogue %q", queriesFile, qu.Cat)
		}
		q := search.ParseQuery(qu.Q)
		var urls []string
		for _, h := range ix.Search(q) {
			urls = append(urls, ix.Docs[h.Doc].URL)
		}
		found := judge(urls, qu.Want)
		switch found {
		case "1":
			top1++
			top3++
		case "3":
			top3++
		default:
			misses = append(misses, fmt.Sprintf("%s %q: %s, want %v, got %v", qu.Cat, qu.Q, found, qu.Want, urls[:min(3, len(urls))]))
		}
		if len(urls) == 0 {
			out.Rates.Zero++
		}
		out.Answers = append(out.Answers, querySetAnswer{Cat: qu.Cat, Q: qu.Q, Top: append([]string{}, urls[:min(3, len(urls))]...), Hits: len(urls), Found: found})
	}
	n := len(set.Queries)
	out.Rates.Queries = n
	out.Rates.Top1 = float64(top1) / float64(n)
	out.Rates.Top3 = float64(top3) / float64(n)
	t.Logf("query set: %d queries, top-1 %.1f %%, top-3 %.1f %%, %d with no result", n, 100*out.Rates.Top1, 100*out.Rates.Top3, out.Rates.Zero)
	for _, m := range misses {
		t.Logf("  not in the top three: %s", m)
	}
	if out.Rates.Top3 < minTop3 {
		t.Errorf("query set: top-3 %.1f %%, below %.0f %%", 100*out.Rates.Top3, 100*minTop3)
	}
	got, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(querySetAnswersFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if want, _ := os.ReadFile(querySetAnswersFile); string(want) != string(got) {
		t.Errorf("%s differs from Go's answers (run go test ./internal/search -run QuerySet -update)", querySetAnswersFile)
	}
}
