package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/render"
	"github.com/samkat/samkat/internal/site"
	"github.com/samkat/samkat/internal/synth"
)

// TestPrerenderedEntriesSameBytes: every page renders to the same bytes
// whether the entries the listings repeat were rendered beforehand
// (render.Prerender) or are rendered by the layouts as they go.
func TestPrerenderedEntriesSameBytes(t *testing.T) {
	for _, c := range []struct {
		name string
		src  fs.FS
	}{
		{"small", catalogueFS(t, "testdata/small")},
		{"synthetic", synth.Catalogue(300)},
		{"synthetic, a booklet per municipality", synth.Catalogue(site.BookletMaxActivities + 1)},
	} {
		for _, drafts := range []bool{false, true} {
			opt := testOptions()
			opt.Drafts = drafts
			p, r := preparedWithLayouts(t, c.name, c.src, opt)
			plain := site.Assemble(siteInput(p, opt, nil))
			pre := site.Assemble(siteInput(p, opt, nil))
			if err := r.Prerender(context.Background(), pre); err != nil {
				t.Fatal(err)
			}
			if f := pre[len(pre)-1].View.PageFrame(); f.NavHTML == "" || f.FooterHTML == "" {
				t.Fatalf("%s: the navigation and footer were not rendered beforehand", c.name)
			}
			if !matrixRendered(pre[0].View.(*site.HomeView).Matrix) {
				t.Fatalf("%s: the matrix entries were not rendered beforehand", c.name)
			}
			if !factLinksRendered(pre) {
				t.Fatalf("%s: the links of the facts were not rendered beforehand", c.name)
			}
			if !bookletBodiesLetGo(pre) {
				t.Fatalf("%s: a booklet's entry rendered beforehand keeps its body", c.name)
			}
			sameRenders(t, r, plain, pre, fmt.Sprintf("%s (drafts %v)", c.name, drafts), "with the entries rendered beforehand")
		}
	}
}

// bookletBodiesLetGo reports whether the booklets have entries, each
// rendered beforehand and without anything but its ID and HTML
// (render.Prerender lets go of its Body, facts and contacts, and of its
// body left to be made, the built-in booklet printing the entry's HTML).
// preparedWithLayouts prepares src with opt, and a renderer of the
// built-in layouts; name names the case.
func preparedWithLayouts(t *testing.T, name string, src fs.FS, opt Options) (*prepared, *render.Renderer) {
	t.Helper()
	p, res, err := prepare(context.Background(), src, opt, nil, nil)
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, diagText(res))
	}
	r, err := render.New(os.DirFS("../../layouts"), nil)
	if err != nil {
		t.Fatal(err)
	}
	return p, r
}

// sameRenders reports each page of got that r renders other than the page
// of want at its place; what names the case, how says how got was made.
func sameRenders(t *testing.T, r *render.Renderer, want, got []site.Page, what, how string) {
	t.Helper()
	for i := range want {
		w, err := r.Render(want[i])
		if err != nil {
			t.Fatal(err)
		}
		w = bytes.Clone(w) // the renderer reuses its buffer
		g, err := r.Render(got[i])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(g, w) {
			t.Errorf("%s: %s differs %s", what, want[i].Path, how)
		}
	}
}

func bookletBodiesLetGo(pages []site.Page) bool {
	n := 0
	for _, pg := range pages {
		v, ok := pg.View.(*site.BookletView)
		if !ok {
			continue
		}
		for _, sec := range v.Sections {
			for _, a := range sec.Activities {
				if a.HTML == "" || !reflect.DeepEqual(a, site.BookletActivity{ID: a.ID, HTML: a.HTML}) {
					return false
				}
				n++
			}
		}
	}
	return n > 0
}

// TestCatalogueBookletReadsBodies: a catalogue's own utskrift.html that
// prints an entry's Body beside its HTML shows it: Prerender lets go of
// the bodies only for the built-in booklet.
func TestCatalogueBookletReadsBodies(t *testing.T) {
	src := catalogueFS(t, "testdata/small")
	own, err := os.ReadFile("../../layouts/utskrift.html")
	if err != nil {
		t.Fatal(err)
	}
	const entry = "{{if .HTML}}{{.HTML}}"
	if !bytes.Contains(own, []byte(entry)) {
		t.Fatalf("utskrift.html has no %q", entry)
	}
	own = bytes.Replace(own, []byte(entry), []byte(`{{if .HTML}}<div class="own">{{.Body}}</div>{{.HTML}}`), 1)
	src["layouts/utskrift.html"] = &fstest.MapFile{Data: own}
	files, res, err := buildMem(t, src)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	page := string(files["utskrift/index.html"])
	if !strings.Contains(page, `<div class="own"><h4 id="v-lotsen-bakgrund">Bakgrund</h4>`) {
		t.Errorf("utskrift/ does not show the entries' bodies its own layout prints:\n%s", page)
	}
}

// TestCatalogueOverridesAnEntry: a catalogue's own _partials/item.html is
// what every list shows, though the build renders it once per entry.
func TestCatalogueOverridesAnEntry(t *testing.T) {
	src := catalogueFS(t, "testdata/small")
	src["layouts/_partials/item.html"] = &fstest.MapFile{Data: []byte(`{{define "item"}}<li class="own">{{.Item.Name}}{{if .Search}} (sök){{end}}</li>{{end}}`)}
	files, res, err := buildMem(t, src)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	list := string(files["verksamheter/index.html"])
	if !strings.Contains(list, `own">Lotsen</li>`) || strings.Contains(list, `"item"`) {
		t.Errorf("verksamheter/ does not show the catalogue's own item:\n%s", list)
	}
}

