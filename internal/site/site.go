// Package site decides what pages a catalogue becomes and what each shows:
// the front page with its matrix, a page per activity, the listings per
// municipality, function, financing source, förbund and organiser, the
// ended activities, plain pages and the 404 page. It produces view models
// with every text and link resolved; package render only fills templates.
//
// Links are relative ("../../kommuner/mark/") so that a site works when it
// is served from a sub-path or opened from disk. The 404 page is the
// exception: a server shows it at any depth, so its links start from the
// path of baseurl.
package site

import (
	"context"
	"html/template"
	"net/url"
	"slices"
	"strings"

	"github.com/samkat/samkat/internal/axis"
	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/parallel"
	"github.com/samkat/samkat/internal/route"
)

// Input is what Assemble needs: a checked catalogue without drafts, or with
// them for a preview.
type Input struct {
	Cat    *catalog.Catalogue
	Bodies map[string]template.HTML // rendered Markdown by file name
	// Summaries are the running text of each body by file name, for the
	// descriptions of pages.
	Summaries map[string]string
	// Data are the files of open data, linked from every page's footer.
	Data []DataFile
	// Booklet is each body as it stands in the printable catalogue, by file
	// name, made with the insets BookletIntroID, BookletFunctionID and
	// BookletActivityID name.
	Booklet map[string]markdown.Spliced
	Now     catalog.Date
	Assets  map[string]string // logical static name → fingerprinted name
	Version string
	// Drafts is set for a preview that shows utkast: true entries: every
	// page says so, and each draft is marked wherever it appears.
	Drafts bool
	// FileKeys, when set, holds for every content file (activities, pages
	// and _index.md) a hash of all that the site makes of it: its bytes,
	// and whatever else its parsed and checked frontmatter and its
	// converted body depend on (the index it was checked against, the
	// addresses its links resolve to, a BaseURL given as an option). The
	// pipeline makes them; from them and the rest of Input, Paths and
	// Assemble give every page its Key. Without them every Key is zero.
	FileKeys map[string]Key
	// ForbundBooklet is each body as it stands in the booklet of a förbund,
	// by file name, for the bodies that a förbund's booklet prints and a
	// municipality's does too (their links rebased to the depth of
	// ForbundBookletAddress): the function pages' and the activities'
	// with a förbund. A förbund page's body, printed in its own booklet
	// alone, is in Booklet.
	ForbundBooklet map[string]markdown.Spliced
	// BookletBodiesLater has the booklets' views leave each activity's
	// Body empty, to be made from Booklet or ForbundBooklet by
	// BookletActivity.WithBody when its entry is rendered: for a renderer
	// that renders every entry beforehand and prints only its HTML (the
	// built-in booklet), so that the booklet versions of the bodies are
	// not all made and kept at once.
	BookletBodiesLater bool
	// FieldKeys, when set, remembers the hash of an activity's
	// frontmatter (what its entries and pages show of its fields) by its
	// file and that file's entry in FileKeys, which decides it: it
	// returns the hash made before for the same file and file key, or
	// the one mk makes. A cache kept in memory (samkat serve) keeps them
	// from one build to the next, so that a save hashes again only the
	// fields of the files that changed. It is called from several
	// goroutines at once.
	FieldKeys func(file string, fileKey Key, mk func() Key) Key
	// Order, when set, remembers the order of the activities by name for
	// the next call (see Order); the pages are the same without it.
	Order *Order
	// KeysLater, with FileKeys, has Paths leave every page's Key zero and
	// its Files nil, and make them only when Page.MakeKey and
	// Page.MakeFiles ask for them: a caller that needs them for a few
	// pages (samkat serve, for the pages it has made and makes) does not
	// go through the whole table for them at every build. Assemble
	// ignores it.
	KeysLater bool
}

// Key identifies what a page's view is made of. Two builds that give a
// page the same non-zero Key give it the same view, so a build may keep
// the bytes it rendered from that view before instead of rendering it
// again (the layouts and the minifier are the pipeline's to add to the
// key). The zero Key says nothing: such a page is always rendered.
type Key [32]byte

// DataFile is a file of open data the site links to.
type DataFile struct {
	Label string // e.g. "JSON"
	Path  string // site-relative, e.g. "data/verksamheter.json"
}

