package site

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
)

// TestGovernmentServiceJSON holds the JSON-LD of GovernmentService to what
// the maps it replaced marshalled to, byte for byte, with every field
// present or absent.
func TestGovernmentServiceJSON(t *testing.T) {
	ix := &catalog.Index{File: "content/_index.md", Titel: "T", Sprak: "sv",
		Kommuner: []string{"Mark", "Borås"}, Funktioner: []catalog.Term{{ID: "f", Namn: "F"}, {ID: "g", Namn: "G <&> \u2028"}}}
	a := &assembler{ix: ix}
	zero, nine := 0, 9
	acts := []*catalog.Activity{
		{Namn: "A"},
		{Namn: "Lotsen <b>&</b>", Malgrupp: "Unga\u2029 \"vuxna\"", Funktion: []string{"f", "g"}, Huvudman: "H",
			Kommuner: []string{"Mark", "Borås"}, Webb: "https://example.se/?a=1&b=2",
			Alder: &catalog.Alder{Fran: &zero, Till: &nine},
			Kontakt: []catalog.Contact{
				{Namn: "P", Telefon: "033-35 51 41", Epost: "p@example.se", Adress: "Gatan 1"},
				{Namn: "Q", Epost: "q@example.se"},
				{Telefon: "+46 (0)33 1"},
				{Adress: "Torget"},
				{Namn: "Bara namn"},
			}},
		{Namn: "B", Alder: &catalog.Alder{Till: &nine}},
		{Namn: "C", Alder: &catalog.Alder{}},
		{Namn: "D", Malgrupp: "M"},
	}
	for _, x := range acts {
		for _, canonical := range []string{"", "https://example.se/verksamheter/a/"} {
			want, err := json.Marshal(a.governmentServiceMap(x, canonical))
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.Marshal(a.governmentService(x, canonical))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("%s:\n got %s\nwant %s", x.Namn, got, want)
			}
		}
	}
}

// governmentServiceMap is governmentService as it was made of maps, the
// JSON that GovernmentService must reproduce.
func (a *assembler) governmentServiceMap(x *catalog.Activity, canonical string) map[string]any {
	d := map[string]any{
		"@context": "https://schema.org",
		"@type":    "GovernmentService",
		"name":     x.Namn,
	}
	if canonical != "" {
		d["url"] = canonical
	}
	if x.Malgrupp != "" {
		d["description"] = x.Malgrupp
	}
	var types []string
	for _, id := range x.Funktion {
		types = append(types, a.ix.FunktionNamn(id))
	}
	d["serviceType"] = strings.Join(types, ", ")
	if x.Huvudman != "" {
		d["provider"] = map[string]any{"@type": "GovernmentOrganization", "name": x.Huvudman}
	}
	var areas []map[string]any
	for _, k := range x.Kommuner {
		areas = append(areas, map[string]any{"@type": "AdministrativeArea", "name": k})
	}
	if len(areas) > 0 {
		d["areaServed"] = areas
	}
	audience := map[string]any{"@type": "PeopleAudience"}
	if x.Malgrupp != "" {
		audience["audienceType"] = x.Malgrupp
	}
	if x.Alder != nil && x.Alder.Fran != nil {
		audience["suggestedMinAge"] = *x.Alder.Fran
	}
	if x.Alder != nil && x.Alder.Till != nil {
		audience["suggestedMaxAge"] = *x.Alder.Till
	}
	if len(audience) > 1 {
		d["audience"] = audience
	}
	var channels []map[string]any
	for _, c := range x.Kontakt {
		ch := map[string]any{"@type": "ServiceChannel"}
		if c.Telefon != "" || c.Epost != "" {
			cp := map[string]any{"@type": "ContactPoint"}
			if c.Namn != "" {
				cp["name"] = c.Namn
			}
			if c.Telefon != "" {
				cp["telephone"] = strings.TrimPrefix(TelURI(c.Telefon), "tel:")
			}
			if c.Epost != "" {
				cp["email"] = c.Epost
			}
			ch["servicePhone"] = cp
		}
		if c.Adress != "" {
			ch["serviceLocation"] = map[string]any{"@type": "Place", "address": c.Adress}
		}
		if len(ch) > 1 {
			channels = append(channels, ch)
		}
	}
	if len(channels) > 0 {
		d["availableChannel"] = channels
	}
	if x.Webb != "" {
		d["sameAs"] = x.Webb
	}
	return d
}
