package search_test

// The test vectors hold the Go search and the browser's
// static/samkat-sokmotor.js to the same answers. TestVectors builds the
// index of two catalogues (this repository's own content/ and the build
// package's small test catalogue, which has an ended and a planned
// activity) exactly as `samkat build` does, runs every query below and
// compares the ordered result URLs, scores and facet counts with
// testdata/vectors.json; tests/search/engine.test.mjs runs the same queries
// in Node on the index files of a built site. Refresh the file after an
// intended change with
//
//	go test ./internal/search -run Vectors -update
//
// and review the diff: every changed line is a changed answer.

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io/fs"
	"maps"
	"os"
	"path"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/check"
	"github.com/samkat/samkat/internal/load"
	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/pipeline"
	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/route"
	"github.com/samkat/samkat/internal/search"
)

var update = flag.Bool("update", false, "rewrite testdata/vectors.json")

const (
	root          = "../.."
	vectorsFile   = "testdata/vectors.json"
	smallFilesDir = "testdata/index-small-files/"
	vectorsNow    = "2026-11-22" // the day .ci/browser builds the site for
)

// vectorQuery is a search.Query as the browser script takes it.
type vectorQuery struct {
	Text    string              `json:"text,omitempty"`
	Filters map[string][]string `json:"filters,omitempty"`
	Age     int                 `json:"age,omitempty"`
	Status  []string            `json:"status,omitempty"`
}

type vector struct {
	Name   string                    `json:"name"`
	Query  vectorQuery               `json:"query"`
	URLs   []string                  `json:"urls"`   // the results, best first
	Scores []float64                 `json:"scores"` // their scores
	Counts map[string]map[string]int `json:"counts"` // facet → value → count; zero counts left out
	// Unmatched are the words that found nothing, when results match
	// only some of the words.
	Unmatched []string `json:"unmatched,omitempty"`
}

type vectorSet struct {
	// Catalogue is the catalogue folder (holding content/), relative to
	// the repository root.
	Catalogue string `json:"catalogue"`
	Now       string `json:"now"`
	// Index is a built copy of its index, relative to the repository root;
	// empty for content/, whose site .ci/browser builds.
	Index   string   `json:"index,omitempty"`
	Vectors []vector `json:"vectors"`
}

type vectorsDoc struct {
	Comment string       `json:"comment"`
	Words   []wordVector `json:"words"`
	Sets    []vectorSet  `json:"sets"`
}

// wordVector is what the text functions make of one input, which the
// browser's must make too.
type wordVector struct {
	Input       string     `json:"input"`
	Tokens      []string   `json:"tokens"`
	QueryTokens []string   `json:"queryTokens"`
	Stems       []string   `json:"stems"`
	Continued   [][]string `json:"continued"` // per token
	// Age and Rest are what ParseQuery makes of the input.
	Age  int    `json:"age"`
	Rest string `json:"rest"`
}

// wordInputs are the words whose folding, stemming and continuations are
// compared between Go and the browser: every suffix rule, the lemmas, and
// characters that case-map oddly.
var wordInputs = []string{
	"Hälsostöd BORÅS", "Träna, praktisera – motivera!", "U-SAM", "18–64 år", "Café Ñandú",
	"vuxen vuxna vuxnas", "ung unga ungdom ungdomar ungdomarna yngre yngsta",
	"kvinna kvinnor kvinnorna", "arbete arbetet arbeten",
	"sjukskriven sjukskrivna sjukskrivning sjukskrivningar sjukskrivningarna",
	"utbildning utbildningen myndighet myndigheter myndigheten myndighetens myndigheterna myndigheternas",
	"aktivitet aktiviteter aktiviteten aktivitetens aktiviteterna aktiviteternas samverkanden arbetade",
	"Försäkringskassan Försäkringskassans",
	"koordinator koordinatorn koordinatorns koordinatorer koordinatorerna koordinatorernas koordinatorers",
	"handledare handledaren handledarens handledarna handledarnas handledares",
	"deltagare deltagaren deltagarna sommar sommaren",
	"gående leende starkaste förandet huset husets",
	"arbetstrani ungdo koordinatore handledar",
	"İstanbul ΣΟΦΊΑ ﬁnal Ǆemal",
	"Štěpán Čapek Łódź Øresund Ærø Đorđević Ħamrun Ŧ ı Ǖ Ḗ ǅ 한국 Bora\u030as", "e\u0301 \u0301x \u20dd",
	"constructor __proto__ hasOwnProperty",
	"psykisk o", "a", "ab c", "😀x 2026",
	"24 år", "25-åring", "unga vuxna 25 år", "18–64 år", "24 månader", "19-ÅRINGAR i Tranemo", "x24 år", "200 år", "24år borås", "unga 16-29 år",
	strings.Repeat("arbetsträning", 5) + " " + strings.Repeat("0 1 ", 30) + strings.Repeat("😀", 50),
	"033-35 51 41", "Ring 0320-77 93 64 eller 0325-185 49, 18–64 år, 2019-01-01", "0 7 07",
}