// Page is one HTML file of the site.
type Page struct {
	Path      string // output file, e.g. "verksamheter/lotsen/index.html"
	URL       string // site-relative URL, e.g. "verksamheter/lotsen/" ("" is the front page)
	Template  string // layout to render: home, activity, list, utskrift, review, text, 404 or redirect
	InSitemap bool
	LastMod   catalog.Date
	// View is what the layout receives: a *HomeView, *ActivityView,
	// *ListView, *BookletView, *ReviewView, *TextView, *NotFoundView or
	// *RedirectView, one per Template. Each embeds the Frame.
	View View
	// Key identifies what View is made of (see Key); it is set by Paths as
	// well as by Assemble.
	Key Key
	// Files are the content files whose converted bodies the view reads
	// (their entries in Input.Bodies, Summaries and Booklet); set by
	// Paths as well as by Assemble. To make the views of some pages, a
	// caller needs to convert only the bodies of their Files: Page.Build
	// reads the maps of the Input given to Paths when it is called, so
	// they may be filled after Paths returns, with the entries of those
	// files alone.
	Files []string

	src     *pageSrc       // makes View on demand, for a page from Paths
	entries func() []Entry // the booklet's entries (see Entries)
	// shown gives a booklet's root and the IDs of its entries (see
	// BookletEntryIDs).
	shown func() (root string, ids []string)
}

// pageSrc is what a page from Paths is made of: its view, and with
// Input.KeysLater its key, are made from it when they are asked for.
type pageSrc struct {
	a           *assembler
	root, title string
	key         func(*keyBuf) // see pageKey
	view        func(Frame) View
	later       bool // the key is made by MakeKey
}

// Entry is an activity's entry as a booklet prints it (a BookletActivity
// with its ID): File is the activity's content file, whose body the entry
// shows, and Key identifies what the entry is made of, as Key does a
// page's view: two builds that give an entry the same non-zero Key give
// it the same BookletActivity, the same texts (T) and the same root.
type Entry struct {
	ID   string
	File string
	Key  Key
}

// Entries returns the entries of a booklet page, in no particular order,
// each with its key: nil for any other page, or without Input.FileKeys.
// A caller that has an entry's rendered bytes for its key need not convert
// the body of its File for the page's view.
func (p Page) Entries() []Entry {
	if p.entries == nil {
		return nil
	}
	return p.entries()
}

// BookletEntryIDs returns, for a booklet page, the root of its frame
// (Frame.Root) and the IDs of the activities whose entries its view may
// print (BookletActivity.ID), each once, found without making the view:
// every entry of the view is among them. For any other page it returns
// nil. A renderer that renders the entries of several booklets once may
// count with it how many booklets still to be written print each.
func (p Page) BookletEntryIDs() (root string, ids []string) {
	if p.shown == nil {
		return "", nil
	}
	return p.shown()
}

// Build returns the page's view: View when Assemble made it, else made now
// for a page from Paths.
func (p Page) Build() View {
	if p.View != nil || p.src == nil {
		return p.View
	}
	return p.src.view(p.src.a.frame(p.src.root, p.URL, p.src.title))
}

// MakeKey returns the page's Key: the one Paths or Assemble set, or, for
// a page from Paths with Input.KeysLater, the one Paths would have set,
// made now. It may be called from any number of goroutines at once; each
// call makes the key again.
func (p Page) MakeKey() Key {
	if p.src == nil || !p.src.later {
		return p.Key
	}
	var b keyBuf
	k, _ := p.src.a.pageKey(&b, p, p.src.title, p.src.key)
	return k
}

// MakeFiles returns the page's Files: those Paths or Assemble set, or,
// for a page from Paths with Input.KeysLater, those Paths would have
// set, found now. It may be called from any number of goroutines at
// once.
func (p Page) MakeFiles() []string {
	if p.src == nil || !p.src.later {
		return p.Files
	}
	var b keyBuf
	return b.filesOf(p.src.key)
}

// View is the data of one page: its Frame and what its kind shows.
type View interface {
	// PageFrame returns the frame of the page.
	PageFrame() *Frame
}

