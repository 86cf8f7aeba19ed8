package check

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
)

func testIndex() *catalog.Index {
	return &catalog.Index{
		File:         "content/_index.md",
		Titel:        "Test",
		GranskasInom: 365,
		Kommuner:     []string{"Borås", "Mark", "Svenljunga"},
		Funktioner:   []catalog.Term{{ID: "samordnande-insatser", Namn: "Samordnande insatser"}, {ID: "kartlaggande-funktion", Namn: "Kartläggande funktion"}},
		Finansiering: []catalog.Term{{ID: "finsam", Namn: "Finsam"}, {ID: "ordinarie", Namn: "Ordinarie"}},
	}
}

var today = catalog.Date{Year: 2026, Month: 11, Day: 22}

// activity returns a valid activity; mutate it to break one rule.
func activity(slug string) *catalog.Activity {
	file := "content/verksamheter/" + slug + ".md"
	return &catalog.Activity{
		File: file, Slug: slug, Namn: slug,
		Funktion:     []string{"samordnande-insatser"},
		Kommuner:     []string{"Mark"},
		Finansiering: []string{"finsam"},
		Kontakt:      []catalog.Contact{{Namn: "A", Telefon: "0320-1"}},
		Granskad:     catalog.Date{Year: 2026, Month: 10, Day: 1},
		Pos: map[string]diag.Pos{
			"funktion":          {File: file, Line: 3, Col: 1},
			"funktion[0]":       {File: file, Line: 3, Col: 11},
			"kommuner":          {File: file, Line: 4, Col: 1},
			"kommuner[0]":       {File: file, Line: 4, Col: 12},
			"kommuner[1]":       {File: file, Line: 4, Col: 18},
			"finansiering":      {File: file, Line: 5, Col: 1},
			"forbund":           {File: file, Line: 6, Col: 1},
			"slut":              {File: file, Line: 7, Col: 1},
			"granskad":          {File: file, Line: 8, Col: 1},
			"kontakt":           {File: file, Line: 11, Col: 1},
			"kontakt[0].kommun": {File: file, Line: 12, Col: 5},
		},
	}
}

func statement() *catalog.Page {
	return &catalog.Page{File: "content/tillganglighet.md", Kind: catalog.TillganglighetPage, Slug: "tillganglighet", Titel: "T"}
}

