package markdown

import (
	"net/url"
	"path"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/diag"
)

// testSite is a small built site: three activities (one in a subfolder,
// one a draft), a plain page, a förbund page and two static files.
func testSite() *Site {
	return &Site{
		Pages: map[string]string{
			"content/_index.md":                "",
			"content/verksamheter/lotsen.md":   "verksamheter/lotsen/",
			"content/verksamheter/b.md":        "verksamheter/b/",
			"content/verksamheter/2019/a.md":   "verksamheter/a/",
			"content/verksamheter/hemlig.md":   "verksamheter/hemlig/",
			"content/om.md":                    "om/",
			"content/forbund/bms.md":           "forbund/bms/",
			"content/funktioner/samordning.md": "funktioner/samordning/",
		},
		Drafts: map[string]bool{"content/verksamheter/hemlig.md": true},
		Static: map[string]bool{"bilder/karta.png": true, "rapport 2019.pdf": true, "samkat.css": true},
		URLs: map[string]bool{
			"": true, "verksamheter/lotsen/": true, "verksamheter/a/": true, "verksamheter/b/": true, "om/": true,
			"forbund/bms/": true, "funktioner/samordning/": true, "kommuner/mark/": true,
			"data/verksamheter.json": true,
		},
	}
}

func TestResolveLinks(t *testing.T) {
	const act = "content/verksamheter/b.md" // shown at verksamheter/b/
	tests := []struct {
		name, file, body string
		wantHTML         []string
		wantDiags        []string
	}{
		{name: "activity file", file: act, body: "[Lotsen](lotsen.md)",
			wantHTML: []string{`<a href="../../verksamheter/lotsen/">Lotsen</a>`}},
		{name: "through the folder", file: act, body: "[Lotsen](../verksamheter/lotsen.md)",
			wantHTML: []string{`href="../../verksamheter/lotsen/"`}},
		{name: "with ./ and a heading", file: act, body: "[x](./lotsen.md#kontakt)",
			wantHTML: []string{`href="../../verksamheter/lotsen/#kontakt"`}},
		{name: "from a subfolder", file: "content/verksamheter/2019/a.md", body: "[Lotsen](../lotsen.md)",
			wantHTML: []string{`href="../../verksamheter/lotsen/"`}},
		{name: "other content pages", file: act, body: "[Om](../om.md) [BMS](../forbund/bms.md) [S](../funktioner/samordning.md) [Start](../_index.md)",
			wantHTML: []string{`href="../../om/"`, `href="../../forbund/bms/"`, `href="../../funktioner/samordning/"`, `href="../../"`}},
		{name: "from the front page", file: "content/_index.md", body: "[Lotsen](verksamheter/lotsen.md) [Om](om.md)",
			wantHTML: []string{`href="verksamheter/lotsen/"`, `href="om/"`}},
		{name: "static file by its path in static/", file: act, body: "![Karta](bilder/karta.png) [PDF](<rapport 2019.pdf>) [S](static/bilder/karta.png) [R](../../static/bilder/karta.png)",
			wantHTML: []string{`<img src="../../bilder/karta.png" alt="Karta" loading="lazy">`, `href="../../rapport%202019.pdf"`, `href="../../bilder/karta.png">S`, `href="../../bilder/karta.png">R`}},
		{name: "site paths are kept when something is there", file: act, body: "[a](../lotsen/) [m](../../kommuner/mark/) [d](../../data/verksamheter.json) [h](#syfte)",
			wantHTML: []string{`href="../lotsen/"`, `href="../../kommuner/mark/"`, `href="../../data/verksamheter.json"`, `href="#syfte"`}},
		{name: "absolute paths become relative", file: act, body: "[a](/verksamheter/lotsen/) [b](/verksamheter/lotsen) [k](/bilder/karta.png) [m](/om.md)",
			wantHTML: []string{`href="../../verksamheter/lotsen/">a`, `href="../../verksamheter/lotsen/">b`, `href="../../bilder/karta.png"`, `href="../../om/">m`}},
		{name: "missing activity file", file: act, body: "\n[Lotsen](lotsn.md)",
			wantDiags: []string{`content/verksamheter/b.md:2: error: link "lotsn.md" leads nowhere: there is no file content/verksamheter/lotsn.md; did you mean "lotsen.md"?`}},
		{name: "right name, wrong folder", file: "content/_index.md", body: "[Lotsen](lotsen.md)",
			wantDiags: []string{`content/_index.md:1: error: link "lotsen.md" leads nowhere: there is no file content/lotsen.md; did you mean "verksamheter/lotsen.md"?`}},
		{name: "no suggestion", file: act, body: "[x](../forbund/helt-annat.md)",
			wantDiags: []string{`content/verksamheter/b.md:1: error: link "../forbund/helt-annat.md" leads nowhere: there is no file content/forbund/helt-annat.md`}},
		{name: "draft", file: act, body: "[H](hemlig.md)",
			wantDiags: []string{`content/verksamheter/b.md:1: error: link "hemlig.md" leads to content/verksamheter/hemlig.md, which is a draft (utkast: true) and is not published`}},
		{name: "missing static file", file: act, body: "![Bild](bild.png) [K](bilder/kart.png)",
			wantDiags: []string{
				`content/verksamheter/b.md:1: error: link "bild.png" leads nowhere: there is no such file in static/`,
				`content/verksamheter/b.md:1: error: link "bilder/kart.png" leads nowhere: there is no such file in static/; did you mean "bilder/karta.png"?`,
			}},
		{name: "missing site path", file: act, body: "[x](/kommuner/marc/)",
			wantDiags: []string{`content/verksamheter/b.md:1: error: link "/kommuner/marc/" leads nowhere: the site has no such page or file; did you mean "/kommuner/mark/"?`}},
		{name: "www without a scheme", file: act, body: "[x](www.example.se) [y](example.se/sida)",
			wantDiags: []string{
				`content/verksamheter/b.md:1: error: link "example.se/sida" is not allowed: the address lacks https:// at the start; write https://example.se/sida`,
				`content/verksamheter/b.md:1: error: link "www.example.se" is not allowed: the address lacks https:// at the start; write https://www.example.se`,
			}},
		{name: "bare www text is linked with https", file: act, body: "Se www.example.se.",
			wantHTML: []string{`<a href="https://www.example.se">www.example.se</a>`}},
	}
	c := ForSite(testSite())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, diags := c.Convert(tt.file, []byte(tt.body))
			html := body.HTML
			for _, want := range tt.wantHTML {
				if !strings.Contains(string(html), want) {
					t.Errorf("output lacks %s:\n%s", want, html)
				}
			}
			diags.Sort()
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(sorted(tt.wantDiags), "\n") {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(sorted(tt.wantDiags), "\n"))
			}
		})
	}
}

