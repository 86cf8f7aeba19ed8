package catalog

import (
	"strings"
	"unicode"
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

// Fold maps a lower-case letter with a diacritic to its base letter, for
// slugs and for search that forgives a missing å/ä/ö. Other runes pass through.
func Fold(r rune) rune {
	switch r {
	case 'å', 'ä', 'à', 'á', 'â', 'ã', 'æ':
		return 'a'
	case 'ö', 'ø', 'ò', 'ó', 'ô', 'õ':
		return 'o'
	case 'é', 'è', 'ê', 'ë':
		return 'e'
	case 'ü', 'ù', 'ú', 'û':
		return 'u'
	case 'í', 'ì', 'î', 'ï':
		return 'i'
	case 'ç':
		return 'c'
	case 'ñ':
		return 'n'
	case 'ý', 'ÿ':
		return 'y'
	}
	// Some upper-case runes have no lower-case form (ToLower returns them
	// unchanged); recursing on those would never end.
	if r > unicode.MaxASCII && unicode.IsUpper(r) {
		if lower := unicode.ToLower(r); lower != r {
			return Fold(lower)
		}
	}
	return r
}