func TestCatalogueRules(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(c *catalog.Catalogue)
		want   []string
	}{
		{"valid", func(c *catalog.Catalogue) {}, nil},
		{"undeclared funktion with suggestion", func(c *catalog.Catalogue) {
			c.Activities[0].Funktion = []string{"kartlaggande"}
		}, []string{`content/verksamheter/a.md:3:11: error: funktion: "kartlaggande" is not declared in content/_index.md; did you mean "kartlaggande-funktion"? (declared: samordnande-insatser, kartlaggande-funktion)`}},
		{"undeclared finansiering", func(c *catalog.Catalogue) {
			c.Activities[0].Finansiering = []string{"finsam", "esf"}
		}, []string{`content/verksamheter/a.md:5:1: error: finansiering: "esf" is not declared in content/_index.md (declared: finsam, ordinarie)`}},
		{"kommun without diacritics suggests the right spelling", func(c *catalog.Catalogue) {
			c.Activities[0].Kommuner = []string{"Mark", "boras"}
		}, []string{`content/verksamheter/a.md:4:18: error: kommuner: "boras" is not a municipality declared in content/_index.md; did you mean "Borås"? (declared: Borås, Mark, Svenljunga, or write [alla])`}},
		{"kommun case and space are ignored", func(c *catalog.Catalogue) {
			c.Activities[0].Kommuner = []string{" mark ", "BORÅS"}
		}, nil},
		{"contact kommun is checked", func(c *catalog.Catalogue) {
			c.Activities[0].Kontakt[0].Kommun = "Göteborg"
		}, []string{`content/verksamheter/a.md:12:5: error: kontakt[0].kommun: "Göteborg" is not a municipality declared in content/_index.md (declared: Borås, Mark, Svenljunga, or write [alla])`}},
		{"unknown forbund", func(c *catalog.Catalogue) {
			c.Activities[0].Forbund = "bmss"
		}, []string{`content/verksamheter/a.md:6:1: error: forbund: there is no page content/forbund/bmss.md; did you mean "bms"?`}},
		{"duplicate slug", func(c *catalog.Catalogue) {
			b := activity("a")
			b.File = "content/verksamheter/sub/a.md"
			c.Activities = append(c.Activities, b)
		}, []string{`content/verksamheter/sub/a.md:1: error: this file would be published at verksamheter/a/, like content/verksamheter/a.md; rename one of them`}},
		{"reserved plain page", func(c *catalog.Catalogue) {
			c.Pages = append(c.Pages, &catalog.Page{File: "content/kommuner.md", Kind: catalog.PlainPage, Slug: "kommuner", Titel: "K"})
		}, []string{`content/kommuner.md:1: error: the page name "kommuner" is used by the generator itself; rename the file (reserved: verksamheter, kommuner, funktioner, finansiering, forbund, huvudman, avslutade, utskrift, granskning, sok, data, admin, feed, sitemap, robots, 404, static)`}},
		// The booklet and the review report were missing from the reserved
		// names: the build stopped with a bare "two pages would be written".
		{"plain page named like the review report", func(c *catalog.Catalogue) {
			c.Pages = append(c.Pages, &catalog.Page{File: "content/granskning.md", Kind: catalog.PlainPage, Slug: "granskning", Titel: "G"})
		}, []string{`content/granskning.md:1: error: the page name "granskning" is used by the generator itself; rename the file (reserved: verksamheter, kommuner, funktioner, finansiering, forbund, huvudman, avslutade, utskrift, granskning, sok, data, admin, feed, sitemap, robots, 404, static)`}},
		{"financing page for undeclared id", func(c *catalog.Catalogue) {
			c.Pages = append(c.Pages, &catalog.Page{File: "content/finansiering/finsamm.md", Kind: catalog.FinansieringPage, Slug: "finsamm"})
		}, []string{`content/finansiering/finsamm.md:1: error: no financing source with id "finsamm" is declared in content/_index.md, so this page describes nothing; did you mean content/finansiering/finsam.md? (declared: finsam, ordinarie)`}},
		{"slut passed this month warns", func(c *catalog.Catalogue) {
			c.Activities[0].Slut = catalog.Date{Year: 2026, Month: 11, Day: 1}
		}, []string{`content/verksamheter/a.md:7:1: warning: slut: 2026-11-01 has passed; the activity is listed as avslutad (ended)`}},
		{"slut passed long ago is a note, and so is its stale granskad", func(c *catalog.Catalogue) {
			c.Activities[0].Slut = catalog.Date{Year: 2009, Month: 12, Day: 31}
			c.Activities[0].Granskad = catalog.Date{Year: 2009, Month: 1, Day: 10}
		}, []string{
			`content/verksamheter/a.md:7:1: info: slut: 2009-12-31 has passed; the activity is listed as avslutad (ended)`,
			`content/verksamheter/a.md:8:1: info: granskad: 2009-01-10 is older than granskas_inom (365 days); check the entry and update the date`,
		}},
		{"slut today is not passed", func(c *catalog.Catalogue) {
			c.Activities[0].Slut = today
		}, nil},
		{"granskad missing warns", func(c *catalog.Catalogue) {
			c.Activities[0].Granskad = catalog.Date{}
			delete(c.Activities[0].Pos, "granskad")
		}, []string{`content/verksamheter/a.md:1: warning: granskad: missing: add the date the entry was last checked, e.g. granskad: 2026-11-22`}},
		{"granskad that is not a date has its own error, not also missing", func(c *catalog.Catalogue) {
			c.Activities[0].Granskad = catalog.Date{}
		}, nil},
		{"granskad stale warns", func(c *catalog.Catalogue) {
			c.Activities[0].Granskad = catalog.Date{Year: 2025, Month: 11, Day: 21}
		}, []string{`content/verksamheter/a.md:8:1: warning: granskad: 2025-11-21 is older than granskas_inom (365 days); check the entry and update the date`}},
		{"granskad exactly at the limit is fine", func(c *catalog.Catalogue) {
			c.Activities[0].Granskad = catalog.Date{Year: 2025, Month: 11, Day: 22}
		}, nil},
		{"contact with a name only warns", func(c *catalog.Catalogue) {
			c.Activities[0].Kontakt = []catalog.Contact{{Namn: "Anna Exempel", Roll: "Projektledare"}}
		}, []string{`content/verksamheter/a.md:11:1: warning: kontakt: gives no way to reach the activity (no telefon, epost or adress in any contact, and no webb); it is published and listed in the review report, but add one if you can`}},
		{"contact with a name only and a webb is reachable", func(c *catalog.Catalogue) {
			c.Activities[0].Kontakt = []catalog.Contact{{Namn: "Anna Exempel", Roll: "Projektledare"}}
			c.Activities[0].Webb = "https://example.se/a"
		}, nil},
		{"a name-only contact beside one with an adress is reachable", func(c *catalog.Catalogue) {
			c.Activities[0].Kontakt = []catalog.Contact{{Namn: "Anna Exempel"}, {Namn: "Kansliet", Adress: "Torget 1, Mark"}}
		}, nil},
		{"funktion id and namn match ignoring case", func(c *catalog.Catalogue) {
			c.Activities[0].Funktion = []string{"Samordnande-Insatser", " kartläggande funktion "}
		}, nil},
		{"funktion given twice after matching warns", func(c *catalog.Catalogue) {
			c.Activities[0].Funktion = []string{"samordnande-insatser", "Samordnande insatser"}
		}, []string{`content/verksamheter/a.md:3:1: warning: funktion: "Samordnande insatser" is already in the list as "samordnande-insatser"`}},
		{"funktion name without diacritics suggests the id", func(c *catalog.Catalogue) {
			c.Activities[0].Funktion = []string{"Kartlaggande funktion"}
		}, []string{`content/verksamheter/a.md:3:11: error: funktion: "Kartlaggande funktion" is not declared in content/_index.md; did you mean "kartlaggande-funktion"? (declared: samordnande-insatser, kartlaggande-funktion)`}},
		{"forbund slug in another case", func(c *catalog.Catalogue) {
			c.Activities[0].Forbund = "BMS "
		}, nil},
		{"forbund name suggests the slug", func(c *catalog.Catalogue) {
			c.Activities[0].Forbund = "Bollebygd  mark"
			c.Pages[1].Titel = "Bollebygd Mark"
		}, []string{`content/verksamheter/a.md:6:1: error: forbund: "Bollebygd  mark" is the förbund's name; write the file name of its page (without .md): forbund: bms`}},
		{"declared remiss", func(c *catalog.Catalogue) {
			c.Index.Remiss = []string{"Arbetsförmedlingen", "Vården"}
			c.Activities[0].Remiss = []string{"vården", "Arbetsformedlingen"}
		}, []string{`content/verksamheter/a.md:1: error: remiss: "Arbetsformedlingen" is not declared in content/_index.md; did you mean "Arbetsförmedlingen"? (declared: Arbetsförmedlingen, Vården)`}},
		{"kommuner in another case twice warns", func(c *catalog.Catalogue) {
			c.Activities[0].Kommuner = []string{"Mark", "mark"}
		}, []string{`content/verksamheter/a.md:4:18: warning: kommuner: "mark" is already in the list as "Mark"`}},
		{"same namn warns on both", func(c *catalog.Catalogue) {
			b := activity("b")
			b.Namn = " A"
			c.Activities = append(c.Activities, b)
		}, []string{
			`content/verksamheter/a.md:1: warning: namn: same name as content/verksamheter/b.md; is one of the files a copy? Remove the copy or give the activities different names`,
			`content/verksamheter/b.md:1: warning: namn: same name as content/verksamheter/a.md; is one of the files a copy? Remove the copy or give the activities different names`,
		}},
		{"broken funktioner in the index is not checked against", func(c *catalog.Catalogue) {
			c.Index.Funktioner = nil
			c.Index.Broken = []string{"funktioner"}
		}, []string{`content/_index.md: error: fix content/_index.md first; the activities are checked against it (not checked until then: funktion)`}},
		{"missing statement warns", func(c *catalog.Catalogue) {
			c.Pages = slices.DeleteFunc(c.Pages, func(p *catalog.Page) bool { return p.Kind == catalog.TillganglighetPage })
		}, []string{`content/tillganglighet.md: warning: the accessibility statement (tillgänglighetsredogörelse) is missing; a stub saying so is published. Public bodies must publish one (see docs/editors.md)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat := &catalog.Catalogue{
				Index:      testIndex(),
				Activities: []*catalog.Activity{activity("a")},
				Pages: []*catalog.Page{statement(),
					{File: "content/forbund/bms.md", Kind: catalog.ForbundPage, Slug: "bms", Titel: "BMS"}},
			}
			tt.mutate(cat)
			diags := Catalogue(cat, today)
			diags.Sort()
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestCatalogueResolvesKommuner(t *testing.T) {
	a := activity("a")
	a.Kommuner = []string{" mark", "BORÅS", "Mark"}
	b := activity("b")
	b.AllaKommuner, b.Kommuner = true, nil
	cat := &catalog.Catalogue{Index: testIndex(), Activities: []*catalog.Activity{a, b}, Pages: []*catalog.Page{statement()}}
	if d := Catalogue(cat, today); d.HasErrors() {
		t.Fatal(d)
	}
	if want := []string{"Mark", "Borås"}; !slices.Equal(a.Kommuner, want) {
		t.Errorf("a.Kommuner = %q, want %q", a.Kommuner, want)
	}
	if want := testIndex().Kommuner; !slices.Equal(b.Kommuner, want) {
		t.Errorf("alla expanded to %q, want %q", b.Kommuner, want)
	}
}

func TestCatalogueResolvesIDs(t *testing.T) {
	a := activity("a")
	a.Funktion = []string{"Kartläggande funktion", "SAMORDNANDE-INSATSER"}
	a.Finansiering = []string{" Finsam"}
	a.Forbund = "BMS"
	ix := testIndex()
	ix.Remiss = []string{"Vården"}
	a.Remiss = []string{"VÅRDEN"}
	cat := &catalog.Catalogue{Index: ix, Activities: []*catalog.Activity{a},
		Pages: []*catalog.Page{statement(), {File: "content/forbund/bms.md", Kind: catalog.ForbundPage, Slug: "bms"}}}
	if d := Catalogue(cat, today); len(d) > 0 {
		t.Fatal(d)
	}
	if want := []string{"kartlaggande-funktion", "samordnande-insatser"}; !slices.Equal(a.Funktion, want) {
		t.Errorf("Funktion = %q, want %q", a.Funktion, want)
	}
	if want := []string{"finsam"}; !slices.Equal(a.Finansiering, want) {
		t.Errorf("Finansiering = %q, want %q", a.Finansiering, want)
	}
	if want := []string{"Vården"}; !slices.Equal(a.Remiss, want) {
		t.Errorf("Remiss = %q, want %q", a.Remiss, want)
	}
	if a.Forbund != "bms" {
		t.Errorf("Forbund = %q, want bms", a.Forbund)
	}
}

func TestCopyOf(t *testing.T) {
	tests := []struct {
		stem, orig string
		explicit   bool
	}{
		{"lotsen - Kopia", "lotsen", true},
		{"lotsen - Kopia (2)", "lotsen", true},
		{"lotsen - Copy", "lotsen", true},
		{"lotsen (1)", "lotsen", true},
		{"lotsen-copy", "lotsen", true},
		{"lotsen kopia", "lotsen", true},
		{"lotsen copy 2", "lotsen", true},
		{"Copy of lotsen", "lotsen", true},
		{"Kopia av Aktiv vardag", "Aktiv vardag", true},
		{"lotsen-2", "lotsen", false},
		{"steg-2", "steg", false},
		{"lotsen", "", false},
		{"kopiatorn", "", false},
		{"u-sam", "", false},
	}
	for _, tt := range tests {
		orig, explicit := copyOf(tt.stem)
		if orig != tt.orig || explicit != tt.explicit {
			t.Errorf("copyOf(%q) = %q, %v; want %q, %v", tt.stem, orig, explicit, tt.orig, tt.explicit)
		}
	}
}

func TestSimilar(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Arbetsförmedlingen", "arbetsformedlingen", true},
		{"Arbetsförmedlingen", "Arbetsförmedlingn", true},
		{"Arbetsförmedlingen", "Arbetsförmedlingar", false},
		{"Försäkringskassan", " försäkrings  kassan", true}, // spacing folded, then one space
		{"FK", "fk", true},
		{"FK", "FB", false}, // short: one letter is another word
		{"Vården", "Vårdens", true},
		{"Socialtjänsten", "Socialtjänst", false},
	}
	for _, tt := range tests {
		if got := similar(tt.a, tt.b); got != tt.want {
			t.Errorf("similar(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestBrokenKeys(t *testing.T) {
	var l diag.List
	l.AddError(diag.Pos{File: "content/_index.md", Line: 5}, "funktioner[1].id", "x")
	l.AddError(diag.Pos{File: "content/_index.md", Line: 6}, "kommuner", "x")
	l.AddWarning(diag.Pos{File: "content/_index.md", Line: 7}, "remiss", "x")
	l.AddError(diag.Pos{File: "content/verksamheter/a.md", Line: 1}, "finansiering", "x")
	if got, want := BrokenKeys(l, "content/_index.md"), []string{"funktioner", "kommuner"}; !slices.Equal(got, want) {
		t.Errorf("BrokenKeys = %q, want %q", got, want)
	}
}

// TestNumberedAsExpression: numbered finds what the expression it stands
// for does.
func TestNumberedAsExpression(t *testing.T) {
	re := regexp.MustCompile(`^(.+?)[\s_-]*\d+$`)
	parts := []string{"", "a", "lotsen", "1", "23", "-", "_", " ", "\t", "\n", "å", "\xff", "(2)", "x"}
	var stems []string
	for _, a := range parts {
		for _, b := range parts {
			for _, c := range parts {
				stems = append(stems, a+b+c)
			}
		}
	}
	for _, stem := range stems {
		var want string
		m := re.FindStringSubmatch(stem)
		if m != nil {
			want = m[1]
		}
		got, ok := numbered(stem)
		if ok != (m != nil) || got != want {
			t.Errorf("numbered(%q) = %q, %v; the expression: %q, %v", stem, got, ok, want, m != nil)
		}
	}
}

// TestActivitiesAsOneAfterAnother: the activities checked on all cores give
// the diagnostics, in the same order, and the activities that checking
// them one after another gives, with the shared suggestion budget running
// out part of the way through (some suggestions made, later ones not),
// from the start, or never.
func TestActivitiesAsOneAfterAnother(t *testing.T) {
	catalogue := func() []*catalog.Activity {
		var acts []*catalog.Activity
		for i := range 700 {
			a := activity(fmt.Sprintf("a%03d", i))
			switch i % 7 {
			case 1:
				a.Kommuner = []string{"Mark", "Svenljungaa"} // a suggestion, from the budget
			case 3:
				a.Funktion = []string{"kartlaggande"} // one too
			case 4:
				a.Kommuner = []string{"boras"} // suggested by its slug: no budget
			case 5:
				a.Kontakt = []catalog.Contact{{Namn: "B", Kommun: "Göteborgg"}}
			}
			acts = append(acts, a)
		}
		return acts
	}
	suggested := map[int]int{}
	for _, budget := range []int{0, 1, 500, 5000, diag.SuggestBudget} {
		newChecker := func(diags *diag.List) *checker {
			return &checker{ix: testIndex(), diags: diags, now: today, broken: map[string]bool{}, sug: diag.NewSuggester(budget)}
		}
		var want diag.List
		seq, wantActs := newChecker(&want), catalogue()
		for _, a := range wantActs {
			seq.activity(a, map[string]string{"bms": "BMS"})
		}
		var got diag.List
		par, gotActs := newChecker(&got), catalogue()
		par.activities(gotActs, map[string]string{"bms": "BMS"})
		if g, w := diagText(got), diagText(want); g != w {
			t.Errorf("budget %d: on all cores:\n%s\none after another:\n%s", budget, g, w)
		}
		if !reflect.DeepEqual(gotActs, wantActs) {
			t.Errorf("budget %d: the activities checked on all cores differ from those checked one after another", budget)
		}
		if par.sug.Left() != seq.sug.Left() {
			t.Errorf("budget %d: %d left of the budget, want %d", budget, par.sug.Left(), seq.sug.Left())
		}
		suggested[budget] = strings.Count(diagText(want), "did you mean")
	}
	// Suggested by slug, with no budget: 100; from the budget: 200 more.
	if s := suggested; s[0] != 100 || s[500] <= s[0] || s[5000] <= s[500] || s[diag.SuggestBudget] != 300 {
		t.Errorf("suggestions made by budget: %v; want the budget to run out part of the way at 500 and 5000", s)
	}
}

func diagText(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestFoldAsFields: fold gives what folding the words of strings.Fields of
// the lower-cased value gives, for values with every kind of space, case,
// diacritics, and invalid UTF-8.
func TestFoldAsFields(t *testing.T) {
	byFields := func(s string) string {
		var b strings.Builder
		for i, w := range strings.Fields(strings.ToLower(s)) {
			if i > 0 {
				b.WriteByte(' ')
			}
			for _, r := range w {
				b.WriteRune(catalog.Fold(r))
			}
		}
		return b.String()
	}
	values := []string{"", " ", "a", "lotsen", "Lotsen", "aktiv vardag", "aktiv  vardag", " aktiv", "aktiv ", "a\tb", "a\nb", "a\u00a0b", "a\u2003b",
		"Arbetsförmedlingen", " arbetsformedlingen ", "ÅÄÖ", "Ørsted", "İstanbul", "\xff", "a\xffb", "ǅ", "Σίσυφος", "x\u0085y", "1 2  3", "a-b_c"}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune{'a', 'Z', ' ', ' ', '\t', 'å', 'Ä', 'ø', 'İ', '\u00a0', '\u2028', 'ǅ', '1', '-', 0xfffd}
	for range 5000 {
		var b []byte
		for range rng.IntN(12) {
			if rng.IntN(20) == 0 {
				b = append(b, 0xff)
				continue
			}
			b = utf8.AppendRune(b, alphabet[rng.IntN(len(alphabet))])
		}
		values = append(values, string(b))
	}
	for _, v := range values {
		if got, want := fold(v), byFields(v); got != want {
			t.Errorf("fold(%q) = %q, want %q", v, got, want)
		}
	}
}
