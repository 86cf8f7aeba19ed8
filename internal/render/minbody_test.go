package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/synth"
)

// bodyUnit is a body as minState.block hands it on: in the layout's
// <div class="text">, trimmed; ok is false when it is not one block.
func bodyUnit(html string) ([]byte, bool) {
	unit := bytes.Trim([]byte(`<div class="text">`+html+`</div>`), " \t\n\r\f")
	return unit, isolatedBlock(unit)
}

// checkMinBody compares minBody with the minifier over html, a body; it
// reports whether minBody took it.
func checkMinBody(t testing.TB, min *publish.Minifier, name, html string) bool {
	t.Helper()
	unit, ok := bodyUnit(html)
	if !ok {
		return false
	}
	want, err := min.Minify("entry.html", unit)
	if err != nil {
		return false
	}
	prefix := []byte("kept")
	got, ok := minBody(bytes.Clone(prefix), unit)
	if !bytes.HasPrefix(got, prefix) {
		t.Fatalf("%s: minBody did not append to what it was given", name)
	}
	if !ok {
		if len(got) != len(prefix) {
			t.Fatalf("%s: minBody refused the body but left %q", name, got[len(prefix):])
		}
		return false
	}
	if got := got[len(prefix):]; !bytes.Equal(got, want) {
		t.Fatalf("%s: minBody wrote\n%s\nthe minifier\n%s\nfrom\n%s", name, got, want, unit)
	}
	return true
}

// bodyCorpus returns the bodies of the repository's content, of the
// testdata catalogues and of generated catalogues, by name.
func bodyCorpus(t testing.TB) map[string][]byte {
	t.Helper()
	bodies, err := synth.Bodies([]string{"../../content", "../pipeline/testdata", "../cms/testdata"}, 200)
	if err != nil {
		t.Fatal(err)
	}
	return bodies
}

// TestMinBody compares minBody with the minifier over every body of the
// corpus, as page and as booklet entry, and requires that it takes the
// bodies of the content and of the generated catalogues (else the build
// would quietly lose what it gains).
func TestMinBody(t *testing.T) {
	min := publish.NewMinifier()
	c := markdown.New()
	in := markdown.Inset{Levels: 2, IDPrefix: "v-a", From: "verksamheter/a/", To: "utskrift/"}
	taken, all := 0, 0
	for name, body := range bodyCorpus(t) {
		b, _ := c.Convert(name, body, in)
		for _, html := range []string{string(b.HTML), string(b.Booklet.HTML())} {
			if strings.TrimSpace(html) == "" {
				continue
			}
			all++
			if checkMinBody(t, min, name, html) {
				taken++
			} else if !strings.Contains(name, "testdata") {
				t.Errorf("%s: not taken by minBody:\n%s", name, html)
			}
		}
	}
	t.Logf("%d of %d bodies taken", taken, all)
	for _, html := range minBodies {
		checkMinBody(t, min, "minBodies", html)
	}
}

// FuzzMinBody converts Markdown as the build does and compares minBody
// with the minifier wherever minBody takes the body:
//
//	go test ./internal/render -run '^$' -fuzz FuzzMinBody -fuzztime 60s
func FuzzMinBody(f *testing.F) {
	for _, s := range minBodies {
		f.Add(s)
	}
	for _, s := range []string{
		"*a* **b** `c` [d](HTTP://x.se/?a&b=1 \"t&amp;\") ![](Https://y.se/i.png)\n",
		"| a | b |\n|:-|-:|\n| 1 | 2 |\n",
		"3. tre\n4. fyra\n\n> *c* \n> **d**  \n> e\n",
		"a  \nb\\\nc &amp; &copy; &#35; &lt;x&gt; \"q\" 'r'\n\n---\n\n# H {#id}\n",
		"```go\n  x := 1 &&\n\n\ty\n```\n\n<https://a.se/b> mailto:x@y.se www.z.se\n",
		"* a\n\n  b\n* ![alt *x*](/i.png \"t\")\n",
	} {
		f.Add(s)
	}
	min := publish.NewMinifier()
	c := markdown.New()
	in := markdown.Inset{Levels: 2, IDPrefix: "v-a", From: "verksamheter/a/", To: "utskrift/"}
	f.Fuzz(func(t *testing.T, md string) {
		b, _ := c.Convert("f.md", []byte(md), in)
		checkMinBody(t, min, "f.md", string(b.HTML))
		checkMinBody(t, min, "f.md", string(b.Booklet.HTML()))
	})
}
