package check

import (
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
)

// Values that split filters and copies of files. Both are warnings: the site
// still builds, but a referrer spelt two ways is two choices in the search
// filter, and a copied file is an activity listed twice.

// fold is the form two values are compared in when only case, diacritics
// and spacing tell them apart ("Arbetsförmedlingen" and
// " arbetsformedlingen").
//
// It is strings.Fields of strings.ToLower(s), each rune folded
// (catalog.Fold), joined by one space, in one pass: the checks fold every
// activity's namn and free-text values, some 40,000 strings at 10,000
// activities.
func fold(s string) string {
	if folded(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) { // no case: the same before and after ToLower
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = utf8.AppendRune(b, catalog.Fold(unicode.ToLower(r)))
	}
	return string(b)
}

// folded reports whether fold(s) is s: s is ASCII without upper-case
// letters, and its only spaces are single ' ' between words.
func folded(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, 'A' <= c && c <= 'Z', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
}

// resolve maps each value with fn (which reports values it cannot resolve)
// and drops values that resolve to one already in the list, with a warning:
// kommuner: [Mark, mark] is Mark once.
func (c *checker) resolve(values []string, pos map[string]diag.Pos, file, field string, fn func(string, diag.Pos) (string, bool)) []string {
	out := make([]string, 0, len(values))
	first := map[string]string{} // resolved value → as the editor wrote it first
	for i, v := range values {
		p := posOf(pos, file, field, i)
		r, ok := fn(v, p)
		if !ok {
			continue
		}
		if w, dup := first[r]; dup {
			c.diags.AddWarning(p, field, msg.ListEntryVariant, v, w)
			continue
		}
		first[r] = v
		out = append(out, r)
	}
	return out
}

// variants drops values of a free-text list that differ from an earlier one
// only in case, diacritics or spacing, with a warning.
func (c *checker) variants(values []string, pos map[string]diag.Pos, file, field string) []string {
	out := make([]string, 0, len(values))
	first := map[string]string{} // folded → as the editor wrote it first
	for i, v := range values {
		if w, dup := first[fold(v)]; dup {
			c.diags.AddWarning(posOf(pos, file, field, i), field, msg.ListEntryVariant, v, w)
			continue
		}
		first[fold(v)] = v
		out = append(out, v)
	}
	return out
}

// remissVariants warns about a remiss value spelt almost like a more common
// one (only case, diacritics or one letter apart), when content/_index.md
// declares no referrers to check against. A spelling's uses are the
// activities that name it in remiss or samverkansparter. When two spellings
// are as common, both get a warning that does not say which is right.
func (c *checker) remissVariants(acts []*catalog.Activity) {
	type use struct {
		n    int    // activities that use the spelling
		file string // the first of them
	}
	uses := map[string]*use{}
	var order []string
	for _, a := range acts {
		seen := map[string]bool{}
		for _, v := range slices.Concat(a.Remiss, a.Samverkansparter) {
			if seen[v] {
				continue
			}
			seen[v] = true
			u := uses[v]
			if u == nil {
				u = &use{file: a.File}
				uses[v] = u
				order = append(order, v)
			}
			u.n++
		}
	}
	for _, a := range acts {
		for i, v := range a.Remiss {
			best := ""
			for _, w := range order {
				if w == v || uses[w].n < uses[v].n || !similar(v, w) {
					continue
				}
				if best == "" || uses[w].n > uses[best].n {
					best = w
				}
			}
			if best == "" {
				continue
			}
			var where any = uses[best].file
			if n := uses[best].n; n > 1 {
				where = msg.New(msg.UsedInActivities, n)
			}
			id := msg.SpellingVariant
			if uses[best].n == uses[v].n {
				id = msg.SpellingTie
			}
			c.diags.AddWarning(posOf(a.Pos, a.File, "remiss", i), "remiss", id, best, where, v)
		}
	}
}

// similar reports whether a and b differ only in case, diacritics, spacing
// or, for values of five letters or more, one letter.
func similar(a, b string) bool {
	fa, fb := fold(a), fold(b)
	if fa == fb {
		return true
	}
	return min(utf8.RuneCountInString(fa), utf8.RuneCountInString(fb)) >= 5 && oneEdit(fa, fb)
}

// oneEdit reports whether a and b are at most one insertion, deletion or
// substitution apart.
func oneEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) > 1 {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if len(ra) == len(rb) {
		i++ // substitute one
		return i >= len(ra) || string(ra[i:]) == string(rb[i:])
	}
	return string(ra[i:]) == string(rb[i+1:]) // insert one
}

