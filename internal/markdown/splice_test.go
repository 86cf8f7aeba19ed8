package markdown

import (
	"html/template"
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// spliceInsets are sets of insets a body is converted with: the build's
// (an activity in the booklet, and in a booklet at another depth), the
// introduction's on the front page's booklet, and one at the deepest.
var spliceInsets = [][]Inset{
	linkifyInsets,
	{{Levels: 0, IDPrefix: "intro", From: "", To: "utskrift/"}},
	{{Levels: 1, IDPrefix: "f-x", From: "funktion/x/", To: "forbund/y/utskrift/"}, {Levels: 5, IDPrefix: "g", From: "funktion/x/", To: ""}},
}

// checkSpliced converts body with each set of spliceInsets both ways, the
// booklet versions spliced from the page's render (as Convert does) and
// rendered from the tree fitted for each (as it did before), and requires
// the same body and diagnostics. It reports how many versions differ
// from the page's.
func checkSpliced(t testing.TB, c *Converter, name string, body []byte) int {
	t.Helper()
	differ := 0
	for _, insets := range spliceInsets {
		got, gotDiags := c.convert(name, body, insets, true)
		want, wantDiags := c.convert(name, body, insets, false)
		gotFirst, gotMore := bookletHTML(got)
		wantFirst, wantMore := bookletHTML(want)
		if gotFirst != wantFirst || !reflect.DeepEqual(gotMore, wantMore) {
			t.Fatalf("%s: spliced\n%s\n%q\nrendered from the fitted tree\n%s\n%q\nfrom\n%s", name, gotFirst, gotMore, wantFirst, wantMore, body)
		}
		checkSplicedKept(t, name, got)
		// The rest of the two is the same; the versions are kept
		// otherwise (spliced, and whole).
		got.Booklet, got.MoreBooklets, want.Booklet, want.MoreBooklets = Spliced{}, nil, Spliced{}, nil
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotDiags, wantDiags) {
			t.Fatalf("%s: spliced\n%#v\n%v\nrendered from the fitted tree\n%#v\n%v\nfrom\n%s", name, got, gotDiags, want, wantDiags, body)
		}
		if gotFirst != got.HTML {
			differ++
		}
	}
	return differ
}

// bookletHTML returns the bytes of b's booklet versions.
func bookletHTML(b Body) (template.HTML, []template.HTML) {
	var more []template.HTML
	for _, s := range b.MoreBooklets {
		more = append(more, s.HTML())
	}
	return b.Booklet.HTML(), more
}

// checkSplicedKept requires that each booklet version of b holds the
// page's HTML itself, not a copy, and no more of its own than what it
// writes instead of its pieces: the build keeps every version until its
// booklet entry is rendered.
func checkSplicedKept(t testing.TB, name string, b Body) {
	t.Helper()
	if b.Booklet.page == "" && b.HTML != "" {
		return // converted without an inset
	}
	for _, s := range append([]Spliced{b.Booklet}, b.MoreBooklets...) {
		if unsafe.StringData(s.page) != unsafe.StringData(string(b.HTML)) || len(s.page) != len(b.HTML) {
			t.Fatalf("%s: a booklet version holds a copy of %d bytes, not the page's HTML", name, len(s.page))
		}
		replaced := 0
		for _, c := range s.cuts {
			replaced += int(c.end - c.start)
		}
		if len(s.alt) > replaced+len(s.cuts)*64 {
			t.Fatalf("%s: a booklet version holds %d bytes for %d pieces of %d bytes", name, len(s.alt), len(s.cuts), replaced)
		}
	}
}

// TestSplicedAsRefitted: every body of the corpus (the content, the
// testdata catalogues and generated catalogues) and the seeds, converted
// with insets, has the same booklet versions spliced from the page's
// render as rendered from the fitted tree. Most bodies have headings, so
// most versions differ from the page's: else the test would not test the
// splicing.
func TestSplicedAsRefitted(t *testing.T) {
	c := New()
	differ, all := 0, 0
	for name, body := range linkifyCorpus(t) {
		all += len(spliceInsets)
		differ += checkSpliced(t, c, name, body)
	}
	for _, s := range spliceSeeds {
		checkSpliced(t, c, "seed.md", []byte(s))
	}
	t.Logf("%d of %d booklet versions differ from the page's", differ, all)
	if differ < all*9/10 {
		t.Errorf("only %d of %d booklet versions differ from the page's", differ, all)
	}
}

// spliceSeeds have what an inset changes in every place it can be: links
// in headings, headings in lists and quotes, images with titles and links
// in their text, fragments, absolute and relative targets, references,
// levels that reach 6, and aligned table cells.
var spliceSeeds = []string{
	"## Bakgrund\n\nSe [Lotsen](../lotsen/) och [syftet](#syfte).\n\n### Syfte\n\n###### X\n\n![Karta](../../bilder/karta.png)\n",
	"## [Länk](../a/) i *rubrik* [b](https://x.se)\n\ntext\n",
	"# Ett\n\n## Två\n\n### Tre\n\n#### Fyra\n\n##### Fem\n\n###### Sex\n",
	"- ## i en lista\n  [a](b/)\n> ### i ett citat\n> ![c](d.png \"titel\")\n",
	"![bild [med länk](../x/) *och* `kod`](../../b.png 'titel \"citerad\"')\n",
	"[a][ref] och [b][] och ![c][ref]\n\n[ref]: ../ref/ \"T & <t>\"\n[b]: #b\n",
	"[tom]() [rot](/) [frag](#) [fråga](?q=1) [schema](tel:+4633) [mail](mailto:a@b.se) <https://auto.se>\n",
	"Rubrik\n======\n\nUnder\n------\n\n[x](../../../långt/upp/)\n",
	"## Samma\n\n## Samma\n\n## Samma\n\n[till](#samma-1)\n",
	"## a&b <c> \"d\"\n\n[e&f](g?h=1&i=2 \"j\")\n",
	"| a | [b](../c/) |\n|---|---|\n| ![d](e.png) | ## f |\n",
	"| a | b | c | d |\n|:--|--:|:-:|---|\n| [e](../f/) | g | h | i |\n\n## efter\n\n| j |\n|--:|\n| k |\n",
	"## \n\n### ###\n\n[](x/)\n",
	"<https://x.se> [javascript](javascript:alert(1)) ![x](data:x)\n",
	"## Bild ![i](../i.png) i rubriken\n",
}

// FuzzSplicedAsRefitted compares the two on random Markdown:
//
//	go test ./internal/markdown -run '^$' -fuzz FuzzSplicedAsRefitted -fuzztime 60s
func FuzzSplicedAsRefitted(f *testing.F) {
	for _, s := range spliceSeeds {
		f.Add([]byte(s))
	}
	for _, s := range linkifySeeds {
		f.Add([]byte(s))
	}
	c := New()
	f.Fuzz(func(t *testing.T, body []byte) {
		if strings.Count(string(body), "\n") > 2000 {
			return
		}
		checkSpliced(t, c, "f.md", body)
	})
}