func wordVectors() []wordVector {
	var out []wordVector
	for _, in := range wordInputs {
		q := search.ParseQuery(in)
		w := wordVector{Input: in, Tokens: search.Tokens(in), QueryTokens: search.QueryTokens(in), Age: q.Age, Rest: q.Text}
		for _, tok := range w.Tokens {
			w.Stems = append(w.Stems, search.Stem(tok))
			w.Continued = append(w.Continued, append([]string{}, search.Continued(tok)...))
		}
		out = append(out, w)
	}
	return out
}

// vectorCase is one query with what is required of its answer. The
// expectations are checked here, in Go; the JSON file only records the
// answers.
type vectorCase struct {
	name string
	q    vectorQuery
	// first is the URL expected at the top; includes must all be found,
	// excludes none; none expects no results.
	first    string
	includes []string
	excludes []string
	none     bool
	// sameAs names an earlier case whose results must be the same.
	sameAs string
	// within names an earlier case whose results must include all of these.
	within string
}

func kommun(names ...string) map[string][]string { return map[string][]string{"kommun": names} }

const act = "verksamheter/"

// contentCases run on this repository's catalogue (Sjuhärad, 2007); on the
// build day no activity there has ended.
var contentCases = []vectorCase{
	{name: "everything, no query", q: vectorQuery{}},
	{name: "fold: dialogforare finds Dialogförare", q: vectorQuery{Text: "dialogforare"}, first: act + "dialogforare/"},
	{name: "fold: ohalsa finds ohälsa", q: vectorQuery{Text: "ohalsa"}, first: act + "psykisk-ohalsa-sjukskoterskor/"},
	{name: "fold and inflection: halsocoach finds Hälsocoacher", q: vectorQuery{Text: "halsocoach"}, includes: []string{act + "unga-vuxna/"}},
	{name: "fold: boras finds Borås", q: vectorQuery{Text: "boras"}, includes: []string{act + "lotsen/", act + "bedomningsteam-solhem/"}},
	{name: "place: in Borås before a partner named for Borås", q: vectorQuery{Text: "borås"}, excludes: nil, first: act + "bedomningsteam-solhem/"},
	{name: "fold: VÅRGÅRDA", q: vectorQuery{Text: "VÅRGÅRDA"}, includes: []string{act + "sampac/", act + "sarv/"}},
	{name: "fold: vargarda", q: vectorQuery{Text: "vargarda"}, sameAs: "fold: VÅRGÅRDA"},
	{name: "fold: dotted capital I as Go lower-cases it", q: vectorQuery{Text: "İNVÅNARE"}, first: act + "kraftteamen/"},
	{name: "prefix: sjukskriv finds sjukskrivning", q: vectorQuery{Text: "sjukskriv"}, first: act + "aktiv-sjukskrivning/"},
	{name: "prefix: sjuksk while typing", q: vectorQuery{Text: "sjuksk"}, includes: []string{act + "aktiv-sjukskrivning/", act + "psykisk-ohalsa-sjukskoterskor/"}},
	{name: "prefix: two letters while typing", q: vectorQuery{Text: "un"}},
	{name: "prefix: two letters while typing, sa", q: vectorQuery{Text: "sa"}},
	{name: "prefix: two letters, a word of its own: fk", q: vectorQuery{Text: "fk"}, includes: []string{act + "dialogforare/", act + "arbetscenter/"}},
	{name: "two letters, not the last word: af vuxna", q: vectorQuery{Text: "af vuxna"}},
	{name: "two letters after a word: vuxna af", q: vectorQuery{Text: "vuxna af"}},
	{name: "prefix: sjukskrivning, whole", q: vectorQuery{Text: "sjukskrivning"}},
	{name: "prefix: sjukskrivni, past the stem", q: vectorQuery{Text: "sjukskrivni"}, within: "prefix: sjukskriv finds sjukskrivning", includes: []string{act + "aktiv-sjukskrivning/", act + "dialogforare/"}},
	{name: "prefix: ungdo, on its way to ungdom", q: vectorQuery{Text: "ungdo"}, includes: []string{act + "unga-vuxna/", act + "lotsen/"}},
	{name: "prefix: yn, on its way to yngre", q: vectorQuery{Text: "yn"}, includes: []string{act + "unga-vuxna/", act + "lotsen/"}},
	{name: "prefix: one letter matches only a one-letter word (U-SAM)", q: vectorQuery{Text: "u"}, first: act + "u-sam/"},
	{name: "inflection: sjukskrivna", q: vectorQuery{Text: "sjukskrivna "}},
	// Dialogförare is for every municipality, Svenljunga among them: a
	// name is no compound of "unga".
	{name: "inflection: unga", q: vectorQuery{Text: "unga"}, includes: []string{act + "unga-vuxna/", act + "lotsen/"}, excludes: []string{act + "dialogforare/"}},
	{name: "inflection: ungdomar finds unga", q: vectorQuery{Text: "ungdomar"}, sameAs: "inflection: unga"},
	// Arbetscenter says "arbetsträning", never "träning" alone.
	{name: "compound: träning finds arbetsträning", q: vectorQuery{Text: "träning"}, includes: []string{act + "arbetscenter/"}},
	{name: "compound: a tail of a name that is no word elsewhere: center", q: vectorQuery{Text: "center"}, first: act + "arbetscenter/"},
	{name: "compound: coach finds hälsocoacher", q: vectorQuery{Text: "coach"}, includes: []string{act + "lotsen/", act + "unga-vuxna/"}},
	{name: "inflection: vuxna", q: vectorQuery{Text: "vuxna"}, includes: []string{act + "unga-vuxna/", act + "lotsen/"}},
	{name: "inflection: vuxen finds vuxna", q: vectorQuery{Text: "vuxen"}, sameAs: "inflection: vuxna"},
	{name: "typo: kordinator (missing letter)", q: vectorQuery{Text: "kordinator"}, first: act + "samverkanskoordinator/"},
	{name: "typo: rehabiliterng (missing letter)", q: vectorQuery{Text: "rehabiliterng"}, includes: []string{act + "aktiv-vardag/", act + "kraft-huset/"}},
	{name: "typo: rehabilitreing (swap)", q: vectorQuery{Text: "rehabilitreing"}, sameAs: "typo: rehabiliterng (missing letter)"},
	{name: "no stem is a place: marken is not Mark", q: vectorQuery{Text: "marken"}, none: true},
	{name: "inflection: aktiviteter finds aktivitet", q: vectorQuery{Text: "aktiviteter"}, includes: []string{act + "kraft-huset/"}},
	{name: "typo: none in short words (mork is not Mark)", q: vectorQuery{Text: "mork"}, none: true},
	{name: "fold: boras finds activities in every municipality too", q: vectorQuery{Text: "boras specialresurser"}, includes: []string{act + "dialogforare/", act + "samverkanskoordinator/"}},
	{name: "synonym: FK finds Försäkringskassan", q: vectorQuery{Text: "FK"}, includes: []string{act + "dialogforare/", act + "arbetscenter/"}},
	{name: "synonym: försäkringskassan", q: vectorQuery{Text: "försäkringskassan"}, sameAs: "synonym: FK finds Försäkringskassan"},
	{name: "built-in abbreviation: AME, not declared", q: vectorQuery{Text: "ame"}, includes: []string{act + "arbetscenter/", act + "sampac/"}},
	{name: "synonym: VGR", q: vectorQuery{Text: "vgr"}, includes: []string{act + "lotsen/"}},
	{name: "contacts and partners are searchable", q: vectorQuery{Text: "wilhelmsson"}, first: act + "lotsen/"},
	{name: "hyphen: krafthuset, joined", q: vectorQuery{Text: "krafthuset"}, first: act + "kraft-huset/"},
	{name: "hyphen: kraft huset, split", q: vectorQuery{Text: "kraft huset"}, first: act + "kraft-huset/"},
	{name: "hyphen: kraft-huset", q: vectorQuery{Text: "kraft-huset"}, first: act + "kraft-huset/"},
	{name: "hyphen: tsam, joined", q: vectorQuery{Text: "tsam"}, first: act + "t-sam/"},
	{name: "hyphen: t sam, split", q: vectorQuery{Text: "t sam"}, first: act + "t-sam/"},
	{name: "hyphen: usam, being typed", q: vectorQuery{Text: "usa"}, first: act + "u-sam/"},
	{name: "compound in the query: långtidsarbetslösa herrljunga", q: vectorQuery{Text: "långtidsarbetslösa herrljunga"}, first: act + "arbetscenter/"},
	{name: "compound in the query: ungdomsarbetslös, typed", q: vectorQuery{Text: "ungdomsarbetslö"}, includes: []string{act + "arbetscenter/"}},
	{name: "punctuation: KRAFT-teamet", q: vectorQuery{Text: "KRAFT-teamet"}, includes: []string{act + "kraft-huset/", act + "aktiv-vardag/"}},
	{name: "phone: as written", q: vectorQuery{Text: "033-35 51 41"}, first: act + "lotsen/"},
	{name: "phone: digits only, begun", q: vectorQuery{Text: "0333551"}, first: act + "lotsen/"},
	{name: "phone: a prefix in groups", q: vectorQuery{Text: "0320-77 93"}, includes: []string{act + "curateamet/", act + "kraft-huset/"}},
	{name: "digits: 29", q: vectorQuery{Text: "29"}, includes: []string{act + "lotsen/", act + "unga-vuxna/"}},
	{name: "spelling: vård, written so, before vardag in a name", q: vectorQuery{Text: "vård"}, first: act + "dialogforare/"},
	{name: "spelling: vard, typed without å, matches both alike", q: vectorQuery{Text: "vard"}, within: "spelling: vård, written so, before vardag in a name", first: act + "aktiv-vardag/"},
	{name: "spelling: hälsa", q: vectorQuery{Text: "hälsa"}, first: act + "unga-vuxna/"},
	{name: "spelling: halsa", q: vectorQuery{Text: "halsa"}, within: "spelling: hälsa"},
	{name: "spelling: psykisk ohälsa", q: vectorQuery{Text: "psykisk ohälsa"}, first: act + "psykisk-ohalsa-sjukskoterskor/"},
	{name: "spelling: vå, two letters, as va", q: vectorQuery{Text: "vå"}},
	{name: "nothing matches", q: vectorQuery{Text: "xyzzy"}, none: true},
	{name: "no dead ends: one unknown word", q: vectorQuery{Text: "unga xyzzy"}, sameAs: "inflection: unga"},
	{name: "no dead ends: most words first", q: vectorQuery{Text: "lotsen tranemo unga"}, includes: []string{act + "lotsen/", act + "unga-vuxna/"}},
	{name: "words named like JavaScript properties", q: vectorQuery{Text: "constructors"}, none: true},
	{name: "words named like JavaScript properties, typed", q: vectorQuery{Text: "__proto__ hasOwnProperty tostring constructo"}, none: true},
	{name: "several words narrow: unga tranemo", q: vectorQuery{Text: "unga tranemo"}, within: "inflection: unga", first: act + "unga-vuxna/"},
	{name: "several words narrow: sjukskrivna alingsås", q: vectorQuery{Text: "sjukskrivna alingsås"}, first: act + "aktiv-sjukskrivning/"},
	{name: "several words: sjukskrivna a, one letter of the next typed", q: vectorQuery{Text: "sjukskrivna a"}, sameAs: "inflection: sjukskrivna"},
	{name: "filter: one municipality", q: vectorQuery{Filters: kommun("Mark")}},
	{name: "filter: values widen (Borås or Mark)", q: vectorQuery{Filters: kommun("Borås", "Mark")}, within: "everything, no query"},
	{name: "filter: groups narrow (Mark, samordnande insatser)", q: vectorQuery{Filters: map[string][]string{"kommun": {"Mark"}, "funktion": {"samordnande-insatser"}}}, within: "filter: one municipality", first: act + "kraftteamen/"},
	{name: "filter: who may refer", q: vectorQuery{Filters: map[string][]string{"remiss": {"Behandlande läkare", "Sjukskrivande läkare"}}}},
	{name: "filter: may apply on their own", q: vectorQuery{Filters: map[string][]string{"egenanmalan": {"ja"}}}, first: act + "aktiv-vardag/"},
	{name: "filter: financing and text", q: vectorQuery{Text: "arbetslösa", Filters: map[string][]string{"finansiering": {"finsam", "miljarden"}}}},
	{name: "shared link: unga in Tranemo", q: vectorQuery{Text: "unga", Filters: kommun("Tranemo")}, within: "inflection: unga", includes: []string{act + "unga-vuxna/"}},
	// Samverkanskoordinatorn is structural: listed below the matrix.
	{name: "browser: koordinator", q: vectorQuery{Text: "koordinator"}, includes: []string{act + "samverkanskoordinator/"}},
	{name: "browser: unga in Tranemo or Mark", q: vectorQuery{Text: "unga", Filters: kommun("Tranemo", "Mark")}, within: "inflection: unga"},
	{name: "browser: unga in Tranemo or Mark, aktiverande funktion", q: vectorQuery{Text: "unga", Filters: map[string][]string{"kommun": {"Tranemo", "Mark"}, "funktion": {"aktiverande-funktion"}}}, within: "browser: unga in Tranemo or Mark"},
	{name: "age: who takes a 24-year-old", q: vectorQuery{Age: 24}, includes: []string{act + "lotsen/", act + "unga-vuxna/", act + "dialogforare/"}},
	{name: "age: 17 and text", q: vectorQuery{Text: "unga", Age: 17}, first: act + "unga-vuxna/"},
	{name: "age: 70", q: vectorQuery{Age: 70}},
	{name: "age in the text: 24 år borås", q: vectorQuery{Text: "borås", Age: 24}, includes: []string{act + "lotsen/", act + "bedomningsteam-solhem/"}},
	{name: "age in the text: explicit ranges first", q: vectorQuery{Age: 24}, first: act + "aktiv-vardag/"},
	{name: "status: running and planned", q: vectorQuery{Status: []string{"pagaende", "planerad"}}, sameAs: "everything, no query"},
	{name: "status: ended only", q: vectorQuery{Status: []string{"avslutad"}}, none: true},
	{name: "everything together", q: vectorQuery{Text: "sjukskrivna", Age: 30, Status: []string{"pagaende", "planerad"}, Filters: map[string][]string{"kommun": {"Mark", "Tranemo"}, "funktion": {"trana-praktisera-motivera", "aktiverande-funktion"}}}},
}