// Frame is what every page has: all that base.html may use, whatever the
// kind of page (docs/layouts.md lists the fields for catalogues' own
// layouts). Each kind's view embeds it, so a layout reads .Title or .T on
// any page.
type Frame struct {
	Lang        string
	T           Strings
	Root        string // prefix that leads from this page to the site root
	Home        string // href of the front page
	SiteTitle   string
	Subtitle    string
	Title       string // the page's h1
	DocTitle    string // the <title>
	Description string
	Canonical   string // absolute URL, when baseurl is set
	CSS         string // href of the stylesheet
	Favicon     string
	Version     string
	Preview     bool // a preview with drafts: a note on every page
	Draft       bool // the page itself is a draft
	// Redirect, on the page at an activity's earlier address (aliases), is
	// where the page sends the reader at once (a meta refresh in the head).
	Redirect string
	// StructuredData is schema.org data for the page (a *GovernmentService
	// on activity pages, else nil), written as JSON-LD in the head
	// (html/template marshals and escapes it).
	StructuredData any
	Nav            []Link
	Footer         Footer
	// NavHTML and FooterHTML, when set, are Nav and Footer as the partials
	// "nav" and "footer" show them, rendered by package render once for
	// all the pages that share them.
	NavHTML, FooterHTML template.HTML
}

// PageFrame returns f itself: every view has it through embedding.
func (f *Frame) PageFrame() *Frame { return f }

// HomeView is the front page: the introduction, the search form, the
// matrix and the activities that work on the system rather than in a place.
type HomeView struct {
	Frame
	Body       template.HTML // the text of content/_index.md
	Matrix     *Matrix
	Search     *SearchView // the search form, shown by its script
	Structural []Item      // activities not placed in the matrix
}

// ActivityView is an activity's own page.
type ActivityView struct {
	Frame
	Body      template.HTML // the activity's description
	Status    string
	StatusKey string
	Facts     []Fact
	Contacts  []ContactView
}

// Activity returns v itself, so that layouts written for the single view
// of earlier versions ({{with .Activity}}{{.Facts}}…) keep working.
func (v *ActivityView) Activity() *ActivityView { return v }

// ListView is a listing (the A–Ö list, the ended activities, the page of
// a municipality, function, financing source, förbund or organiser) or
// the index page of one of them (Links).
type ListView struct {
	Frame
	Intro string        // one-line text under the h1
	Body  template.HTML // the text of the content page that explains the value, if any
	// Groups are the activities under headings.
	Groups []Group
	// ListHeading, when set, is an h2 above the groups (whose headings are
	// then h3), for pages where text comes before the list.
	ListHeading string
	Links       []Link       // index pages: the things listed with counts
	Forbund     *ForbundView // a förbund page: its fact box
	Empty       string       // what the listing says when it has nothing
	// LinkGroups, on an index page of two kinds of things (utskrift/ with
	// a booklet per municipality and per förbund), are the things listed
	// under a heading per kind; Links is then nil.
	LinkGroups []LinkGroup
	// Print, on the page of a municipality or a förbund when the booklet
	// is one per municipality and förbund, links its booklet; else nil.
	Print *Link
}

// LinkGroup is a heading with the links under it.
type LinkGroup struct {
	Heading string
	ID      string
	Links   []Link
}

// BookletView is utskrift/: the whole catalogue for print; or, when it is
// one per municipality and förbund, one of those.
type BookletView struct {
	Frame
	// Breadcrumb, in a municipality's or a förbund's booklet, is the way
	// to it from the front page, the booklet itself last (without Href);
	// else nil.
	Breadcrumb []Link
	Heading    string // the h1: the site's title, or the booklet's when it is a part
	Lead       string // under it: the site's subtitle, or its title in a part
	Intro      string
	// Forbund, in a förbund's booklet, is its fact box, as on its page;
	// else nil.
	Forbund  *ForbundView
	Body     template.HTML // the introduction, as it stands in the booklet
	Matrix   *Matrix
	Sections []BookletSection
}

// Booklet returns the sections, the name layouts of earlier versions use.
func (v *BookletView) Booklet() []BookletSection { return v.Sections }

// TextView is a plain page (content/*.md) or the accessibility statement.
type TextView struct {
	Frame
	Intro string
	Body  template.HTML
}

// NotFoundView is the 404 page.
type NotFoundView struct {
	Frame
	Intro string
}

// RedirectView is the page at an activity's earlier address; Frame.Redirect
// is where it sends the reader.
type RedirectView struct {
	Frame
	Intro string
}

