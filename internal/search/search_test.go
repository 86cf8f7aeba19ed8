package search

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/catalog"
)

func TestFoldAndTokens(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Hälsostöd", "halsostod"},
		{"BORÅS", "boras"},
		{"Träna, praktisera – motivera!", "trana praktisera motivera"},
		{"U-SAM", "u sam"},
		{"18–64 år", "18 64 ar"},
		{"Café Ñandú", "cafe nandu"},
		// Folding by decomposition: every accented letter, and the few
		// stroked ones that have none; a mark written apart is dropped.
		{"Štěpán Čapek Łódź Øresund Ærø", "stepan capek lodz oresund aro"},
		{"Bora\u030as", "boras"},
		// Telephone numbers are one word of digits, however grouped.
		{"033-35 51 41", "033355141"},
		{"Ring 0320-77 93 64 eller 0325-185 49.", "ring 0320779364 eller 032518549"},
		{"18–64 år, 2019-01-01", "18 64 ar 2019 01 01"},
	}
	for _, c := range cases {
		if got := strings.Join(Tokens(c.in), " "); got != c.want {
			t.Errorf("Tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestStemJoinsInflections: the forms a user types and the forms a text
// uses meet in one stem.
func TestStemJoinsInflections(t *testing.T) {
	groups := [][]string{
		{"vuxen", "vuxna", "vuxnas"},
		{"ung", "unga", "ungdom", "ungdomar", "ungdomarna", "yngre"},
		{"kvinna", "kvinnor", "kvinnorna"},
		{"arbete", "arbetet", "arbeten"},
		{"sjukskriven", "sjukskrivna", "sjukskrivning", "sjukskrivningar"},
		{"utbildning", "utbildningen", "utbildningar"},
		{"myndighet", "myndigheter", "myndigheten", "myndighetens", "myndigheterna", "myndigheternas"},
		{"aktivitet", "aktiviteter", "aktiviteten", "aktivitetens", "aktiviteterna"},
		{"forsakringskassan", "forsakringskassans"},
		{"koordinator", "koordinatorn", "koordinatorns", "koordinatorer", "koordinatorerna", "koordinatorernas"},
		{"handledare", "handledaren", "handledarens", "handledarna", "handledares"},
		{"deltagare", "deltagaren", "deltagarna", "deltagarnas"},
		{"sommar", "sommaren"},
	}
	for _, g := range groups {
		want := Stem(g[0])
		for _, w := range g[1:] {
			if got := Stem(w); got != want {
				t.Errorf("Stem(%q) = %q, Stem(%q) = %q: want the same", w, got, g[0], want)
			}
		}
	}
	for _, short := range []string{"fk", "af", "ung", "18"} {
		if got := Stem(short); got != short {
			t.Errorf("Stem(%q) = %q; short words stay as they are", short, got)
		}
	}
}

func TestOneEdit(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"arbetstraning", "arbetstrining", true}, // substitution
		{"arbetstraning", "arbetstrning", true},  // deletion
		{"arbetstraning", "arbetstraaning", true},
		{"arbetstraning", "arbetstarning", true}, // swap
		{"arbetstraning", "arbetstraning", false},
		{"arbetstraning", "arbetstrniang", false},
		{"kraft", "krafthuset", false},
	}
	for _, c := range cases {
		if got := oneEdit(c.a, c.b); got != c.want {
			t.Errorf("oneEdit(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

// fixture is a small catalogue that exercises ranking and filters.
func fixture() *Index {
	doc := func(name, target, facts, body, status string, facets map[string][]string, from, to int) Doc {
		d := Doc{Name: name, URL: Fold(name), Target: target, Status: status, Facets: facets, AgeFrom: from, AgeTo: to}
		d.Text = [numFields]string{Body: body, Facts: facts, Target: target, Name: name}
		return d
	}
	docs := []Doc{
		doc("Hälsostöd Mark", "Sjukskrivna som behöver stöd", "Mark Försäkringskassan", "Samtal och träning.", "pagaende",
			map[string][]string{"kommun": {"Mark"}, "funktion": {"aktiverande"}, "egenanmalan": {"ja"}}, 18, 64),
		doc("Unga vuxna", "Unga 16–29 år", "Tranemo Ulricehamn Arbetsförmedlingen", "Ungdomar får en coach.", "pagaende",
			map[string][]string{"kommun": {"Tranemo", "Ulricehamn"}, "funktion": {"aktiverande"}}, 16, 29),
		doc("Lotsen", "Vuxen med behov av stöd", "Borås", "Arbetsträning för unga.", "avslutad",
			map[string][]string{"kommun": {"Borås"}, "funktion": {"trana"}}, 18, 29),
		doc("Arbetsträning Borås", "Personer som står långt från arbete", "Borås FK", "Praktik.", "pagaende",
			map[string][]string{"kommun": {"Borås"}, "funktion": {"trana"}, "remiss": {"Försäkringskassan"}}, -1, -1),
		doc("Sjukskrivning och arbete", "Personer i sjukskrivning", "Mark", "Stöd vid sjukskrivning.", "planerad",
			map[string][]string{"kommun": {"Mark"}, "funktion": {"samordnande"}}, -1, -1),
	}
	return mustBuild(docs, []catalog.Synonym{{Ord: "FK", Betyder: "Försäkringskassan"}, {Ord: "AF", Betyder: "Arbetsförmedlingen"}})
}

func names(ix *Index, hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, ix.Docs[h.Doc].Name)
	}
	return out
}

func TestSearch(t *testing.T) {
	ix := fixture()
	cases := []struct {
		name  string
		q     Query
		want  []string // in this order
		exact bool     // and nothing else
	}{
		{"diacritics folded", Query{Text: "halsostod"}, []string{"Hälsostöd Mark"}, true},
		{"municipality without å", Query{Text: "boras"}, []string{"Arbetsträning Borås", "Lotsen"}, true},
		{"prefix while typing", Query{Text: "sjukskriv"}, []string{"Sjukskrivning och arbete", "Hälsostöd Mark"}, true},
		{"inflection ungdomar/unga", Query{Text: "ungdomar"}, []string{"Unga vuxna", "Lotsen"}, true},
		{"inflection vuxen/vuxna", Query{Text: "vuxen"}, []string{"Unga vuxna", "Lotsen"}, true},
		{"one typo in a longer word", Query{Text: "arbetstrining"}, []string{"Arbetsträning Borås", "Lotsen"}, true},
		{"no typo tolerance in short words", Query{Text: "mork"}, nil, true},
		{"synonym FK finds Försäkringskassan", Query{Text: "FK"}, []string{"Arbetsträning Borås", "Hälsostöd Mark"}, true},
		{"synonym the other way", Query{Text: "försäkringskassan"}, []string{"Arbetsträning Borås", "Hälsostöd Mark"}, true},
		{"abbreviation for a partner", Query{Text: "af"}, []string{"Unga vuxna"}, true},
		{"several words narrow", Query{Text: "unga tranemo"}, []string{"Unga vuxna"}, true},
		{"filter values widen", Query{Filters: map[string][]string{"kommun": {"Borås", "Tranemo"}}}, []string{"Arbetsträning Borås", "Unga vuxna", "Lotsen"}, true},
		{"filter groups narrow", Query{Filters: map[string][]string{"kommun": {"Borås", "Mark"}, "funktion": {"trana"}}}, []string{"Arbetsträning Borås", "Lotsen"}, true},
		// Lotsen says it takes 18–29, Arbetsträning Borås takes everyone.
		{"who takes a 24-year-old", Query{Age: 24, Filters: map[string][]string{"kommun": {"Borås"}}}, []string{"Lotsen", "Arbetsträning Borås"}, true},
		{"age outside every range", Query{Age: 70, Text: "unga"}, nil, true},
		{"status filter excludes ended", Query{Text: "boras", Status: []string{"pagaende", "planerad"}}, []string{"Arbetsträning Borås"}, true},
		{"name before target before body", Query{Text: "sjukskrivning"}, []string{"Sjukskrivning och arbete", "Hälsostöd Mark"}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.q.Filters == nil {
				c.q.Filters = map[string][]string{}
			}
			got := names(ix, ix.Search(c.q))
			if c.exact && !slices.Equal(got, c.want) {
				t.Errorf("Search(%+v) = %q, want %q", c.q, got, c.want)
			}
		})
	}
}

// TestEndedRankAfterRunning: an ended activity is found, but after a
// running one that matches as well.
func TestEndedRankAfterRunning(t *testing.T) {
	ix := fixture()
	got := names(ix, ix.Search(Query{Filters: map[string][]string{"kommun": {"Borås"}}}))
	if !slices.Equal(got, []string{"Arbetsträning Borås", "Lotsen"}) {
		t.Errorf("got %q: the ended Lotsen should come last", got)
	}
	if got := names(ix, ix.Search(Query{Text: "lotsen"})); !slices.Equal(got, []string{"Lotsen"}) {
		t.Errorf("an ended activity must still be found by name: %q", got)
	}
}

func TestCounts(t *testing.T) {
	ix := fixture()
	q := Query{Text: "", Filters: map[string][]string{"kommun": {"Borås"}, "funktion": {"trana"}}}
	c := ix.Counts(q)
	// kommun counts ignore the kommun filter but honour funktion=trana.
	if c["kommun"]["Borås"] != 2 || c["kommun"]["Mark"] != 0 {
		t.Errorf("kommun counts = %v", c["kommun"])
	}
	// funktion counts honour kommun=Borås only.
	if c["funktion"]["trana"] != 2 || c["funktion"]["aktiverande"] != 0 {
		t.Errorf("funktion counts = %v", c["funktion"])
	}
	if c["status"]["avslutad"] != 1 || c["status"]["pagaende"] != 1 {
		t.Errorf("status counts = %v", c["status"])
	}
	c = ix.Counts(Query{Text: "unga"})
	if c["kommun"]["Tranemo"] != 1 || c["kommun"]["Borås"] != 1 {
		t.Errorf("counts follow the text query: %v", c["kommun"])
	}
}

// TestTypingNeverLosesTheWord: every beginning of a word, from two letters,
// finds what the whole word finds, although the index holds only stems.
func TestTypingNeverLosesTheWord(t *testing.T) {
	ix := fixture()
	for _, word := range []string{"sjukskrivning", "arbetsträning", "ungdomar", "försäkringskassan", "vuxna", "kvinnorna"} {
		ix := ix
		if word == "kvinnorna" {
			ix = mustBuild([]Doc{{Name: "Kvinnor", Text: [numFields]string{Name: "Stöd för kvinnor"}}}, nil)
		}
		whole := names(ix, ix.Search(Query{Text: word}))
		if len(whole) == 0 {
			t.Fatalf("%q finds nothing", word)
		}
		runes := []rune(word)
		for n := 2; n < len(runes); n++ {
			typed := string(runes[:n])
			got := names(ix, ix.Search(Query{Text: typed}))
			for _, w := range whole {
				if !slices.Contains(got, w) {
					t.Errorf("typing %q: %q, found by %q, is missing from %q", typed, w, word, got)
				}
			}
		}
	}
}

func TestQueryTokens(t *testing.T) {
	cases := []struct{ in, want string }{
		{"psykisk o", "psykisk"}, // the next word has only begun
		{"o", "o"},               // a word of its own
		{"unga fk", "unga fk"},
		{"unga  ", "unga"},
		{"Hälsa, Ö", "halsa"},
	}
	for _, c := range cases {
		if got := strings.Join(QueryTokens(c.in), " "); got != c.want {
			t.Errorf("QueryTokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestContinued(t *testing.T) {
	cases := []struct {
		tok  string
		want []string
	}{
		{"arbetstrani", []string{"arbetstra"}}, // + "ni", the start of "ning"
		{"sjukskrivni", []string{"sjukskriv"}},
		{"vuxn", []string{"vux"}},  // + "n", the start of "na"
		{"ungdo", []string{"ung"}}, // on its way to ungdom, a lemma of ung
		{"lotsxyz", nil},           // no ending starts like that
	}
	for _, c := range cases {
		got := continued(c.tok)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("continued(%q) = %q, want %q among them", c.tok, got, w)
			}
		}
		if c.want == nil && len(got) > 0 {
			t.Errorf("continued(%q) = %q, want none", c.tok, got)
		}
	}
}

func TestCompoundTails(t *testing.T) {
	set := func(words ...string) map[string]struct{} {
		m := map[string]struct{}{}
		for _, w := range words {
			m[w] = struct{}{}
		}
		return m
	}
	v := vocabulary{words: set("traning", "stod", "coach", "marknad", "utbildning")}
	v.stems = map[string]struct{}{}
	for w := range v.words {
		v.stems[Stem(w)] = struct{}{}
	}
	v.stems["nat"] = struct{}{} // as if "nät" were a word of the catalogue
	cases := []struct {
		word string
		want []string
	}{
		{"arbetstraning", []string{Stem("traning")}},
		{"halsostod", []string{"stod"}},
		{"halsocoacher", []string{"coach"}},                        // an inflection of a word
		{"arbetsmarknadsutbildning", []string{Stem("utbildning")}}, // only tails that are words
		{"arbetsmarknad", []string{Stem("marknad")}},
		{"koordinator", nil}, // nator's stem "nat" is too short to count
		{"stodet", nil},      // the head would be too short
		{"traning", nil},     // a word is no tail of itself
	}
	for _, c := range cases {
		w := &worker{stems: map[string]string{}, tailCache: map[string][]tail{}}
		var got []string
		for _, t := range w.tails(c.word, &v) {
			got = append(got, t.stem)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("tails(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}

// TestCompoundsInTheIndex: a compound is found by its tail; a name is not
// split, neither in the facts nor where a text mentions it.
func TestCompoundsInTheIndex(t *testing.T) {
	ix := mustBuild([]Doc{
		textDoc("Hälsostöd", "Mark", "Samtal."),
		textDoc("Stöd i vardagen", "Borås", "Unga vuxna får träning."),
		textDoc("Arbetsträning", "Svenljunga", "För boende i Svenljunga."),
	}, nil)
	for q, want := range map[string][]string{
		// The whole word first: a tail weighs as a word one field lower.
		"stöd":    {"Stöd i vardagen", "Hälsostöd"},
		"träning": {"Arbetsträning", "Stöd i vardagen"},
		"unga":    {"Stöd i vardagen"},
	} {
		if got := foundNames(ix, q); !slices.Equal(got, want) {
			t.Errorf("%q finds %q, want %q", q, got, want)
		}
	}
}

// mustBuild is Build for tests, which never cancel it.
func mustBuild(docs []Doc, synonyms []catalog.Synonym) *Index {
	ix, err := Build(context.Background(), docs, synonyms)
	if err != nil {
		panic(err) // only a cancelled context fails
	}
	return ix
}

// textDoc is a running activity with a name, facts and a description.
func textDoc(name, facts, body string) Doc {
	d := Doc{Name: name, URL: Fold(name), Status: "pagaende", Facets: map[string][]string{}, AgeFrom: -1, AgeTo: -1}
	d.Text = [numFields]string{Body: body, Facts: facts, Name: name}
	return d
}

// foundNames returns the names of the activities q finds, best first.
func foundNames(ix *Index, q string) []string {
	var names []string
	for _, h := range ix.Search(Query{Text: q}) {
		names = append(names, ix.Docs[h.Doc].Name)
	}
	return names
}

// TestStrayPrefixRanksLow: a short stem ("träning" → "tra") begins words
// that have nothing to do with the word typed ("Tranemo"); such a match
// counts less than the word itself in a description, and an inflection
// still finds a compound its other form begins (vuxna, vuxenutbildning).
func TestStrayPrefixRanksLow(t *testing.T) {
	ix := mustBuild([]Doc{
		textDoc("Byggstenen Tranemo", "", "Praktik."),
		textDoc("Steget", "", "Social träning i grupp."),
		textDoc("Vuxenutbildning", "", "Kurser."),
	}, nil)
	if got, want := foundNames(ix, "träning"), []string{"Steget", "Byggstenen Tranemo"}; !slices.Equal(got, want) {
		t.Errorf("träning finds %q, want %q", got, want)
	}
	if got := foundNames(ix, "vuxna"); !slices.Equal(got, []string{"Vuxenutbildning"}) {
		t.Errorf("vuxna finds %q, want Vuxenutbildning", got)
	}
}

// TestBuildStopsWhenCancelled: a build that is no longer wanted (serve
// saw another change, or the user pressed Ctrl-C) stops indexing.
func TestBuildStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	docs := make([]Doc, 1000)
	for i := range docs {
		docs[i] = textDoc("Aktivitet", "Mark", "Stöd och träning.")
	}
	if ix, err := Build(ctx, docs, nil); err != context.Canceled || ix != nil {
		t.Errorf("Build with a cancelled context = %v, %v; want nil, context.Canceled", ix, err)
	}
}

// TestNoDeadEnds: when no activity matches every word, those that match
// most words are found, and the words that found nothing are named.
func TestNoDeadEnds(t *testing.T) {
	ix := mustBuild([]Doc{
		textDoc("Lotsen", "Borås", "Stöd till unga vuxna."),
		textDoc("Steget", "Mark", "Stöd till unga."),
		textDoc("Byggstenen", "Tranemo", "Praktik."),
	}, nil)
	if got, want := foundNames(ix, "unga vuxna xyzzy"), []string{"Lotsen", "Steget"}; !slices.Equal(got, want) {
		t.Errorf("unga vuxna xyzzy finds %q, want %q (most words first)", got, want)
	}
	if got := ix.Unmatched("unga vuxna xyzzy"); !slices.Equal(got, []string{"xyzzy"}) {
		t.Errorf("Unmatched(unga vuxna xyzzy) = %q, want [xyzzy]", got)
	}
	if got := foundNames(ix, "unga vuxna"); !slices.Equal(got, []string{"Lotsen", "Steget"}[:1]) {
		t.Errorf("unga vuxna finds %q, want only Lotsen: one activity matches every word", got)
	}
	if got := ix.Unmatched("unga vuxna"); len(got) != 0 {
		t.Errorf("Unmatched(unga vuxna) = %q, want none", got)
	}
	if got := foundNames(ix, "xyzzy"); len(got) != 0 {
		t.Errorf("xyzzy finds %q, want nothing", got)
	}
}

// TestPhoneAndEmail: telephone numbers are found as people type them, in
// groups or not, and from their beginning; e-mail addresses as written.
func TestPhoneAndEmail(t *testing.T) {
	ix := mustBuild([]Doc{
		textDoc("Lotsen", "Peter Wilhelmsson 033-35 51 41", ""),
		textDoc("Curateamet", "0320-77 93 45 monica.andrup@mark.example.se", ""),
		textDoc("Kraft-huset", "0320-77 93 64", ""),
		textDoc("Sara", "033-35 51 42", ""),
	}, nil)
	for q, want := range map[string][]string{
		"033-35 51 41":                  {"Lotsen"},
		"033355141":                     {"Lotsen"},
		"0333551":                       {"Lotsen", "Sara"},
		"0320-77 93":                    {"Curateamet", "Kraft-huset"},
		"0320 779345":                   {"Curateamet"},
		"monica.andrup@mark.example.se": {"Curateamet"},
	} {
		if got := foundNames(ix, q); !slices.Equal(got, want) {
			t.Errorf("%s finds %q, want %q", q, got, want)
		}
	}
}

func TestJoined(t *testing.T) {
	for in, want := range map[string][]string{
		"KRAFT-huset":             {"krafthuset"},
		"T-SAM-gruppen i Tranemo": {"tsamgruppen"},
		"Steg-2 och Fas 3":        {"steg2", "fas3"},
		"SARA – Samverkan i Alingsås, 18–64 år, 2019-01-01": nil,
		"Ann-Britt Griepstam-Eliason":                       {"annbritt", "griepstameliason"},
		"Borås–Bollebygd":                                   {"borasbollebygd"},
	} {
		if got := Joined(in, true); !slices.Equal(got, want) {
			t.Errorf("Joined(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHyphensAndJoinedSpellings: a name written with a hyphen is found
// typed joined, split or with the hyphen; a compound in the query is
// split as documents are, when it matches nothing whole.
func TestHyphensAndJoinedSpellings(t *testing.T) {
	ix := mustBuild([]Doc{
		textDoc("KRAFT-huset", "Mark", "Arbetsträning."),
		textDoc("T-SAM-gruppen", "Tranemo", "Samverkan."),
		textDoc("Steg-2", "Borås", "Praktik."),
		textDoc("Fas 3", "Borås", "Arbete."),
		textDoc("Implementering av Ung Arena", "Skövde", "Unga 15–24 år."),
		textDoc("Jobbet", "Borås", "För arbetslösa unga."),
	}, nil)
	for q, want := range map[string]string{
		"krafthuset": "KRAFT-huset", "kraft huset": "KRAFT-huset", "kraft-huset": "KRAFT-huset",
		"tsam": "T-SAM-gruppen", "t sam": "T-SAM-gruppen",
		"steg2": "Steg-2", "fas3": "Fas 3",
		"ungarena":                "Implementering av Ung Arena",
		"långtidsarbetslösa unga": "Jobbet",
	} {
		if got := foundNames(ix, q); len(got) == 0 || got[0] != want {
			t.Errorf("%s finds %q, want %s first", q, got, want)
		}
	}
	if got := ix.Unmatched("långtidsarbetslösa unga"); len(got) != 0 {
		t.Errorf("Unmatched(långtidsarbetslösa unga) = %q: its tail matches", got)
	}
}

// TestAgeInText: an age in the query is the age filter, not words.
func TestAgeInText(t *testing.T) {
	cases := []struct {
		in   string
		age  int
		rest string
	}{
		{"24 år", 24, ""},
		{"25-åring", 25, ""},
		{"unga vuxna 25 år", 25, "unga vuxna"},
		{"19-ÅRINGAR i Tranemo", 19, "i Tranemo"},
		{"24år borås", 24, "borås"},
		{"ungdomar 17 ar", 17, "ungdomar"},
		{"18–64 år", 0, "18–64 år"},
		{"24 månader", 0, "24 månader"},
		{"x24 år", 0, "x24 år"},
		{"200 år", 0, "200 år"},
		{"25 årig", 25, ""},
	}
	for _, c := range cases {
		q := ParseQuery(c.in)
		if q.Age != c.age || q.Text != c.rest {
			t.Errorf("ParseQuery(%q) = age %d, text %q; want %d, %q", c.in, q.Age, q.Text, c.age, c.rest)
		}
	}
	// Activities with an age range that takes the age come first.
	open := textDoc("Alla", "Borås", "")
	ranged := textDoc("Unga", "Borås", "")
	ranged.AgeFrom, ranged.AgeTo = 18, 29
	ix := mustBuild([]Doc{open, ranged}, nil)
	var got []string
	for _, h := range ix.Search(ParseQuery("borås 24 år")) {
		got = append(got, ix.Docs[h.Doc].Name)
	}
	if !slices.Equal(got, []string{"Unga", "Alla"}) {
		t.Errorf("borås 24 år finds %q, want the one with an age range first", got)
	}
}

// TestLongWordCostsLittle: a word of tens of thousands of letters in a
// description costs the index no more than a word of MaxWord letters: few
// terms, short ones, and the browser files stay small. (Before, every tail
// of such a word was a candidate term: its length squared in bytes.)
func TestLongWordCostsLittle(t *testing.T) {
	long := strings.Repeat("arbetsträning", 4000) // 52,000 letters
	ix := mustBuild([]Doc{
		textDoc("Lång", "", long+" "+strings.Repeat("0 1 ", 5000)+strings.Repeat("a-", 5000)+"b"),
		textDoc("Träning", "", "Social träning."),
	}, nil)
	bytes := 0
	for _, term := range ix.terms {
		bytes += len(term)
		if n := utf8.RuneCountInString(term); n > MaxWord {
			t.Errorf("term of %d runes, longer than MaxWord", n)
		}
	}
	if len(ix.terms) > 12 || bytes > 1000 {
		t.Errorf("index of %d terms, %d bytes: %q", len(ix.terms), bytes, ix.terms)
	}
	files, err := ix.Files(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	size := 0
	for _, f := range files {
		size += len(f)
	}
	if size > 4096 {
		t.Errorf("browser files of %d bytes", size)
	}
	// The long word is found by its beginning, typed or pasted whole.
	for _, q := range []string{"arbetsträningarbetsträning", long} {
		if got := foundNames(ix, q); len(got) == 0 || got[0] != "Lång" {
			t.Errorf("%.30s… finds %q, want Lång first", q, got)
		}
	}
	w := newWorker()
	w.words["traning"] = struct{}{}
	if n := len(w.tails(Tokens(long)[0], &w.vocabulary)); n > 50 {
		t.Errorf("%d tails", n)
	}
}

// TestBuiltinAbbreviations: national abbreviations work without being
// declared; a catalogue's own meaning of one takes their place.
func TestBuiltinAbbreviations(t *testing.T) {
	docs := []Doc{
		textDoc("Steget", "Arbetsförmedlingen, Försäkringskassan", "För unga med neuropsykiatriska funktionsnedsättningar."),
		textDoc("Språkstöd", "Åsby kommun", "Svenska för invandrare och praktik. Samordnad individuell plan."),
		textDoc("Familjen", "Individ- och familjeomsorgen", "Stöd."),
	}
	ix := mustBuild(docs, nil)
	for q, want := range map[string]string{
		"af": "Steget", "fk": "Steget", "npf": "Steget", "sfi": "Språkstöd", "sip": "Språkstöd", "ifo": "Familjen",
	} {
		if got := foundNames(ix, q); !slices.Equal(got, []string{want}) {
			t.Errorf("%s finds %q, want %s", q, got, want)
		}
	}
	own := mustBuild(docs, []catalog.Synonym{{Ord: "SIP", Betyder: "Steget"}})
	if got := foundNames(own, "sip"); !slices.Equal(got, []string{"Steget"}) {
		t.Errorf("with the catalogue's SIP: Steget, sip finds %q", got)
	}
}

// TestNoStemIsAPlace: a common word whose stem is a municipality's name
// does not find activities as if they were there.
func TestNoStemIsAPlace(t *testing.T) {
	inMark := textDoc("Kraft", "Mark", "Arbete.")
	inMark.Facets["kommun"] = []string{"Mark"}
	ground := textDoc("Odling", "Borås", "Arbete på marken i trädgården.")
	ground.Facets["kommun"] = []string{"Borås"}
	ix := mustBuild([]Doc{inMark, ground}, nil)
	if got := foundNames(ix, "mark"); !slices.Equal(got, []string{"Kraft", "Odling"}) {
		t.Errorf("mark finds %q, want Kraft, then Odling (marken, by prefix)", got)
	}
	if h := ix.Search(Query{Text: "mark"}); len(h) == 2 && h[1].Score >= float64(Body.weight()) {
		t.Errorf("marken matches mark exactly (score %v)", h[1].Score)
	}
	if got := foundNames(ix, "marken"); len(got) == 0 || got[0] != "Odling" {
		t.Errorf("marken finds %q, want Odling first", got)
	}
}

// TestPlaceOutweighsPartner: an activity in Borås comes before one whose
// partner's name says Borås.
func TestPlaceOutweighsPartner(t *testing.T) {
	partner := textDoc("Kraft", "Mark Primärvården Borås–Bollebygd", "")
	partner.Places = []string{"Mark"}
	in := textDoc("Stöd", "Borås", "")
	in.Places = []string{"Borås"}
	ix := mustBuild([]Doc{partner, in}, nil)
	if got := foundNames(ix, "borås"); !slices.Equal(got, []string{"Stöd", "Kraft"}) {
		t.Errorf("borås finds %q, want Stöd (in Borås) before Kraft (a partner in Borås)", got)
	}
}

// TestTipExamples: the tip suggests only what finds something.
func TestTipExamples(t *testing.T) {
	acts := []*catalog.Activity{
		{Namn: "Lotsen", Malgrupp: "Unga vuxna som är arbetslösa", Samverkansparter: []string{"Försäkringskassan"}},
	}
	if got := TipExamples(acts, nil, 3); !slices.Equal(got, []string{"unga", "FK", "arbetslös"}) {
		t.Errorf("TipExamples = %q, want unga, FK (built in), arbetslös", got)
	}
	if got := TipExamples(nil, nil, 3); len(got) != 0 {
		t.Errorf("TipExamples of no activities = %q", got)
	}
}

// TestNameTailsCount: a tail of a compound in a name is found though it is
// no word elsewhere, below the word itself in a description.
func TestNameTailsCount(t *testing.T) {
	ix := mustBuild([]Doc{
		textDoc("Ungdomsteatern", "Borås", "Scen för unga."),
		textDoc("Rehabilitering", "Borås", "Stöd."),
		textDoc("Kulturen", "Mark", "Teater och musik."),
	}, nil)
	if got := foundNames(ix, "teater"); !slices.Equal(got, []string{"Kulturen", "Ungdomsteatern"}) {
		t.Errorf("teater finds %q, want Kulturen (the word), then Ungdomsteatern (a tail of its name)", got)
	}
	// Only where a compound can be joined: not "bilitering".
	if got := foundNames(ix, "bilitering"); len(got) != 0 {
		t.Errorf("bilitering finds %q", got)
	}
}

// TestMetaAgeAndRank: the age column is fixed-width base 36 (two digits
// past 36 ranges), and ranks are differences from the document before,
// decoded as the browser decodes them.
func TestMetaAgeAndRank(t *testing.T) {
	var docs []Doc
	for i := range 40 {
		d := textDoc(fmt.Sprintf("Ö %02d", 40-i), "", "")
		d.AgeFrom, d.AgeTo = i, 100
		docs = append(docs, d)
	}
	ix := mustBuild(docs, nil)
	files, err := ix.Files(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var meta metaFile
	if err := json.Unmarshal(files["meta.json"], &meta); err != nil {
		t.Fatal(err)
	}
	if len(meta.Age) != 2*len(docs) {
		t.Fatalf("age column %q: want two digits a document", meta.Age)
	}
	offset := 0
	for d := range docs {
		code, err := strconv.ParseInt(meta.Age[2*d:2*d+2], 36, 64)
		if err != nil || meta.Ages[code] != [2]int{docs[d].AgeFrom, docs[d].AgeTo} {
			t.Errorf("document %d: age code %q, %v", d, meta.Age[2*d:2*d+2], err)
		}
		offset += meta.Rank[d]
		if d+offset != ix.rank[d] {
			t.Errorf("document %d: rank %d, want %d", d, d+offset, ix.rank[d])
		}
	}
}

// TestExactSpellingRanksFirst: a word typed with å, ä or ö ranks the
// documents that write it so above those where it matches only folded,
// whatever the fields; typed without, both match as before.
func TestExactSpellingRanksFirst(t *testing.T) {
	ix := mustBuild([]Doc{
		textDoc("Aktiv vardag", "", "Struktur i vardagen."),
		textDoc("Stödteamet", "", "Samverkan med vården."),
		textDoc("Hälsa i fokus", "", "Motion."),
		textDoc("Halsa IK", "", "Fotboll."),
		textDoc("Steget", "", "Om psykisk hälsa och vårdcentralen."),
		textDoc("Ärendet", "Borås", "Praktik i Borås."),
		textDoc("Boras stödgrupp", "", "Samtal."),
	}, nil)
	cases := []struct {
		q    string
		want []string
	}{
		// vård in a description before vardag in a name.
		{"vård", []string{"Stödteamet", "Steget", "Aktiv vardag"}},
		// vårdcentralen and vardag part from "vården" after its short stem
		// (stray prefixes, no bonus).
		{"vården", []string{"Stödteamet", "Aktiv vardag", "Steget"}},
		// Without å: the name first, as before.
		{"vard", []string{"Aktiv vardag", "Stödteamet", "Steget"}},
		{"vardag", []string{"Aktiv vardag"}},
		{"hälsa", []string{"Hälsa i fokus", "Steget", "Halsa IK"}},
		{"halsa", []string{"Halsa IK", "Hälsa i fokus", "Steget"}},
		{"borås", []string{"Ärendet", "Boras stödgrupp"}},
		{"boras", []string{"Boras stödgrupp", "Ärendet"}},
		// Two letters are answered from a prefix file, which keeps no
		// spellings: vå is va.
		{"vå", foundNames(ix, "va")},
	}
	for _, c := range cases {
		if got := foundNames(ix, c.q); !slices.Equal(got, c.want) {
			t.Errorf("%s finds %q, want %q", c.q, got, c.want)
		}
	}
	// Typed without å, ä and ö, no document earns the bonus (more than
	// an exact match in the name).
	for _, q := range []string{"vard", "halsa", "boras"} {
		for _, h := range ix.Search(ParseQuery(q)) {
			if h.Score > float64(Name.weight()) {
				t.Errorf("%s: %s scores %v, a spelling bonus", q, ix.Docs[h.Doc].Name, h.Score)
			}
		}
	}
}
