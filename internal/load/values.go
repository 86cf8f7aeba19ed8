package load

import (
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/msg"
	"go.yaml.in/yaml/v3"
)

// invisible reports whether r is a character that shows nothing, or
// changes how the text around it is shown, and has no place in a value of
// the frontmatter: controls other than tab and line feed, the bidirectional
// controls and marks, and the zero-width characters.
func invisible(r rune) (msg.ID, bool) {
	switch {
	case r == '\t' || r == '\n':
		return "", false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return msg.CharKindControl, true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return msg.CharKindBidi, true
	case r >= 0x200b && r <= 0x200d, r == 0x2060, r == 0xfeff:
		return msg.CharKindZeroWidth, true
	}
	return "", false
}

// charNames are the Unicode names of the invisible characters editors
// meet, for the message; others are named by their code alone.
var charNames = map[rune]string{
	0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0b: "LINE TABULATION", 0x0c: "FORM FEED", 0x0d: "CARRIAGE RETURN",
	0x1b: "ESCAPE", 0x7f: "DELETE", 0x85: "NEXT LINE", 0x061c: "ARABIC LETTER MARK",
	0x200b: "ZERO WIDTH SPACE", 0x200c: "ZERO WIDTH NON-JOINER", 0x200d: "ZERO WIDTH JOINER",
	0x200e: "LEFT-TO-RIGHT MARK", 0x200f: "RIGHT-TO-LEFT MARK",
	0x202a: "LEFT-TO-RIGHT EMBEDDING", 0x202b: "RIGHT-TO-LEFT EMBEDDING", 0x202c: "POP DIRECTIONAL FORMATTING",
	0x202d: "LEFT-TO-RIGHT OVERRIDE", 0x202e: "RIGHT-TO-LEFT OVERRIDE",
	0x2060: "WORD JOINER", 0x2066: "LEFT-TO-RIGHT ISOLATE", 0x2067: "RIGHT-TO-LEFT ISOLATE",
	0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE", 0xfeff: "ZERO WIDTH NO-BREAK SPACE",
}

// charName is "U+202E RIGHT-TO-LEFT OVERRIDE".
func charName(r rune) string {
	if n, ok := charNames[r]; ok {
		return fmt.Sprintf("U+%04X %s", r, n)
	}
	return fmt.Sprintf("U+%04X", r)
}

// visible reports the first invisible character of s, the trimmed text of
// v, at its column, and returns false; it returns true when there is none.
func (f *fields) visible(v *yaml.Node, name, s string) bool {
	i := 0
	for _, r := range s {
		if kind, bad := invisible(r); bad {
			p := f.valueCharPos(v, s, i)
			f.diags.AddError(p, name, msg.ValueInvisibleChar, msg.New(kind), charName(r), p.Col)
			return false
		}
		i++
	}
	return true
}

// valueCharPos is charPos for a character that may have been written as
// an escape ("\u202e" in double quotes): then the column of the value is
// the best there is.
func (f *fields) valueCharPos(v *yaml.Node, s string, i int) diag.Pos {
	if v.Style&(yaml.DoubleQuotedStyle) != 0 && f.lineHasEscape(v) {
		return f.at(v)
	}
	return f.charPos(v, s, i)
}