// Link is a labelled address; Href is ready to use in the page.
type Link struct {
	Label   string
	Href    string
	Note    string // e.g. "3 verksamheter"
	Current bool   // the page itself (navigation)
}

// Footer holds the links every page ends with.
type Footer struct {
	Statement Link
	Print     Link // the printable catalogue
	Review    Link // the review report
	Data      []Link
	Feed      *Link
}

// Item is an activity in a list or a matrix cell.
type Item struct {
	Name      string
	Href      string
	Functions string // function names, joined
	Kommuner  string
	Target    string
	Status    string // "" while running; otherwise "Planerad, startar …" or "Avslutad …"
	StatusKey string // pagaende, planerad, avslutad: for styling
	SearchID  int    // the activity's number in the search index
	Draft     bool   // utkast: true, shown in a preview only
	// HTML, when set, is the item as its list shows it, rendered once by
	// package render (the partial "item", or "matrix-item" in a matrix
	// cell) and reused by every list that shows the same item.
	HTML template.HTML
}

// SearchView is the search form of the front page. It is hidden until its
// script runs, so that nobody without JavaScript sees controls that do
// nothing; the matrix and the listings give them every path instead.
type SearchView struct {
	Script string // href of the form's script (an ES module)
	Engine string // href of the search engine module, loaded on first use
	Index  string // href of the index folder
	Facets []SearchFacet
	// Tips is the line under the field, with examples that find something
	// in this catalogue.
	Tips string
	// Texts are the interface texts the script needs.
	Texts map[string]string
}

// SearchFacet is one group of filter checkboxes; Name is both the URL
// parameter and the index's facet.
type SearchFacet struct {
	Name    string
	Legend  string
	Options []SearchOption
}

// SearchOption is one checkbox.
type SearchOption struct {
	Value string
	Label string
}

// Group is a heading with the activities under it.
type Group struct {
	Heading string
	ID      string
	Href    string // where the heading links to, if anywhere
	Items   []Item
}

// Matrix is the front-page table.
type Matrix struct {
	Caption string
	Corner  string // the header of the row-header column
	Cols    []Link
	Rows    []MatrixRow
}

// MatrixRow is one row header and its cells, one per column.
type MatrixRow struct {
	Head  Link
	Cells [][]Item
}

// Fact is a labelled value on an activity page; either Text or Links.
type Fact struct {
	Label string
	Text  string
	Links []Link
	// HTML, when set, is Links as the partial "fact-links" shows them,
	// rendered by package render once for all the facts that share them.
	HTML template.HTML
}

// ContactView is a contact with ready-made tel: and mailto: links.
type ContactView struct {
	Name, Role, Phone, Email, MailHref, Address, Kommun string
	// TelHref is a tel: URL built from digits only, so it is marked safe:
	// html/template would otherwise replace the tel: scheme.
	TelHref template.URL
}

// ReviewView is granskning/, the review report: every current activity
// with the day its entry was last checked, the ones that need checking first.
type ReviewView struct {
	Frame
	Intro string
	Empty string // what the report says when there is nothing to review
	Limit int    // granskas_inom, in days
	Rows  []ReviewRow
	// Counts of rows per state, for the summary line.
	Missing, Stale, Fresh int
	// Unreachable lists the published activities that give no telefon,
	// epost, adress or webb: they are published, but a reader cannot reach them.
	Unreachable []ReviewRow
}

// Review returns v itself, so that layouts written for the single view of
// earlier versions ({{with .Review}}{{.Rows}}…) keep working.
func (v *ReviewView) Review() *ReviewView { return v }

// ReviewRow is one activity in the review report.
type ReviewRow struct {
	Name     string
	Href     string
	Reviewed string // the date, or "" when never reviewed
	State    string // what to do, in words
	StateKey string // missing, stale or fresh: for styling
	Contact  string // who to ask
}

// BookletSection is one function's chapter of the printable catalogue.
type BookletSection struct {
	Heading    string
	ID         string
	Text       template.HTML // the function's own page text, if any
	Activities []BookletActivity
}

