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
// their page.
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
		if strings.HasPrefix(name, route.Kommuner) && strings.Contains(string(files[name]), `class="print-link"`) {
			t.Errorf("%s links a municipality's booklet, which there is none of below the threshold", name)
		}
	}
	if !strings.Contains(page, `href="../verksamheter/`+to+`/"`) {
		t.Errorf("utskrift/: the link in %s's body is not rebased to the page", from)
	}
	checkLinks(t, files, "/")
}

// TestBookletPerMunicipality: one activity more, and utskrift/ links a
// booklet per municipality, each with the current activities that serve
// it and links that work from its page; the sitemap lists them.
func TestBookletPerMunicipality(t *testing.T) {
	src, from, to := bookletCatalogue(t, site.BookletMaxActivities+1)
	opt := testOptions()
	var out publish.Mem
	res, err := Site(context.Background(), src, &out, opt)
	if err != nil {
		t.Fatalf("%v\n%s", err, diagText(res))
	}
	files := out.Files()
	p, _, err := prepare(context.Background(), src, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
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
		if v, ok := pg.View.(*site.BookletView); ok {
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
