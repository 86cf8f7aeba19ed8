package render

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/site"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

// with returns fsys with the file name set to text.
func with(fsys fstest.MapFS, name, text string) fstest.MapFS {
	fsys[name] = file(text)
	return fsys
}

// builtin is a minimal set of layouts in the shape of the real ones.
func builtin() fstest.MapFS {
	return fstest.MapFS{
		"base.html":           file(`<title>{{.Title}}</title>{{template "main" .}}{{template "footer" .}}`),
		"home.html":           file(`{{define "main"}}<h1>builtin home {{.Title}}</h1>{{end}}`),
		"list.html":           file(`{{define "main"}}<h1>builtin list {{.Title}}</h1>{{end}}`),
		"_partials/foot.html": file(`{{define "footer"}}<footer>builtin footer</footer>{{end}}`),
	}
}

func page(tmpl, title string) site.Page {
	return site.Page{Path: "x/index.html", URL: "x/", Template: tmpl, View: &site.HomeView{Frame: site.Frame{Title: title}}}
}

func render(t *testing.T, r *Renderer, p site.Page) string {
	t.Helper()
	b, err := r.Render(p)
	if err != nil {
		t.Fatalf("Render(%s): %v", p.Template, err)
	}
	return string(b)
}

func TestNewBuiltinOnly(t *testing.T) {
	for _, override := range []struct {
		name string
		fs   fstest.MapFS
	}{{"nil override", nil}, {"empty override", fstest.MapFS{}}} {
		t.Run(override.name, func(t *testing.T) {
			var r *Renderer
			var err error
			if override.fs == nil {
				r, err = New(builtin(), nil)
			} else {
				r, err = New(builtin(), override.fs)
			}
			if err != nil {
				t.Fatal(err)
			}
			got := render(t, r, page("home", "Start"))
			want := `<title>Start</title><h1>builtin home Start</h1><footer>builtin footer</footer>`
			if got != want {
				t.Errorf("home =\n %s\nwant\n %s", got, want)
			}
		})
	}
}

