package catalog

import (
	"strings"
	"unicode/utf8"
)

// Excerpt returns text cut to at most max characters at a word boundary,
// with "…" when something was left out: the start of a description for a
// page's meta description or a feed entry.
func Excerpt(text string, max int) string {
	if utf8.RuneCountInString(text) <= max {
		return text
	}
	cut := string([]rune(text)[:max])
	if i := strings.LastIndexByte(cut, ' '); i > max/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}
