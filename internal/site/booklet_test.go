package site

import (
	"html/template"
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
		if got := rebase(c.href, "p", c.from, "utskrift/"); got != c.want {
			t.Errorf("rebase(%q from %q) = %q, want %q", c.href, c.from, got, c.want)
		}
	}
}

func TestShiftHeadings(t *testing.T) {
	in := template.HTML(`<h2 id="bakgrund">Bakgrund</h2><p>Se <a href="../lotsen/">Lotsen</a> och <a href="#syfte">syftet</a>.</p><h3 id="syfte">Syfte</h3><h6 id="x">X</h6><p><img src="../../bilder/karta.png" alt="Karta"></p>`)
	want := template.HTML(`<h4 id="v-a-bakgrund">Bakgrund</h4><p>Se <a href="../verksamheter/lotsen/">Lotsen</a> och <a href="#v-a-syfte">syftet</a>.</p><h5 id="v-a-syfte">Syfte</h5><h6 id="v-a-x">X</h6><p><img src="../bilder/karta.png" alt="Karta"></p>`)
	if got := shiftHeadings(in, 2, "v-a", "verksamheter/a/", "utskrift/"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