// lineHasEscape reports whether the source line of v has a backslash.
func (f *fields) lineHasEscape(v *yaml.Node) bool {
	lines := strings.SplitN(string(f.src.yaml), "\n", v.Line+1)
	if v.Line-1 >= len(lines) {
		return true
	}
	return strings.Contains(lines[v.Line-1], `\`)
}

var (
	plainIntRE = regexp.MustCompile(`^[-+]?[0-9]+$`)
	hexRE      = regexp.MustCompile(`^[-+]?0x[0-9a-fA-F_]+$`)
	octRE      = regexp.MustCompile(`^[-+]?0o[0-7_]+$`)
	binRE      = regexp.MustCompile(`^[-+]?0b[01_]+$`)
)

// maxDigits is the most digits a number of the content format has.
const maxDigits = 9

// notation names how a number YAML reads (!!int, !!float) is written when
// it is not plain digits ("0x10", "1_000", ".nan", "1e3"), with the value
// it stands for; it returns a zero Message for plain digits.
func notation(v *yaml.Node) msg.Message {
	s := v.Value
	switch v.ShortTag() {
	case "!!int", "!!float":
	default:
		return msg.Message{}
	}
	lower := strings.ToLower(strings.TrimLeft(s, "+-"))
	value := func(base int, digits string) string {
		n, ok := new(big.Int).SetString(strings.ReplaceAll(digits, "_", ""), base)
		if !ok {
			return s
		}
		if strings.HasPrefix(s, "-") {
			n.Neg(n)
		}
		return n.String()
	}
	switch {
	case plainIntRE.MatchString(s):
		if d := len(strings.TrimLeft(s, "+-")); d > maxDigits {
			return msg.New(msg.NotationDigits, d)
		}
		return msg.Message{}
	case hexRE.MatchString(s):
		return msg.New(msg.NotationHex, value(16, lower[2:]))
	case octRE.MatchString(s):
		return msg.New(msg.NotationOctal, value(8, lower[2:]))
	case binRE.MatchString(s):
		return msg.New(msg.NotationBinary, value(2, lower[2:]))
	case lower == ".nan":
		return msg.New(msg.NotationNaN, s)
	case lower == ".inf":
		return msg.New(msg.NotationInf, s)
	case strings.Contains(s, "_"):
		return msg.New(msg.NotationUnderscore, value(10, strings.TrimLeft(s, "+-")))
	case strings.ContainsAny(s, "eE"):
		if x, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(x, 0) {
			return msg.New(msg.NotationExponent, strconv.FormatFloat(x, 'f', -1, 64))
		}
		return msg.New(msg.NotationExponent, s)
	}
	return msg.New(msg.NotationDecimals)
}

// emailBadChars are characters of a mailto: URL that are not part of an
// address: a query adds headers (cc, bcc, subject, body), a fragment or
// path changes what the link is.
const emailBadChars = "?&=%#/\\!"

// emailProblem reports an e-mail address that carries more than an
// address, naming the first character that does not belong; it returns
// false when there is none.
func (f *fields) emailProblem(v *yaml.Node, name, s string) bool {
	i := 0
	for _, r := range s {
		if strings.ContainsRune(emailBadChars, r) {
			f.diags.AddError(f.charPos(v, s, i), name, msg.EmailBadChar, s, string(r))
			return true
		}
		i++
	}
	return false
}

// lookAlike maps Cyrillic and Greek letters that look like Latin ones to
// those, for comparing declared names.
var lookAlike = map[rune]rune{
	'а': 'a', 'в': 'b', 'е': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c', 'т': 't',
	'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd', 'һ': 'h', 'ӏ': 'l', 'ԛ': 'q', 'ԝ': 'w',
	'ё': 'ë', 'ї': 'ï',
	'α': 'a', 'β': 'b', 'ε': 'e', 'η': 'n', 'ι': 'i', 'κ': 'k', 'μ': 'u', 'ν': 'v', 'ο': 'o', 'ρ': 'p',
	'τ': 't', 'υ': 'u', 'χ': 'x', 'ζ': 'z',
}

// skeleton is a name as it looks: lower case, look-alike letters replaced
// by the Latin ones.
func skeleton(s string) string {
	return strings.Map(func(r rune) rune {
		r = unicode.ToLower(r)
		if l, ok := lookAlike[r]; ok {
			return l
		}
		return r
	}, strings.TrimSpace(s))
}

// foreignLetter returns the first letter of a that is a look-alike, for the
// message, with its alphabet.
func foreignLetter(a string) (string, msg.Message) {
	for _, r := range a {
		if _, ok := lookAlike[unicode.ToLower(r)]; ok {
			name, _ := markdown.Script(r)
			return string(r), name
		}
	}
	return "", msg.Message{}
}

// declaredName is a name declared in _index.md and where it is written.
type declaredName struct {
	name string
	pos  diag.Pos
}

// distinct reports declared names of one list that an editor could not
// tell apart: the same but for case, the same but for look-alike letters
// from another alphabet, or (when address is set, for names that become
// pages) the same address on the site. Each is reported at the later name,
// naming the line of the first. Names written twice have a warning of
// their own.
func (f *fields) distinct(field string, names []declaredName, address func(slug string) string) {
	seen := map[string]bool{}
	byCase := map[string]declaredName{}
	bySkeleton := map[string]declaredName{}
	bySlug := map[string]declaredName{}
	for _, b := range names {
		if seen[b.name] {
			continue
		}
		seen[b.name] = true
		lower, skel, slug := strings.ToLower(b.name), skeleton(b.name), catalog.Slugify(b.name)
		if a, ok := byCase[lower]; ok {
			f.diags.AddError(b.pos, field, msg.DeclaredCaseOnly, b.name, a.name, a.pos.Line)
		} else if a, ok := bySkeleton[skel]; ok {
			letter, script := foreignLetter(b.name)
			if letter == "" {
				letter, script = foreignLetter(a.name)
			}
			f.diags.AddError(b.pos, field, msg.DeclaredLookAlike, b.name, a.name, a.pos.Line, letter, script)
		} else if a, ok := bySlug[slug]; ok && address != nil && slug != "" {
			f.diags.AddError(b.pos, field, msg.DeclaredSameAddress, b.name, a.name, a.pos.Line, address(slug))
		}
		if _, ok := byCase[lower]; !ok {
			byCase[lower] = b
		}
		if _, ok := bySkeleton[skel]; !ok {
			bySkeleton[skel] = b
		}
		if _, ok := bySlug[slug]; !ok {
			bySlug[slug] = b
		}
	}
}

// slugged reports each value of values (written at at[i]) whose slug would
// be empty: it could not become a page of the site, or (remiss) be told
// apart from other spellings, which are matched by their slug.
func (f *fields) slugged(key string, values []string, at []diag.Pos) {
	id := msg.ValueNoSlug
	if key == "remiss" {
		id = msg.RemissNoName
	}
	for i, v := range values {
		if !hasSlug(v) {
			f.diags.AddError(at[i], f.prefix+key, id, v)
		}
	}
}

// hasSlug reports whether catalog.Slugify(s) is not empty, without making
// the slug when s has a letter or digit of ASCII, which is kept as it is
// or in lower case (FuzzHasSlug).
func hasSlug(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' || s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return catalog.Slugify(s) != ""
}

// declared pairs names with their positions.
func declared(names []string, at []diag.Pos) []declaredName {
	out := make([]declaredName, len(names))
	for i, n := range names {
		out[i] = declaredName{n, at[i]}
	}
	return out
}