// BookletActivity is an activity as printed: every fact, the contacts and
// the description, with its headings moved under the activity's own.
type BookletActivity struct {
	Name     string
	ID       string
	Status   string
	Facts    []Fact
	Contacts []ContactView
	Body     template.HTML
	// HTML, when set, is the activity as the booklet shows it, rendered
	// beforehand by package render (the partial "booklet-activity").
	HTML template.HTML
	// later is Body before it is made, with Input.BookletBodiesLater.
	later markdown.Spliced
}

// WithBody returns a with its Body, when the view was made with
// Input.BookletBodiesLater and left it to be made: before its entry is
// rendered.
func (a BookletActivity) WithBody() BookletActivity {
	if a.Body == "" {
		a.Body, a.later = a.later.HTML(), markdown.Spliced{}
	}
	return a
}

// ForbundView is the fact box of a förbund page.
type ForbundView struct {
	Webb     string
	Members  []Link
	Contacts []ContactView
}

// Assemble returns every HTML page of the site in a stable order.
func Assemble(in Input) []Page {
	in.KeysLater = false
	a := newAssembler(in)
	pages := a.run()
	// The parts of views every page of an activity shares first, then the
	// views: each is made of the input and those parts alone, so they are
	// made in parallel, and each is the one Page.Build makes.
	const chunk = 256
	_ = parallel.For(context.Background(), (len(a.acts)+chunk-1)/chunk, func(c int) error {
		for i := c * chunk; i < min((c+1)*chunk, len(a.acts)); i++ {
			a.shared(&a.acts[i])
		}
		return nil
	})
	_ = parallel.For(context.Background(), len(pages), func(i int) error {
		pages[i].View, pages[i].src = pages[i].Build(), nil
		return nil
	})
	return pages
}

// Paths returns the pages Assemble makes, in the same order and with the
// same Path, URL, Template, InSitemap, LastMod, Key and Files, but without
// their views (View is nil; Page.Build makes one): what the build needs
// to resolve links before the Markdown is converted, and to decide which
// pages to render. Both walk the same enumeration; only the views are
// skipped. Input.Cat and Input.Now decide the pages; Page.Build needs the
// rest of Input as Assemble does.
//
// Page.Build may be called for any of the pages, from any number of
// goroutines at once, any number of times: each call makes a view of its
// own (what every view of an activity shares is made once, on first use).
// Views may share what package render only reads (a fact's links, the
// contacts, the navigation); what it fills in (the HTML of an item, a
// fact or a booklet entry, of the navigation and footer) is each view's.
func Paths(in Input) []Page {
	return newAssembler(in).run()
}

// run enumerates every page: the one list of what the site is.
func (a *assembler) run() []Page {
	a.home()
	a.activities()
	a.allActivities()
	for ax := range axis.All() {
		// The förbund pages have always come just before huvudman (the
		// sitemap's order); they are pages of their own, not an axis.
		if ax.Name == catalog.AxisHuvudman {
			a.forbund()
		}
		a.axisPages(a.axisData(ax.Name))
	}
	a.ended()
	a.booklet()
	a.review()
	a.plainPages()
	a.notFound()
	a.aliases()
	return a.pages
}

type assembler struct {
	in           Input
	ix           *catalog.Index
	l            lang
	pages        []Page
	sorted       []*catalog.Activity // all published activities by name
	byFile       map[string]*catalog.Page
	forbundPages map[string]*catalog.Page
	acts         []act // the published activities by name, with what every view of them shares
	axes         []axisData
	// forbundMembers holds per förbund slug the positions in acts of its
	// activities.
	forbundMembers map[string][]int32
	nav            []Link                    // site-relative hrefs; made relative per page
	frameParts     map[string]navFooterParts // by root
	basePath       string
	frameKey       Key    // what every frame shows (see makeFrameKey)
	kb             keyBuf // for pageKey, reused
}

