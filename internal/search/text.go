// Package search builds the catalogue's search index and answers queries
// over it. The build writes the index as static JSON (see Files); the
// browser script static/samkat-sokmotor.js implements the same matching,
// and the test vectors in testdata/vectors.json hold both to the same
// answers. docs/search.md describes the rules, the files and their sizes.
//
// Matching forgives what people type: case and diacritics are folded
// ("boras" finds Borås, "halsostod" Hälsostöd), words are reduced to a
// light Swedish stem so that inflections meet ("vuxna"/"vuxen",
// "ungdomar"/"unga"), words match as prefixes, from two letters for the
// word being typed ("sjukskriv" finds sjukskrivning, and so does
// "sjukskrivni", which has gone past the stem), longer words tolerate one
// typo, and the catalogue's synonyms work both ways ("FK" finds
// Försäkringskassan).
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/samkat/samkat/internal/catalog"
)

// Fold lower-cases s and removes diacritics the way slugs do (å, ä → a,
// ö → o, é → e, Š → s, ł → l …: catalog.Fold), keeping only letters and
// digits; a combining mark written apart from its letter is dropped, and
// everything else becomes a space.
func Fold(s string) string { return fold(s, false) }

// fold is Fold; with keep, it keeps å, ä and ö as they are (lower-cased),
// as the spelling of a word is kept for the exact-spelling bonus (see
// spelledTokens). It changes no rune count: unspell of its result is
// Fold's.
func fold(s string, keep bool) string {
	b := appendFold(make([]byte, 0, len(s)), s, keep)
	// b is not changed again: the string is made of its bytes, not a copy.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// appendFold appends fold(s, keep) to b: into a buffer a worker keeps,
// for the text of a document it reads only once (see docTerms).
func appendFold(b []byte, s string, keep bool) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // ASCII, most of the text
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				// Most of a word: copied as one run.
				j := i + 1
				for j < len(s) && asciiKept[s[j]] {
					j++
				}
				b = append(b, s[i:j]...)
				i = j
				continue
			case 'A' <= c && c <= 'Z':
				b = append(b, c+'a'-'A')
			default:
				b = append(b, ' ')
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		switch r, kind := foldRune(r, keep); kind {
		case runeKept:
			b = utf8.AppendRune(b, r)
		case runeSpace:
			b = append(b, ' ')
		}
	}
	return b
}

// What fold makes of a rune beyond ASCII (foldRune).
const (
	runeKept    = iota // a letter or digit, folded
	runeSpace          // anything else: a space
	runeDropped        // a combining mark written apart from its letter
)

// foldRune folds r, which is not ASCII, as fold does, and says whether it
// is kept, becomes a space or is dropped.
func foldRune(r rune, keep bool) (rune, int) {
	if unicode.Is(unicode.Mn, r) {
		return r, runeDropped
	}
	r = unicode.ToLower(r)
	switch {
	case r == 'å' || r == 'ä' || r == 'ö':
		// The Swedish letters are most of what is not ASCII; they fold
		// to a and o (as catalog.Fold has them) without its lookups.
		if keep {
			return r, runeKept
		} else if r == 'ö' {
			return 'o', runeKept
		}
		return 'a', runeKept
	}
	r = catalog.Fold(r)
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return r, runeKept
	}
	return r, runeSpace
}

// asciiKept holds the bytes that fold keeps as they are: a–z and 0–9.
var asciiKept = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	return t
}()

// Tokens splits s into folded words. A number that begins with 0 and
// follows no number, as a telephone number does, is one word with the
// numbers after it ("033-35 51 41", "0320-77 93"), so that it is found
// however it is typed, and from its beginning; dates (2019-01-01) are not.
//
// A word longer than MaxWord runes is cut to its first MaxWord: it is
// found by that beginning, and costs the index no more than a word of that
// length (a compound's tails are a word's length squared).
func Tokens(s string) []string { return tokens(s, false) }

// spelledTokens is Tokens with å, ä and ö kept: the words as written, whose
// unspell is Tokens'.
func spelledTokens(s string) []string { return tokens(s, true) }

