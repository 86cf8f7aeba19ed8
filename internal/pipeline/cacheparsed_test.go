package pipeline

import (
	"reflect"
	"testing"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/load"
	"github.com/samkat/samkat/internal/site"
)

// TestParsedRoundTrip holds what a cache-parsed file gives back to what
// load made, down to the pointers to zero values: "egenanmalan: nej" and
// an age from 0 are facts the pages show, not fields left out.
func TestParsedRoundTrip(t *testing.T) {
	no, zero, ten := false, 0, 10
	activities := []*catalog.Activity{
		{File: "a.md", Namn: "A", Egenanmalan: &no},
		{File: "b.md", Namn: "B", Alder: &catalog.Alder{Fran: &zero, Till: &ten}},
		{File: "c.md", Namn: "C", Alder: &catalog.Alder{Fran: &ten, Till: &zero}},
		{File: "d.md", Namn: "D", Alder: &catalog.Alder{}},
		{File: "e.md", Namn: "E", Alder: &catalog.Alder{Fran: &zero}},
		{File: "f.md", Namn: "F"},
	}
	parsed := map[site.Key]load.Parsed{}
	for i, a := range activities {
		parsed[site.Key{byte(i + 1)}] = load.Parsed{Activity: a}
	}
	b, err := encodeParsed(parsed)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeParsed(b)
	if err != nil {
		t.Fatal(err)
	}
	for k, p := range parsed {
		if !reflect.DeepEqual(got[k].Activity, p.Activity) {
			t.Errorf("%s: read back as %+v, want %+v", p.Activity.File, got[k].Activity, p.Activity)
		}
	}
}
