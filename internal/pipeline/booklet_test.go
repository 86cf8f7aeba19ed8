package pipeline

import (
	"bytes"
	"context"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/route"
	"github.com/samkat/samkat/internal/site"
	"github.com/samkat/samkat/internal/synth"
)

// bookletCatalogue is a synthetic catalogue of n activities in which one
// current activity (from, with no end date) links to another (to, a slug)
// from its body, so that the booklets show whether links are rebased to
// their page. It has two förbund pages: sjuharad, which from and every
// fifth activity name and whose text links to, and tomt, which none
// names.
func bookletCatalogue(t *testing.T, n int) (src fstest.MapFS, from, to string) {
	t.Helper()
	src = synth.Catalogue(n)
	names := synth.Activities(src)
	for _, name := range names {
		if !bytes.Contains(src[name].Data, []byte("\nslut:")) {
			from = name
			break
		}
	}
	for _, name := range names {
		if name != from {
			to = strings.TrimSuffix(path.Base(name), ".md")
			break
		}
	}
	if from == "" || to == "" {
		t.Fatal("the synthetic catalogue has no current activity to link from")
	}
	f := src[from]
	f.Data = append(bytes.Clone(f.Data), "\nSe även [nästa]("+to+".md).\n"...)
	src["content/forbund/sjuharad.md"] = &fstest.MapFile{Data: []byte("---\ntitel: Samordningsförbundet Sjuhärad\nkommuner: [Borås]\nkontakt:\n  - namn: Förbundets kontakt\n    epost: kansli@sjuharad.example.se\n---\nFörbundet står bakom [nästa](../verksamheter/" + to + ".md).\n")}
	src["content/forbund/tomt.md"] = &fstest.MapFile{Data: []byte("---\ntitel: Ett förbund utan verksamheter\n---\n")}
	for i, name := range names {
		if i%5 == 0 || name == from {
			f := src[name]
			f.Data = append([]byte("---\nforbund: sjuharad"), bytes.TrimPrefix(f.Data, []byte("---"))...)
		}
	}
	return src, from, to
}

// TestBookletAtTheThreshold: a catalogue of BookletMaxActivities
// activities has its whole booklet at utskrift/, as before.
func TestBookletAtTheThreshold(t *testing.T) {
	var out publish.Mem
	src, from, to := bookletCatalogue(t, site.BookletMaxActivities)
	res, err := Site(context.Background(), src, &out, testOptions())
	if err != nil {
		t.Fatalf("%v\n%s", err, diagText(res))
	}
	files := out.Files()
	page := string(files["utskrift/index.html"])
	if !strings.Contains(page, `class="booklet"`) || strings.Count(page, "data-activity") < site.BookletMaxActivities/2 {
		t.Errorf("utskrift/ is not the whole booklet")
	}
	for name := range files {
		if strings.HasPrefix(name, route.Booklet) && name != "utskrift/index.html" {
			t.Errorf("%s: no booklet per municipality below the threshold", name)
		}
		if strings.HasPrefix(name, route.Forbund) && strings.HasSuffix(name, "/"+route.Booklet+"index.html") {
			t.Errorf("%s: no booklet per förbund below the threshold", name)
		}
		if (strings.HasPrefix(name, route.Kommuner) || strings.HasPrefix(name, route.Forbund)) && strings.Contains(string(files[name]), `class="print-link"`) {
			t.Errorf("%s links a booklet of its own, which there is none of below the threshold", name)
		}
	}
	if !strings.Contains(page, `href="../verksamheter/`+to+`/"`) {
		t.Errorf("utskrift/: the link in %s's body is not rebased to the page", from)
	}
	// A förbund with neither members nor a website has no list of facts,
	// not an empty one; one with members has them.
	if tomt := string(files[route.Forbund+"tomt/index.html"]); tomt == "" || strings.Contains(tomt, `<dl class="facts"></dl>`) {
		t.Errorf("forbund/tomt/: no page, or an empty list of facts")
	}
	if !strings.Contains(string(files[route.Forbund+"sjuharad/index.html"]), `<dl class="facts"><div><dt>`) {
		t.Errorf("forbund/sjuharad/: its members are not listed")
	}
	checkLinks(t, files, "/")
}