// tokenPairs returns Tokens(s) and spelledTokens(s), whose words align.
// It folds s once: the words without å, ä and ö are those of its spelled
// fold unspelled, which change no word's bounds, so both are cut from two
// strings rather than each word unspelled on its own.
func tokenPairs(s string) (toks, spelled []string) {
	return tokenPairsInto(s, nil, nil)
}

// tokenPairsInto is tokenPairs appending to toks and spelled (which may be
// buffers kept for reuse, as a worker's are).
func tokenPairsInto(s string, toks, spelled []string) ([]string, []string) {
	sp := fold(s, true)
	spelled = appendTokens(spelled[:0], sp)
	if !hasSpelling(sp) {
		return append(toks[:0], spelled...), spelled
	}
	return appendTokens(toks[:0], unspell(sp)), spelled
}

// unspell folds what fold(s, true) kept: å, ä → a, ö → o.
func unspell(s string) string {
	if !hasSpelling(s) {
		return s
	}
	// A whole description is unspelled at once (see tokenPairs): copy the
	// runs between the letters rather than byte by byte.
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, 0xc3)
		if i < 0 || i+1 == len(s) {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		switch s[i+1] {
		case 0xa5, 0xa4: // å, ä
			b.WriteByte('a')
			s = s[i+2:]
		case 0xb6: // ö
			b.WriteByte('o')
			s = s[i+2:]
		default:
			b.WriteByte(0xc3)
			s = s[i+1:]
		}
	}
}

// hasSpelling reports whether s has one of å, ä and ö.
func hasSpelling(s string) bool {
	// å, ä and ö are C3 A5, C3 A4 and C3 B6 in UTF-8.
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xc3 && (s[i+1] == 0xa5 || s[i+1] == 0xa4 || s[i+1] == 0xb6) {
			return true
		}
	}
	return false
}

func tokens(s string, keep bool) []string { return appendTokens(nil, fold(s, keep)) }

// appendTokens appends the words of the folded text f to out, as Tokens
// describes. f has only letters, digits and spaces (fold's output), so the
// words are what strings.Fields would give, without its slice of them.
func appendTokens(out []string, f string) []string {
	joining, afterNumber := false, false
	// A number being joined runs from joinStart to joinEnd in f; it is
	// made once it ends, rather than once for every number joined to it.
	joinStart, joinEnd := 0, 0
	for i := 0; i < len(f); {
		if f[i] == ' ' {
			i++
			continue
		}
		start := i
		for i < len(f) && f[i] != ' ' {
			i++
		}
		t := f[start:i]
		if len(t) > MaxWord {
			t = firstRunes(t, MaxWord)
		}
		num := isNumber(t)
		if num && joining {
			joinEnd = i
			continue
		}
		if joinEnd > 0 {
			out[len(out)-1] = joinNumber(f[joinStart:joinEnd])
			joinEnd = 0
		}
		joining = num && t[0] == '0' && !afterNumber
		afterNumber = num
		joinStart = start
		out = append(out, t)
	}
	if joinEnd > 0 {
		out[len(out)-1] = joinNumber(f[joinStart:joinEnd])
	}
	return out
}

// A wordCutter cuts the words of a text one at a time, as
// appendTokens(nil, fold(s, true)) has them, in one pass over the text:
// docTerms looks each word up as it is cut. A word of a–z and 0–9 alone,
// most of them, is a piece of the text itself and is not copied; another
// is folded into a buffer the cutter keeps. A word is valid until the
// next call to next.
type wordCutter struct {
	s string
	i int
	// word holds the word being folded, and number a number with those
	// joined to it.
	word, number []byte
	// held is the word read after a number to see whether it joins it,
	// given by the next call.
	held    string
	hasHeld bool
	// afterNumber says whether the last word given was a number.
	afterNumber bool
}

// reset starts cutting s, keeping the buffers.
func (c *wordCutter) reset(s string) {
	c.s, c.i, c.held, c.hasHeld, c.afterNumber = s, 0, "", false, false
}

