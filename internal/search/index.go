package search

import (
	"maps"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/samkat/samkat/internal/catalog"
)

// Field says where in an activity a word stands; it sets the word's weight.
type Field int

// Fields, from least to most weighty.
const (
	Body   Field = iota // the description
	Facts               // municipalities, functions, financing, partners, organiser, contacts
	Target              // malgrupp
	Name                // namn
	numFields
)

// Weight is the score a match in the field adds: a hit in the name
// outweighs one in the target group, which outweighs the body.
var Weight = [numFields]int{Body: 1, Facts: 2, Target: 4, Name: 8}

// Doc is one activity as the search sees it.
type Doc struct {
	URL    string
	Name   string
	Target string
	Status string // pagaende, planerad or avslutad
	// AllKommuner marks an activity for every municipality, shown as
	// such rather than as the list of them all.
	AllKommuner bool
	// Facets holds the filterable values, by facet: "kommun", "funktion",
	// "finansiering", "remiss", "egenanmalan" ("ja"/"nej").
	Facets map[string][]string
	// AgeFrom and AgeTo bound the ages served; -1 is open.
	AgeFrom, AgeTo int
	// Text is what is searched, per field.
	Text [numFields]string
}

// posting is one document's best weight for a term.
type posting struct {
	doc    int32
	weight uint8
}

// Index is an inverted index over the docs: sorted terms and, for each,
// the documents that contain it with their best field weight.
type Index struct {
	Docs     []Doc
	terms    []string
	postings [][]posting
	// rank is each document's place in Swedish alphabetical order of
	// names, which breaks ties between equal scores.
	rank []int
}

// Build indexes docs. Synonyms apply both ways at index time: a document
// that says "Försäkringskassan" is found by "FK" and one that says "FK" by
// "Försäkringskassan".
func Build(docs []Doc, synonyms []catalog.Synonym) *Index {
	var syns []synonym
	for _, s := range synonyms {
		if o, b := Terms(s.Ord), Terms(s.Betyder); len(o) > 0 && len(b) > 0 {
			syns = append(syns, synonym{o, b})
		}
	}
	// Each document's terms, on all cores: folding and stemming every word
	// of every description is most of the work.
	perDoc := make([]map[string]uint8, len(docs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(docs)/64+1) {
		wg.Go(func() {
			stems := map[string]string{}
			for i := int(next.Add(1) - 1); i < len(docs); i = int(next.Add(1) - 1) {
				perDoc[i] = docTerms(&docs[i], syns, stems)
			}
		})
	}
	wg.Wait()
	// In document order, so that every term's postings come out sorted.
	byTerm := map[string][]posting{}
	for d, terms := range perDoc {
		for t, w := range terms {
			byTerm[t] = append(byTerm[t], posting{int32(d), w})
		}
	}
	ix := &Index{Docs: docs, terms: slices.Sorted(maps.Keys(byTerm)), rank: make([]int, len(docs))}
	for r, d := range byName(docs) {
		ix.rank[d] = r
	}
	ix.postings = make([][]posting, len(ix.terms))
	for i, t := range ix.terms {
		ix.postings[i] = byTerm[t]
	}
	return ix
}

type synonym struct{ ord, betyder []string }

// docTerms returns the terms of d with the weight of the weightiest field
// each is in. stems caches Stem.
func docTerms(d *Doc, syns []synonym, stems map[string]string) map[string]uint8 {
	best := map[string]uint8{}
	add := func(t string, w uint8) {
		if w > best[t] {
			best[t] = w
		}
	}
	var terms []string
	for f := Field(0); f < numFields; f++ {
		terms = terms[:0]
		for _, tok := range Tokens(d.Text[f]) {
			st, ok := stems[tok]
			if !ok {
				st = Stem(tok)
				stems[tok] = st
			}
			terms = append(terms, st)
		}
		w := uint8(Weight[f])
		for _, t := range terms {
			add(t, w)
		}
		for _, s := range syns {
			if containsAll(terms, s.betyder) {
				for _, t := range s.ord {
					add(t, w)
				}
			}
			if containsAll(terms, s.ord) {
				for _, t := range s.betyder {
					add(t, w)
				}
			}
		}
	}
	return best
}

func containsAll(terms, want []string) bool {
	for _, w := range want {
		if !slices.Contains(terms, w) {
			return false
		}
	}
	return true
}

// prefixRange returns the index range of terms starting with p.
func (ix *Index) prefixRange(p string) (int, int) {
	lo := sort.SearchStrings(ix.terms, p)
	hi := lo
	for hi < len(ix.terms) && strings.HasPrefix(ix.terms[hi], p) {
		hi++
	}
	return lo, hi
}