func newAssembler(in Input) *assembler {
	a := &assembler{in: in, ix: in.Cat.Index, l: newLang(in.Cat.Index.Sprak), byFile: map[string]*catalog.Page{}, forbundPages: map[string]*catalog.Page{}}
	order := in.Order.byName(in.Cat.Activities)
	a.sorted = make([]*catalog.Activity, len(order))
	for i, p := range order {
		a.sorted[i] = in.Cat.Activities[p]
	}
	for _, p := range in.Cat.Pages {
		a.byFile[p.File] = p
		if p.Kind == catalog.ForbundPage {
			a.forbundPages[p.Slug] = p
		}
	}
	a.indexActivities(order) // the activities' keys read forbundPages
	a.pages = make([]Page, 0, len(a.acts)+len(in.Cat.Pages)+256)
	a.basePath = "/"
	if u, err := url.Parse(a.ix.BaseURL); err == nil && a.ix.BaseURL != "" {
		a.basePath = u.Path
	}
	t := a.l.t
	a.nav = []Link{
		{Label: t["activities"], Href: route.Activities},
		{Label: t["municipalities"], Href: route.Kommuner},
		{Label: t["functions"], Href: route.Funktioner},
		{Label: t["financing"], Href: route.Finansiering},
	}
	if len(a.forbundPages) > 0 {
		a.nav = append(a.nav, Link{Label: t["forbund"], Href: route.Forbund})
	}
	a.nav = append(a.nav, Link{Label: t["organisers"], Href: route.Huvudman}, Link{Label: t["ended"], Href: route.Ended})
	for _, p := range a.plain() {
		if p.Kind == catalog.PlainPage {
			a.nav = append(a.nav, Link{Label: p.Titel, Href: route.Page(p)})
		}
	}
	if a.keyed() {
		a.frameKey = a.makeFrameKey()
	}
	a.frameParts = map[string]navFooterParts{}
	for _, root := range []string{"", "../", "../../", "../../../"} {
		nav, footer := a.navFooter(root, "\x00") // no page's address
		a.frameParts[root] = navFooterParts{nav, footer}
	}
	return a
}