// next returns the next word, cut to MaxWord runes, and false after the
// last.
func (c *wordCutter) next() (string, bool) {
	t, ok := c.held, c.hasHeld
	c.hasHeld = false
	if !ok {
		if t, ok = c.nextFolded(); !ok {
			return "", false
		}
	}
	cut := t
	if len(cut) > MaxWord {
		cut = firstRunes(cut, MaxWord)
	}
	num := isNumber(cut)
	joining := num && cut[0] == '0' && !c.afterNumber
	c.afterNumber = num
	if !joining {
		return cut, true
	}
	// A number that begins with 0 and follows no number: the numbers
	// after it are joined to it, uncut, and the whole cut (joinNumber).
	// t may be in c.word, which reading the next word overwrites.
	c.number = append(c.number[:0], t...)
	for {
		u, ok := c.nextFolded()
		if !ok {
			break
		}
		if !isNumber(firstRunes(u, MaxWord)) {
			c.held, c.hasHeld = u, true
			break
		}
		c.number = append(c.number, u...)
	}
	return firstRunes(unsafe.String(unsafe.SliceData(c.number), len(c.number)), MaxWord), true
}

// nextFolded returns the next word of fold(c.s, true), uncut.
func (c *wordCutter) nextFolded() (string, bool) {
	s := c.s
	for c.i < len(s) && s[c.i] < utf8.RuneSelf && asciiSpace[s[c.i]] {
		c.i++
	}
	if c.i == len(s) {
		return "", false
	}
	// A word of a–z and 0–9 that ends the text or ends at ASCII that is
	// not a letter or digit is the same folded: a piece of the text.
	start, j := c.i, c.i
	for j < len(s) && asciiKept[s[j]] {
		j++
	}
	if j > start && (j == len(s) || s[j] < utf8.RuneSelf && asciiSpace[s[j]]) {
		c.i = j
		return s[start:j], true
	}
	// Anything else is folded from start to the space that ends it (a
	// text of marks dropped alone ends, or goes on to the next word),
	// the run of a–z and 0–9 before j as it is.
	b := append(c.word[:0], s[start:j]...)
	c.i = j
	for c.i < len(s) {
		if ch := s[c.i]; ch < utf8.RuneSelf {
			c.i++
			switch {
			case asciiKept[ch]:
				b = append(b, ch)
			case 'A' <= ch && ch <= 'Z':
				b = append(b, ch+'a'-'A')
			case len(b) > 0:
				c.word = b
				return unsafe.String(unsafe.SliceData(b), len(b)), true
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[c.i:])
		c.i += w
		switch r, kind := foldRune(r, true); {
		case kind == runeKept:
			b = utf8.AppendRune(b, r)
		case kind == runeSpace && len(b) > 0:
			c.word = b
			return unsafe.String(unsafe.SliceData(b), len(b)), true
		}
	}
	c.word = b
	if len(b) == 0 {
		return "", false
	}
	return unsafe.String(unsafe.SliceData(b), len(b)), true
}

// asciiSpace holds the ASCII bytes that fold makes a space: all but
// letters and digits.
var asciiSpace = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = !asciiKept[c] && !('A' <= c && c <= 'Z')
	}
	return t
}()

// joinNumber runs together the numbers of s, folded text of numbers and
// spaces, and cuts the result to MaxWord: the first MaxWord digits are
// the same whether each number was cut before or not.
func joinNumber(s string) string {
	return firstRunes(strings.ReplaceAll(s, " ", ""), MaxWord)
}

// MaxWord is the length in runes to which Tokens cuts longer words. The
// longest Swedish words of the catalogues have about 30 letters.
const MaxWord = 48