// splitBooklet builds bookletCatalogue one activity above
// site.BookletMaxActivities, whose booklet is one per municipality and
// förbund: the files of the site, what prepare made of the catalogue, the
// options and bookletCatalogue's two activities.
func splitBooklet(t *testing.T) (files map[string][]byte, p *prepared, opt Options, from, to string) {
	t.Helper()
	src, from, to := bookletCatalogue(t, site.BookletMaxActivities+1)
	opt = testOptions()
	var out publish.Mem
	res, err := Site(context.Background(), src, &out, opt)
	if err != nil {
		t.Fatalf("%v\n%s", err, diagText(res))
	}
	p, _, err = prepare(context.Background(), src, opt, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return out.Files(), p, opt, from, to
}

// TestBookletPerMunicipality: one activity more, and utskrift/ links a
// booklet per municipality, each with the current activities that serve
// it and links that work from its page; the sitemap lists them.
func TestBookletPerMunicipality(t *testing.T) {
	files, p, opt, from, to := splitBooklet(t)
	index := string(files["utskrift/index.html"])
	if strings.Contains(index, "data-activity") {
		t.Error("utskrift/ is still the whole booklet")
	}
	sitemap := string(files[route.Sitemap])
	for _, k := range p.cat.Index.Kommuner {
		u := route.BookletKommun(k)
		if !strings.Contains(index, `href="../`+u+`"`) && !strings.Contains(index, `href="`+strings.TrimPrefix(u, route.Booklet)+`"`) {
			t.Errorf("utskrift/ does not link %s", u)
		}
		if !strings.Contains(sitemap, u+"<") {
			t.Errorf("the sitemap does not list %s", u)
		}
		want := 0
		for _, x := range p.cat.Activities {
			if x.StatusOn(opt.Now) != catalog.Avslutad && len(x.Funktion) > 0 && slices.Contains(x.Kommuner, k) {
				want++
			}
		}
		// The municipality's page leads to its booklet.
		own := string(files[route.Kommun(k)+"index.html"])
		if !strings.Contains(own, `class="print-link"><a href="../../`+u+`"`) {
			t.Errorf("%s does not link %s", route.Kommun(k), u)
		}
		page := string(files[u+"index.html"])
		if got := strings.Count(page, "data-activity"); got != want {
			t.Errorf("%s: %d activities, want the %d current ones that serve %s", u, got, want, k)
		}
	}
	// The matrix of a municipality's booklet is its row alone.
	for _, pg := range site.Assemble(siteInput(p, opt, nil)) {
		if v, ok := pg.View.(*site.BookletView); ok && strings.HasPrefix(pg.URL, route.Booklet) {
			if rows := v.Matrix.Rows; len(rows) != 1 || route.BookletKommun(rows[0].Head.Label) != pg.URL {
				t.Errorf("%s: the matrix has %d rows, want the municipality's own", pg.URL, len(rows))
			}
		}
	}
	i := slices.IndexFunc(p.cat.Activities, func(x *catalog.Activity) bool { return x.File == from })
	if i < 0 {
		t.Fatalf("%s is not among the activities", from)
	}
	k := route.BookletKommun(p.cat.Activities[i].Kommuner[0])
	if page := string(files[k+"index.html"]); !strings.Contains(page, `href="../../verksamheter/`+to+`/"`) {
		t.Errorf("%s: the link in %s's body is not rebased to the page", k, from)
	}
	checkLinks(t, files, "/")
}

// TestBookletPerForbund: above the threshold each förbund page has a
// booklet below it, with the current activities that name it, the
// förbund's text for its introduction, the matrix of its activities, its
// title for heading and the way to it from the front page, links that
// work from its depth, and a link from the förbund's page; utskrift/
// lists the municipalities' and the förbund's booklets under a heading
// each, and the sitemap has them.
func TestBookletPerForbund(t *testing.T) {
	files, p, opt, from, to := splitBooklet(t)
	index := string(files["utskrift/index.html"])
	if strings.Count(index, "<h2") != 2 {
		t.Errorf("utskrift/ does not list the booklets under two headings:\n%s", index)
	}
	sitemap := string(files[route.Sitemap])
	for slug, title := range map[string]string{"sjuharad": "Samordningsförbundet Sjuhärad", "tomt": "Ett förbund utan verksamheter"} {
		u := route.BookletForbund(slug)
		if !strings.Contains(index, `href="../`+u+`"`) {
			t.Errorf("utskrift/ does not link %s", u)
		}
		if !strings.Contains(sitemap, u+"<") {
			t.Errorf("the sitemap does not list %s", u)
		}
		if own := string(files[route.ForbundPage(slug)+"index.html"]); !strings.Contains(own, `class="print-link"><a href="../../`+u+`"`) {
			t.Errorf("%s does not link %s", route.ForbundPage(slug), u)
		}
		page := string(files[u+"index.html"])
		want := 0
		for _, x := range p.cat.Activities {
			if x.StatusOn(opt.Now) != catalog.Avslutad && len(x.Funktion) > 0 && x.Forbund == slug {
				want++
			}
		}
		if got := strings.Count(page, "data-activity"); got != want || slug == "sjuharad" && want < site.BookletMaxActivities/10 {
			t.Errorf("%s: %d activities, want the %d current ones of the förbund", u, got, want)
		}
		if !strings.Contains(page, "<h1>Katalogen för "+title+"</h1>") || !strings.Contains(page, `<span aria-current="page">För utskrift</span>`) ||
			!strings.Contains(page, `<a href="../../../`+route.ForbundPage(slug)+`">`+title+`</a>`) {
			t.Errorf("%s: not headed by its title, or without the way to it", u)
		}
	}
	page := string(files[route.BookletForbund("sjuharad")+"index.html"])
	if strings.Count(page, `href="../../../verksamheter/`+to+`/"`) < 2 {
		t.Errorf("the links in the förbund's text and in %s's body are not rebased to the förbund's booklet", from)
	}
	// The förbund's facts, as on its page: its members and contacts.
	if !strings.Contains(page, `<a href="../../../kommuner/boras/">Borås</a>`) || !strings.Contains(page, "kansli@sjuharad.example.se") {
		t.Error("the förbund's booklet does not show its members and contacts")
	}
	// A municipality's booklet shows the same body at its own depth, and
	// is headed by its title with the way to it.
	i := slices.IndexFunc(p.cat.Activities, func(x *catalog.Activity) bool { return x.File == from })
	k := p.cat.Activities[i].Kommuner[0]
	kb := string(files[route.BookletKommun(k)+"index.html"])
	if !strings.Contains(kb, `href="../../verksamheter/`+to+`/"`) {
		t.Errorf("%s: the link in %s's body is not rebased to the page", route.BookletKommun(k), from)
	}
	if !strings.Contains(kb, "<h1>Katalogen för "+k+"</h1>") || !strings.Contains(kb, `<span aria-current="page">`+k+`</span>`) {
		t.Errorf("%s: not headed by its title, or without the way to it", route.BookletKommun(k))
	}
	// The matrix of a förbund's booklet has the rows of its activities.
	for _, pg := range site.Assemble(siteInput(p, opt, nil)) {
		v, ok := pg.View.(*site.BookletView)
		if !ok || !strings.HasPrefix(pg.URL, route.Forbund) {
			continue
		}
		slug := strings.TrimSuffix(strings.TrimPrefix(pg.URL, route.Forbund), "/"+route.Booklet)
		for _, row := range v.Matrix.Rows {
			used := false
			for _, cell := range row.Cells {
				used = used || len(cell) > 0
			}
			if !used {
				t.Errorf("%s: the matrix has the row %s, which has no activity of the förbund", pg.URL, row.Head.Label)
			}
		}
		if slug == "tomt" && len(v.Matrix.Rows) != 0 {
			t.Errorf("%s: the matrix has %d rows, want none", pg.URL, len(v.Matrix.Rows))
		}
	}
	checkLinks(t, files, "/")
}
