package search

import (
	"slices"
	"sort"
	"strings"

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
	URL       string
	Name      string
	Target    string
	Functions string // display text
	Kommuner  string // display text
	Status    string // pagaende, planerad or avslutad
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
}

// Build indexes docs. Synonyms apply both ways at index time: a document
// that says "Försäkringskassan" is found by "FK" and one that says "FK" by
// "Försäkringskassan".
func Build(docs []Doc, synonyms []catalog.Synonym) *Index {
	type syn struct{ ord, betyder []string }
	var syns []syn
	for _, s := range synonyms {
		if o, b := Terms(s.Ord), Terms(s.Betyder); len(o) > 0 && len(b) > 0 {
			syns = append(syns, syn{o, b})
		}
	}
	best := map[string]map[int32]uint8{}
	add := func(term string, doc int32, w uint8) {
		m := best[term]
		if m == nil {
			m = map[int32]uint8{}
			best[term] = m
		}
		if w > m[doc] {
			m[doc] = w
		}
	}
	for i, d := range docs {
		for f := Field(0); f < numFields; f++ {
			terms := Terms(d.Text[f])
			w := uint8(Weight[f])
			for _, t := range terms {
				add(t, int32(i), w)
			}
			for _, s := range syns {
				if containsAll(terms, s.betyder) {
					for _, t := range s.ord {
						add(t, int32(i), w)
					}
				}
				if containsAll(terms, s.ord) {
					for _, t := range s.betyder {
						add(t, int32(i), w)
					}
				}
			}
		}
	}
	ix := &Index{Docs: docs}
	for t := range best {
		ix.terms = append(ix.terms, t)
	}
	sort.Strings(ix.terms)
	ix.postings = make([][]posting, len(ix.terms))
	for i, t := range ix.terms {
		ps := make([]posting, 0, len(best[t]))
		for d, w := range best[t] {
			ps = append(ps, posting{d, w})
		}
		slices.SortFunc(ps, func(a, b posting) int { return int(a.doc - b.doc) })
		ix.postings[i] = ps
	}
	return ix
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
