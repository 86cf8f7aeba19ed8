// Package axis declares, once, the axes along which a catalogue sorts its
// activities: kommuner, funktioner, finansiering and huvudman. Each axis is
// one entry of a table that says where its values come from, where its
// pages live, what its texts are called, and whether it is a search filter
// or may be a row or column of the front-page matrix. Package site makes the
// pages and the matrix from it, search the filters, check the resolution of
// activity values and load the names matris may use; adding an axis is one
// entry here plus its texts in msg and site.
//
// The table lives here rather than in catalog because each axis names its
// route, and route depends on catalog.
package axis

import (
	"iter"
	"slices"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/route"
)

// Source says where the values of an axis are declared.
type Source int

const (
	// Names are declared in content/_index.md as plain names; a name is its
	// own key and is slugified for its address (kommuner).
	Names Source = iota
	// Terms are declared in content/_index.md as an id and a namn; the id is
	// the key and the address (funktioner, finansiering).
	Terms
	// Collected values are whatever the activities say, one per slug, A–Ö
	// (huvudman).
	Collected
)

// Axis describes one axis.
type Axis struct {
	// Name is the axis's key in content/_index.md and in matris ("kommuner").
	Name string
	// Field is the activity's frontmatter key that holds its values ("funktion").
	Field string
	// Source says where the values are declared.
	Source Source
	// Facet is the name of the axis's search filter, "" when it is none.
	Facet string
	// Label is the interface text of one value's kind ("municipality"),
	// the matrix corner and the filter's legend; Title is the text of the
	// index page ("municipalities").
	Label, Title string
	// ValueTitle, when set, is the text that makes a value's page title from
	// its name ("inMunicipality"); else the name is the title. ValueIntro,
	// when set, is the text under it.
	ValueTitle, ValueIntro string
	// Explained is the kind of content page whose slug is a value's key and
	// whose text the value's page shows; PlainPage when there is none.
	// ExplainedKind names a value's kind in messages about such a page.
	Explained     catalog.PageKind
	ExplainedKind msg.ID
	// Matrix says whether the axis may be a row or column of the matrix.
	Matrix bool
	// Section is the address of the index page, Page that of one value's.
	Section string
	Page    func(key string) string
	// Of returns the activity's keys on the axis; Set replaces them, with
	// the spellings check resolved them to.
	Of  func(*catalog.Activity) []string
	Set func(*catalog.Activity, []string)
	// declared returns the values that content/_index.md declares; nil for
	// Collected axes.
	declared func(*catalog.Index) []catalog.Term
}

// table is every axis, in the order of the documentation, of the site's
// sections and of the search filters in the index.
var table = []Axis{
	{
		Name: catalog.AxisKommuner, Field: "kommuner", Source: Names, Facet: "kommun",
		Label: "municipality", Title: "municipalities", ValueTitle: "inMunicipality", ValueIntro: "byFunction",
		Matrix: true, Section: route.Kommuner, Page: route.Kommun,
		Of:  func(x *catalog.Activity) []string { return x.Kommuner },
		Set: func(x *catalog.Activity, v []string) { x.Kommuner = v },
		declared: func(ix *catalog.Index) []catalog.Term {
			terms := make([]catalog.Term, len(ix.Kommuner))
			for i, k := range ix.Kommuner {
				terms[i] = catalog.Term{ID: k, Namn: k}
			}
			return terms
		},
	},
	{
		Name: catalog.AxisFunktioner, Field: "funktion", Source: Terms, Facet: "funktion",
		Label: "function", Title: "functions", Explained: catalog.FunktionPage, ExplainedKind: msg.KindFunc,
		Matrix: true, Section: route.Funktioner, Page: route.Funktion,
		Of:       func(x *catalog.Activity) []string { return x.Funktion },
		Set:      func(x *catalog.Activity, v []string) { x.Funktion = v },
		declared: func(ix *catalog.Index) []catalog.Term { return ix.Funktioner },
	},
	{
		Name: catalog.AxisFinansiering, Field: "finansiering", Source: Terms, Facet: "finansiering",
		Label: "financing", Title: "financing", Explained: catalog.FinansieringPage, ExplainedKind: msg.KindFinance,
		Matrix: true, Section: route.Finansiering, Page: route.FinansieringPage,
		Of:       func(x *catalog.Activity) []string { return x.Finansiering },
		Set:      func(x *catalog.Activity, v []string) { x.Finansiering = v },
		declared: func(ix *catalog.Index) []catalog.Term { return ix.Finansiering },
	},
	{
		Name: catalog.AxisHuvudman, Field: "huvudman", Source: Collected,
		Label: "organiser", Title: "organisers",
		Matrix: true, Section: route.Huvudman, Page: route.HuvudmanPage,
		Of: func(x *catalog.Activity) []string {
			if x.Huvudman == "" {
				return nil
			}
			return []string{x.Huvudman}
		},
		Set: func(x *catalog.Activity, v []string) {
			x.Huvudman = ""
			if len(v) > 0 {
				x.Huvudman = v[0]
			}
		},
	},
}

