package catalog

import (
	"strings"
	"unicode"
)

// Compare orders strings as a Swedish reader expects: case-insensitive, with
// å, ä and ö as the last letters after z (and æ/ø as ä/ö), digits before
// letters. Ties are broken by the raw strings so sorting is deterministic.
func Compare(a, b string) int {
	ka, kb := collationKey(a), collationKey(b)
	for i := 0; i < len(ka) && i < len(kb); i++ {
		if ka[i] != kb[i] {
			if ka[i] < kb[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(ka) < len(kb):
		return -1
	case len(ka) > len(kb):
		return 1
	}
	return strings.Compare(a, b)
}

// collationKey maps each rune to a weight in Swedish alphabetical order.
func collationKey(s string) []rune {
	key := make([]rune, 0, len(s))
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
				if f := Fold(r); f != r {
					r = f
				}
			}
		}
		key = append(key, r)
	}
	return key
}
