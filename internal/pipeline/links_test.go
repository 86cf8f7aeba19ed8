package pipeline

import (
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/load"
)

var linkAttr = regexp.MustCompile(` (?:href|src)="([^"#]*)(?:#[^"]*)?"`)

// TestBodyLinksResolve: links to other content files, to files in
// static/ and to the site's own pages by absolute path all lead to a file
// of the built site, from the activity page and from the booklet, which
// shows the same body at another depth. The catalogue's baseurl has a
// sub-path (/testbygd/), so an absolute link left as written would not.
func TestBodyLinksResolve(t *testing.T) {
	fsys := smallCatalogue(t)
	fsys["static/bilder/karta.png"] = &fstest.MapFile{Data: []byte("png")}
	fsys["content/verksamheter/2019/a.md"] = &fstest.MapFile{Data: []byte(`---
namn: Arbetslaget
funktion: aktiverande-funktion
kommuner: [Mark]
finansiering: [finsam]
kontakt: [{telefon: 033-12 34 56}]
granskad: 2026-11-01
---
Arbetslagets text: [Lotsen](../lotsen.md), [kontakten](../lotsen.md#ingang-till-verksamheten),
[om katalogen](../../om.md), [förbundet](../../forbund/testforbundet.md)
och [Lotsen igen](/verksamheter/lotsen/).

![Karta](bilder/karta.png)
`)}
	got, res, err := buildMem(t, fsys)
	if err != nil {
		t.Fatalf("%v\n%s", err, diagText(res))
	}
	for _, page := range []string{"verksamheter/a/index.html", "utskrift/index.html"} {
		html := string(got[page])
		i := strings.Index(html, "<p>Arbetslagets text")
		if i < 0 {
			t.Fatalf("%s: the body is not there", page)
		}
		body := html[i:]
		body = body[:strings.Index(body, "Karta")+100]
		links := linkAttr.FindAllStringSubmatch(body, -1)
		if len(links) != 6 {
			t.Errorf("%s: %d links in the body, want 6:\n%s", page, len(links), body)
		}
		for _, l := range links {
			target := path.Join(path.Dir(page), l[1])
			if strings.HasSuffix(l[1], "/") {
				target += "/index.html"
			}
			if _, ok := got[target]; !ok {
				t.Errorf("%s: link %q leads to %s, which is not on the site", page, l[1], target)
			}
		}
	}
}

// TestLinkSitePagesAreSitePages holds linkSite's page URLs to the ones
// package site gives the pages.
func TestLinkSitePagesAreSitePages(t *testing.T) {
	src := os.DirFS("testdata/small")
	cat, _, err := load.Catalogue(t.Context(), src)
	if err != nil {
		t.Fatal(err)
	}
	s := linkSite(src, cat, testOptions())
	for file, url := range s.Pages {
		if !s.Drafts[file] && !s.URLs[url] {
			t.Errorf("%s: linkSite says its page is %q, but the site has no such page", file, url)
		}
	}
	if !s.Static["samkat.css"] || !s.URLs["data/verksamheter.json"] || !s.URLs["feed.xml"] {
		t.Errorf("static files or generated files missing: %v %v", s.Static, s.URLs)
	}
}
