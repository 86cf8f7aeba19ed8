package markdown

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/synth"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// linkified is the converter as it was before mayLinkify: every body
// parsed with Linkify.
func linkified() *Converter {
	c := New()
	c.unlinked = c.md
	return c
}

// linkifyInsets are the insets the build converts bodies with: the
// booklet, and a booklet at another depth.
var linkifyInsets = []Inset{
	{Levels: 2, IDPrefix: "v-a", From: "verksamheter/a/", To: "utskrift/"},
	{Levels: 1, IDPrefix: "f-a", From: "verksamheter/a/", To: "forbund/x/"},
}

// checkLinkify converts body both ways and requires the same body and the
// same diagnostics; it reports whether the body was parsed without
// Linkify.
func checkLinkify(t testing.TB, c, old *Converter, name string, body []byte) bool {
	t.Helper()
	got, gotDiags := c.Convert(name, body, linkifyInsets...)
	want, wantDiags := old.Convert(name, body, linkifyInsets...)
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotDiags, wantDiags) {
		t.Fatalf("%s: converted without Linkify first\n%#v\n%v\nwith it\n%#v\n%v\nfrom\n%s", name, got, gotDiags, want, wantDiags, body)
	}
	if !scanLimits(name, body, nil) {
		return false
	}
	return !spacedLineEnd(body) && !mayLinkify(c.unlinked.Parser().Parse(text.NewReader(body)), body)
}

// linkifyCorpus returns the bodies of the repository's content, of the
// testdata catalogues and of generated catalogues, by name.
func linkifyCorpus(t testing.TB) map[string][]byte {
	t.Helper()
	bodies, err := synth.Bodies([]string{"../../content", "../pipeline/testdata", "../cms/testdata", "testdata"}, 300)
	if err != nil {
		t.Fatal(err)
	}
	return bodies
}

// hasBareLink reports whether body, as Linkify parses it, has a link
// Linkify made: an autolink not written in angle brackets.
func hasBareLink(c *Converter, body []byte) bool {
	doc := c.md.Parser().Parse(text.NewReader(body))
	found := false
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for ch := n.FirstChild(); ch != nil && !found; ch = ch.NextSibling() {
			if a, ok := ch.(*ast.AutoLink); ok {
				if p := a.Pos(); p <= 0 || body[p-1] != '<' {
					found = true
				}
			}
			walk(ch)
		}
	}
	walk(doc)
	return found
}

// TestUnlinkedFirst converts every body of the corpus without Linkify
// first, as Convert does, and with it always, as it did before: the bodies
// and diagnostics must be the same. Every body of a generated catalogue,
// and one of the content without a bare link or an address written as a
// link's text, must be parsed once, without Linkify (else the build would
// quietly lose what it gains).
func TestUnlinkedFirst(t *testing.T) {
	c, old := New(), linkified()
	once, all := 0, 0
	for name, body := range linkifyCorpus(t) {
		all++
		switch {
		case checkLinkify(t, c, old, name, body):
			once++
		case strings.HasPrefix(name, "content/"):
			t.Errorf("%s: a generated body parsed twice:\n%s", name, body)
		case !strings.Contains(name, "testdata") && !hasBareLink(c, body) && !bytes.Contains(body, []byte("@")):
			t.Errorf("%s: parsed twice without a bare link or an address:\n%s", name, body)
		}
	}
	t.Logf("%d of %d bodies parsed once", once, all)
	for _, s := range linkifySeeds {
		checkLinkify(t, c, old, "seed.md", []byte(s))
	}
}

var linkifySeeds = []string{
	"a www.x.se b\n", "a b`c`@d.se e\n", "a b`@`x.se\n", "(https://x.se) och [y](https://y.se)\n",
	"a ](https://x.se)\n", "<mailto:a@b.se> och <https://c.se>\n", "*www.x.se* _https://y.se_ ~mailto:a@b.se~\n",
	"[https://x.se](y) [a@b.se](z)\n", "`www.x.se` ```https://y.se```\n", "a\\@b.se a&#64;b.se a@b\n",
	"| a | www.b.se |\n|---|---|\n| c@d.se | e |\n", "## Rubrik www.x.se\n\ntext\n", "foo bar baz\nqux  \nquux\\\nend\n",
	"HTTP://X.SE WWW.Y.SE Mailto:a@b.se\n", "ftp://x.se\n", "x" + strings.Repeat("a", 70) + "@b.se\n",
	"0    \n0", "0\t \n0", "a \t\r\nb\n", "a  \t  \nb", "a \\ \t\nb", "`x` \t\nb", "> a \t\n> b\n", "- a\t\t\n  b\n",
	"Rubrik \t\nmed två rader\n---\n", "a \r\nb", "a  \r\nb", "a \n",
}

// FuzzUnlinkedFirst compares Convert with the converter that parses with
// Linkify always, on random Markdown:
//
//	go test ./internal/markdown -run '^$' -fuzz FuzzUnlinkedFirst -fuzztime 60s
func FuzzUnlinkedFirst(f *testing.F) {
	for _, s := range linkifySeeds {
		f.Add([]byte(s))
	}
	c, old := New(), linkified()
	f.Fuzz(func(t *testing.T, body []byte) {
		checkLinkify(t, c, old, "f.md", body)
	})
}
