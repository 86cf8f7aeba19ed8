package render

import (
	"bytes"
	"context"
	"html/template"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/samkat/samkat/internal/site"
)

// TestPageDigests holds the digests of fastPages to the built-in layouts:
// when this fails, the layouts of that page changed, and its writer must
// print what they print now before its digest takes theirs.
func TestPageDigests(t *testing.T) {
	r, err := New(os.DirFS("../../layouts"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range slices.Sorted(maps.Keys(fastPages)) {
		if got := layoutDigest(r.sets[name], "base.html", framePartials); got != fastPages[name].digest {
			t.Errorf("layoutDigest of the built-in %s set = %q, want its digest in fastPages, %q", name, got, fastPages[name].digest)
		}
		if r.pages[name] == nil {
			t.Errorf("the built-in %s pages are not written without html/template", name)
		}
	}
}

// tricky are values that html/template escapes in every way it can:
// quotes, entities, plus signs, NUL, bytes that are not UTF-8, line and
// paragraph separators, schemes it refuses and percent-escapes.
var tricky = []string{
	"", "Lotsen", "Åsa & Örjan", `"citat" 'enkla'`, "a+b<c>d", "nul\x00byte", "\xff\xfe trasig",
	"rad\u2028stycke\u2029", "18–64 år…", "javascript:alert(1)", "JavaScript:x", "mailto:a@b.se", "tel:+4612345",
	"https://x.se/a b?q=1&r=2#frag", "../../kommuner/mark/", "%41%zz%4", "http://exempel.se/å/ä", "data:text/html,x",
	"/väg:med/kolon", "x:y/z", "{{.}}", "</script><script>", "<!-- -->", "  mellanslag  ", "\t\n",
}

// trickyView makes an activity view of the values of tricky, chosen by n.
func trickyView(n int) *site.ActivityView {
	pick := func(k int) string { return tricky[(n*7+k*13+n/len(tricky)*k)%len(tricky)] }
	f := site.Frame{
		Lang: []string{"sv", "en", pick(1)}[n%3], T: site.Strings{}, Root: "../../", Home: pick(2), SiteTitle: pick(3),
		Subtitle: pick(4), Title: pick(5), DocTitle: pick(6), Description: pick(7), Canonical: pick(8), CSS: pick(9),
		Favicon: pick(10), Version: pick(11), Preview: n%4 == 1, Draft: n%8 == 1,
		NavHTML: template.HTML("<nav>" + pick(12) + "</nav>"), FooterHTML: template.HTML("<footer>" + pick(13) + "</footer>"),
	}
	for i, k := range slices.Concat(frameTexts, activityTexts, []string{"draftPage", "draftPreview"}) {
		f.T[k] = pick(20 + i)
	}
	if n%3 != 0 {
		f.Footer.Feed = &site.Link{Href: pick(14), Label: pick(15)}
	}
	if n%5 != 0 {
		age := n
		f.StructuredData = &site.GovernmentService{
			Context: "https://schema.org", Type: "GovernmentService", Name: pick(16), Description: pick(17), URL: pick(18),
			Audience:   &site.SchemaAudience{Type: "PeopleAudience", AudienceType: pick(19), SuggestedMaxAge: &age},
			AreaServed: []site.SchemaThing{{Type: "AdministrativeArea", Name: pick(30)}},
		}
	}
	v := &site.ActivityView{Frame: f, Status: pick(31), StatusKey: pick(32), Body: template.HTML(pick(33))}
	for i := range n % 5 {
		fa := site.Fact{Label: pick(40 + i), Text: pick(50 + i)}
		if i%2 == 1 {
			fa.Links = []site.Link{{Label: pick(60 + i), Href: pick(70 + i)}, {Label: pick(61 + i), Href: pick(71 + i)}}
			if n%2 == 0 {
				fa.HTML = template.HTML(pick(80 + i))
			}
		}
		v.Facts = append(v.Facts, fa)
	}
	for i := range n % 4 {
		v.Contacts = append(v.Contacts, site.ContactView{
			Name: pick(90 + i), Role: pick(91 + i), Phone: pick(92 + i), Email: pick(93 + i), MailHref: pick(94 + i),
			Address: pick(95 + i), Kommun: pick(96 + i), TelHref: template.URL(pick(97 + i)),
		})
	}
	return v
}

// trickyReview makes a review report of the values of tricky, chosen by n.
func trickyReview(n int) *site.ReviewView {
	v := trickyView(n)
	pick := func(k int) string { return tricky[(n*3+k*17)%len(tricky)] }
	for i, k := range reviewTexts {
		v.T[k] = pick(i)
	}
	if n%4 == 0 {
		v.T["reviewSummary"] = "%d saknar, %d äldre än %d dagar, %d aktuella."
	}
	r := &site.ReviewView{Frame: v.Frame, Intro: pick(10), Empty: pick(11), Limit: n, Missing: n % 7, Stale: n % 5, Fresh: n % 3}
	r.StructuredData = nil
	for i := range n % 6 {
		r.Rows = append(r.Rows, site.ReviewRow{Name: pick(20 + i), Href: pick(30 + i), Reviewed: pick(40 + i), State: pick(50 + i), StateKey: pick(60 + i), Contact: pick(70 + i)})
	}
	for i := range n % 3 {
		r.Unreachable = append(r.Unreachable, site.ReviewRow{Name: pick(80 + i), Href: pick(90 + i), State: pick(100 + i), Contact: pick(110 + i)})
	}
	return r
}

// TestPagesAsTemplate renders the pages of fastPages with the values of
// tricky both with html/template and without it, and compares the bytes.
func TestPagesAsTemplate(t *testing.T) {
	fast, err := New(os.DirFS("../../layouts"), nil)
	if err != nil {
		t.Fatal(err)
	}
	slow := *fast
	slow.pages = nil
	for n := range 400 {
		for _, pg := range []site.Page{
			{Path: "verksamheter/x/index.html", Template: "activity", View: trickyView(n)},
			{Path: "granskning/index.html", Template: "review", View: trickyReview(n)},
		} {
			want, err := slow.Render(pg)
			if err != nil {
				t.Fatalf("%s %d: html/template: %v", pg.Template, n, err)
			}
			got, ok := fast.pages[pg.Template](nil, pg.View)
			if !ok {
				t.Fatalf("%s %d: left to html/template", pg.Template, n)
			}
			if !bytes.Equal(got, want) {
				i := 0
				for i < min(len(got), len(want)) && got[i] == want[i] {
					i++
				}
				t.Fatalf("%s %d: the page differs from html/template's at byte %d:\n got …%q\nwant …%q", pg.Template, n, i,
					got[max(i-40, 0):min(i+80, len(got))], want[max(i-40, 0):min(i+80, len(want))])
			}
		}
	}
}

// TestActivityFallback checks which layouts of a catalogue keep the
// activity pages written without html/template: only those that leave the
// templates of the page as built in (the navigation and the footer come
// from Prerender either way).
func TestActivityFallback(t *testing.T) {
	builtin := os.DirFS("../../layouts")
	read := func(name string) string {
		b, err := fs.ReadFile(builtin, name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, c := range []struct {
		name     string
		override fstest.MapFS
		fast     bool
	}{
		{"none", nil, true},
		{"copies", fstest.MapFS{"base.html": file(read("base.html")), "activity.html": file(read("activity.html"))}, true},
		{"own footer", fstest.MapFS{"_partials/footer.html": file(`{{define "footer"}}<footer>egen</footer>{{end}}`)}, true},
		{"own nav", fstest.MapFS{"_partials/nav.html": file(`{{define "nav"}}<nav>egen</nav>{{end}}`)}, true},
		{"own home", fstest.MapFS{"home.html": file(`{{define "main"}}hem{{end}}`)}, true},
		{"own base", fstest.MapFS{"base.html": file(strings.Replace(read("base.html"), "<body>", "<body class=\"egen\">", 1))}, false},
		{"own activity", fstest.MapFS{"activity.html": file(`{{define "main"}}{{.Title}}{{end}}`)}, false},
		{"own facts", fstest.MapFS{"_partials/facts.html": file(strings.Replace(read("_partials/facts.html"), "<dl", "<dl data-x", 1))}, false},
		{"contacts redefined elsewhere", fstest.MapFS{"_partials/zz.html": file(`{{define "contacts"}}kontakt{{end}}`)}, false},
		{"fact-links redefined", fstest.MapFS{"_partials/zz.html": file(`{{define "fact-links"}}länkar{{end}}`)}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var override fs.FS
			if c.override != nil {
				override = c.override
			}
			r, err := New(builtin, override)
			if err != nil {
				t.Fatal(err)
			}
			if fast := r.pages["activity"] != nil; fast != c.fast {
				t.Errorf("activity pages without html/template: %v, want %v", fast, c.fast)
			}
		})
	}
}

// TestActivityLeftToTemplate checks that a page the writer does not know
// how to print goes to html/template: without the navigation rendered
// beforehand, with a redirect, with structured data of another type, or
// with a text missing.
func TestActivityLeftToTemplate(t *testing.T) {
	for name, change := range map[string]func(v *site.ActivityView){
		"no NavHTML":      func(v *site.ActivityView) { v.NavHTML = "" },
		"no FooterHTML":   func(v *site.ActivityView) { v.FooterHTML = "" },
		"redirect":        func(v *site.ActivityView) { v.Redirect = "../x/" },
		"other data":      func(v *site.ActivityView) { v.StructuredData = map[string]string{"a": "b"} },
		"nil data":        func(v *site.ActivityView) { v.StructuredData = (*site.GovernmentService)(nil) },
		"a text missing":  func(v *site.ActivityView) { delete(v.T, "phone") },
		"a draft missing": func(v *site.ActivityView) { v.Preview = true; delete(v.T, "draftPage") },
	} {
		v := trickyView(1)
		change(v)
		if _, ok := writeActivity(nil, v); ok {
			t.Errorf("%s: written without html/template", name)
		}
	}
	if _, ok := writeActivity(nil, trickyView(1)); !ok {
		t.Error("the tricky view is left to html/template")
	}
}

// TestPartialDigests holds the digests of fastPartials to the built-in
// layouts, as TestActivityDigest does for the activity page.
func TestPartialDigests(t *testing.T) {
	r, err := New(os.DirFS("../../layouts"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range slices.Sorted(maps.Keys(fastPartials)) {
		if got := layoutDigest(r.partials, name, nil); got != fastPartials[name].digest {
			t.Errorf("layoutDigest of the built-in %s = %q, want its digest in fastPartials, %q", name, got, fastPartials[name].digest)
		}
		if r.fast[name] == nil {
			t.Errorf("the built-in %s is not written without html/template", name)
		}
	}
}

// TestPartialsAsTemplate renders the entries of fastPartials with the
// values of tricky both with html/template and without it.
func TestPartialsAsTemplate(t *testing.T) {
	r, err := New(os.DirFS("../../layouts"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for n := range 400 {
		v := trickyView(n)
		pick := func(k int) string { return tricky[(n*5+k*11)%len(tricky)] }
		it := site.Item{
			Name: pick(1), Href: pick(2), Functions: pick(3), Kommuner: pick(4), Target: pick(5), Status: pick(6),
			StatusKey: []string{"avslutad", "planerad", "pagaende", pick(7)}[n%4], SearchID: n - 7, Draft: n%3 == 0,
		}
		v.T["draftMark"], v.T["plannedMark"], v.T["endedMark"] = pick(8), pick(9), pick(10)
		ba := site.BookletActivity{Name: pick(11), ID: pick(12), Status: pick(13), Facts: v.Facts, Contacts: v.Contacts, Body: v.Body}
		for name, args := range map[string]map[string]any{
			"item":             {"Item": it, "T": v.T, "Search": n%2 == 0},
			"matrix-item":      {"Item": it, "T": v.T},
			"booklet-activity": {"Activity": ba, "T": v.T},
		} {
			var want bytes.Buffer
			if err := r.partials.ExecuteTemplate(&want, name, args); err != nil {
				t.Fatalf("%s %d: html/template: %v", name, n, err)
			}
			got, ok := r.write(nil, fragmentOf(name, args))
			if !ok {
				t.Fatalf("%s %d: left to html/template", name, n)
			}
			if !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("%s %d:\n got %q\nwant %q", name, n, got, want.Bytes())
			}
		}
	}
}

// TestPrerenderSameAddress checks that items at one address that differ
// (site makes none, but a view may hold them) are each rendered as they are.
func TestPrerenderSameAddress(t *testing.T) {
	r, err := New(os.DirFS("../../layouts"), nil)
	if err != nil {
		t.Fatal(err)
	}
	v := trickyView(2)
	v.T["draftMark"] = "utkast"
	names := []string{"Första", "Andra", "Första", "Tredje"}
	var items []site.Item
	for _, n := range names {
		items = append(items, site.Item{Name: n, Href: "../verksamheter/x/", Functions: "f", Kommuner: "k"})
	}
	pages := []site.Page{{Path: "a/index.html", Template: "list", View: &site.ListView{Frame: v.Frame, Groups: []site.Group{{Items: items}}}}}
	if err := r.Prerender(context.Background(), pages); err != nil {
		t.Fatal(err)
	}
	for i, it := range pages[0].View.(*site.ListView).Groups[0].Items {
		if !strings.Contains(string(it.HTML), ">"+names[i]+"</a>") {
			t.Errorf("item %d (%s) is rendered as %q", i, names[i], it.HTML)
		}
	}
}

// FuzzWrittenAsTemplate renders an activity page, a review report and the
// entries whose every text is the fuzzed value both with html/template and
// without it:
//
//	go test ./internal/render -run '^$' -fuzz FuzzWrittenAsTemplate -fuzztime 1m
func FuzzWrittenAsTemplate(f *testing.F) {
	for _, s := range tricky {
		f.Add(s, s)
	}
	r, err := New(os.DirFS("../../layouts"), nil)
	if err != nil {
		f.Fatal(err)
	}
	slow := *r
	slow.pages = nil
	f.Fuzz(func(t *testing.T, text, href string) {
		v := trickyView(7) // every field and branch of the page
		v.T = site.Strings{}
		for _, k := range slices.Concat(frameTexts, activityTexts, reviewTexts, []string{"draftPage", "draftPreview", "draftMark", "plannedMark", "endedMark"}) {
			v.T[k] = text
		}
		v.Title, v.DocTitle, v.Description, v.SiteTitle, v.Subtitle, v.Status, v.StatusKey = text, text, text, text, text, text, text
		v.Canonical, v.CSS, v.Favicon, v.Home = href, href, href, href
		v.Footer.Feed = &site.Link{Label: text, Href: href}
		v.StructuredData = &site.GovernmentService{Name: text, URL: href}
		v.Facts = []site.Fact{{Label: text, Text: text}, {Label: text, Links: []site.Link{{Label: text, Href: href}}}}
		v.Contacts = []site.ContactView{{Name: text, Role: text, Phone: text, Email: text, MailHref: href, Address: text, Kommun: text, TelHref: template.URL(href)}}
		rv := &site.ReviewView{Frame: v.Frame, Intro: text, Rows: []site.ReviewRow{{Name: text, Href: href, State: text, StateKey: text, Contact: text}}}
		rv.StructuredData = nil
		for _, pg := range []site.Page{{Template: "activity", View: v}, {Template: "review", View: rv}} {
			want, err := slow.Render(pg)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := r.pages[pg.Template](nil, pg.View)
			if !ok || !bytes.Equal(got, want) {
				t.Fatalf("%s (written %v):\n got %q\nwant %q", pg.Template, ok, got, want)
			}
		}
		it := site.Item{Name: text, Href: href, Functions: text, Kommuner: text, Target: text, Status: text, StatusKey: text, Draft: true}
		ba := site.BookletActivity{Name: text, ID: text, Status: text, Facts: v.Facts, Contacts: v.Contacts, Body: template.HTML(text)}
		for name, args := range map[string]map[string]any{
			"item":             {"Item": it, "T": v.T, "Search": true},
			"matrix-item":      {"Item": it, "T": v.T},
			"booklet-activity": {"Activity": ba, "T": v.T},
		} {
			var want bytes.Buffer
			if err := slow.partials.ExecuteTemplate(&want, name, args); err != nil {
				t.Fatal(err)
			}
			got, ok := r.write(nil, fragmentOf(name, args))
			if !ok || !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("%s (written %v):\n got %q\nwant %q", name, ok, got, want.Bytes())
			}
		}
	})
}

// TestRenderAppend checks that a page rendered into a buffer used before
// is the page Render gives, whichever way it is rendered.
func TestRenderAppend(t *testing.T) {
	r, err := New(os.DirFS("../../layouts"), nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf []byte
	for n := range 20 {
		pg := site.Page{Path: "verksamheter/x/index.html", Template: "activity", View: trickyView(n)}
		if n%3 == 0 {
			f := pg.View.PageFrame()
			f.NavHTML, f.T["nav"] = "", "meny" // html/template
		}
		want, err := r.Render(pg)
		if err != nil {
			t.Fatal(err)
		}
		got, err := r.RenderAppend(buf, pg)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("page %d: RenderAppend differs from Render", n)
		}
		buf = got[:0]
	}
}

// TestBookletDigest: the built-in booklet is known as such, so that
// Prerender lets go of its entries' bodies (Renderer.dropsBookletBodies).
func TestBookletDigest(t *testing.T) {
	r, err := New(os.DirFS("../../layouts"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := layoutDigest(r.sets["utskrift"], "base.html", bookletSkip); got != bookletDigest {
		t.Errorf("layoutDigest of the built-in utskrift set = %q, want bookletDigest, %q", got, bookletDigest)
	}
	if !r.dropsBookletBodies {
		t.Error("the built-in booklet keeps its entries' bodies")
	}
}

// fragmentOf is the fragment Prerender makes of a partial and its
// arguments: an item's as its item, texts and Search.
func fragmentOf(partial string, args map[string]any) *fragment {
	if it, ok := args["Item"].(site.Item); ok {
		t, _ := args["T"].(site.Strings)
		search, _ := args["Search"].(bool)
		return &fragment{partial: partial, item: &it, texts: t, search: search}
	}
	return &fragment{partial: partial, args: args}
}