func TestCheckWebURL(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://example.se/lotsen", ""},
		{"http://example.se", ""},
		{"www.example.se", "the address lacks https:// at the start; write https://www.example.se"},
		{"mailto:a@example.se", "this must be a web address starting with https://, e.g. https://example.se/"},
		{"lotsen.md", "this must be a web address starting with https://, e.g. https://example.se/"},
		{"javascript:alert(1)", "this must be a web address starting with https://, e.g. https://example.se/"},
		{"https://bank.se@evil.example/", "an http(s) address needs a host name, e.g. https://example.se/"},
		{"https://example.se/en sida", `the address contains " ", which cannot be part of an address; remove it (a space is written %20)`},
		{"//evil.se", "write the full address, starting with https://"},
	}
	for _, tt := range tests {
		if got := CheckWebURL(tt.url).String(); got != tt.want {
			t.Errorf("CheckWebURL(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
}

// FuzzResolve: a link that resolve rewrites leads, from the body's page,
// to a page or file of the site, and never gains a scheme.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{"lotsen.md", "../om.md#x", "bilder/karta.png", "/verksamheter/lotsen", "/om.md", "../../static/bilder/karta.png", "%2e%2e/om.md", "./x/../lotsen.md?a=b"} {
		f.Add(s)
	}
	s := testSite()
	const file, from = "content/verksamheter/b.md", "verksamheter/b/"
	f.Fuzz(func(t *testing.T, dest string) {
		if !CheckURL(dest).IsZero() {
			return
		}
		out, problem := s.resolve(file, dest, diag.NewSuggester(diag.SuggestBudget))
		if !problem.IsZero() || out == dest {
			return
		}
		if _, ok := schemeOf(out); ok {
			t.Fatalf("resolve(%q) = %q, with a scheme", dest, out)
		}
		p, _, _ := strings.Cut(out, "#")
		p, _, _ = strings.Cut(p, "?")
		p, err := url.PathUnescape(p)
		if err != nil {
			t.Fatalf("resolve(%q) = %q: %v", dest, out, err)
		}
		target := path.Join(from, p)
		switch {
		case target == ".":
			target = "" // the front page
		case strings.HasSuffix(p, "/"):
			target += "/"
		}
		if !s.Static[target] && !s.URLs[target] {
			t.Fatalf("resolve(%q) = %q, which leads to %q, not on the site", dest, out, target)
		}
	})
}
