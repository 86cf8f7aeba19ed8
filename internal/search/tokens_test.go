package search

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/catalog"
)

// refFold and refTokens are fold and tokens as first written, rune by rune
// and with strings.Fields: the definition the faster ones must keep to.
func refFold(s string, keep bool) string {
	var b strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
				b.WriteByte(byte(r))
			case 'A' <= r && r <= 'Z':
				b.WriteByte(byte(r) + 'a' - 'A')
			default:
				b.WriteByte(' ')
			}
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if keep && (r == 'å' || r == 'ä' || r == 'ö') {
			b.WriteRune(r)
			continue
		}
		r = catalog.Fold(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func refTokens(s string, keep bool) []string {
	var out []string
	joining, afterNumber := false, false
	for _, t := range strings.Fields(refFold(s, keep)) {
		if len(t) > MaxWord {
			t = firstRunes(t, MaxWord)
		}
		num := isNumber(t)
		if num && joining {
			out[len(out)-1] = firstRunes(out[len(out)-1]+t, MaxWord)
			continue
		}
		joining = num && t[0] == '0' && !afterNumber
		afterNumber = num
		out = append(out, t)
	}
	return out
}

// refUnspell is unspell as first written, byte by byte.
func refUnspell(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == 0xc3 && i+1 < len(s) {
			switch s[i+1] {
			case 0xa5, 0xa4:
				b = append(b, 'a')
				i++
				continue
			case 0xb6:
				b = append(b, 'o')
				i++
				continue
			}
		}
		b = append(b, s[i])
	}
	return string(b)
}

var tokenSeeds = []string{
	"", " ", "Hälsostöd i Borås", "ÅÄÖ åäö Ångest Ärende Öppen", "Café Ñandú Štěpán Łódź",
	"Ring 0320-77 93 64 eller 0325-185 49.", "18–64 år, 2019-01-01", "Bora\u030as",
	"\xc3", "a\xc3\xa5", "\xc3\xc3\xa5\xc3", "ö\xc3", "Å\xc3\xb6", "\xff\xfe ord", "  flera   mellanslag\t\noch\u00a0nbsp ",
	strings.Repeat("arbetsträningsgruppsledare", 4) + " kort",
	"0 1 2 3", "1 0 2 3 x 0 4", "iPhone, eXempel och abcÅ", "07 " + strings.Repeat("9", 60) + " 5", strings.Repeat("0", 50) + " 1 2", "0", "0 ",
}

func checkTokens(t *testing.T, s string) {
	t.Helper()
	for _, keep := range []bool{false, true} {
		if got, want := fold(s, keep), refFold(s, keep); got != want {
			t.Errorf("fold(%q, %v) = %q, want %q", s, keep, got, want)
		}
		if got, want := tokens(s, keep), refTokens(s, keep); !slices.Equal(got, want) {
			t.Errorf("tokens(%q, %v) = %q, want %q", s, keep, got, want)
		}
	}
	if got, want := unspell(s), refUnspell(s); got != want {
		t.Errorf("unspell(%q) = %q, want %q", s, got, want)
	}
	toks, spelled := tokenPairs(s)
	if want := refTokens(s, false); !slices.Equal(toks, want) {
		t.Errorf("tokenPairs(%q) words = %q, want %q", s, toks, want)
	}
	if want := refTokens(s, true); !slices.Equal(spelled, want) {
		t.Errorf("tokenPairs(%q) spelled = %q, want %q", s, spelled, want)
	}
	// docTerms unspells each word as spelled rather than the text.
	for i, sp := range spelled {
		if i < len(toks) && unspell(sp) != toks[i] {
			t.Errorf("tokenPairs(%q): word %d is %q spelled %q", s, i, toks[i], sp)
		}
	}
	// docTerms cuts the spelled words one at a time, each a piece of the
	// text or of a buffer valid until the next word: copy each to
	// compare. The cutter starts with another text's buffers and state.
	var c wordCutter
	c.reset("Öppen förskola 033-35 51 41 Ärende")
	for _, ok := c.next(); ok; _, ok = c.next() {
	}
	if got, want := cutWords(&c, s), refTokens(s, true); !slices.Equal(got, want) {
		t.Errorf("wordCutter(%q) = %q, want %q", s, got, want)
	}
	// The buffers of one text must not leak into the next.
	bt, bs := tokenPairsInto("Öppen förskola 033-35 51 41", nil, nil)
	bt, bs = tokenPairsInto(s, bt, bs)
	if !slices.Equal(bt, toks) || !slices.Equal(bs, spelled) {
		t.Errorf("tokenPairsInto(%q) with buffers = %q, %q; want %q, %q", s, bt, bs, toks, spelled)
	}
	for _, sp := range spelled {
		for n := 0; n <= utf8.RuneCountInString(sp); n++ {
			form := firstRunes(sp, n)
			for _, st := range []string{unspell(form), unspell(sp), form, ""} {
				if got, want := unspelledIs(form, st), unspell(form) == st; got != want {
					t.Errorf("unspelledIs(%q, %q) = %v, want %v", form, st, got, want)
				}
			}
		}
	}
}

// cutWords returns the words c cuts from s, copied.
func cutWords(c *wordCutter, s string) []string {
	var out []string
	c.reset(s)
	for w, ok := c.next(); ok; w, ok = c.next() {
		out = append(out, strings.Clone(w))
	}
	return out
}

// TestTokensAsDefined: the single-pass tokeniser gives the words the
// definition gives (fold, strings.Fields, numbers joined), for both
// spellings, and the spellings align.
func TestTokensAsDefined(t *testing.T) {
	for _, s := range tokenSeeds {
		checkTokens(t, s)
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range tokenSeeds {
		f.Add(s)
	}
	f.Fuzz(checkTokens)
}

// BenchmarkTokenPairs splits a description's worth of Swedish text into
// its words, both spellings.
func BenchmarkTokenPairs(b *testing.B) {
	text := strings.Repeat("Samverkan kring arbetsträning och stöd till unga vuxna i Borås, med handläggare från Försäkringskassan. Ring 033-35 51 41. ", 40)
	b.SetBytes(int64(len(text)))
	var toks, spelled []string
	for b.Loop() {
		toks, spelled = tokenPairsInto(text, toks, spelled)
	}
}
