package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// The escapers of html/template, for the pages written without it
// (activity.go): each appends to b what html/template prints for a value
// in one context. TestEscapersAsTemplate compares them with html/template.

// appendHTML appends s as html/template escapes a string in text, in a
// quoted attribute and in RCDATA (<title>): the same table for all three.
// Bytes that are not UTF-8 pass as they are.
func appendHTML(b []byte, s string) []byte {
	written := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b = append(b, s[written:i]...)
		b = append(b, repl...)
		written = i + 1
	}
	return append(b, s[written:]...)
}

// appendURL appends s as html/template prints it at the start of a URL
// attribute (href="{{.}}"): a scheme other than http, https and mailto
// replaced unless the value is a template.URL (trusted), every byte but
// the unreserved and reserved ones percent-encoded (a valid escape kept),
// and the result escaped for the attribute.
func appendURL(b []byte, s string, trusted bool) []byte {
	if !trusted && !safeURL(s) {
		s = "#ZgotmplZ"
	}
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '&':
			b = append(b, "&amp;"...)
		case c == '+':
			b = append(b, "&#43;"...)
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("!#$*,/:;=?@[]-._~", c) >= 0,
			c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b = append(b, c)
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return b
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// safeURL reports whether html/template lets s stand as a URL: no scheme,
// or http, https or mailto.
func safeURL(s string) bool {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
	}
	return true
}

// appendJSON appends v as html/template prints a value in a script
// (<script type="application/ld+json">{{.}}</script>), for a v that is no
// json.Marshaler, fmt.Stringer or template type: its JSON, padded with
// spaces when it starts or ends like an identifier, U+2028 and U+2029
// escaped. ok is false when v cannot be marshalled (html/template prints a
// comment with the error then).
func appendJSON(b []byte, v any) (_ []byte, ok bool) {
	j, err := json.Marshal(v)
	if err != nil {
		return b, false
	}
	if len(j) == 0 {
		return append(b, " null "...), true
	}
	first, _ := utf8.DecodeRune(j)
	last, _ := utf8.DecodeLastRune(j)
	pad := jsIdentPart(first) || jsIdentPart(last)
	if pad {
		b = append(b, ' ')
	}
	// Both separators start with the byte 0xE2, which few pages hold
	// (encoding/json escapes them already); the other bytes are copied.
	for {
		k := bytes.IndexByte(j, 0xE2)
		if k < 0 {
			break
		}
		b = append(b, j[:k]...)
		r, n := utf8.DecodeRune(j[k:])
		switch r {
		case 0x2028:
			b = append(b, `\u2028`...)
		case 0x2029:
			b = append(b, `\u2029`...)
		default:
			b = append(b, j[k:k+n]...)
		}
		j = j[k+n:]
	}
	b = append(b, j...)
	if pad {
		b = append(b, ' ')
	}
	return b, true
}

// jsIdentPart is html/template's test for a rune that continues a
// JavaScript identifier.
func jsIdentPart(r rune) bool {
	switch {
	case r == '$':
		return true
	case '0' <= r && r <= '9':
		return true
	case 'A' <= r && r <= 'Z':
		return true
	case r == '_':
		return true
	case 'a' <= r && r <= 'z':
		return true
	}
	return false
}
