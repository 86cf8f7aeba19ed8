package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/synth"
)

// TestDirEqualsMemory checks that a build into a folder, which keeps the
// bodies' text in a scratch file and only the start of their summaries
// (textStore), writes every file as a build into memory does, which
// keeps both whole: the search index reads the text, the pages'
// descriptions and the feed the summaries. The catalogues' bodies are
// long, with tables and letters of several bytes near where the
// summaries are cut.
func TestDirEqualsMemory(t *testing.T) {
	small := t.TempDir()
	if err := os.CopyFS(small, os.DirFS("testdata/small")); err != nil {
		t.Fatal(err)
	}
	act, err := os.ReadFile(filepath.Join(small, "content/verksamheter/aktiv-vardag.md"))
	if err != nil {
		t.Fatal(err)
	}
	front, _, _ := bytes.Cut(act[4:], []byte("\n---\n"))
	for i, body := range longBodies() {
		// Without a målgrupp, the feed shows the start of the body.
		var fm []string
		for _, line := range strings.Split(string(front), "\n") {
			switch {
			case strings.HasPrefix(line, "malgrupp:"):
			case strings.HasPrefix(line, "namn:"):
				fm = append(fm, fmt.Sprintf("namn: Lång text %d", i))
			default:
				fm = append(fm, line)
			}
		}
		doc := "---\n" + strings.Join(fm, "\n") + "\n---\n" + body
		if err := os.WriteFile(filepath.Join(small, fmt.Sprintf("content/verksamheter/lang-%d.md", i)), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	generated := filepath.Join(t.TempDir(), "catalogue")
	if err := os.CopyFS(generated, synth.Catalogue(60)); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{small, generated} {
		opt := benchOptions()
		var mem publish.Mem
		res, err := Site(context.Background(), os.DirFS(dir), &mem, opt)
		if err != nil {
			t.Fatalf("%s: build into memory: %v\n%s", dir, err, diagText(res))
		}
		out := filepath.Join(t.TempDir(), "site")
		if res, err := Dir(context.Background(), dir, out, opt); err != nil {
			t.Fatalf("%s: build into a folder: %v\n%s", dir, err, diagText(res))
		}
		got, want := siteFiles(t, out), mem.Files()
		for _, name := range slices.Sorted(maps.Keys(want)) {
			if g, ok := got[name]; !ok {
				t.Errorf("%s: %s missing from the build into a folder", dir, name)
			} else if !bytes.Equal(g, want[name]) {
				t.Errorf("%s: %s differs from the build into memory", dir, name)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d files in the folder, %d in memory", dir, len(got), len(want))
		}
		if _, err := os.Lstat(filepath.Join(out, ".samkat", "scratch")); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: the scratch folder is left in the output (%v)", dir, err)
		}
	}
}

// longBodies are bodies whose summaries are longer than summaryHead
// keeps, cut near letters of several bytes and spaces.
func longBodies() []string {
	words := strings.Repeat("ord ", 38) // 152 characters
	return []string{
		"## Om\n\n" + strings.Repeat("Gruppaktiviteter dagtid, promenader och vattengympa. ", 12) + "\n",
		words + strings.Repeat("åäö", 40) + "\n",
		words + "öö €€ " + strings.Repeat("x€ ", 30) + "\n",
		strings.Repeat("é", 199) + " slut " + strings.Repeat("ä", 10) + "\n",
		strings.Repeat("a", 200) + " b\n",
		strings.Repeat("a", 201) + "\n",
		"| kol | kol |\n|---|---|\n| " + strings.Repeat("cell ", 60) + " | x |\n\n" + words + "efter tabellen, " + words + "\n",
		words + "`kod` " + "[länk](https://example.org/) " + words + "\n",
	}
}

// TestSummaryHead checks that the build's excerpts of a summary are the
// same of its start alone, for every length up to summaryRunes.
func TestSummaryHead(t *testing.T) {
	cases := []string{"", "kort", strings.Repeat("a", summaryRunes-1), strings.Repeat("a", summaryRunes), strings.Repeat("a", summaryRunes+1)}
	for _, b := range longBodies() {
		cases = append(cases, b, strings.Join(strings.Fields(b), " "))
	}
	for i := range 30 { // not UTF-8, as Excerpt allows
		cases = append(cases, strings.Repeat("ab cd ", i)+strings.Repeat("€\xff ", 90), strings.Repeat("x", 190+i)+"\xe2\x82 \xe2\x82\xac")
	}
	for _, s := range cases {
		head := summaryHead(s)
		if !strings.HasPrefix(s, head) {
			t.Fatalf("summaryHead(%q) = %q, not its start", s, head)
		}
		if n := utf8.RuneCountInString(head); n > summaryRunes {
			t.Errorf("summaryHead(%q) keeps %d characters", s, n)
		}
		for _, n := range []int{160, 200} {
			if got, want := catalog.Excerpt(head, n), catalog.Excerpt(s, n); got != want {
				t.Errorf("Excerpt(summaryHead(%q), %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}

// TestTextStore checks the store of the bodies' text: what is put is
// read back, from many goroutines while others put, and a store that
// cannot make its file says so when read.
func TestTextStore(t *testing.T) {
	dir := t.TempDir()
	ts := &textStore{spans: map[string]textSpan{}, open: func() (*os.File, func(), error) {
		f, err := os.CreateTemp(dir, "texts")
		return f, func() { f.Close() }, err
	}}
	text := func(i int) string { return strings.Repeat(fmt.Sprintf("text %d å ", i), i%50) }
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < 2000; i += 4 {
				ts.put(fmt.Sprint(i), text(i))
				if i >= 8 {
					j := i - 8
					if got, err := ts.text(fmt.Sprint(j)); err != nil || got != text(j) {
						t.Errorf("text %d = %.40q, %v; want %.40q", j, got, err, text(j))
					}
				}
			}
		})
	}
	wg.Wait()
	for i := range 2000 {
		if got, err := ts.text(fmt.Sprint(i)); err != nil || got != text(i) {
			t.Fatalf("text %d = %.40q, %v; want %.40q", i, got, err, text(i))
		}
	}
	if got, err := ts.text("none"); err != nil || got != "" {
		t.Errorf("a text never put = %q, %v", got, err)
	}
	ts.close()
	if _, err := ts.text("1"); err == nil {
		t.Error("a closed store reads")
	}

	failing := &textStore{spans: map[string]textSpan{}, open: func() (*os.File, func(), error) {
		return nil, nil, errors.New("no room")
	}}
	failing.put("a", "text")
	if _, err := failing.text("a"); err == nil || !strings.Contains(err.Error(), "no room") {
		t.Errorf("a store without its file reads: %v", err)
	}
}
