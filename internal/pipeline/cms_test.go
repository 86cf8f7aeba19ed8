package pipeline

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/cms"
)

// withForm is testdata/small with the cms setting in its _index.md.
func withForm(t *testing.T) fstest.MapFS {
	t.Helper()
	src := smallCatalogue(t)
	ix := src["content/_index.md"]
	ix.Data = bytes.Replace(ix.Data, []byte("synonymer:"), []byte("cms: {repo: testforbundet/katalog, branch: main}\nsynonymer:"), 1)
	return src
}

var foreignScript = regexp.MustCompile(`<script[^>]+src="?(https?:)?//`)

// TestFormIsBuiltAndKeptOutOfSight: with cms set, the build writes the
// form; it is kept out of robots, the sitemap, the search index and the
// site's links, and it is the only page that loads a script from elsewhere.
func TestFormIsBuiltAndKeptOutOfSight(t *testing.T) {
	got, res, err := buildMem(t, withForm(t))
	if err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	page, conf := string(got["admin/index.html"]), string(got["admin/config.yml"])
	if !strings.Contains(page, `content="noindex, nofollow"`) || !strings.Contains(conf, "repo: testforbundet/katalog") {
		t.Fatalf("admin/ not written as asked:\n%s\n%s", page, conf)
	}
	if robots := string(got["robots.txt"]); !strings.Contains(robots, "Disallow: /testbygd/admin/\n") {
		t.Errorf("robots.txt does not keep crawlers out of the form:\n%s", robots)
	}
	for name, data := range got {
		switch {
		case name == "sitemap.xml" || strings.HasPrefix(name, "sok/"):
			if bytes.Contains(data, []byte("admin")) {
				t.Errorf("%s mentions the form", name)
			}
		case strings.HasSuffix(name, ".html") && name != "admin/index.html":
			if bytes.Contains(data, []byte("admin/")) {
				t.Errorf("%s links to the form", name)
			}
			if foreignScript.Match(data) {
				t.Errorf("%s loads a script from elsewhere", name)
			}
		}
	}
	if !foreignScript.MatchString(page) {
		t.Errorf("admin/index.html does not load Decap")
	}

	// Without the setting there is no form, and robots.txt is as before.
	plain, _, err := buildMem(t, smallCatalogue(t))
	if err != nil {
		t.Fatal(err)
	}
	for name := range plain {
		if strings.HasPrefix(name, "admin/") {
			t.Errorf("%s written without cms", name)
		}
	}
	if strings.Contains(string(plain["robots.txt"]), "Disallow") {
		t.Errorf("robots.txt without cms:\n%s", plain["robots.txt"])
	}
}

// TestFormInTheWayOfStatic: a static/admin/config.yml of the catalogue's
// own would be overwritten; that is an error, not a form silently replaced.
func TestFormInTheWayOfStatic(t *testing.T) {
	src := withForm(t)
	src["static/admin/config.yml"] = &fstest.MapFile{Data: []byte("backend: {name: git-gateway}\n")}
	_, _, err := buildMem(t, src)
	if err == nil || !strings.Contains(err.Error(), "admin/config.yml") {
		t.Errorf("err = %v, want one naming static/admin/config.yml", err)
	}
}

// TestFormImagesResolve: an image the form uploads is committed to
// static/bilder/ and written into the text under cms.PublicFolder; the
// build accepts the link and the page shows the image, also when the site
// is published under a sub-path.
func TestFormImagesResolve(t *testing.T) {
	src := withForm(t)
	src["static/bilder/karta.png"] = &fstest.MapFile{Data: []byte("png")}
	a := src["content/verksamheter/lotsen.md"]
	a.Data = append(a.Data, []byte("\n![Karta]("+cms.PublicFolder+"/karta.png)\n")...)
	got, res, err := buildMem(t, src)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	if _, ok := got["bilder/karta.png"]; !ok {
		t.Error("the uploaded image is not in the site")
	}
	if page := string(got["verksamheter/lotsen/index.html"]); !strings.Contains(page, `src="../../bilder/karta.png"`) {
		t.Errorf("the page does not show the image from bilder/:\n%s", page)
	}
}
