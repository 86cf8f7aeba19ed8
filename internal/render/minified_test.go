package render

import (
	"bytes"
	"html/template"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/site"
)

// minifiedRenderer returns a renderer of the built-in layouts with the
// build's minifier, and that minifier for a page.
func minifiedRenderer(t testing.TB) (*Renderer, func(page []byte) ([]byte, error)) {
	t.Helper()
	min := publish.NewMinifier()
	r, err := NewMinified(os.DirFS("../../layouts"), nil, func(b []byte) ([]byte, error) {
		return min.Minify("entry.html", b)
	})
	if err != nil {
		t.Fatal(err)
	}
	return r, func(page []byte) ([]byte, error) { return min.Minify("index.html", page) }
}

// minBodies are bodies as the Markdown converter writes them, and HTML
// that it does not write (which the page writer leaves to the minifier).
var minBodies = []string{
	"# Rubrik\n\nText  med\tmellanrum &amp; <em>betoning</em> och `kod  &lt;x&gt;`.\n\n- ett\n- två\n",
	"    kod   med\n      indrag\n\n```\n<pre> &amp; \"citat\"\n  rader\n```\n\nEfter.",
	"| a | b |\n|---|---|\n| \\<x\\> | \"y\" 'z' |\n\n> citat  \n> rad\n",
	"Text <!-- en kommentar --> och en rad<br>till.\n\n***\n\n[länk](https://exempel.se/?a=1&b=2) <https://x.se>",
	"1. ett\n2. **två**\n\n   fortsatt\n\n\n\n  \t\n",
}

// fixFactLinks gives each fact with links the HTML Prerender gives it
// (the partial "fact-links"), or none.
func fixFactLinks(t testing.TB, r *Renderer, facts []site.Fact, none bool) {
	for i := range facts {
		fa := &facts[i]
		fa.HTML = ""
		if len(fa.Links) == 0 || none {
			continue
		}
		var b bytes.Buffer
		if err := r.partials.ExecuteTemplate(&b, "fact-links", fa.Links); err != nil {
			t.Fatal(err)
		}
		fa.HTML = template.HTML(b.String())
	}
}

// checkMinified writes pg minified and compares it with the minifier over
// the page as Render writes it; it reports whether pg was written so.
func checkMinified(t testing.TB, r *Renderer, minify func([]byte) ([]byte, error), pg site.Page) bool {
	t.Helper()
	plain, err := r.Render(pg)
	if err != nil {
		if _, ok := r.RenderMinified(nil, pg); ok {
			t.Fatalf("the page was written minified, and rendering it fails: %v", err)
		}
		return false
	}
	want, minErr := minify(plain)
	got, ok := r.RenderMinified(nil, pg)
	if ok && minErr != nil {
		t.Fatalf("the page was written minified, and the minifier fails on it: %v\npage %q", minErr, plain)
	}
	if ok && !bytes.Equal(got, want) {
		i := 0
		for i < min(len(got), len(want)) && got[i] == want[i] {
			i++
		}
		t.Fatalf("the page written minified differs from the minifier's at byte %d:\n got …%q\nwant …%q\npage %q", i,
			got[max(i-60, 0):min(i+80, len(got))], want[max(i-60, 0):min(i+80, len(want))], plain)
	}
	return ok
}

