package site

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/samkat/samkat/internal/catalog"
)

func TestTelURI(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"0320-77 94 61", "tel:+46320779461"},
		{"033-35 51 41", "tel:+4633355141"},
		{"08-123 456 78", "tel:+46812345678"},
		{"0771-524 524", "tel:+46771524524"},
		{"0320779461", "tel:+46320779461"},
		{"  0320 77 94 61  ", "tel:+46320779461"},
		{"0320-77 94 61 (växel)", "tel:+46320779461"},
		{"+46 33 35 83 00", "tel:+4633358300"},
		{"+46-33-358300", "tel:+4633358300"},
		{" +46 33 35 83 00", "tel:+4633358300"},
		{"0046 33 35 83 00", "tel:+4633358300"},
		{"0047 22 00 00 00", "tel:+4722000000"},
		{"+1 (555) 123-4567", "tel:+15551234567"},
		{"+46 (0)33-35 83 00", "tel:+4633358300"}, // the (0) trunk prefix is not dialled from abroad
		{"+46(0)33358300", "tel:+4633358300"},
		{"112", "tel:112"},
		{"1177", "tel:1177"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := TelURI(tt.in); got != tt.want {
				t.Errorf("TelURI(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestTelURIIsSafe holds TelURI to what ContactView.TelHref relies on when
// it marks the result as a safe URL: nothing but tel:, an optional + and
// digits, whatever an editor typed.
func TestTelURIIsSafe(t *testing.T) {
	safe := regexp.MustCompile(`^tel:\+?[0-9]*$`)
	for _, in := range []string{
		"javascript:alert(1)",
		`0320"><script>alert(1)</script>`,
		"0320-77 94 61\nLocation: x",
		"+46 (0)33 35 83 00 ext. 12#",
		"tel:0320-779461",
		"",
	} {
		if got := TelURI(in); !safe.MatchString(got) {
			t.Errorf("TelURI(%q) = %q, want only tel:, + and digits", in, got)
		}
	}
}

var testNow = catalog.Date{Year: 2026, Month: time.November, Day: 22}

// testCatalogue is a small checked catalogue: three municipalities as rows,
// two functions as columns, and activities that are running, ended, ending
// today, planned and structural.
func testCatalogue() *catalog.Catalogue {
	ix := &catalog.Index{
		File:         "content/_index.md",
		Titel:        "Samverkan i Testbygd",
		Undertitel:   "en katalog för tester",
		BaseURL:      "https://samverkan.example.se/testbygd/",
		Sprak:        "sv",
		GranskasInom: 365,
		Kommuner:     []string{"Borås", "Mark", "Åmål"},
		Funktioner: []catalog.Term{
			{ID: "f1", Namn: "Samordnande insatser"},
			{ID: "f2", Namn: "Aktiverande funktion"},
		},
		Finansiering: []catalog.Term{{ID: "finsam", Namn: "Finsam"}, {ID: "ordinarie", Namn: "Ordinarie verksamhet"}},
		Matris:       catalog.Matris{Rader: catalog.AxisKommuner, Kolumner: catalog.AxisFunktioner},
	}
	act := func(slug, namn string, funktion, kommuner []string) *catalog.Activity {
		return &catalog.Activity{
			File: "content/verksamheter/" + slug + ".md", Slug: slug, Namn: namn,
			Funktion: funktion, Kommuner: kommuner, Finansiering: []string{"finsam"},
		}
	}
	tva := act("tva-kommuner", "Två kommuner", []string{"f1"}, []string{"Borås", "Mark"})
	tva.Start = catalog.Date{Year: 2020, Month: time.January, Day: 1}
	avslutad := act("avslutad", "Avslutad insats", []string{"f1"}, []string{"Borås"})
	avslutad.Slut = testNow.AddDays(-1)
	sista := act("sista-dagen", "Sista dagen", []string{"f2"}, []string{"Mark"})
	sista.Slut = testNow
	planerad := act("planerad", "Planerad insats", []string{"f2"}, []string{"Åmål"})
	planerad.Start = testNow.AddDays(1)
	koordinator := act("koordinator", "Koordinator", []string{"f1"}, []string{"Borås", "Mark", "Åmål"})
	koordinator.AllaKommuner = true
	koordinator.Inriktning = catalog.InriktningStruktur
	lotsen := act("lotsen", "Lotsen", []string{"f1", "f2"}, []string{"Åmål"})
	lotsen.Inriktning = catalog.InriktningIndivid
	lotsen.Huvudman = "Samordningsförbundet Testbygd"
	lotsen.Forbund = "testforbundet"
	lotsen.Finansiering = []string{"finsam", "ordinarie"}
	lotsen.Webb = "https://example.se/lotsen"
	lotsen.Kontakt = []catalog.Contact{{Namn: "Peter", Telefon: "033-35 51 41", Epost: "peter@example.se", Kommun: "Åmål"}}
	return &catalog.Catalogue{
		Index:      ix,
		Activities: []*catalog.Activity{tva, avslutad, sista, planerad, koordinator, lotsen},
		Pages: []*catalog.Page{
			{File: "content/om.md", Kind: catalog.PlainPage, Slug: "om", Titel: "Om katalogen"},
			{File: "content/tillganglighet.md", Kind: catalog.TillganglighetPage, Slug: "tillganglighet", Titel: "Tillgänglighet"},
			{File: "content/forbund/testforbundet.md", Kind: catalog.ForbundPage, Slug: "testforbundet", Titel: "Testförbundet", Kommuner: []string{"Mark", "Åmål"}},
			{File: "content/funktioner/f1.md", Kind: catalog.FunktionPage, Slug: "f1", Titel: "Samordning", Beskrivning: "Insatser som samordnar."},
		},
	}
}

func assemble(cat *catalog.Catalogue) []Page {
	return Assemble(Input{Cat: cat, Now: testNow, Version: "test"})
}

func pageAt(t *testing.T, pages []Page, urlPath string) *Page {
	t.Helper()
	for i := range pages {
		if pages[i].URL == urlPath {
			return &pages[i]
		}
	}
	var urls []string
	for _, p := range pages {
		urls = append(urls, p.URL)
	}
	t.Fatalf("no page at %q; pages: %q", urlPath, urls)
	return nil
}

func names(items []Item) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.Name)
	}
	return out
}