// TestCatalogueOverridesFacts: a catalogue's own _partials/facts.html,
// written before the facts' links were rendered beforehand (it defines no
// "fact-links"), is what the activity pages show.
func TestCatalogueOverridesFacts(t *testing.T) {
	src := catalogueFS(t, "testdata/small")
	src["layouts/_partials/facts.html"] = &fstest.MapFile{Data: []byte(`{{define "facts"}}<ul class="own">{{range .}}<li>{{.Label}}:{{range .Links}} <a href="{{.Href}}">{{.Label}}</a>{{else}} {{.Text}}{{end}}</li>{{end}}</ul>{{end}}`)}
	files, res, err := buildMem(t, src)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, diagText(res))
	}
	page := string(files["verksamheter/lotsen/index.html"])
	if !strings.Contains(page, `<ul class="own"><li>`) || strings.Contains(page, `class="facts"`) || !strings.Contains(page, `<a href="../../kommuner/`) {
		t.Errorf("verksamheter/lotsen/ does not show the catalogue's own facts:\n%s", page)
	}
}

// factLinksRendered reports whether the activity pages of pages have
// facts with links and each has its HTML, and so do the booklets' entries
// not rendered beforehand (an entry rendered beforehand by the built-in
// booklet keeps only its HTML: see bookletBodiesLetGo).
func factLinksRendered(pages []site.Page) bool {
	var pageFacts, bookletFacts int
	rendered := func(facts []site.Fact, n *int) bool {
		for _, f := range facts {
			if len(f.Links) > 0 {
				if f.HTML == "" {
					return false
				}
				*n++
			}
		}
		return true
	}
	for _, pg := range pages {
		switch v := pg.View.(type) {
		case *site.ActivityView:
			if !rendered(v.Facts, &pageFacts) {
				return false
			}
		case *site.BookletView:
			for _, sec := range v.Sections {
				for _, a := range sec.Activities {
					if a.HTML == "" && !rendered(a.Facts, &bookletFacts) {
						return false
					}
				}
			}
		}
	}
	return pageFacts > 0
}

// matrixRendered reports whether m has entries and each has its HTML.
func matrixRendered(m *site.Matrix) bool {
	n := 0
	for _, r := range m.Rows {
		for _, c := range r.Cells {
			for _, it := range c {
				if it.HTML == "" {
					return false
				}
				n++
			}
		}
	}
	return n > 0
}

// TestBookletBodiesMadeLate: with the built-in layouts the booklets'
// views leave each entry's body to be made as Prerender renders the entry
// (site.Input.BookletBodiesLater), so that the bodies as the booklets
// print them are not all made and kept at once; the booklets are the same
// bytes as with every body made with the view. A catalogue's own booklet
// page gets the bodies with the view.
func TestBookletBodiesMadeLate(t *testing.T) {
	for _, c := range []struct {
		name string
		src  fs.FS
	}{
		{"small", catalogueFS(t, "testdata/small")},
		{"synthetic, a booklet per municipality", synth.Catalogue(site.BookletMaxActivities + 1)},
	} {
		opt := testOptions()
		p, r := preparedWithLayouts(t, c.name, c.src, opt)
		if !r.BookletBodiesLater() {
			t.Fatal("the built-in booklet does not have its bodies made late")
		}
		booklets := func(pages []site.Page) []site.Page {
			return slices.DeleteFunc(pages, func(pg site.Page) bool { return pg.Template != bookletTemplate })
		}
		eager := booklets(site.Assemble(siteInput(p, opt, nil)))
		in := siteInput(p, opt, nil)
		in.BookletBodiesLater = true
		late := booklets(site.Assemble(in))
		n := 0
		for _, pg := range late {
			for _, sec := range pg.View.(*site.BookletView).Sections {
				for _, a := range sec.Activities {
					if a.Body != "" {
						t.Fatalf("%s: %s: the entry %s has its body made with the view", c.name, pg.Path, a.ID)
					}
					n++
				}
			}
		}
		if n == 0 {
			t.Fatalf("%s: the booklets have no entries", c.name)
		}
		for _, pages := range [][]site.Page{eager, late} {
			if err := r.Prerender(context.Background(), pages); err != nil {
				t.Fatal(err)
			}
			if !bookletBodiesLetGo(pages) {
				t.Fatalf("%s: a booklet's entry rendered beforehand keeps more than its HTML", c.name)
			}
		}
		sameRenders(t, r, eager, late, c.name, "with the bodies made late")
	}
	src := catalogueFS(t, "testdata/small")
	src["layouts/utskrift.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{range .Sections}}{{range .Activities}}{{.Body}}{{end}}{{end}}{{end}}`)}
	r, err := render.New(os.DirFS("../../layouts"), subFS(src, "layouts"))
	if err != nil {
		t.Fatal(err)
	}
	if r.BookletBodiesLater() {
		t.Error("a catalogue's own booklet page, which prints the bodies, has them made late")
	}
}
