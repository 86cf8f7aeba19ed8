package axis

import (
	"slices"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
)

func TestTableIsConsistent(t *testing.T) {
	names, facets := map[string]bool{}, map[string]bool{}
	for ax := range All() {
		if ax.Name == "" || ax.Field == "" || ax.Label == "" || ax.Title == "" || ax.Of == nil || ax.Set == nil || ax.Page == nil {
			t.Errorf("%q: incomplete entry %+v", ax.Name, ax)
		}
		if names[ax.Name] {
			t.Errorf("%q: declared twice", ax.Name)
		}
		names[ax.Name] = true
		if ax.Facet != "" && facets[ax.Facet] {
			t.Errorf("%q: facet %q taken", ax.Name, ax.Facet)
		}
		facets[ax.Facet] = true
		if (ax.Source == Collected) != (ax.declared == nil) {
			t.Errorf("%q: only collected axes have no declared values", ax.Name)
		}
		if p := ax.Page("x"); !strings.HasPrefix(p, ax.Section) {
			t.Errorf("%q: a value's page %q is not under %q", ax.Name, p, ax.Section)
		}
		if got, ok := ByName(ax.Name); !ok || got.Name != ax.Name {
			t.Errorf("ByName(%q) = %q, %v", ax.Name, got.Name, ok)
		}
		if ax.Explained != catalog.PlainPage {
			if got, ok := Explaining(ax.Explained); !ok || got.Name != ax.Name {
				t.Errorf("Explaining(%v) = %q, %v; want %q", ax.Explained, got.Name, ok, ax.Name)
			}
		}
	}
	if _, ok := Explaining(catalog.PlainPage); ok {
		t.Error("a plain page explains an axis")
	}
}

func TestOfAndSet(t *testing.T) {
	for ax := range All() {
		x := &catalog.Activity{}
		ax.Set(x, []string{"Värde"})
		if got := ax.Of(x); !slices.Equal(got, []string{"Värde"}) {
			t.Errorf("%q: Of after Set = %q", ax.Name, got)
		}
		if !ax.Has(x, "Värde") {
			t.Errorf("%q: Has is false for the value set", ax.Name)
		}
	}
}

func TestValues(t *testing.T) {
	ix := &catalog.Index{
		Kommuner:   []string{"Borås", "Mark"},
		Funktioner: []catalog.Term{{ID: "lots", Namn: "Lotsning"}},
	}
	kommuner, _ := ByName(catalog.AxisKommuner)
	if got := kommuner.Values(ix, nil); !slices.Equal(got, []catalog.Term{{ID: "Borås", Namn: "Borås"}, {ID: "Mark", Namn: "Mark"}}) {
		t.Errorf("kommuner: %v", got)
	}
	funktioner, _ := ByName(catalog.AxisFunktioner)
	if got := funktioner.Values(ix, nil); !slices.Equal(got, ix.Funktioner) {
		t.Errorf("funktioner: %v", got)
	}
	if got := funktioner.ValueName(ix, "lots"); got != "Lotsning" {
		t.Errorf("funktioner: ValueName(lots) = %q", got)
	}
	if got := funktioner.ValueName(ix, "okänd"); got != "okänd" {
		t.Errorf("funktioner: ValueName(okänd) = %q", got)
	}
	// Collected values: one per slug, the first spelling, A–Ö.
	huvudman, _ := ByName(catalog.AxisHuvudman)
	acts := []*catalog.Activity{{Huvudman: "Östra förbundet"}, {Huvudman: "Arbetsförmedlingen"}, {}, {Huvudman: "arbetsförmedlingen"}}
	want := []catalog.Term{{ID: "Arbetsförmedlingen", Namn: "Arbetsförmedlingen"}, {ID: "Östra förbundet", Namn: "Östra förbundet"}}
	if got := huvudman.Values(ix, acts); !slices.Equal(got, want) {
		t.Errorf("huvudman: %v, want %v", got, want)
	}
	if !huvudman.Has(acts[3], "Arbetsförmedlingen") {
		t.Error("huvudman: another spelling of the same slug does not match")
	}
	if huvudman.Declared(ix) != nil {
		t.Error("huvudman declares values")
	}
}

func TestMatrixNames(t *testing.T) {
	want := []string{catalog.AxisKommuner, catalog.AxisFunktioner, catalog.AxisFinansiering, catalog.AxisHuvudman}
	if got := MatrixNames(); !slices.Equal(got, want) {
		t.Errorf("MatrixNames() = %q, want %q", got, want)
	}
}