// smallCases run on internal/pipeline/testdata/small, where Aktiv vardag has
// ended and Ny insats is planned.
var smallCases = []vectorCase{
	{name: "everything, no query", q: vectorQuery{}},
	{name: "ranking: ended after running ones of equal relevance", q: vectorQuery{Filters: kommun("Mark")}, first: act + "dialogforare/"},
	{name: "ranking: an ended activity is still found", q: vectorQuery{Text: "aktiv"}, first: act + "aktiv-vardag/"},
	{name: "status: running and planned", q: vectorQuery{Status: []string{"pagaende", "planerad"}}, within: "everything, no query"},
	{name: "status: ended", q: vectorQuery{Status: []string{"avslutad"}}, first: act + "aktiv-vardag/"},
	{name: "status and municipality", q: vectorQuery{Filters: kommun("Mark"), Status: []string{"pagaende", "planerad"}}},
	{name: "planned: ny insats", q: vectorQuery{Text: "ny insats"}, first: act + "ny-insats/"},
	{name: "synonym: FK", q: vectorQuery{Text: "fk"}, first: act + "lotsen/"},
	{name: "fold: amal finds Åmål", q: vectorQuery{Text: "amal"}, includes: []string{act + "aktiv-vardag/", act + "ny-insats/"}},
	{name: "address: osterlanggatan", q: vectorQuery{Text: "osterlanggatan"}, first: act + "lotsen/"},
	{name: "age: 19", q: vectorQuery{Age: 19}, includes: []string{act + "lotsen/", act + "aktiv-vardag/"}},
	{name: "age: 17", q: vectorQuery{Age: 17}},
	{name: "age: 45 and sjukskrivna", q: vectorQuery{Age: 45, Text: "sjukskrivna"}, first: act + "aktiv-vardag/"},
	{name: "several words: unga vuxna", q: vectorQuery{Text: "unga vuxna"}, first: act + "lotsen/"},
}