func findItem(items []Item, name string) (Item, bool) {
	for _, it := range items {
		if it.Name == name {
			return it, true
		}
	}
	return Item{}, false
}

func TestAssembleMatrix(t *testing.T) {
	home := pageAt(t, assemble(testCatalogue()), "")
	m := home.View.(*HomeView).Matrix
	if m == nil {
		t.Fatal("the front page has no matrix")
	}
	var cols, rows []string
	for _, c := range m.Cols {
		cols = append(cols, c.Label+" "+c.Href)
	}
	for _, r := range m.Rows {
		rows = append(rows, r.Head.Label+" "+r.Head.Href)
	}
	if want := []string{"Samordnande insatser funktioner/f1/", "Aktiverande funktion funktioner/f2/"}; !slices.Equal(cols, want) {
		t.Errorf("columns = %q, want %q", cols, want)
	}
	if want := []string{"Borås kommuner/boras/", "Mark kommuner/mark/", "Åmål kommuner/amal/"}; !slices.Equal(rows, want) {
		t.Errorf("rows = %q, want %q", rows, want)
	}

	// Two kommuner put Två kommuner in both rows; the ended activity, and
	// the structural coordinator, are in no cell; Sista dagen ends today
	// and is still in; Planerad insats starts tomorrow and is already in.
	// The ended activity is there too, for the search to show when it
	// finds it (the page hides it).
	want := map[string][]string{
		"Borås/f1": {"Avslutad insats", "Två kommuner"},
		"Borås/f2": {},
		"Mark/f1":  {"Två kommuner"},
		"Mark/f2":  {"Sista dagen"},
		"Åmål/f1":  {"Lotsen"},
		"Åmål/f2":  {"Lotsen", "Planerad insats"},
	}
	got := map[string][]string{}
	for _, r := range m.Rows {
		if len(r.Cells) != len(m.Cols) {
			t.Fatalf("row %s has %d cells for %d columns", r.Head.Label, len(r.Cells), len(m.Cols))
		}
		for j, cell := range r.Cells {
			id := strings.TrimSuffix(strings.TrimPrefix(m.Cols[j].Href, "funktioner/"), "/")
			got[r.Head.Label+"/"+id] = names(cell)
		}
	}
	for key, w := range want {
		if !slices.Equal(got[key], w) {
			t.Errorf("cell %s = %q, want %q", key, got[key], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("matrix has %d cells, want %d: %q", len(got), len(want), got)
	}
}

func TestAssembleStatus(t *testing.T) {
	pages := assemble(testCatalogue())
	home := pageAt(t, pages, "")
	var all []Item
	for _, r := range home.View.(*HomeView).Matrix.Rows {
		for _, c := range r.Cells {
			all = append(all, c...)
		}
	}
	tests := []struct {
		name, status, key string
	}{
		{"Planerad insats", "Planerad, startar 23 november 2026", "planerad"},
		{"Sista dagen", "", "pagaende"},
		{"Två kommuner", "", "pagaende"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it, ok := findItem(all, tt.name)
			if !ok {
				t.Fatalf("%s is not in the matrix", tt.name)
			}
			if it.StatusKey != tt.key || it.Status != tt.status {
				t.Errorf("matrix item %s: Status %q, StatusKey %q; want %q, %q", tt.name, it.Status, it.StatusKey, tt.status, tt.key)
			}
		})
	}

	t.Run("activity page", func(t *testing.T) {
		for slug, want := range map[string]string{
			"planerad":     "Planerad, startar 23 november 2026",
			"sista-dagen":  "Pågående",
			"avslutad":     "Avslutad 21 november 2026",
			"tva-kommuner": "Pågående",
		} {
			p := pageAt(t, pages, "verksamheter/"+slug+"/")
			v, ok := p.View.(*ActivityView)
			if !ok {
				t.Fatalf("%s: no ActivityView", p.URL)
			}
			if got := v.Status; got != want {
				t.Errorf("%s: status %q, want %q", p.URL, got, want)
			}
		}
	})
}

func TestAssembleEnded(t *testing.T) {
	pages := assemble(testCatalogue())
	ended := pageAt(t, pages, "avslutade/")
	var items []Item
	for _, g := range ended.View.(*ListView).Groups {
		items = append(items, g.Items...)
	}
	if got, want := names(items), []string{"Avslutad insats"}; !slices.Equal(got, want) {
		t.Fatalf("avslutade/ lists %q, want %q", got, want)
	}
	it := items[0]
	if it.StatusKey != "avslutad" || it.Status != "Avslutad 21 november 2026" {
		t.Errorf("avslutade/ item: Status %q, StatusKey %q", it.Status, it.StatusKey)
	}
	if it.Href != "../verksamheter/avslutad/" {
		t.Errorf("avslutade/ item links to %q, want ../verksamheter/avslutad/", it.Href)
	}
	pageAt(t, pages, "verksamheter/avslutad/") // its page is still published

	// The A–Ö list has it, marked, so that find in page reaches it.
	all := pageAt(t, pages, "verksamheter/")
	if len(all.View.(*ListView).Groups) == 0 {
		t.Fatal("verksamheter/ lists nothing")
	}
	if it, ok := findItem(all.View.(*ListView).Groups[0].Items, "Avslutad insats"); !ok || it.StatusKey != "avslutad" {
		t.Errorf("verksamheter/ does not list the ended activity, marked: %+v", it)
	}
	// Current listings leave it out.
	for _, u := range []string{"kommuner/boras/", "funktioner/f1/", "finansiering/finsam/"} {
		p := pageAt(t, pages, u)
		for _, g := range p.View.(*ListView).Groups {
			if _, ok := findItem(g.Items, "Avslutad insats"); ok {
				t.Errorf("%s lists the ended activity", u)
			}
		}
	}
	if got := pageAt(t, pages, "kommuner/").View.(*ListView).Links[0]; got.Label != "Borås" || got.Note != "2 verksamheter" {
		t.Errorf("kommuner/ link for Borås = %+v, want a count of 2 current activities", got)
	}
}

func TestAssembleStructural(t *testing.T) {
	home := pageAt(t, assemble(testCatalogue()), "")
	if got, want := names(home.View.(*HomeView).Structural), []string{"Koordinator"}; !slices.Equal(got, want) {
		t.Errorf("Structural = %q, want %q", got, want)
	}
	for _, r := range home.View.(*HomeView).Matrix.Rows {
		for _, c := range r.Cells {
			if _, ok := findItem(c, "Koordinator"); ok {
				t.Errorf("the structural activity is in the matrix row %s", r.Head.Label)
			}
		}
	}
	if it := home.View.(*HomeView).Structural[0]; it.Kommuner != "Alla kommuner" || it.Href != "verksamheter/koordinator/" {
		t.Errorf("structural item = %+v, want Kommuner %q and Href %q", it, "Alla kommuner", "verksamheter/koordinator/")
	}

	// An ended structural activity is not on the front page at all.
	cat := testCatalogue()
	cat.Activities[4].Slut = testNow.AddDays(-1)
	home = pageAt(t, assemble(cat), "")
	if len(home.View.(*HomeView).Structural) != 0 {
		t.Errorf("Structural = %q after the coordinator ended, want none", names(home.View.(*HomeView).Structural))
	}
}

func TestAssemblePaths(t *testing.T) {
	pages := assemble(testCatalogue())
	seen := map[string]bool{}
	for _, p := range pages {
		if seen[p.Path] {
			t.Errorf("two pages write %s", p.Path)
		}
		seen[p.Path] = true
		if p.Template == "404" {
			continue
		}
		if p.Path != p.URL+"index.html" {
			t.Errorf("page %q is written to %q, want %q", p.URL, p.Path, p.URL+"index.html")
		}
		if p.URL != "" && !strings.HasSuffix(p.URL, "/") {
			t.Errorf("page URL %q is not a folder", p.URL)
		}
		if !p.InSitemap {
			t.Errorf("page %q is not in the sitemap", p.URL)
		}
		if want := "https://samverkan.example.se/testbygd/" + p.URL; p.View.PageFrame().Canonical != want {
			t.Errorf("page %q: Canonical %q, want %q", p.URL, p.View.PageFrame().Canonical, want)
		}
	}
	for _, u := range []string{
		"", "verksamheter/", "verksamheter/lotsen/", "kommuner/", "kommuner/amal/",
		"funktioner/", "funktioner/f1/", "finansiering/", "finansiering/ordinarie/",
		"forbund/", "forbund/testforbundet/", "huvudman/", "huvudman/samordningsforbundet-testbygd/",
		"avslutade/", "om/", "tillganglighet/",
	} {
		pageAt(t, pages, u)
	}
}

// TestAssembleRoot checks that every page's Root leads back to the site root,
// and that the links a page shows lead to pages of the site, from wherever
// the page is served: the 404 page at any depth.
func TestAssembleRoot(t *testing.T) {
	const site = "https://x.se/sub/"
	cat := testCatalogue()
	cat.Index.BaseURL = site
	pages := assemble(cat)
	urls := map[string]bool{}
	for _, p := range pages {
		urls[site+p.URL] = true
	}
	for _, p := range pages {
		name := p.URL
		if name == "" {
			name = "front page"
		}
		t.Run(name, func(t *testing.T) {
			loc := site + p.URL
			if p.Template == "404" {
				loc = site + "no/such/page"
			} else if want := strings.Repeat("../", strings.Count(p.URL, "/")); p.View.PageFrame().Root != want {
				t.Errorf("Root = %q, want %q (depth of %q)", p.View.PageFrame().Root, want, p.URL)
			}
			base, err := url.Parse(loc)
			if err != nil {
				t.Fatal(err)
			}
			resolve := func(href string) string {
				ref, err := url.Parse(href)
				if err != nil {
					t.Fatalf("href %q: %v", href, err)
				}
				return base.ResolveReference(ref).String()
			}
			root := p.View.PageFrame().Root
			if root == "" {
				root = "./"
			}
			if got := resolve(root); got != site {
				t.Errorf("Root %q resolves to %s, want %s", p.View.PageFrame().Root, got, site)
			}
			if got := resolve(p.View.PageFrame().CSS); got != site+"samkat.css" {
				t.Errorf("CSS %q resolves to %s", p.View.PageFrame().CSS, got)
			}
			for _, href := range pageLinks(p.View) {
				if got := resolve(href); !urls[got] {
					t.Errorf("link %q resolves to %s, which is not a page", href, got)
				}
			}
		})
	}
}

// pageLinks returns the hrefs of v that point to pages of the site.
func pageLinks(view View) []string {
	f := view.PageFrame()
	hrefs := []string{f.Home, f.Footer.Statement.Href}
	for _, l := range f.Nav {
		hrefs = append(hrefs, l.Href)
	}
	var items []Item
	var m *Matrix
	var list ListView
	var facts []Fact
	switch v := view.(type) {
	case *HomeView:
		items, m = slices.Clone(v.Structural), v.Matrix
	case *BookletView:
		m = v.Matrix
	case *ListView:
		list = *v
	case *ActivityView:
		facts = v.Facts
	}
	if m != nil {
		for _, c := range m.Cols {
			hrefs = append(hrefs, c.Href)
		}
		for _, r := range m.Rows {
			hrefs = append(hrefs, r.Head.Href)
			for _, c := range r.Cells {
				items = append(items, c...)
			}
		}
	}
	for _, g := range list.Groups {
		if g.Href != "" {
			hrefs = append(hrefs, g.Href)
		}
		items = append(items, g.Items...)
	}
	for _, it := range items {
		hrefs = append(hrefs, it.Href)
	}
	for _, l := range list.Links {
		hrefs = append(hrefs, l.Href)
	}
	for _, f := range facts {
		for _, l := range f.Links {
			if !strings.HasPrefix(l.Href, "https://example.se/") { // webb is external
				hrefs = append(hrefs, l.Href)
			}
		}
	}
	if list.Forbund != nil {
		for _, l := range list.Forbund.Members {
			hrefs = append(hrefs, l.Href)
		}
	}
	return hrefs
}

func TestAssembleNotFound(t *testing.T) {
	tests := []struct {
		baseURL, root string
	}{
		{"https://x.se/sub/", "/sub/"},
		{"https://x.se/a/b/", "/a/b/"},
		{"https://x.se/", "/"},
		{"", "/"},
	}
	for _, tt := range tests {
		t.Run(tt.baseURL, func(t *testing.T) {
			cat := testCatalogue()
			cat.Index.BaseURL = tt.baseURL
			pages := assemble(cat)
			p := pageAt(t, pages, "404.html")
			if p != &pages[len(pages)-1] {
				t.Errorf("the 404 page is not the last page")
			}
			if p.Path != "404.html" || p.Template != "404" || p.InSitemap {
				t.Errorf("404 page: Path %q, Template %q, InSitemap %v", p.Path, p.Template, p.InSitemap)
			}
			if p.View.PageFrame().Root != tt.root {
				t.Errorf("404 Root = %q, want %q", p.View.PageFrame().Root, tt.root)
			}
			if p.View.PageFrame().Home != tt.root {
				t.Errorf("404 Home = %q, want %q", p.View.PageFrame().Home, tt.root)
			}
			if p.View.PageFrame().Canonical != "" {
				t.Errorf("404 Canonical = %q, want none", p.View.PageFrame().Canonical)
			}
			for _, l := range p.View.PageFrame().Nav {
				if !strings.HasPrefix(l.Href, tt.root) {
					t.Errorf("404 nav link %q does not start at %q", l.Href, tt.root)
				}
			}
		})
	}
}

func TestAssembleLanguage(t *testing.T) {
	tests := []struct {
		sprak   string
		nav     []string
		caption string
		ended   string
	}{
		{
			"sv",
			[]string{"Verksamheter", "Kommuner", "Funktioner", "Finansiering", "Samordningsförbund", "Huvudmän", "Avslutade", "Om katalogen"},
			"Verksamheter per kommun och funktion",
			"Avslutad 21 november 2026",
		},
		{
			"en",
			[]string{"Activities", "Municipalities", "Functions", "Financing", "Coordination associations", "Organisers", "Ended", "Om katalogen"},
			"Activities by municipality and function",
			"Ended 21 November 2026",
		},
	}
	for _, tt := range tests {
		t.Run(tt.sprak, func(t *testing.T) {
			cat := testCatalogue()
			cat.Index.Sprak = tt.sprak
			pages := assemble(cat)
			for _, p := range pages {
				var labels []string
				for _, l := range p.View.PageFrame().Nav {
					labels = append(labels, l.Label)
				}
				if !slices.Equal(labels, tt.nav) {
					t.Fatalf("page %q nav = %q, want %q", p.URL, labels, tt.nav)
				}
				if p.View.PageFrame().Lang != tt.sprak {
					t.Errorf("page %q Lang = %q, want %q", p.URL, p.View.PageFrame().Lang, tt.sprak)
				}
			}
			home := pageAt(t, pages, "")
			if home.View.(*HomeView).Matrix.Caption != tt.caption {
				t.Errorf("matrix caption = %q, want %q", home.View.(*HomeView).Matrix.Caption, tt.caption)
			}
			if got := pageAt(t, pages, "verksamheter/avslutad/").View.(*ActivityView).Status; got != tt.ended {
				t.Errorf("ended status = %q, want %q", got, tt.ended)
			}
		})
	}
}

func TestAssembleNavCurrent(t *testing.T) {
	navPages := map[string]string{
		"verksamheter/": "Verksamheter",
		"kommuner/":     "Kommuner",
		"funktioner/":   "Funktioner",
		"finansiering/": "Finansiering",
		"forbund/":      "Samordningsförbund",
		"huvudman/":     "Huvudmän",
		"avslutade/":    "Avslutade",
		"om/":           "Om katalogen",
	}
	for _, p := range assemble(testCatalogue()) {
		var current []string
		for _, l := range p.View.PageFrame().Nav {
			if l.Current {
				current = append(current, l.Label)
			}
		}
		var want []string
		if label, ok := navPages[p.URL]; ok {
			want = []string{label}
		}
		if !slices.Equal(current, want) {
			t.Errorf("page %q marks %q as current, want %q", p.URL, current, want)
		}
	}
}

func TestAssembleMissingStatement(t *testing.T) {
	cat := testCatalogue()
	cat.Pages = slices.DeleteFunc(cat.Pages, func(p *catalog.Page) bool { return p.Kind == catalog.TillganglighetPage })
	v := pageAt(t, assemble(cat), "tillganglighet/").View.(*TextView)
	if v.Title != "Tillgänglighetsredogörelse" || !strings.Contains(v.Intro, "ännu ingen tillgänglighetsredogörelse") {
		t.Errorf("stub statement: Title %q, Intro %q", v.Title, v.Intro)
	}
}

func TestAssembleTermPage(t *testing.T) {
	pages := assemble(testCatalogue())
	f1 := pageAt(t, pages, "funktioner/f1/").View.(*ListView)
	if f1.Title != "Samordning" || f1.Intro != "Insatser som samordnar." {
		t.Errorf("funktioner/f1/: Title %q, Intro %q; want the content page's titel and beskrivning", f1.Title, f1.Intro)
	}
	f2 := pageAt(t, pages, "funktioner/f2/")
	if f2.View.PageFrame().Title != "Aktiverande funktion" {
		t.Errorf("funktioner/f2/: Title %q, want the axis name", f2.View.PageFrame().Title)
	}
	var listed []string
	for _, g := range f2.View.(*ListView).Groups {
		listed = append(listed, names(g.Items)...)
	}
	if want := []string{"Lotsen", "Planerad insats", "Sista dagen"}; !slices.Equal(listed, want) {
		t.Errorf("funktioner/f2/ lists %q, want %q", listed, want)
	}
}

func TestAssembleContact(t *testing.T) {
	p := pageAt(t, assemble(testCatalogue()), "verksamheter/lotsen/")
	cs := p.View.(*ActivityView).Contacts
	if len(cs) != 1 {
		t.Fatalf("lotsen has %d contacts, want 1", len(cs))
	}
	c := cs[0]
	if c.TelHref != "tel:+4633355141" || c.MailHref != "mailto:peter@example.se" || c.Kommun != "för Åmål" {
		t.Errorf("contact = %+v", c)
	}
}

// Förbund pages of the same title are listed in the order of their slugs,
// on every build: their order was that of a map's keys.
func TestForbundOfOneTitleInOrder(t *testing.T) {
	fsys := keyCatalogue(t, 40)
	for _, slug := range []string{"b-forbund", "a-forbund", "c-forbund"} {
		fsys["content/forbund/"+slug+".md"] = &fstest.MapFile{Data: []byte("---\ntitel: Samordningsförbundet\n---\nText.\n")}
	}
	in := keyInput(t, fsys, catalog.Date{Year: 2026, Month: 3, Day: 1}, false)
	for range 20 {
		for _, pg := range Assemble(in) {
			if pg.URL != "forbund/" {
				continue
			}
			var got []string
			for _, l := range pg.View.(*ListView).Links {
				if l.Label == "Samordningsförbundet" {
					got = append(got, l.Href)
				}
			}
			if want := []string{"../forbund/a-forbund/", "../forbund/b-forbund/", "../forbund/c-forbund/"}; !slices.Equal(got, want) {
				t.Fatalf("forbund/ lists %v, want %v", got, want)
			}
		}
	}
}
