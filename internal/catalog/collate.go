package catalog

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Compare orders strings as a Swedish reader expects: case-insensitive, with
// å, ä and ö as the last letters after z (and æ/ø as ä/ö), digits before
// letters. Ties are broken by the raw strings so sorting is deterministic.
//
// It compares the two strings' weights (see weight) rune by rune, without
// making a key of either: sorting calls it n log n times.
func Compare(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		wa, na := weight(a[i:])
		wb, nb := weight(b[j:])
		if wa != wb {
			if wa < wb {
				return -1
			}
			return 1
		}
		i, j = i+na, j+nb
	}
	switch {
	case i < len(a): // b's weights are a beginning of a's
		return 1
	case j < len(b):
		return -1
	}
	return strings.Compare(a, b)
}

// weight returns the weight in Swedish alphabetical order of the first
// rune of s (which is not empty), and the rune's length in bytes.
func weight(s string) (rune, int) {
	if c := s[0]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		return rune(c), 1
	}
	r, n := utf8.DecodeRuneInString(s)
	switch r = unicode.ToLower(r); r {
	case 'å':
		r = 'z' + 1
	case 'ä', 'æ':
		r = 'z' + 2
	case 'ö', 'ø':
		r = 'z' + 3
	default:
		r = Fold(r)
	}
	return r, n
}