// TestMinifiedAsWhole writes activity pages and booklet entries with the
// values of tricky, and with values the minifier rewrites wherever they
// are, minified, and compares them with the minifier over what pages.go
// and partials.go write.
func TestMinifiedAsWhole(t *testing.T) {
	r, minify := minifiedRenderer(t)
	conv := markdown.New()
	// Values the minifier rewrites but that do not depend on their place.
	clean := []string{"Lotsen", "Åsa & Örjan", "'enkla'", "a+b<c>d", "nul\x00byte", "\xff\xfe trasig",
		"rad\u2028stycke\u2029", "18–64 år…", "a  b\t\tc\nd \r e\fx", "&amp;&#34;&x", "&&<&>&+&'&\x00&é", "x&#",
		"https://x.se/a b?q=1&r=2#frag", "HTTPS://X.SE/&amp", "Http:x//", "tel:+46 12&3", "../../kommuner/mark/"}
	// And for text alone: quotes, which in an attribute may change the
	// minifier's quotes.
	cleanText := append(slices.Clone(clean), `"citat" 'enkla'`, `x"`, `"`)
	written, entries := 0, 0
	for n := range 600 {
		v := trickyView(n)
		if n%2 == 1 {
			// Every value from clean, so that most pages are written.
			pick := func(k int) string { return clean[(n*5+k*11)%len(clean)] }
			pickText := func(k int) string { return cleanText[(n*7+k*11)%len(cleanText)] }
			f := &v.Frame
			f.Lang, f.Home, f.SiteTitle, f.Subtitle, f.Title, f.DocTitle = []string{"sv", "en"}[n%4/2], pick(1), pick(2), pickText(3), pick(4), pickText(5)
			f.Description, f.Canonical, f.CSS, f.Favicon, f.Version = pick(6), pick(7), pick(8), pick(9), pick(10)
			for i, k := range slices.Sorted(mapsKeys(f.T)) {
				f.T[k] = pickText(20 + i)
			}
			if f.Footer.Feed != nil {
				f.Footer.Feed = &site.Link{Href: pick(11), Label: pick(12)}
			}
			f.NavHTML = template.HTML("\n<nav aria-label=\"x\"><ul>\n<li><a href=\"" + pick(13) + "\">" + string(appendHTML(nil, pick(14))) + "</a></li>\n</ul></nav>\n")
			f.FooterHTML = template.HTML("<footer>\n<p>" + string(appendHTML(nil, pick(15))) + " <a href=\"x\">y</a> </p>\n</footer>")
			v.Status, v.StatusKey = pickText(16), []string{"pagaende", "a&b", "x<y"}[n%3]
			for i := range v.Facts {
				v.Facts[i].Label, v.Facts[i].Text = pickText(30+i), pickText(40+i)
				for j := range v.Facts[i].Links {
					v.Facts[i].Links[j] = site.Link{Label: pickText(50 + i + j), Href: pick(60 + i + j)}
				}
			}
			for i := range v.Contacts {
				c := &v.Contacts[i]
				vals := []*string{&c.Name, &c.Role, &c.Phone, &c.Email, &c.MailHref, &c.Address, &c.Kommun}
				for j, p := range vals {
					*p = pickText(70 + i*7 + j)
					if p == &c.MailHref {
						*p = pick(70 + i*7 + j)
					}
					if (n+i+j)%5 == 0 && p != &c.MailHref {
						*p = "" // not printed
					}
				}
				c.TelHref = template.URL(pick(90 + i))
			}
			body, _ := conv.Convert("x.md", []byte(minBodies[n%len(minBodies)]))
			v.Body = body.HTML
		}
		fixFactLinks(t, r, v.Facts, n%3 == 0)
		if checkMinified(t, r, minify, site.Page{Path: "verksamheter/x/index.html", Template: "activity", View: v}) {
			written++
		}
		id := []string{"lotsen", v.StatusKey, v.Title}[n%3]
		a := site.BookletActivity{Name: v.Title, ID: id, Status: v.Status, Facts: v.Facts, Contacts: v.Contacts, Body: v.Body}
		if n%4 == 0 {
			a.Status, a.Body = "", ""
		}
		if checkEntryMinified(t, r, minify, a, v.T) {
			entries++
		}
	}
	if written < 150 || entries < 150 {
		t.Errorf("%d of 600 pages and %d of 600 entries written minified", written, entries)
	}
	t.Logf("%d of 600 pages and %d of 600 entries written minified", written, entries)
}

// checkEntryMinified writes the booklet's entry of a minified and
// compares it with the minifier over the entry as partials.go writes it;
// it reports whether it was written so.
func checkEntryMinified(t testing.TB, r *Renderer, minify func([]byte) ([]byte, error), a site.BookletActivity, texts site.Strings) bool {
	t.Helper()
	f := &fragment{partial: splicedPartial, args: map[string]any{"Activity": a, "T": texts}}
	plain, ok := r.write(nil, f)
	if !ok {
		return false
	}
	got := r.minEntry(f, len(plain))
	want, err := minify(bytes.TrimSpace(plain))
	if got != nil && err != nil {
		t.Fatalf("the entry was written minified, and the minifier fails on it: %v\nentry %q", err, plain)
	}
	if got != nil && !bytes.Equal(got, want) {
		i := 0
		for i < min(len(got), len(want)) && got[i] == want[i] {
			i++
		}
		t.Fatalf("the entry written minified differs from the minifier's at byte %d:\n got …%q\nwant …%q\nentry %q", i,
			got[max(i-60, 0):min(i+80, len(got))], want[max(i-60, 0):min(i+80, len(want))], plain)
	}
	return got != nil
}

