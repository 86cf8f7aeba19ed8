package pipeline

import (
	"bytes"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/load"
)

// TestBodySpan: where a file's body is found by its span, it is the body
// load gives, byte for byte, for every way a body can stand in its file;
// and a file whose body load changes (carriage returns, letters
// not composed) has none, so that its body is found by load again.
func TestBodySpan(t *testing.T) {
	const fm = "---\nnamn: A\n---\n"
	for _, c := range []struct {
		name, src string
		spanned   bool
	}{
		{"plain", fm + "Text.\n", true},
		{"blank lines after the frontmatter", fm + "\n\n\nText.\n", true},
		{"blank lines before it", "\n\n" + fm + "Text.\n", true},
		{"only newlines after", fm + "\n\n", true},
		{"no body", fm, true},
		{"closed at the end", "---\nnamn: A\n---", true},
		{"fences with spaces", "  ---  \nnamn: A\n ---\t\nText\n\n", true},
		{"a fence in the body", fm + "Text.\n---\nMore.\n", true},
		{"newlines in the frontmatter", "---\n\nnamn: A\n\n\n---\n\nText.\n", true},
		{"letters", fm + "Åsa på väg – “så”.\n", true},
		{"byte order mark", "\uFEFF" + fm + "Text.\n", true}, // in the part before the body
		{"carriage returns", strings.ReplaceAll(fm+"Text.\nMore.\n", "\n", "\r\n"), false},
		{"lone carriage return in the body", fm + "Text.\rMore.\n", false},
		{"not composed", fm + "Bora\u030as.\n", false},
		{"not closed", "---\nnamn: A\nText.\n", false},
	} {
		src := []byte(c.src)
		body := load.Body("content/verksamheter/a.md", src)
		span, ok := bodySpanOf(src, body)
		if ok != c.spanned {
			t.Errorf("%s: a span %v, want %v", c.name, ok, c.spanned)
		}
		if !ok {
			continue
		}
		got, ok := span.body(src)
		if !ok || !bytes.Equal(got, body) {
			t.Errorf("%s: the span %+v gives %q, load %q", c.name, span, got, body)
		}
		was := string(src)
		for i := range got {
			got[i] = 'x'
		}
		if string(src) != was {
			t.Errorf("%s: the body shares the file's bytes", c.name)
		}
		// Written in front of the entry and read back.
		entry := string(appendBodySpan(nil, span, true)) + "rest"
		back, found, rest, ok := cutBodySpan(entry)
		if !ok || !found || back != span || rest != "rest" {
			t.Errorf("%s: the span read back as %+v, %v, %q, %v", c.name, back, found, rest, ok)
		}
		if _, ok := span.body(src[:span.head-1]); ok && span.head > 0 {
			t.Errorf("%s: a span past the end of the bytes read", c.name)
		}
	}
	if _, found, rest, ok := cutBodySpan(string(appendBodySpan(nil, bodySpan{}, false)) + "x"); !ok || found || rest != "x" {
		t.Errorf("no span: %v %q %v", found, rest, ok)
	}
	for _, bad := range []string{"", "\x80", "\x05", "\x05\x80", "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01\x00"} {
		if _, _, _, ok := cutBodySpan(bad); ok {
			t.Errorf("%q: read as a span", bad)
		}
	}
}
