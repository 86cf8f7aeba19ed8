package search

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestMarshalPostingsIsJSONMarshal holds the term files' encoder to the
// bytes of json.Marshal, for terms as the index has them and for strings
// json.Marshal escapes.
func TestMarshalPostingsIsJSONMarshal(t *testing.T) {
	for _, m := range []map[string][]int{
		{},
		{"arbet": {4, 9, 123456}, "*": {}, "vård": {1}, "ab12": nil},
		{`a"b`: {1}, `back\slash`: {2}, "<&>": {3}, "line\u2028sep": {4}, "bad\xffbyte": {5}, "tab\t": {-1}, "": {0}},
		{"é": {1}, "ł": {2}, "日本": {3}, "Zz": {7}},
	} {
		want, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if got := marshalPostings(m); !bytes.Equal(got, want) {
			t.Errorf("marshalPostings(%v)\n got %s\nwant %s", m, got, want)
		}
	}
}

func FuzzMarshalPostings(f *testing.F) {
	f.Add("arbet", "vård", 12)
	f.Add("a\"b", "\u2028", -3)
	f.Fuzz(func(t *testing.T, k1, k2 string, n int) {
		m := map[string][]int{k1: {n, n * 4}, k2: {}}
		want, _ := json.Marshal(m)
		if got := marshalPostings(m); !bytes.Equal(got, want) {
			t.Errorf("marshalPostings(%v)\n got %s\nwant %s", m, got, want)
		}
	})
}
