package catalog

import (
	"slices"
	"testing"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"a", "b", -1},
		{"z", "å", -1},
		{"å", "ä", -1},
		{"ä", "ö", -1},
		{"z", "ö", -1},
		{"Zinkgruvan", "Åmål", -1},
		{"Åmål", "Ätran", -1},
		{"Ätran", "Ödeshög", -1},
		{"Borås", "Borgholm", 1}, // å sorts after g, as a letter of its own
		{"Mark", "Marks kommun", -1},
		{"ab", "abc", -1},
		{"Alingsås", "borås", -1}, // case does not decide the letter order
		{"alingsås", "Borås", -1},
		{"Mark", "mark", -1}, // a tie in letters is broken by the raw strings
		{"mark", "mark", 0},
		{"", "", 0},
		{"", "a", -1},
		{"1 Steg", "Aktiv", -1}, // digits before letters
		{"9", "a", -1},
		{"Émile", "Emma", -1}, // é is an e: "emile" < "emma"
		{"Æble", "Öl", -1},    // æ sorts as ä
		{"Zeta", "Ørsted", -1},
	}
	for _, tt := range tests {
		t.Run(tt.a+"_vs_"+tt.b, func(t *testing.T) {
			if got := Compare(tt.a, tt.b); got != tt.want {
				t.Errorf("Compare(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
			if got := Compare(tt.b, tt.a); got != -tt.want {
				t.Errorf("Compare(%q, %q) = %d, want %d (antisymmetry)", tt.b, tt.a, got, -tt.want)
			}
		})
	}
}

func TestCompareSortsMunicipalities(t *testing.T) {
	in := []string{"Ödeshög", "mark", "Åmål", "Zinkgruvan", "Borås", "Ätran", "Mark", "Alingsås", "Öckerö", "Ale"}
	want := []string{"Ale", "Alingsås", "Borås", "Mark", "mark", "Zinkgruvan", "Åmål", "Ätran", "Öckerö", "Ödeshög"}
	got := slices.Clone(in)
	slices.SortFunc(got, Compare)
	if !slices.Equal(got, want) {
		t.Errorf("sorted with Compare:\n got %q\nwant %q", got, want)
	}
}
