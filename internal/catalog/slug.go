package catalog

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Slugify derives a slug from a name: lower case a-z, 0-9 and single hyphens.
// å, ä and ö fold to a, a and o as the content format says ("Borås" → "boras");
// other accented Latin letters fold to their base letter (é → e, ü → u).
func Slugify(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(name) {
		r = Fold(r)
		switch {
		case unicode.Is(unicode.Mn, r): // a mark of the letter before, written apart
			continue
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		default:
			hyphen = true
		}
	}
	return b.String()
}

// ValidSlug reports whether s is a slug as the content format defines it.
func ValidSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
		if c == '-' && i > 0 && s[i-1] == '-' {
			return false
		}
	}
	return true
}

// Fold maps a letter with a diacritic to its base letter, for slugs and
// for search that forgives a missing å/ä/ö: by its canonical Unicode
// decomposition (å → a + ring, Š → S + caron, so "Štěpán" → "stepan"), and
// for the few letters that have none, by the letter they are written as
// without their stroke (ø, æ, ł, đ, ħ, ŧ, ı). An upper-case letter folds
// as its lower case does. Other runes pass through.
func Fold(r rune) rune {
	if r < utf8.RuneSelf {
		return r
	}
	// Some upper-case runes have no lower-case form (ToLower returns them
	// unchanged); recursing on those would never end.
	if unicode.IsUpper(r) {
		if lower := unicode.ToLower(r); lower != r {
			return Fold(lower)
		}
	}
	if f, ok := stroked[r]; ok {
		return f
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	if d := norm.NFD.Properties(buf[:n]).Decomposition(); d != nil {
		base, size := utf8.DecodeRune(d)
		for rest := d[size:]; len(rest) > 0; {
			m, w := utf8.DecodeRune(rest)
			if !unicode.Is(unicode.Mn, m) {
				return r // not a letter and its marks (none is, in Unicode 15)
			}
			rest = rest[w:]
		}
		return Fold(base)
	}
	return r
}

// stroked are the letters without a decomposition that fold all the same.
var stroked = map[rune]rune{
	'ø': 'o', 'æ': 'a', 'ł': 'l', 'đ': 'd', 'ħ': 'h', 'ŧ': 't', 'ı': 'i',
}
