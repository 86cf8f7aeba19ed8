package markdown

import (
	"strings"
	"testing"
)

func TestRebase(t *testing.T) {
	cases := []struct{ href, from, want string }{
		{"../kraft-huset/", "verksamheter/aktiv-vardag/", "../verksamheter/kraft-huset/"},
		{"../../forbund/boras/", "finansiering/finsam/", "../forbund/boras/"},
		{"finansiering/finsam/", "", "../finansiering/finsam/"},
		{"../data/verksamheter.csv", "om/", "../data/verksamheter.csv"},
		{"#syfte", "verksamheter/lotsen/", "#p-syfte"},
		{"https://example.se/x", "verksamheter/lotsen/", "https://example.se/x"},
		{"mailto:a@example.se", "verksamheter/lotsen/", "mailto:a@example.se"},
		{"tel:+4633", "verksamheter/lotsen/", "tel:+4633"},
	}
	for _, c := range cases {
		if got := rebase(c.href, Inset{IDPrefix: "p", From: c.from, To: "utskrift/"}); got != c.want {
			t.Errorf("rebase(%q from %q) = %q, want %q", c.href, c.from, got, c.want)
		}
	}
}

// TestInset: the booklet's version of a body comes from the same tree as
// the page's, with headings moved down, ids prefixed and links rebased;
// the page's version is left as it was.
func TestInset(t *testing.T) {
	body := "## Bakgrund\n\nSe [Lotsen](../lotsen/) och [syftet](#syfte).\n\n### Syfte\n\n###### X\n\n![Karta](../../bilder/karta.png)\n"
	b, diags := New().Convert("f.md", []byte(body), Inset{Levels: 2, IDPrefix: "v-a", From: "verksamheter/a/", To: "utskrift/"})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	want := `<h4 id="v-a-bakgrund">Bakgrund</h4>
<p>Se <a href="../verksamheter/lotsen/">Lotsen</a> och <a href="#v-a-syfte">syftet</a>.</p>
<h5 id="v-a-syfte">Syfte</h5>
<h6 id="v-a-x">X</h6>
<p><img src="../bilder/karta.png" alt="Karta" loading="lazy"></p>
`
	if string(b.Booklet.HTML()) != want {
		t.Errorf("booklet:\n%s\nwant\n%s", b.Booklet.HTML(), want)
	}
	if !strings.Contains(string(b.HTML), `<h2 id="bakgrund">Bakgrund</h2>`) || !strings.Contains(string(b.HTML), `href="../lotsen/"`) {
		t.Errorf("the page's HTML changed:\n%s", b.HTML)
	}
	if b, _ := New().Convert("f.md", []byte(body)); b.Booklet.HTML() != "" {
		t.Error("a body without an inset has a booklet version")
	}
}

// TestInsets: a body printed in booklets at two depths is rendered for
// each from the one tree, the second as if the first had not been.
func TestInsets(t *testing.T) {
	body := "## Bakgrund\n\nSe [Lotsen](../lotsen/) och [syftet](#syfte).\n\n### Syfte\n\n![Karta](../../bilder/karta.png)\n"
	b, diags := New().Convert("f.md", []byte(body),
		Inset{Levels: 2, IDPrefix: "v-a", From: "verksamheter/a/", To: "utskrift/mark/"},
		Inset{Levels: 1, IDPrefix: "w-a", From: "verksamheter/a/", To: "forbund/bms/utskrift/"})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	want := `<h4 id="v-a-bakgrund">Bakgrund</h4>
<p>Se <a href="../../verksamheter/lotsen/">Lotsen</a> och <a href="#v-a-syfte">syftet</a>.</p>
<h5 id="v-a-syfte">Syfte</h5>
<p><img src="../../bilder/karta.png" alt="Karta" loading="lazy"></p>
`
	if string(b.Booklet.HTML()) != want {
		t.Errorf("booklet:\n%s\nwant\n%s", b.Booklet.HTML(), want)
	}
	deeper := `<h3 id="w-a-bakgrund">Bakgrund</h3>
<p>Se <a href="../../../verksamheter/lotsen/">Lotsen</a> och <a href="#w-a-syfte">syftet</a>.</p>
<h4 id="w-a-syfte">Syfte</h4>
<p><img src="../../../bilder/karta.png" alt="Karta" loading="lazy"></p>
`
	if len(b.MoreBooklets) != 1 || string(b.MoreBooklets[0].HTML()) != deeper {
		t.Errorf("the second booklet:\n%v\nwant\n%s", b.MoreBooklets, deeper)
	}
	if !strings.Contains(string(b.HTML), `<h2 id="bakgrund">Bakgrund</h2>`) || !strings.Contains(string(b.HTML), `href="../lotsen/"`) {
		t.Errorf("the page's HTML changed:\n%s", b.HTML)
	}
}