func TestVectors(t *testing.T) {
	sets := []struct {
		dir, index string
		cases      []vectorCase
		// smallFiles writes the index with tiny term files to index, so
		// that many keys are large and have prefix files.
		smallFiles bool
	}{
		{".", "", contentCases, false},
		{"internal/pipeline/testdata/small", "internal/pipeline/testdata/small.golden/" + route.SearchIndex, smallCases, false},
		{".", "internal/search/" + smallFilesDir, contentCases, true},
	}
	now, err := catalog.ParseDate(vectorsNow)
	if err != nil {
		t.Fatal(err)
	}
	doc := vectorsDoc{
		Comment: "Expected answers of the search, in Go and in the browser; written by go test ./internal/search -run Vectors -update",
		Words:   wordVectors(),
	}
	for _, s := range sets {
		ix, c := indexOf(t, path.Join(root, s.dir), now)
		if s.smallFiles {
			writeSmallFiles(t, ix, c)
		}
		set := vectorSet{Catalogue: s.dir, Now: vectorsNow, Index: s.index}
		byName := map[string]vector{}
		for _, c := range s.cases {
			v := answer(ix, c)
			checkCase(t, s.dir, c, v, byName)
			byName[c.name] = v
			set.Vectors = append(set.Vectors, v)
		}
		doc.Sets = append(doc.Sets, set)
	}
	got, err := json.MarshalIndent(doc, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(vectorsFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(vectorsFile)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/search -run Vectors -update)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	var old vectorsDoc
	if err := json.Unmarshal(want, &old); err != nil {
		t.Fatalf("%s: %v", vectorsFile, err)
	}
	if !reflect.DeepEqual(old.Words, doc.Words) {
		t.Errorf("%s: the words' tokens, stems or continuations have changed", vectorsFile)
	}
	was := map[[3]string]vector{}
	for _, s := range old.Sets {
		for _, v := range s.Vectors {
			was[[3]string{s.Catalogue, s.Index, v.Name}] = v
		}
	}
	for _, s := range doc.Sets {
		for _, v := range s.Vectors {
			w, ok := was[[3]string{s.Catalogue, s.Index, v.Name}]
			if !ok {
				t.Errorf("%s: %q is new", s.Catalogue, v.Name)
			} else if !reflect.DeepEqual(v, w) {
				t.Errorf("%s: %q:\n got  %v %v %v\n want %v %v %v", s.Catalogue, v.Name, v.URLs, v.Scores, v.Counts, w.URLs, w.Scores, w.Counts)
			}
		}
	}
	t.Errorf("%s differs from the answers (run go test ./internal/search -run Vectors -update and review the diff)", vectorsFile)
}

// answer runs c's query on ix.
func answer(ix *search.Index, c vectorCase) vector {
	q := search.Query{Text: c.q.Text, Filters: c.q.Filters, Age: c.q.Age, Status: c.q.Status}
	if q.Filters == nil {
		q.Filters = map[string][]string{}
	}
	v := vector{Name: c.name, Query: c.q, URLs: []string{}, Scores: []float64{}, Counts: ix.Counts(q), Unmatched: ix.Unmatched(q.Text)}
	for _, h := range ix.Search(q) {
		v.URLs = append(v.URLs, ix.Docs[h.Doc].URL)
		v.Scores = append(v.Scores, h.Score)
	}
	return v
}

func checkCase(t *testing.T, set string, c vectorCase, v vector, earlier map[string]vector) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Errorf("%s: %q: "+format, append([]any{set, c.name}, args...)...)
	}
	if c.none && len(v.URLs) > 0 {
		fail("want no results, got %v", v.URLs)
	}
	if !c.none && len(v.URLs) == 0 {
		fail("no results")
	}
	if c.first != "" && (len(v.URLs) == 0 || v.URLs[0] != c.first) {
		fail("want %s first, got %v", c.first, v.URLs)
	}
	for _, u := range c.includes {
		if !slices.Contains(v.URLs, u) {
			fail("want %s among %v", u, v.URLs)
		}
	}
	for _, u := range c.excludes {
		if slices.Contains(v.URLs, u) {
			fail("want %s not among %v", u, v.URLs)
		}
	}
	if c.sameAs != "" {
		if w, ok := earlier[c.sameAs]; !ok {
			fail("no earlier case %q", c.sameAs)
		} else if !reflect.DeepEqual(v.URLs, w.URLs) {
			fail("want the results of %q, %v; got %v", c.sameAs, w.URLs, v.URLs)
		}
	}
	if c.within != "" {
		w, ok := earlier[c.within]
		if !ok {
			fail("no earlier case %q", c.within)
		}
		for _, u := range v.URLs {
			if !slices.Contains(w.URLs, u) {
				fail("%s is not among the results of %q, %v", u, c.within, w.URLs)
			}
		}
	}
}