// All yields every axis in table order, each a copy: the table cannot be
// changed from outside, and ranging over it allocates nothing (check and
// search do so once per activity).
func All() iter.Seq[Axis] {
	return func(yield func(Axis) bool) {
		for _, ax := range table {
			if !yield(ax) {
				return
			}
		}
	}
}

// Explaining returns the axis whose values the content pages of kind
// explain (content/funktioner/*.md explain the funktioner).
func Explaining(kind catalog.PageKind) (Axis, bool) {
	for _, ax := range table {
		if kind != catalog.PlainPage && ax.Explained == kind {
			return ax, true
		}
	}
	return Axis{}, false
}

// ByName returns the axis called name.
func ByName(name string) (Axis, bool) {
	for _, ax := range table {
		if ax.Name == name {
			return ax, true
		}
	}
	return Axis{}, false
}

// MatrixNames lists the axes that matris.rader and matris.kolumner may name.
func MatrixNames() []string {
	var names []string
	for _, ax := range table {
		if ax.Matrix {
			names = append(names, ax.Name)
		}
	}
	return names
}

// Declared returns the values content/_index.md declares for the axis, in
// its order, or nil for a Collected axis.
func (ax Axis) Declared(ix *catalog.Index) []catalog.Term {
	if ax.declared == nil {
		return nil
	}
	return ax.declared(ix)
}

// Values returns the axis's values: the declared ones in the index's order,
// or, for a Collected axis, the distinct values of acts (the first spelling
// of each slug), A–Ö.
func (ax Axis) Values(ix *catalog.Index, acts []*catalog.Activity) []catalog.Term {
	return ax.ValuesBy(ix, acts, catalog.Slugify)
}

// ValuesBy is Values with slugify in place of catalog.Slugify: it must
// give the same results, and may be faster (a memo of one catalogue's
// values).
func (ax Axis) ValuesBy(ix *catalog.Index, acts []*catalog.Activity, slugify func(string) string) []catalog.Term {
	if ax.Source != Collected {
		return ax.Declared(ix)
	}
	seen := map[string]bool{}
	var names []string
	for _, x := range acts {
		for _, v := range ax.Of(x) {
			if s := slugify(v); !seen[s] {
				seen[s] = true
				names = append(names, v)
			}
		}
	}
	slices.SortFunc(names, catalog.Compare)
	terms := make([]catalog.Term, len(names))
	for i, n := range names {
		terms[i] = catalog.Term{ID: n, Namn: n}
	}
	return terms
}

// ValueName returns the name shown for the value key: a term's namn, else
// the key itself (names and collected values are their own names).
func (ax Axis) ValueName(ix *catalog.Index, key string) string {
	if ax.Source == Terms {
		for _, t := range ax.Declared(ix) {
			if t.ID == key {
				return t.Namn
			}
		}
	}
	return key
}

// Has reports whether x has the value key on the axis.
func (ax Axis) Has(x *catalog.Activity, key string) bool { return ax.Match(key)(x) }

// Match returns the test of whether an activity has the value key, for
// testing many. Collected values match by slug, as their pages are one per
// slug.
func (ax Axis) Match(key string) func(*catalog.Activity) bool {
	if ax.Source == Collected {
		slug := catalog.Slugify(key)
		return func(x *catalog.Activity) bool {
			return slices.ContainsFunc(ax.Of(x), func(v string) bool { return catalog.Slugify(v) == slug })
		}
	}
	return func(x *catalog.Activity) bool { return slices.Contains(ax.Of(x), key) }
}