// plain returns the plain pages and the accessibility statement by slug.
func (a *assembler) plain() []*catalog.Page {
	var out []*catalog.Page
	for _, p := range a.in.Cat.Pages {
		if p.Kind == catalog.PlainPage || p.Kind == catalog.TillganglighetPage {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(x, y *catalog.Page) int { return strings.Compare(x.Slug, y.Slug) })
	return out
}

// add creates a page at site-relative url (a folder URL, or "" for the
// front page), in the sitemap, whose view view completes; key writes what
// the view is made of besides its frame (see pageKey).
func (a *assembler) add(urlPath, tmpl, title string, key func(*keyBuf), view func(Frame) View) {
	a.addPage(Page{Path: urlPath + "index.html", URL: urlPath, Template: tmpl, InSitemap: true}, relRoot(urlPath), title, key, view)
}

// addPage appends pg, whose view view makes around the frame for root and
// title. view may run at any time, on any goroutine, any number of times:
// it reads Input and the assembler, and changes neither.
func (a *assembler) addPage(pg Page, root, title string, key func(*keyBuf), view func(Frame) View) {
	later := a.in.KeysLater && a.keyed()
	if !later {
		pg.Key, pg.Files = a.pageKey(&a.kb, pg, title, key)
	}
	pg.src = &pageSrc{a: a, root: root, title: title, key: key, view: view, later: later}
	a.pages = append(a.pages, pg)
}

// relRoot is the prefix that leads from the page at urlPath to the root.
func relRoot(urlPath string) string { return strings.Repeat("../", strings.Count(urlPath, "/")) }

func (a *assembler) frame(root, urlPath, title string) Frame {
	ix := a.ix
	v := Frame{
		Lang: a.l.code, T: a.l.t, Root: root,
		SiteTitle: ix.Titel, Subtitle: ix.Undertitel,
		Title: title, DocTitle: title + " – " + ix.Titel, Home: root,
		CSS:     root + a.asset("samkat.css"),
		Favicon: root + a.asset("favicon.svg"),
		Version: a.in.Version,
		Preview: a.in.Drafts,
	}
	if urlPath == "" {
		v.DocTitle = ix.Titel
		v.Home = "./"
	}
	if ix.BaseURL != "" {
		v.Canonical = ix.BaseURL + urlPath
	}
	if fp, ok := a.frameParts[root]; ok && !slices.ContainsFunc(a.nav, func(n Link) bool { return n.Href == urlPath }) {
		v.Nav, v.Footer = fp.nav, fp.footer
		return v
	}
	v.Nav, v.Footer = a.navFooter(root, urlPath)
	return v
}

// navFooter makes the navigation and the footer of the page at urlPath
// whose root is root.
func (a *assembler) navFooter(root, urlPath string) ([]Link, Footer) {
	var nav []Link
	for _, n := range a.nav {
		nav = append(nav, Link{Label: n.Label, Href: root + n.Href, Current: n.Href == urlPath})
	}
	var f Footer
	f.Statement = Link{Label: a.l.t["statement"], Href: root + route.Statement}
	f.Print = Link{Label: a.l.t["printLink"], Href: root + route.Booklet}
	f.Review = Link{Label: a.l.t["reviewLink"], Href: root + route.Review}
	for _, d := range a.in.Data {
		f.Data = append(f.Data, Link{Label: d.Label, Href: root + d.Path})
	}
	if a.ix.BaseURL != "" {
		f.Feed = &Link{Label: a.l.t["feed"], Href: root + route.Feed}
	}
	return nav, f
}

// navFooterParts are the navigation and footer of the pages at one depth
// where no link of the navigation is the page itself: most pages. Their
// frames share them (package render writes nothing into either).
type navFooterParts struct {
	nav    []Link
	footer Footer
}

func (a *assembler) asset(name string) string {
	if h, ok := a.in.Assets[name]; ok {
		return h
	}
	return name
}

// item summarises activity ac for a list on a page whose root is root.
func (a *assembler) item(ac *act, root string) Item {
	d := a.shared(ac)
	it := d.item
	it.Href = d.href(root)
	return it
}

func (a *assembler) kommunText(x *catalog.Activity) string {
	if x.AllaKommuner {
		return a.l.t["allMunicipalities"]
	}
	return strings.Join(x.Kommuner, ", ")
}

// statusText describes where ac stands on the build day; "" while running.
func (a *assembler) statusText(ac *act) string {
	switch ac.state {
	case catalog.Planerad:
		return a.l.f("plannedFrom", a.l.date(ac.x.Start))
	case catalog.Avslutad:
		return a.l.f("endedOn", a.l.date(ac.x.Slut))
	}
	return ""
}

func activityURL(x *catalog.Activity) string { return route.Activity(x.Slug) }

// description is the meta description: the given text, else the start of
// the body of file.
func (a *assembler) description(given, file string) string {
	if given != "" {
		return given
	}
	return catalog.Excerpt(a.in.Summaries[file], 160)
}

// GovernmentService is the schema.org description of an activity, the
// JSON-LD of its page. Its fields are in the order of their JSON names, as
// encoding/json writes a map's keys: the JSON is the same as when it was
// made of maps, and marshalling a struct is much cheaper at every page.
type GovernmentService struct {
	Context          string          `json:"@context"`
	Type             string          `json:"@type"`
	AreaServed       []SchemaThing   `json:"areaServed,omitempty"`
	Audience         *SchemaAudience `json:"audience,omitempty"`
	AvailableChannel []SchemaChannel `json:"availableChannel,omitempty"`
	Description      string          `json:"description,omitempty"`
	Name             string          `json:"name"`
	Provider         *SchemaThing    `json:"provider,omitempty"`
	SameAs           string          `json:"sameAs,omitempty"`
	ServiceType      string          `json:"serviceType"`
	URL              string          `json:"url,omitempty"`
}

// SchemaThing is a schema.org thing known by its name: the provider, an
// area served.
type SchemaThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// SchemaAudience is whom a GovernmentService is for.
type SchemaAudience struct {
	Type            string `json:"@type"`
	AudienceType    string `json:"audienceType,omitempty"`
	SuggestedMaxAge *int   `json:"suggestedMaxAge,omitempty"`
	SuggestedMinAge *int   `json:"suggestedMinAge,omitempty"`
}

// SchemaChannel is one way to reach a GovernmentService: a contact.
type SchemaChannel struct {
	Type            string              `json:"@type"`
	ServiceLocation *SchemaPlace        `json:"serviceLocation,omitempty"`
	ServicePhone    *SchemaContactPoint `json:"servicePhone,omitempty"`
}

// SchemaPlace is a contact's address.
type SchemaPlace struct {
	Type    string `json:"@type"`
	Address string `json:"address"`
}

// SchemaContactPoint is a contact's name, e-mail and phone number.
type SchemaContactPoint struct {
	Type      string `json:"@type"`
	Email     string `json:"email,omitempty"`
	Name      string `json:"name,omitempty"`
	Telephone string `json:"telephone,omitempty"`
}
