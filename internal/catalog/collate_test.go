package catalog

import (
	"slices"
	"strings"
	"testing"
	"unicode"
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

// refCompare is Compare as first written, with a key of runes per string:
// the definition the faster one keeps to.
func refCompare(a, b string) int {
	key := func(s string) []rune {
		var k []rune
		for _, r := range strings.ToLower(s) {
			switch r {
			case 'å':
				r = 'z' + 1
			case 'ä', 'æ':
				r = 'z' + 2
			case 'ö', 'ø':
				r = 'z' + 3
			default:
				if r > unicode.MaxASCII {
					r = Fold(r)
				}
			}
			k = append(k, r)
		}
		return k
	}
	if c := slices.Compare(key(a), key(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

var compareSeeds = [][2]string{
	{"Borås", "Borgholm"}, {"Åmål", "Ätran"}, {"Mark", "mark"}, {"ab", "abc"}, {"", "a"},
	{"Émile", "Emma"}, {"Æble", "Öl"}, {"ǅ", "ǆ"}, {"ΣΑΣ", "σας"}, {"\xff", "\xef\xbf\xbd"},
	{"a\xc3", "a"}, {"İstanbul", "istanbul"}, {"K", "k"}, {"ẞ", "ß"},
}

// TestCompareAsDefined: Compare agrees with the key-by-key definition.
func TestCompareAsDefined(t *testing.T) {
	for _, c := range compareSeeds {
		if got, want := Compare(c[0], c[1]), refCompare(c[0], c[1]); got != want {
			t.Errorf("Compare(%q, %q) = %d, want %d", c[0], c[1], got, want)
		}
	}
}

func FuzzCompare(f *testing.F) {
	for _, c := range compareSeeds {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := Compare(a, b), refCompare(a, b); got != want {
			t.Errorf("Compare(%q, %q) = %d, want %d", a, b, got, want)
		}
	})
}

// TestCompareAllocates nothing: sorts call it n log n times.
func TestCompareAllocates(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { Compare("Samordningsförbundet Borås", "Samordningsförbundet Östra Skaraborg") }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}

func BenchmarkCompare(b *testing.B) {
	names := []string{"Arbetsträning i Borås", "Aktiv sjukskrivning", "Öppen förskola", "Ungdomsteatern", "Lotsen", "KRAFT-huset", "Ärendeteamet", "Café Émile"}
	for b.Loop() {
		s := slices.Clone(names)
		slices.SortFunc(s, Compare)
	}
}
