package load

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
	"go.yaml.in/yaml/v3"
)

// phoneProblem reports why telefon s (not a valid number) is wrong. Numbers
// pasted from Word or a web page often carry a dash or a non-breaking space
// that looks right; those are named, at their column, with the number as it
// should be written.
func (f *fields) phoneProblem(name, s string) {
	v := f.values.of("telefon")
	var fixed strings.Builder
	var first rune
	firstAt := -1
	odd := rune(-1)
	oddAt := -1
	i := 0
	for _, r := range s {
		repl, known := phoneReplacement(r)
		switch {
		case known:
			fixed.WriteString(repl)
			if firstAt < 0 {
				first, firstAt = r, i
			}
		case unicode.IsLetter(r):
			f.errAt(v, name, msg.PhoneInvalid, s) // words, not a number
			return
		case strings.ContainsRune("0123456789 +()/-", r):
			fixed.WriteRune(r)
		default:
			if oddAt < 0 {
				odd, oddAt = r, i
			}
		}
		i++
	}
	switch {
	case oddAt >= 0:
		f.diags.AddError(f.charPos(v, s, oddAt), name, msg.PhoneOddChar, s, string(odd))
	case firstAt >= 0 && validPhone(fixed.String()):
		f.diags.AddError(f.charPos(v, s, firstAt), name, msg.PhoneBadChar, s, describeChar(first), fixed.String())
	default:
		f.errAt(v, name, msg.PhoneInvalid, s)
	}
}

// phoneReplacement returns what a look-alike character in a phone number
// stands for: a hyphen for dashes, a space for odd spaces, nothing for a
// soft hyphen. Zero-width and other invisible characters are refused in
// every value before this (see invisible), with one message.
func phoneReplacement(r rune) (string, bool) {
	switch {
	case r >= 0x2010 && r <= 0x2015, r == 0x2212, r == 0xFE63, r == 0xFF0D:
		return "-", true
	case r == 0x00A0, r == 0x2007, r == 0x202F, r == 0x2009, r == 0x200A:
		return " ", true
	case r == 0x00AD:
		return "", true
	}
	return "", false
}

// describeChar names a look-alike character in words.
func describeChar(r rune) msg.Message {
	switch repl, _ := phoneReplacement(r); repl {
	case "-":
		return msg.New(msg.CharDash, string(r))
	case " ":
		return msg.New(msg.CharNBSP)
	}
	return msg.New(msg.CharInvisible, fmt.Sprintf("U+%04X", r))
}

// charPos is the file position of the i-th character of s, the trimmed text
// of v; it is v's position when s spans lines or is changed by escapes.
func (f *fields) charPos(v *yaml.Node, s string, i int) diag.Pos {
	p := f.at(v)
	at := strings.Index(v.Value, s)
	if at < 0 || strings.Contains(v.Value, "\n") {
		return p
	}
	if v.Style == yaml.DoubleQuotedStyle || v.Style == yaml.SingleQuotedStyle {
		p.Col++ // the opening quote
	}
	p.Col += utf8.RuneCountInString(v.Value[:at]) + i
	return p
}