// suffixes are stripped from folded words, the first that matches (longer
// before the shorter ones they end with), as long as a stem of at least
// minStem runes remains. They cover the plural, definite and genitive
// endings that matter for finding things, not a full morphology (Snowball's
// Swedish step 1 was the source of the -het and -ande forms). Nouns in
// -or and -are keep their stem in every form: koordinator, koordinatorn,
// koordinatorer → koordinat; handledare, handledaren, handledarna →
// handled; and so do those in -het and -itet: myndighet, myndigheterna →
// myndig; aktivitet, aktiviteter → aktiv.
var suffixes = []string{
	"iteternas", "ningarna", "iteterna", "heternas", "orernas", "heterna", "itetens",
	"ningar", "ningen", "orerna", "iteten", "iteter", "hetens", "heters", "ning", // sjukskrivning meets sjukskriven
	"arnas", "ernas", "ornas", "heten", "heter", "andet", "arens", "orers", "anden", "andes",
	"arna", "erna", "orna", "ande", "ende", "aste", "ares", "aren", "orer", "orns", "itet", "ades",
	"ens", "ets", "nas", "het", "are", "ast", "orn", "ade",
	"ar", "er", "or", "en", "et", "na", "ad", "at",
	"a", "e", "s",
}

const minStem = 3

// maxSuffix is the length of the longest suffix.
var maxSuffix = func() int {
	n := 0
	for _, s := range suffixes {
		n = max(n, len(s))
	}
	return n
}()

// lemmas map stems of words that inflect irregularly, or that people use
// for the same thing, onto one stem.
var lemmas = map[string]string{
	"ungdom": "ung", // ungdom, ungdomar → ung, like unga
	"yngr":   "ung", // yngre
	"yngst":  "ung", // yngsta
}

// Stem reduces a folded word to the form that is indexed.
func Stem(word string) string {
	if utf8.RuneCountInString(word) <= minStem || isNumber(word) {
		return word
	}
	for _, suf := range suffixes {
		if !strings.HasSuffix(word, suf) || utf8.RuneCountInString(word)-len(suf) < minStem {
			continue
		}
		if suf == "na" && strings.HasSuffix(word, "nna") {
			suf = "a" // kvinna is kvinn+a; vuxna is vux(e)n+a
		}
		word = word[:len(word)-len(suf)]
		break
	}
	if l, ok := lemmas[word]; ok {
		return l
	}
	return word
}

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Terms returns the stems of the words of s, in order.
func Terms(s string) []string {
	toks := Tokens(s)
	for i, t := range toks {
		toks[i] = Stem(t)
	}
	return toks
}

// Joined returns, for the words of s written together with a hyphen
// (KRAFT-huset, T-SAM-gruppen, Steg-2) or, with numbers, a word followed by
// a space and a number of one or two digits (Fas 3), the folded words run
// together: krafthuset, tsamgruppen, steg2, fas3. They are indexed as well
// as the words, so that a name is found however it is typed: joined, split
// or hyphenated.
func Joined(s string, numbers bool) []string {
	type span struct{ start, end int }
	var words []span
	for i := 0; i < len(s); {
		start := i
		for i < len(s) {
			r, w := utf8.DecodeRuneInString(s[i:])
			if !wordRune(r) {
				break
			}
			i += w
		}
		if i > start {
			words = append(words, span{start, i})
			continue
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	digits := func(w span) bool {
		for i := w.start; i < w.end; i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	var out []string
	for i := 0; i < len(words); {
		j := i + 1
		for ; j < len(words); j++ {
			sep, next := s[words[j-1].end:words[j].start], words[j]
			hyphen := sep == "-" || sep == "\u2010" || sep == "\u2011" || sep == "\u2013"
			number := numbers && sep == " " && next.end-next.start <= 2 && digits(next) && !digits(words[j-1])
			if !hyphen && !number {
				break
			}
		}
		if j-i > 1 && !allDigits(words[i:j], digits) {
			var b strings.Builder
			for _, w := range words[i:j] {
				b.WriteString(Fold(s[w.start:w.end]))
			}
			out = append(out, firstRunes(b.String(), MaxWord))
		}
		i = j
	}
	return out
}

func allDigits[S any](words []S, digits func(S) bool) bool {
	for _, w := range words {
		if !digits(w) {
			return false
		}
	}
	return true
}

// wordRune reports whether r is part of a word: a letter or digit once
// folded.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	r = catalog.Fold(unicode.ToLower(r))
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// firstRunes returns the first n characters of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