// Names file managers, browsers and editors give copies: "lotsen - Kopia",
// "lotsen - Copy (2)", "lotsen kopia", "lotsen-copy", "Copy of lotsen",
// "Kopia av lotsen", "lotsen (1)".
var (
	copyPrefixRE = regexp.MustCompile(`(?i)^(?:copy of|kopia av)\s+(.+)$`)
	copySuffixRE = regexp.MustCompile(`(?i)^(.+?)[\s_-]+(?:kopia|copy)(?:\s*\(\d+\)|[\s_-]*\d+)?$`)
	copyCountRE  = regexp.MustCompile(`^(.+?)\s*\(\d+\)$`)
)

// copyOf returns the name a file name stem seems copied from, and whether
// the name says so by itself (not only by a number).
func copyOf(stem string) (orig string, explicit bool) {
	// Most names are none of those: the expressions run only on a name
	// that can match one (they cost more than the rest of the checks).
	lower := strings.ToLower(stem)
	if strings.Contains(lower, "copy") || strings.Contains(lower, "kopia") || strings.HasSuffix(stem, ")") {
		for _, re := range []*regexp.Regexp{copyPrefixRE, copySuffixRE, copyCountRE} {
			if m := re.FindStringSubmatch(stem); m != nil {
				return m[1], true
			}
		}
	}
	if orig, ok := numbered(stem); ok {
		return orig, false
	}
	return "", false
}

// numbered is the expression ^(.+?)[\s_-]*\d+$ on stem: the name without a
// number at its end and the separators before it. A number at the end is
// a copy only when the name without it exists: steg-2.md is a real name,
// lotsen-2.md next to lotsen.md is not.
func numbered(stem string) (string, bool) {
	i := len(stem)
	for i > 0 && '0' <= stem[i-1] && stem[i-1] <= '9' {
		i--
	}
	if i == len(stem) {
		return "", false
	}
	j := i
	for j > 0 && strings.IndexByte(" \t\n\f\r_-", stem[j-1]) >= 0 {
		j--
	}
	if j == 0 {
		// (.+?) takes one character at least: a separator or a digit.
		if len(stem) < 2 {
			return "", false
		}
		j = 1
	}
	if strings.IndexByte(stem[:j], '\n') >= 0 { // . is not a newline
		return "", false
	}
	return stem[:j], true
}

// copies warns about files named like copies and activities with the same
// namn. A copy whose original is found is one warning, on the copy.
func (c *checker) copies(acts []*catalog.Activity) {
	bySlug := map[string]*catalog.Activity{}
	for _, a := range acts {
		if _, ok := bySlug[a.Slug]; !ok {
			bySlug[a.Slug] = a
		}
	}
	// original maps a copy to the file it copies: copies of one file are
	// one mistake, not also activities with the same namn.
	original := map[*catalog.Activity]*catalog.Activity{}
	for _, a := range acts {
		base := path.Base(a.File)
		stem := strings.TrimSuffix(base, ".md")
		orig, explicit := copyOf(stem)
		if orig == "" {
			continue
		}
		o := bySlug[catalog.Slugify(orig)]
		switch {
		case o != nil && o != a:
			original[a] = o
			c.diags.AddWarning(diag.Pos{File: a.File, Line: 1}, "", msg.CopyFileOf, o.File)
		case explicit:
			c.diags.AddWarning(diag.Pos{File: a.File, Line: 1}, "", msg.CopyFileName, base)
		}
	}
	byName := map[string][]*catalog.Activity{}
	folded := make([]string, len(acts)) // each namn folded once
	for i, a := range acts {
		if folded[i] = fold(a.Namn); folded[i] != "" {
			byName[folded[i]] = append(byName[folded[i]], a)
		}
	}
	root := func(a *catalog.Activity) *catalog.Activity {
		if o, ok := original[a]; ok {
			return o
		}
		return a
	}
	for i, a := range acts {
		var others []string
		for _, o := range byName[folded[i]] {
			// The same slug is an error already (uniqueSlugs); a copy is warned about once.
			if o != a && o.Slug != a.Slug && root(o) != root(a) {
				others = append(others, o.File)
			}
		}
		if len(others) > 0 {
			c.diags.AddWarning(posOf(a.Pos, a.File, "namn", -1), "namn", msg.SameNamn, strings.Join(others, ", "))
		}
	}
}
