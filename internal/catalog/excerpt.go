package catalog

import (
	"strings"
	"unicode/utf8"
)

// Excerpt returns text cut to at most max characters at a word boundary,
// with "…" when something was left out: the start of a description for a
// page's meta description or a feed entry. It reads no more of text than
// the first max characters and one more, and copies none of it unless it
// was cut: the feed takes the excerpt of every activity's whole text.
func Excerpt(text string, max int) string {
	n := 0
	for i := range text {
		if n == max { // more than max characters: cut before this one
			cut := text[:i]
			if !utf8.ValidString(cut) {
				cut = string([]rune(cut)) // each invalid byte as U+FFFD
			}
			if i := strings.LastIndexByte(cut, ' '); i > max/2 {
				cut = cut[:i]
			}
			return strings.TrimRight(cut, " ,.;:") + "…"
		}
		n++
	}
	return text
}
