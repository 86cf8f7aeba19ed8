package search

import (
	"encoding/json"
	"slices"
	"testing"
	"unicode/utf16"
)

// decodeLikeJS reads a frontCoded list as static/samkat-sokmotor.js does:
// from the JSON, each string is the first Shared UTF-16 code units of the
// one before, then its Rest.
func decodeLikeJS(t *testing.T, fc frontCoded) []string {
	t.Helper()
	b, err := json.Marshal(fc)
	if err != nil {
		t.Fatal(err)
	}
	var wire struct {
		Shared []int    `json:"shared"`
		Rest   []string `json:"rest"`
	}
	if err := json.Unmarshal(b, &wire); err != nil {
		t.Fatal(err)
	}
	var out []string
	var prev []uint16
	for i, rest := range wire.Rest {
		k := wire.Shared[i]
		if k > len(prev) {
			t.Fatalf("string %d shares %d units of a string of %d", i, k, len(prev))
		}
		cur := append(slices.Clone(prev[:k]), utf16.Encode([]rune(rest))...)
		out = append(out, string(utf16.Decode(cur)))
		prev = cur
	}
	return out
}

// asJSON is s as it reads after a round trip through JSON (invalid UTF-8
// becomes U+FFFD).
func asJSON(s string) string {
	b, _ := json.Marshal(s)
	var out string
	json.Unmarshal(b, &out)
	return out
}

func checkFrontCoded(t *testing.T, list []string) frontCoded {
	t.Helper()
	fc := newFrontCoded()
	for _, s := range list {
		fc.add(s)
	}
	got := decodeLikeJS(t, fc)
	for i, s := range list {
		if got[i] != asJSON(s) {
			t.Errorf("string %d: decoded %q, want %q (list %q, coded %v %q)", i, got[i], asJSON(s), list, fc.Shared, fc.Rest)
		}
	}
	return fc
}

func TestFrontCoded(t *testing.T) {
	cases := []struct {
		name   string
		list   []string
		shared []int
	}{
		{"empty list", nil, []int{}},
		{"sorted urls", []string{"verksamheter/a/", "verksamheter/ab/", "verksamheter/b/"}, []int{0, 14, 13}},
		{"nothing shared", []string{"Lotsen", "Aktiv vardag"}, []int{0, 0}},
		{"a repeated name", []string{"Lotsen", "Lotsen"}, []int{0, 6}},
		{"one a prefix of the next", []string{"Lots", "Lotsen", "Lo"}, []int{0, 4, 2}},
		{"Swedish letters count as one unit", []string{"Hälsostöd", "Hälsoteam"}, []int{0, 5}},
		{"an accent differs in its second byte", []string{"é", "è"}, []int{0, 0}},
		{"astral characters count as two units", []string{"😀 a", "😀 b"}, []int{0, 3}},
		{"no split between surrogates", []string{"😀", "😁"}, []int{0, 0}},
		{"invalid UTF-8 stays in the rest", []string{"a\xffb", "a\xffc"}, []int{0, 1}},
		{"empty strings", []string{"", "a", ""}, []int{0, 0, 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fc := checkFrontCoded(t, c.list)
			if !slices.Equal(fc.Shared, c.shared) {
				t.Errorf("shared %v, want %v", fc.Shared, c.shared)
			}
		})
	}
}

// FuzzFrontCoded: any three strings decode, as the browser decodes them, to
// what they are after JSON.
func FuzzFrontCoded(f *testing.F) {
	f.Add("verksamheter/a/", "verksamheter/ab/", "verksamheter/b/")
	f.Add("😀", "😁", "a\xffb")
	f.Add("Hälsostöd", "Hälsoteam", "")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		checkFrontCoded(t, []string{a, b, c})
	})
}