func mapsKeys(m site.Strings) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// FuzzMinifiedAsWhole writes an activity page whose every text is text,
// every href href, whose body is Markdown converted and whose navigation
// is nav as it is, and a booklet entry of the same, minified, and
// compares them with the minifier over what pages.go and partials.go
// write:
//
//	go test ./internal/render -run '^$' -fuzz FuzzMinifiedAsWhole -fuzztime 1m
func FuzzMinifiedAsWhole(f *testing.F) {
	for i, s := range tricky {
		f.Add(s, tricky[(i+5)%len(tricky)], minBodies[i%len(minBodies)], "<nav><p>"+s+"</p></nav>")
	}
	f.Add("a  b", "x", "<pre>", "<nav title='a>b'>x</nav>")
	f.Add("x", "tel:+1", "```\n</pre>\n```", "<div><pre></div>")
	f.Add("x", "y", "<textarea>", "<nav a=b\"c>x</nav><p title=\">\">y</p>")
	r, minify := minifiedRenderer(f)
	conv := markdown.New()
	f.Fuzz(func(t *testing.T, text, href, md, nav string) {
		v := trickyView(7) // every field and branch of the page
		v.T = site.Strings{}
		for _, k := range slices.Concat(frameTexts, activityTexts, []string{"draftPage", "draftPreview"}) {
			v.T[k] = text
		}
		// A '"' in an attribute leaves the page to the minifier: the
		// values printed in attributes have none, so that the others are
		// tried with it.
		attr := strings.ReplaceAll(text, `"`, "")
		v.Title, v.DocTitle, v.Description, v.SiteTitle, v.Subtitle, v.Status, v.StatusKey = attr, text, attr, attr, text, text, attr
		v.Canonical, v.CSS, v.Favicon, v.Home, v.Version = href, href, href, href, attr
		v.Footer.Feed = &site.Link{Label: attr, Href: href}
		v.StructuredData = &site.GovernmentService{Name: text, URL: href}
		v.Facts = []site.Fact{{Label: text, Text: text}, {Label: text, Links: []site.Link{{Label: text, Href: href}, {Label: text, Href: href}}}}
		v.Contacts = []site.ContactView{
			{Name: text, Role: text, Phone: text, Email: text, MailHref: href, Address: text, Kommun: text, TelHref: template.URL(href)},
			{Kommun: text},
		}
		v.NavHTML = template.HTML(nav)
		v.FooterHTML = template.HTML(nav)
		body, _ := conv.Convert("x.md", []byte(md))
		v.Body = body.HTML
		fixFactLinks(t, r, v.Facts, false)
		checkMinified(t, r, minify, site.Page{Path: "verksamheter/x/index.html", Template: "activity", View: v})
		a := site.BookletActivity{Name: text, ID: attr, Status: text, Facts: v.Facts, Contacts: v.Contacts, Body: body.Booklet.HTML()}
		checkEntryMinified(t, r, minify, a, v.T)
	})
}

// TestIsolatedBlock: the HTML minState.block minifies alone, and what it
// leaves to the minifier over the page.
func TestIsolatedBlock(t *testing.T) {
	for html, want := range map[string]bool{
		`<div class="text"><p>a &amp; b</p></div>`:                         true,
		`<nav aria-label="Meny"><ul><li><a href="x">y</a></li></ul></nav>`: true,
		`<DIV><pre>x</pre></Div>`:                                          true,
		`<div><br><img src="a" alt=""><hr/></div>`:                         true,
		`<span>x</span>`:                       false, // not a block
		`<div>x</div><p>y</p>`:                 false, // two elements: the last is not the first's
		`<div>x</div>y`:                        false,
		`<div><pre>x</div>`:                    false, // <pre> left open
		`<div><!-- c --></div>`:                false,
		`<div><script>x</script></div>`:        false,
		`<div><textarea>x</textarea></div>`:    false,
		`<div><svg></svg></div>`:               false,
		`<div title="a>b">x</div>`:             true,
		`<div title="</div>">`:                 false, // the tag is never closed
		`<div a=b"c>x</div><p title=">">y</p>`: false,
		`<div>a > b</div>`:                     false,
		`<div>a < b</div>`:                     false,
		`<div></div >`:                         false,
		`<blockquotex></blockquotex>`:          false,
	} {
		if got := isolatedBlock([]byte(html)); got != want {
			t.Errorf("isolatedBlock(%q) = %v, want %v", html, got, want)
		}
	}
}