// writeSmallFiles writes (with -update) or compares the browser index of
// ix with term files of about 100 bytes, where most keys are large and get
// prefix files, to testdata/index-small-files/.
func writeSmallFiles(t *testing.T, ix *search.Index, c catalogue) {
	t.Helper()
	search.SetTermFileSize(ix, 100)
	files, err := ix.Files(c.values, c.labels)
	search.SetTermFileSize(ix, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(slices.Collect(maps.Keys(files)), func(name string) bool { return strings.HasPrefix(name, "p/") }) {
		t.Errorf("%s: no prefix files", smallFilesDir)
	}
	writeIndexDir(t, smallFilesDir, files)
}

// writeIndexDir writes (with -update) or compares the index files in dir.
func writeIndexDir(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		for name, data := range files {
			if err := os.MkdirAll(path.Dir(dir+name), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dir+name, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	stored := map[string]bool{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			stored[name] = true
		}
		return err
	})
	if err != nil {
		t.Fatalf("%v (run go test ./internal/search -update)", err)
	}
	for name, data := range files {
		if got, _ := os.ReadFile(dir + name); !bytes.Equal(got, data) {
			t.Errorf("%s%s differs (run go test ./internal/search -update)", dir, name)
		}
		delete(stored, name)
	}
	for name := range stored {
		t.Errorf("%s%s should not be there (run go test ./internal/search -update)", dir, name)
	}
}

// catalogue is a catalogue as the build hands it to the search: its
// documents, synonyms and facet values.
type catalogue struct {
	docs     []search.Doc
	synonyms []catalog.Synonym
	values   map[string][]string
	labels   map[string]map[string]string
}

// loadCatalogue reads the catalogue in dir the way `samkat build` does.
func loadCatalogue(t testing.TB, dir string, now catalog.Date) catalogue {
	t.Helper()
	cat, diags, err := load.Catalogue(context.Background(), os.DirFS(dir))
	if err == nil {
		diags = append(diags, check.Catalogue(cat, now)...)
	}
	if err != nil || diags.HasErrors() {
		t.Fatalf("load %s: %v\n%v", dir, err, diags)
	}
	cat.Activities = slices.DeleteFunc(cat.Activities, func(a *catalog.Activity) bool { return a.Utkast })
	conv := markdown.New()
	c := catalogue{
		docs:     search.FromCatalogue(cat, now, func(a *catalog.Activity) string { b, _ := conv.Convert(a.File, a.Body); return b.Text }),
		synonyms: cat.Index.Synonymer,
	}
	c.values, c.labels = search.FacetValues(cat.Index)
	return c
}

// indexOf indexes the catalogue in dir the way `samkat build` does, and
// checks that its browser files are the ones the build writes. It returns
// the index and the catalogue as given to Files.
func indexOf(t *testing.T, dir string, now catalog.Date) (*search.Index, catalogue) {
	t.Helper()
	ctx := context.Background()
	src := os.DirFS(dir)
	c := loadCatalogue(t, dir, now)
	ix := search.MustBuild(c.docs, c.synonyms)
	files, err := ix.Files(c.values, c.labels)
	if err != nil {
		t.Fatal(err)
	}
	var out publish.Mem
	opt := pipeline.Options{Now: now, Version: "test", Layouts: os.DirFS(path.Join(root, "layouts")), Static: os.DirFS(path.Join(root, "static"))}
	if _, err := pipeline.Site(ctx, src, &out, opt); err != nil {
		t.Fatalf("build %s: %v", dir, err)
	}
	built := map[string][]byte{}
	for name, data := range out.Files() {
		if rest, ok := strings.CutPrefix(name, route.SearchIndex); ok {
			built[rest] = data
		}
	}
	for name, data := range files {
		if !jsonEqual(data, built[name]) {
			t.Errorf("%s: the build writes another %s%s than this test indexes: keep indexOf in step with build.addSearchIndex", dir, route.SearchIndex, name)
		}
		delete(built, name)
	}
	for name := range built {
		t.Errorf("%s: the build writes %s%s, which this test does not", dir, route.SearchIndex, name)
	}
	return ix, c
}

func jsonEqual(a, b []byte) bool {
	var x, y any
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && reflect.DeepEqual(x, y)
}