func TestNewOverride(t *testing.T) {
	tests := []struct {
		name     string
		override fstest.MapFS
		tmpl     string
		want     string
	}{
		{
			"page layout replaced, partial and base kept",
			fstest.MapFS{"home.html": file(`{{define "main"}}<h1>own home</h1>{{end}}`)},
			"home",
			`<title>T</title><h1>own home</h1><footer>builtin footer</footer>`,
		},
		{
			"other page layouts are untouched",
			fstest.MapFS{"home.html": file(`{{define "main"}}<h1>own home</h1>{{end}}`)},
			"list",
			`<title>T</title><h1>builtin list T</h1><footer>builtin footer</footer>`,
		},
		{
			"partial replaced for every page",
			fstest.MapFS{"_partials/foot.html": file(`{{define "footer"}}<footer>own footer</footer>{{end}}`)},
			"list",
			`<title>T</title><h1>builtin list T</h1><footer>own footer</footer>`,
		},
		{
			"base replaced",
			fstest.MapFS{"base.html": file(`<main>{{template "main" .}}</main>`)},
			"home",
			`<main><h1>builtin home T</h1></main>`,
		},
		{
			"new page layout added",
			fstest.MapFS{"text.html": file(`{{define "main"}}<p>own text</p>{{end}}`)},
			"text",
			`<title>T</title><p>own text</p><footer>builtin footer</footer>`,
		},
		{
			"new partial usable from an overriding layout",
			fstest.MapFS{
				"_partials/extra.html": file(`{{define "extra"}}<aside>extra</aside>{{end}}`),
				"home.html":            file(`{{define "main"}}{{template "extra"}}{{end}}`),
			},
			"home",
			`<title>T</title><aside>extra</aside><footer>builtin footer</footer>`,
		},
		{
			"hidden and non-HTML files are ignored",
			fstest.MapFS{
				".#home.html": file(`{{define "main"}}editor lock{{end}}`),
				"home.html~":  file(`{{define "main"}}backup{{end}}`),
				"README.md":   file(`{{broken`),
			},
			"home",
			`<title>T</title><h1>builtin home T</h1><footer>builtin footer</footer>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := New(builtin(), tt.override)
			if err != nil {
				t.Fatal(err)
			}
			if got := render(t, r, page(tt.tmpl, "T")); got != tt.want {
				t.Errorf("%s =\n %s\nwant\n %s", tt.tmpl, got, tt.want)
			}
		})
	}
}

func TestNewErrors(t *testing.T) {
	without := func(name string) fstest.MapFS {
		fs := builtin()
		delete(fs, name)
		return fs
	}
	tests := []struct {
		name              string
		builtin, override fstest.MapFS
		want              string // the error must contain this
	}{
		{"no base.html", without("base.html"), nil, "layouts/base.html"},
		{"no layouts at all", fstest.MapFS{}, nil, "layouts/base.html"},
		{"parse error in base", with(builtin(), "base.html", "{{template \"main\" .}\n"), nil, "layouts/base.html:1"},
		{"parse error in a page layout", builtin(), fstest.MapFS{"list.html": file("{{define \"main\"}}\n{{.Title}\n{{end}}")}, "layouts/list.html:2"},
		{"parse error in a partial", builtin(), fstest.MapFS{"_partials/foot.html": file("{{define \"footer\"}}{{if}}{{end}}")}, "layouts/_partials/foot.html:1"},
		{"unclosed define", with(builtin(), "home.html", `{{define "main"}}{{range .Nav}}{{end}}`), nil, "layouts/home.html:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r *Renderer
			var err error
			if tt.override == nil {
				r, err = New(tt.builtin, nil)
			} else {
				r, err = New(tt.builtin, tt.override)
			}
			if err == nil {
				t.Fatalf("New succeeded (%v), want an error containing %q", r, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("New error = %q, want it to name %q", err, tt.want)
			}
		})
	}
}

func TestRenderUnknownTemplate(t *testing.T) {
	r, err := New(builtin(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tmpl := range []string{"activity", "", "base", "_partials/foot", "foot"} {
		t.Run(tmpl, func(t *testing.T) {
			b, err := r.Render(page(tmpl, "T"))
			if err == nil {
				t.Fatalf("Render with Template %q = %q, want an error", tmpl, b)
			}
			if !strings.Contains(err.Error(), "x/index.html") {
				t.Errorf("error %q does not name the page", err)
			}
		})
	}
}

func TestRenderExecuteError(t *testing.T) {
	r, err := New(with(builtin(), "home.html", `{{define "main"}}{{.T.nosuchkey}}{{end}}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	p := page("home", "T")
	p.View.PageFrame().T = site.Strings{"skip": "Till innehållet"}
	if b, err := r.Render(p); err == nil {
		t.Errorf("Render with a missing text key = %q, want an error (missingkey=error)", b)
	}
}

func TestRenderEscapes(t *testing.T) {
	r, err := New(with(builtin(), "home.html",
		`{{define "main"}}<h1>{{.Title}}</h1><a href="{{.Home}}" title="{{.Description}}">x</a>{{.Body}}{{end}}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	p := page("home", `<script>alert("x")</script>`)
	v := p.View.(*site.HomeView)
	v.Home = "javascript:alert(1)"
	v.Description = `"><script>`
	v.Body = "<p>trusted <em>Markdown</em></p>"
	got := render(t, r, p)
	for _, bad := range []string{"<script>", `href="javascript:`, `""><`} {
		if strings.Contains(got, bad) {
			t.Errorf("output contains %q:\n%s", bad, got)
		}
	}
	for _, want := range []string{
		"<title>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</title>",
		"<h1>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</h1>",
		`href="#ZgotmplZ"`,
		"<p>trusted <em>Markdown</em></p>", // template.HTML passes through
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestArgs(t *testing.T) {
	args := funcs["args"].(func(...any) (map[string]any, error))
	m, err := args("List", []int{1}, "T", "x")
	if err != nil || len(m) != 2 || m["T"] != "x" {
		t.Errorf(`args("List", []int{1}, "T", "x") = %v, %v`, m, err)
	}
	if _, err := args("odd"); err == nil {
		t.Error(`args("odd") succeeded, want an error for an odd number of values`)
	}
	if _, err := args(1, "x"); err == nil {
		t.Error(`args(1, "x") succeeded, want an error for a key that is not a string`)
	}
}

// TestBuiltinLayouts renders every page of a small site with the
// repository's own layouts, so a layout that uses a field or text key that
// does not exist fails here and not only in a full build.
func TestBuiltinLayouts(t *testing.T) {
	r, err := New(os.DirFS("../../layouts"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range testPages() {
		t.Run(p.Path, func(t *testing.T) {
			b, err := r.Render(p)
			if err != nil {
				t.Fatal(err)
			}
			if s := string(b); strings.Contains(s, "Samverkan <i>") || !strings.Contains(s, "Samverkan &lt;i&gt; Testbygd") {
				t.Errorf("%s does not show the escaped site title", p.Path)
			}
		})
	}
}

// testPages are the pages of a small catalogue with one activity.
func testPages() []site.Page {
	now := catalog.Date{Year: 2026, Month: time.November, Day: 22}
	cat := &catalog.Catalogue{
		Index: &catalog.Index{
			File: "content/_index.md", Titel: "Samverkan <i> Testbygd", BaseURL: "https://x.se/",
			Sprak: "sv", Kommuner: []string{"Mark"},
			Funktioner:   []catalog.Term{{ID: "f1", Namn: "Funktion 1"}},
			Finansiering: []catalog.Term{{ID: "finsam", Namn: "Finsam"}},
			Matris:       catalog.Matris{Rader: catalog.AxisKommuner, Kolumner: catalog.AxisFunktioner},
		},
		Activities: []*catalog.Activity{{
			File: "content/verksamheter/a.md", Slug: "a", Namn: "A", Funktion: []string{"f1"},
			Kommuner: []string{"Mark"}, Finansiering: []string{"finsam"}, Huvudman: "H",
			Start:   now.AddDays(10),
			Kontakt: []catalog.Contact{{Namn: "N", Telefon: "0320-77 94 61", Epost: "n@example.se"}},
			Aliases: []string{"b"},
		}},
		Pages: []*catalog.Page{{File: "content/om.md", Kind: catalog.PlainPage, Slug: "om", Titel: "Om"}},
	}
	return site.Assemble(site.Input{Cat: cat, Now: now, Version: "test"})
}

// TestCatalogueLayoutsWithDocumentedFields renders every kind of page with
// layouts of a catalogue's own that use the fields docs/layouts.md lists
// for it, and the names of earlier versions that still work (.Activity,
// .Review, .Booklet), so that a field the documentation promises cannot
// disappear unnoticed.
func TestCatalogueLayoutsWithDocumentedFields(t *testing.T) {
	own := fstest.MapFS{
		"base.html":     file(`<html lang="{{.Lang}}"><title>{{.DocTitle}}</title>{{.Root}}|{{.Home}}|{{.SiteTitle}}|{{.Subtitle}}|{{.Title}}|{{.Description}}|{{.Canonical}}|{{.CSS}}|{{.Favicon}}|{{.Version}}|{{.Preview}}|{{.Draft}}|{{.Redirect}}|{{with .StructuredData}}ld{{end}}|{{range .Nav}}{{.Label}}{{.Href}}{{.Current}}{{end}}|{{.Footer.Statement.Href}}{{.Footer.Print.Href}}{{.Footer.Review.Href}}{{range .Footer.Data}}{{.Href}}{{end}}{{with .Footer.Feed}}{{.Href}}{{end}}|{{.T.skip}}<main>{{template "main" .}}</main></html>`),
		"home.html":     file(`{{define "main"}}home:{{.Body}}{{with .Matrix}}{{.Caption}}{{.Corner}}{{range .Cols}}{{.Label}}{{end}}{{range .Rows}}{{.Head.Label}}{{range .Cells}}{{range .}}{{.Name}}{{end}}{{end}}{{end}}{{end}}{{with .Search}}{{.Script}}{{.Engine}}{{.Index}}{{.Tips}}{{range .Facets}}{{.Name}}{{.Legend}}{{range .Options}}{{.Value}}{{.Label}}{{end}}{{end}}{{end}}{{range .Structural}}{{.Name}}{{end}}{{end}}`),
		"activity.html": file(`{{define "main"}}activity:{{.Status}}|{{.StatusKey}}|{{range .Facts}}{{.Label}}={{.Text}}{{range .Links}}{{.Href}}{{end}};{{end}}|{{range .Contacts}}{{.Name}}{{.TelHref}}{{.MailHref}}{{end}}|{{.Body}}|old:{{.Activity.Status}}{{len .Activity.Facts}}{{end}}`),
		"list.html":     file(`{{define "main"}}list:{{.Intro}}|{{.Body}}|{{.ListHeading}}|{{range .Groups}}{{.Heading}}{{.ID}}{{.Href}}{{range .Items}}{{.Name}}{{.Href}}{{.Functions}}{{.Kommuner}}{{.Target}}{{.Status}}{{.StatusKey}}{{.SearchID}}{{.Draft}}{{end}}{{end}}|{{range .Links}}{{.Label}}{{.Note}}{{end}}|{{with .Forbund}}{{.Webb}}{{end}}|{{.Empty}}{{end}}`),
		"utskrift.html": file(`{{define "main"}}booklet:{{.Intro}}|{{.Body}}|{{with .Matrix}}{{.Caption}}{{end}}|{{range .Sections}}{{.Heading}}{{.ID}}{{.Text}}{{range .Activities}}{{.Name}}{{.ID}}{{.Status}}{{len .Facts}}{{len .Contacts}}{{.Body}}{{end}}{{end}}|old:{{len .Booklet}}{{end}}`),
		"review.html":   file(`{{define "main"}}review:{{.Intro}}|{{.Empty}}|{{.Limit}}|{{.Missing}}{{.Stale}}{{.Fresh}}|{{range .Rows}}{{.Name}}{{.Href}}{{.Reviewed}}{{.State}}{{.StateKey}}{{.Contact}}{{end}}|{{range .Unreachable}}{{.Name}}{{end}}|old:{{len .Review.Rows}}{{end}}`),
		"text.html":     file(`{{define "main"}}text:{{.Intro}}|{{.Body}}{{end}}`),
		"404.html":      file(`{{define "main"}}404:{{.Intro}}{{end}}`),
		"redirect.html": file(`{{define "main"}}redirect:{{.Intro}}{{.Redirect}}{{end}}`),
	}
	r, err := New(os.DirFS("../../layouts"), own)
	if err != nil {
		t.Fatal(err)
	}
	pages := testPages()
	want := map[string]string{
		"index.html":                "<main>home:",
		"verksamheter/a/index.html": "<main>activity:Planerad, startar 2 december 2026|planerad|",
		"verksamheter/index.html":   "<main>list:",
		"utskrift/index.html":       "<main>booklet:",
		"granskning/index.html":     "<main>review:",
		"om/index.html":             "<main>text:",
		"404.html":                  "<main>404:",
		"verksamheter/b/index.html": "<main>redirect:",
	}
	seen := map[string]bool{}
	for _, p := range pages {
		got := render(t, r, p)
		if w, ok := want[p.Path]; ok {
			seen[p.Path] = true
			if !strings.Contains(got, w) {
				t.Errorf("%s: want %q in\n%s", p.Path, w, got)
			}
		}
		if p.Template == "activity" && !strings.Contains(got, "old:Planerad") {
			t.Errorf("%s: .Activity of earlier versions does not work:\n%s", p.Path, got)
		}
	}
	for path := range want {
		if !seen[path] {
			t.Errorf("no page %s", path)
		}
	}
}
