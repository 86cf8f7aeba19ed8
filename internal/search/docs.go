package search

import (
	"strings"

	"github.com/samkat/samkat/internal/axis"
	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/route"
)

// FromCatalogue turns the published activities of cat into search
// documents. body gives an activity's description as plain text.
func FromCatalogue(cat *catalog.Catalogue, now catalog.Date, body func(*catalog.Activity) string) []Doc {
	ix := cat.Index
	docs := make([]Doc, 0, len(cat.Activities))
	for _, a := range cat.Activities {
		d := Doc{
			URL:         route.Activity(a.Slug),
			Name:        a.Namn,
			Target:      a.Malgrupp,
			Status:      a.StatusOn(now).String(),
			AllKommuner: a.AllaKommuner,
			Facets:      map[string][]string{},
			AgeFrom:     -1,
			AgeTo:       -1,
		}
		var fnames, finnames []string
		for _, id := range a.Funktion {
			fnames = append(fnames, ix.FunktionNamn(id))
		}
		for _, id := range a.Finansiering {
			finnames = append(finnames, ix.FinansieringNamn(id))
		}
		kommuner := strings.Join(a.Kommuner, ", ")
		if a.AllaKommuner {
			kommuner = "Alla kommuner"
		}
		for ax := range axis.All() {
			if ax.Facet != "" {
				d.Facets[ax.Facet] = ax.Of(a)
			}
		}
		if len(a.Remiss) > 0 {
			d.Facets["remiss"] = a.Remiss
		}
		if a.Egenanmalan != nil {
			d.Facets["egenanmalan"] = []string{map[bool]string{true: "ja", false: "nej"}[*a.Egenanmalan]}
		}
		if a.Alder != nil && a.Alder.Fran != nil {
			d.AgeFrom = *a.Alder.Fran
		}
		if a.Alder != nil && a.Alder.Till != nil {
			d.AgeTo = *a.Alder.Till
		}
		// An activity for every municipality is found by each one's name,
		// as it is by each one's filter.
		facts := append([]string{strings.Join(fnames, ", "), kommuner, strings.Join(finnames, " "), a.Huvudman},
			a.Samverkansparter...)
		if a.AllaKommuner {
			facts = append(facts, a.Kommuner...)
		}
		facts = append(facts, a.Remiss...)
		for _, c := range a.Kontakt {
			facts = append(facts, c.Namn, c.Roll, c.Adress, c.Kommun, c.Telefon, c.Epost)
		}
		d.Places = a.Kommuner
		d.Text[Name] = a.Namn
		d.Text[Target] = a.Malgrupp
		d.Text[Facts] = strings.Join(facts, " ")
		if body != nil {
			d.Text[Body] = body(a)
		}
		docs = append(docs, d)
	}
	return docs
}

// FacetValues gives, for Index.Files, each facet's values in the
// catalogue's display order, and the label shown for values that are
// identifiers (a function's name for its id).
func FacetValues(ix *catalog.Index) (values map[string][]string, labels map[string]map[string]string) {
	values = map[string][]string{"egenanmalan": {"ja", "nej"}}
	labels = map[string]map[string]string{}
	for ax := range axis.All() {
		if ax.Facet == "" {
			continue
		}
		if ax.Source == axis.Terms {
			labels[ax.Facet] = map[string]string{}
		}
		for _, t := range ax.Declared(ix) {
			values[ax.Facet] = append(values[ax.Facet], t.ID)
			if ax.Source == axis.Terms {
				labels[ax.Facet][t.ID] = t.Namn
			}
		}
	}
	return values, labels
}
