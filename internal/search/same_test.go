package search

import (
	"context"
	"testing"
)

// TestAnalysisSame: an analysis is the same as its copies with other
// tails (as BuildTrusting makes them) and as one read back from its bytes,
// and not as another document's.
func TestAnalysisSame(t *testing.T) {
	doc := func(name, body string) Doc {
		d := Doc{Name: name, URL: name, Status: "pagaende", Facets: map[string][]string{}, AgeFrom: -1, AgeTo: -1}
		d.Text[Body] = body
		return d
	}
	docs := []Doc{doc("Lotsen", "Stöd till arbete"), doc("Kompassen", "Samtal om studier")}
	_, analyses, err := BuildReusing(context.Background(), docs, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, b := analyses[0], analyses[1]
	c := *a
	c.tails = nil
	data, _ := a.MarshalBinary()
	read, err := ReadAnalysis(string(data))
	if err != nil {
		t.Fatal(err)
	}
	var none *Analysis
	for i, tc := range []struct {
		x, y *Analysis
		want bool
	}{{a, a, true}, {a, &c, true}, {a, read, true}, {a, b, false}, {a, none, false}, {none, a, false}} {
		if got := tc.x.Same(tc.y); got != tc.want {
			t.Errorf("case %d: Same is %v, want %v", i, got, tc.want)
		}
	}
}
