// Package route is the one place where the site's addresses are made: every
// URL of a page or a generated file, relative to the site root, comes from
// here, and so does the list of names a catalogue's own pages may not take.
// site, export, search, check and the build driver ask it; none of them
// writes an address of its own.
//
// An address is a slash path without a leading slash: "verksamheter/lotsen/"
// for a page (a folder, written as its index.html) and "feed.xml" for a
// file. "" is the front page.
package route

import (
	"strings"

	"github.com/samkat/samkat/internal/catalog"
)

// The sections of the site: a list page each, and the pages below it.
const (
	Activities   = "verksamheter/" // the A–Ö list; each activity below it
	Kommuner     = "kommuner/"
	Funktioner   = "funktioner/"
	Finansiering = "finansiering/"
	Forbund      = "forbund/"
	Huvudman     = "huvudman/"
	Ended        = "avslutade/"
	Booklet      = "utskrift/"
	Review       = "granskning/"
	Statement    = "tillganglighet/" // the accessibility statement (content/tillganglighet.md)
	Search       = "sok/"            // the search index lives below it
	SearchIndex  = Search + "index/"
	Data         = "data/"
	Admin        = "admin/" // the editors' form, when the catalogue asks for it
)

// The generated files.
const (
	DataJSON = Data + "verksamheter.json"
	DataCSV  = Data + "verksamheter.csv"
	Feed     = "feed.xml"
	Sitemap  = "sitemap.xml"
	Robots   = "robots.txt"
	NotFound = "404.html"
)

// Activity is the page of the activity with slug.
func Activity(slug string) string { return Activities + slug + "/" }

// Kommun is the page of the municipality named name.
func Kommun(name string) string { return Kommuner + catalog.Slugify(name) + "/" }

// BookletKommun is the printable catalogue of the municipality named name,
// made when the catalogue is too large to print as one.
func BookletKommun(name string) string { return Booklet + catalog.Slugify(name) + "/" }

// BookletForbund is the printable catalogue of the förbund with slug,
// below its page, made when the catalogue is too large to print as one.
// It cannot take another page's address: below forbund/ the site has
// only the förbund pages, one folder deep (a slug has no slash), and no
// municipality's booklet is below forbund/.
func BookletForbund(slug string) string { return ForbundPage(slug) + Booklet }

// Funktion is the page of the function with id.
func Funktion(id string) string { return Funktioner + id + "/" }

// FinansieringPage is the page of the financing source with id.
func FinansieringPage(id string) string { return Finansiering + id + "/" }

// ForbundPage is the page of the förbund with slug.
func ForbundPage(slug string) string { return Forbund + slug + "/" }

// HuvudmanPage is the page of the organiser named name.
func HuvudmanPage(name string) string { return Huvudman + catalog.Slugify(name) + "/" }

// Page is where a page of content/ is published: by its kind and slug.
func Page(p *catalog.Page) string {
	switch p.Kind {
	case catalog.ForbundPage:
		return ForbundPage(p.Slug)
	case catalog.FunktionPage:
		return Funktion(p.Slug)
	case catalog.FinansieringPage:
		return FinansieringPage(p.Slug)
	}
	return p.Slug + "/"
}

// Reserved returns the top-level names the site itself uses, which a plain
// page (content/<slug>.md) may not take: every section above, and the
// names of the generated files without their extensions.
func Reserved() []string {
	names := []string{}
	for _, s := range []string{Activities, Kommuner, Funktioner, Finansiering, Forbund, Huvudman, Ended, Booklet, Review, Search, Data, Admin} {
		names = append(names, strings.TrimSuffix(s, "/"))
	}
	for _, f := range []string{Feed, Sitemap, Robots, NotFound} {
		name, _, _ := strings.Cut(f, ".")
		names = append(names, name)
	}
	return append(names, "static")
}
