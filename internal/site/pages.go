package site

import (
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/samkat/samkat/internal/axis"
	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/route"
	"github.com/samkat/samkat/internal/search"
)

func (a *assembler) home() {
	// The index's body and matrix, and every activity: in the matrix, the
	// structural ones under it, and in the choices of the search form.
	a.add("", "home", a.ix.Titel, func(b *keyBuf) {
		a.indexWhole(b, true)
		a.allEntries(b)
	}, func(f Frame) View {
		v := &HomeView{Frame: f}
		v.Body = a.in.Bodies[a.ix.File]
		v.Description = a.description(a.ix.Undertitel, a.ix.File)
		v.Matrix = a.matrix("", true, bookletPart{})
		v.Search = a.searchForm()
		for i := range a.acts {
			if ac := &a.acts[i]; ac.current() && ac.x.Inriktning == catalog.InriktningStruktur {
				v.Structural = append(v.Structural, a.item(ac, ""))
			}
		}
		return v
	})
}

// matrix places every current, individual-level activity in the cells of
// its row and column values. Strukturövergripande activities are listed
// under the table instead: they work on the system, not in a place. With
// ended, ended activities are in it too, hidden until a search finds them
// (the front page), so that the search results and the matrix agree.
//
// In the booklet of a part (a municipality's or a förbund's), only the
// activities of the part are in it, rows without an activity are left
// out, and in a municipality's a municipality axis has only its row or
// column.
func (a *assembler) matrix(root string, ended bool, part bookletPart) *Matrix {
	// load has refused names that are not matrix axes.
	rowAxis, colAxis := a.axisData(a.ix.Matris.Rader), a.axisData(a.ix.Matris.Kolumner)
	kommun := part.kommun
	var match func(*catalog.Activity) bool
	switch {
	case kommun != "":
		ax, _ := axis.ByName(catalog.AxisKommuner)
		match = ax.Match(kommun)
	case part.forbund != nil:
		slug := part.forbund.Slug
		match = func(x *catalog.Activity) bool { return x.Forbund == slug }
	}
	// keep lists the indexes of the values of ad in the matrix.
	keep := func(ad *axisData) []int {
		var out []int
		for i, t := range ad.values {
			if kommun == "" || ad.ax.Name != catalog.AxisKommuner || t.ID == kommun {
				out = append(out, i)
			}
		}
		return out
	}
	rows, cols := keep(rowAxis), keep(colAxis)
	t := a.l.t
	m := &Matrix{Caption: t["matrix"], Corner: t[rowAxis.ax.Label]}
	if rowAxis.ax.Name != catalog.AxisKommuner || colAxis.ax.Name != catalog.AxisFunktioner {
		m.Caption = t[rowAxis.ax.Label] + " × " + t[colAxis.ax.Label]
	}
	// colAt is the column of each value of the column axis, -1 for none.
	colAt := make([]int, len(colAxis.values))
	for i := range colAt {
		colAt[i] = -1
	}
	for j, c := range cols {
		val := colAxis.values[c]
		m.Cols = append(m.Cols, Link{Label: val.Namn, Href: root + colAxis.ax.Page(val.ID)})
		colAt[c] = j
	}
	in := func(ac *act) bool {
		return (ended || ac.current()) && ac.x.Inriktning != catalog.InriktningStruktur && (match == nil || match(ac.x))
	}
	counts := make([]int, len(cols))
	for _, r := range rows {
		val := rowAxis.values[r]
		row := MatrixRow{Head: Link{Label: val.Namn, Href: root + rowAxis.ax.Page(val.ID)}, Cells: make([][]Item, len(cols))}
		used := false
		// The cells' sizes first, then their items.
		clear(counts)
		for _, p := range rowAxis.members[r] {
			if ac := &a.acts[p]; in(ac) {
				for _, c := range ac.vals[colAxis.i] {
					if j := colAt[c]; j >= 0 {
						counts[j]++
					}
				}
			}
		}
		for j, n := range counts {
			if n > 0 {
				row.Cells[j] = make([]Item, 0, n)
			}
		}
		for _, p := range rowAxis.members[r] {
			ac := &a.acts[p]
			if !in(ac) {
				continue
			}
			for _, c := range ac.vals[colAxis.i] {
				if j := colAt[c]; j >= 0 {
					row.Cells[j] = append(row.Cells[j], a.item(ac, root))
					used = true
				}
			}
		}
		if used || match == nil {
			m.Rows = append(m.Rows, row)
		}
	}
	return m
}

func (a *assembler) activities() {
	for i := range a.acts {
		ac := &a.acts[i]
		x := ac.x
		a.add(activityURL(x), "activity", x.Namn, func(b *keyBuf) { a.activityPage(b, ac) }, func(f Frame) View {
			d := a.shared(ac)
			v := &ActivityView{Frame: f}
			v.Draft = x.Utkast
			v.Body = a.in.Bodies[x.File]
			v.Description = a.description(x.Malgrupp, x.File)
			v.Status, v.StatusKey = d.status, ac.state.String()
			if v.Status == "" {
				v.Status = a.l.t["running"]
			}
			v.Facts = a.factsAt(ac, v.Root)
			v.StructuredData = a.governmentService(x, v.Canonical)
			v.Contacts = d.contacts
			return v
		})
		a.pages[len(a.pages)-1].LastMod = x.Granskad
	}
}

// facts lists what the frontmatter says, in the order a handläggare asks:
// what it is and for whom, where, how to get there, who pays and runs it,
// when, and how fresh the entry is.
func (a *assembler) facts(ac *act, root string) []Fact {
	x := ac.x
	t := a.l.t
	// The facts are collected on the stack and returned at their size.
	var buf [16]Fact
	fs := buf[:0]
	addLinks := func(label string, links []Link) {
		if len(links) > 0 {
			fs = append(fs, Fact{Label: label, Links: links})
		}
	}
	addText := func(label, text string) {
		if text != "" {
			fs = append(fs, Fact{Label: label, Text: text})
		}
	}
	addLinks(t["function"], a.valueLinks(catalog.AxisFunktioner, x, root))
	addText(t["target"], x.Malgrupp)
	addText(t["ages"], a.ages(x.Alder))
	if x.AllaKommuner {
		addLinks(t["municipalities"], []Link{{Label: t["allMunicipalities"], Href: root + route.Kommuner}})
	} else {
		addLinks(t["municipalities"], a.valueLinks(catalog.AxisKommuner, x, root))
	}
	addText(t["referral"], strings.Join(x.Remiss, ", "))
	if x.Egenanmalan != nil {
		self := t["no"]
		if *x.Egenanmalan {
			self = t["yes"]
		}
		addText(t["selfReferral"], self)
	}
	addLinks(t["financing"], a.valueLinks(catalog.AxisFinansiering, x, root))
	addLinks(t["organiser"], a.valueLinks(catalog.AxisHuvudman, x, root))
	if p, ok := a.forbundPages[x.Forbund]; ok {
		addLinks(t["forbund"], []Link{{Label: p.Titel, Href: root + route.ForbundPage(p.Slug)}})
	}
	addText(t["partners"], strings.Join(x.Samverkansparter, ", "))
	addText(t["period"], a.period(x))
	if x.Platser > 0 {
		addText(t["places"], strconv.Itoa(x.Platser))
	}
	addText(t["focus"], t[x.Inriktning])
	if x.Webb != "" {
		addLinks(t["website"], []Link{{Label: x.Webb, Href: x.Webb}})
	}
	if !x.Granskad.IsZero() {
		text := a.l.date(x.Granskad)
		if ac.stale {
			text += " " + a.l.f("stale", a.ix.ReviewLimit())
		}
		addText(t["reviewed"], text)
	}
	if len(fs) == 0 {
		return nil
	}
	return slices.Clone(fs)
}

// factsAt returns the facts of ac for a page whose root is root, a slice
// of the page's own (package render fills in their HTML).
func (a *assembler) factsAt(ac *act, root string) []Fact {
	if root == rootFacts {
		return slices.Clone(a.shared(ac).facts)
	}
	return a.facts(ac, root)
}

// valueLinks links each of x's values on the axis called name to its page.
func (a *assembler) valueLinks(name string, x *catalog.Activity, root string) []Link {
	ad := a.axisData(name)
	values := ad.ax.Of(x)
	if len(values) == 0 {
		return nil
	}
	links := make([]Link, 0, len(values))
	for _, v := range values {
		l := ad.links[v] // x is one of a.acts, whose values are all there
		href := l.href
		if root != rootFacts {
			href = root + l.page
		}
		links = append(links, Link{Label: l.name, Href: href})
	}
	return links
}

func (a *assembler) ages(al *catalog.Alder) string {
	switch {
	case al == nil:
		return ""
	case al.Fran != nil && al.Till != nil:
		return a.l.f("agesRange", *al.Fran, *al.Till)
	case al.Fran != nil:
		return a.l.f("agesFrom", *al.Fran)
	case al.Till != nil:
		return a.l.f("agesTo", *al.Till)
	}
	return ""
}

func (a *assembler) period(x *catalog.Activity) string {
	switch {
	case !x.Start.IsZero() && !x.Slut.IsZero():
		return a.l.date(x.Start) + " – " + a.l.date(x.Slut)
	case !x.Start.IsZero():
		return a.l.f("since", a.l.date(x.Start))
	case !x.Slut.IsZero():
		return a.l.f("until", a.l.date(x.Slut))
	}
	return ""
}

func (a *assembler) contact(c catalog.Contact) ContactView {
	cv := ContactView{Name: c.Namn, Role: c.Roll, Phone: c.Telefon, Email: c.Epost, Address: c.Adress}
	if c.Telefon != "" {
		cv.TelHref = template.URL(TelURI(c.Telefon)) // digits and + only: safe
	}
	if c.Epost != "" {
		cv.MailHref = "mailto:" + c.Epost
	}
	if c.Kommun != "" {
		cv.Kommun = a.l.f("serves", c.Kommun)
	}
	return cv
}

// TelURI turns a phone number as Swedes write it into a tel: link with the
// country code: "0320-77 94 61" → "tel:+46320779461". Numbers that already
// start with + keep their country code ("+46 (0)33 …" drops the trunk 0).
func TelURI(phone string) string {
	// "+46 (0)33 …" marks the trunk 0 that is dialled only within Sweden.
	phone = strings.Replace(phone, "(0)", "", 1)
	var digits strings.Builder
	for _, r := range phone {
		if r >= '0' && r <= '9' {
			digits.WriteRune(r)
		}
	}
	d := digits.String()
	switch {
	case strings.HasPrefix(strings.TrimSpace(phone), "+"):
		return "tel:+" + d
	case strings.HasPrefix(d, "00"):
		return "tel:+" + d[2:]
	case strings.HasPrefix(d, "0"):
		return "tel:+46" + d[1:]
	}
	return "tel:" + d
}

// allActivities lists every activity A–Ö, ended ones marked: a path to
// each without the matrix or JavaScript, where find in page reaches all.
func (a *assembler) allActivities() {
	a.add(route.Activities, "list", a.l.t["allActivities"], a.allEntries, func(f Frame) View {
		v := &ListView{Frame: f, Intro: a.l.t["allIntro"], Empty: a.l.t["noActivities"]}
		a.flatList(v, func(*act) bool { return true })
		return v
	})
}

// flatList fills v with one group of the activities that match, A–Ö.
func (a *assembler) flatList(v *ListView, match func(*act) bool) {
	var shown []int32
	for i := range a.acts {
		if match(&a.acts[i]) {
			shown = append(shown, int32(i))
		}
	}
	if len(shown) > 0 {
		v.Groups = []Group{{Items: a.items(shown, v.Root)}}
	}
}

// listing fills v with the current activities among members (positions
// in a.acts), grouped by function when byFunction is set.
func (a *assembler) listing(v *ListView, members []int32, byFunction bool) {
	v.Empty = a.l.t["noActivities"]
	if v.Body != "" || v.Forbund != nil {
		v.ListHeading = a.l.t["activities"]
	}
	items := a.currentOf(members)
	if !byFunction {
		if len(items) > 0 {
			v.Groups = []Group{{Items: a.items(items, v.Root)}}
		}
		return
	}
	var of []int32
	for _, f := range a.ix.Funktioner {
		of = of[:0]
		for _, p := range items {
			if slices.Contains(a.acts[p].x.Funktion, f.ID) {
				of = append(of, p)
			}
		}
		if len(of) > 0 {
			v.Groups = append(v.Groups, Group{Heading: f.Namn, ID: "funktion-" + f.ID, Href: v.Root + route.Funktion(f.ID), Items: a.items(of, v.Root)})
		}
	}
}

// items returns the list items of the activities at positions ps in
// a.acts, for a page whose root is root.
func (a *assembler) items(ps []int32, root string) []Item {
	out := make([]Item, len(ps))
	for i, p := range ps {
		out[i] = a.item(&a.acts[p], root)
	}
	return out
}

// axisPages makes the index page of an axis, linking each value with the
// number of its current activities, and one listing page per value, with
// the text of the content page that explains it when there is one.
// Listings are grouped by function, except on the function axis itself.
func (a *assembler) axisPages(ad *axisData) {
	t := a.l.t
	ax, values := ad.ax, ad.values
	a.add(ax.Section, "list", t[ax.Title], func(b *keyBuf) {
		for i, val := range values {
			b.str(val.Namn)
			b.str(val.ID)
			b.str(a.countCurrent(ad.members[i]))
		}
	}, func(f Frame) View {
		idx := &ListView{Frame: f, Empty: t["noActivities"]} // shown only when a collected axis has no values
		for i, val := range values {
			idx.Links = append(idx.Links, Link{Label: val.Namn, Href: idx.Root + ax.Page(val.ID), Note: a.countCurrent(ad.members[i])})
		}
		return idx
	})
	for i, val := range values {
		title := val.Namn
		if ax.ValueTitle != "" {
			title = a.l.f(ax.ValueTitle, val.Namn)
		}
		a.add(ax.Page(val.ID), "list", title, func(b *keyBuf) {
			a.file(b, a.explaining(ax, val.ID))
			b.str(val.Namn)
			b.bool(ax.Name == catalog.AxisKommuner && SplitBooklet(a.in.Cat))
			a.entries(b, a.currentOf(ad.members[i]))
		}, func(f Frame) View {
			v := &ListView{Frame: f, Intro: t[ax.ValueIntro]}
			if page := a.explaining(ax, val.ID); page != nil {
				if page.Titel != "" {
					v.Title = page.Titel
					v.DocTitle = page.Titel + " – " + a.ix.Titel
				}
				v.Body = a.in.Bodies[page.File]
				v.Intro = page.Beskrivning
				v.Description = a.description(page.Beskrivning, page.File)
			}
			if ax.Name == catalog.AxisKommuner && SplitBooklet(a.in.Cat) {
				v.Print = &Link{Label: a.l.f("printKommunLink", val.Namn), Href: v.Root + route.BookletKommun(val.ID)}
			}
			a.listing(v, ad.members[i], ax.Name != catalog.AxisFunktioner)
			return v
		})
	}
}

// explaining returns the content page that explains the value key of ax
// (content/funktioner/<id>.md), or nil.
func (a *assembler) explaining(ax axis.Axis, key string) *catalog.Page {
	if ax.Explained == catalog.PlainPage {
		return nil
	}
	return a.page(ax.Explained, key)
}

func (a *assembler) page(kind catalog.PageKind, slug string) *catalog.Page {
	for _, p := range a.in.Cat.Pages {
		if p.Kind == kind && p.Slug == slug {
			return p
		}
	}
	return nil
}

// forbundByTitle returns the förbund pages in the order of their titles.
func (a *assembler) forbundByTitle() []*catalog.Page {
	var pages []*catalog.Page
	for _, p := range a.forbundPages {
		pages = append(pages, p)
	}
	slices.SortFunc(pages, func(x, y *catalog.Page) int {
		if c := catalog.Compare(x.Titel, y.Titel); c != 0 {
			return c
		}
		return strings.Compare(x.Slug, y.Slug)
	})
	return pages
}

func (a *assembler) forbund() {
	if len(a.forbundPages) == 0 {
		return
	}
	pages := a.forbundByTitle()
	split := SplitBooklet(a.in.Cat)
	a.add(route.Forbund, "list", a.l.t["forbund"], func(b *keyBuf) {
		for _, p := range pages {
			b.str(p.Slug)
			b.str(p.Titel)
			b.str(a.countCurrent(a.forbundMembers[p.Slug]))
		}
	}, func(f Frame) View {
		idx := &ListView{Frame: f}
		for _, p := range pages {
			idx.Links = append(idx.Links, Link{Label: p.Titel, Href: idx.Root + route.ForbundPage(p.Slug), Note: a.countCurrent(a.forbundMembers[p.Slug])})
		}
		return idx
	})
	for _, p := range pages {
		a.add(route.ForbundPage(p.Slug), "list", p.Titel, func(b *keyBuf) {
			a.file(b, p)
			b.bool(split)
			a.entries(b, a.currentOf(a.forbundMembers[p.Slug]))
		}, func(f Frame) View {
			v := &ListView{Frame: f}
			v.Body = a.in.Bodies[p.File]
			v.Intro = p.Beskrivning
			v.Description = a.description(p.Beskrivning, p.File)
			v.Forbund = a.forbundView(p, v.Root)
			if split {
				v.Print = &Link{Label: a.l.t["printForbundLink"], Href: v.Root + route.BookletForbund(p.Slug)}
			}
			a.listing(v, a.forbundMembers[p.Slug], true)
			return v
		})
	}
}

// forbundView is the fact box of the förbund page p on a page whose root
// is root.
func (a *assembler) forbundView(p *catalog.Page, root string) *ForbundView {
	fv := &ForbundView{Webb: p.Webb}
	for _, k := range p.Kommuner {
		fv.Members = append(fv.Members, Link{Label: k, Href: root + route.Kommun(k)})
	}
	for _, c := range p.Kontakt {
		fv.Contacts = append(fv.Contacts, a.contact(c))
	}
	return fv
}

func (a *assembler) ended() {
	a.add(route.Ended, "list", a.l.t["endedTitle"], func(b *keyBuf) {
		var ended []int32
		for i := range a.acts {
			if !a.acts[i].current() {
				ended = append(ended, int32(i))
			}
		}
		a.entries(b, ended)
	}, func(f Frame) View {
		v := &ListView{Frame: f, Intro: a.l.t["endedIntro"], Empty: a.l.t["noneEnded"]}
		a.flatList(v, func(ac *act) bool { return !ac.current() })
		return v
	})
}

// plainPages publishes content/*.md, and a stub accessibility statement
// when the catalogue has none (check has warned about it).
func (a *assembler) plainPages() {
	hasStatement := false
	for _, p := range a.plain() {
		title := p.Titel
		if p.Kind == catalog.TillganglighetPage {
			hasStatement = true
			if title == "" {
				title = a.l.t["statementTitle"]
			}
		}
		a.add(route.Page(p), "text", title, func(b *keyBuf) { a.file(b, p) }, func(f Frame) View {
			v := &TextView{Frame: f, Intro: p.Beskrivning, Body: a.in.Bodies[p.File]}
			v.Description = a.description(p.Beskrivning, p.File)
			return v
		})
	}
	if !hasStatement {
		a.add(route.Statement, "text", a.l.t["statementTitle"], nil, func(f Frame) View {
			return &TextView{Frame: f, Intro: a.l.t["statementMissing"]}
		})
	}
}

// aliases adds, for each earlier address of an activity, a page that sends
// the reader on to the activity's page: a meta refresh (no script needed), a
// canonical link to the new address, a link for anyone the refresh does not
// move, and noindex; it is not in the sitemap.
func (a *assembler) aliases() {
	for i := range a.acts {
		x := a.acts[i].x
		for _, alias := range x.Aliases {
			urlPath := route.Activity(alias)
			a.addPage(Page{Path: urlPath + "index.html", URL: urlPath, Template: "redirect"}, relRoot(urlPath), x.Namn, func(b *keyBuf) { b.str(x.Slug) }, func(f Frame) View {
				v := &RedirectView{Frame: f, Intro: a.l.t["movedText"]}
				v.Redirect = v.Root + activityURL(x)
				v.Canonical = v.Redirect
				if a.ix.BaseURL != "" {
					v.Canonical = a.ix.BaseURL + activityURL(x)
				}
				return v
			})
		}
	}
}

func (a *assembler) notFound() {
	a.addPage(Page{Path: route.NotFound, URL: route.NotFound, Template: "404"}, a.basePath, a.l.t["notFound"], nil, func(f Frame) View {
		v := &NotFoundView{Frame: f, Intro: a.l.t["notFoundText"]}
		v.Canonical = ""
		return v
	})
}

// governmentService describes x as a schema.org GovernmentService, so that
// search engines can show who provides it, where and for whom.
func (a *assembler) governmentService(x *catalog.Activity, canonical string) *GovernmentService {
	d := &GovernmentService{
		Context: "https://schema.org",
		Type:    "GovernmentService",
		Name:    x.Namn,
		URL:     canonical,
		// The target group is both the description and the audience.
		Description: x.Malgrupp,
		SameAs:      x.Webb,
	}
	var types []string
	for _, id := range x.Funktion {
		types = append(types, a.ix.FunktionNamn(id))
	}
	d.ServiceType = strings.Join(types, ", ")
	if x.Huvudman != "" {
		d.Provider = &SchemaThing{Type: "GovernmentOrganization", Name: x.Huvudman}
	}
	for _, k := range x.Kommuner {
		d.AreaServed = append(d.AreaServed, SchemaThing{Type: "AdministrativeArea", Name: k})
	}
	au := &SchemaAudience{Type: "PeopleAudience", AudienceType: x.Malgrupp}
	if x.Alder != nil {
		au.SuggestedMinAge, au.SuggestedMaxAge = x.Alder.Fran, x.Alder.Till
	}
	if au.AudienceType != "" || au.SuggestedMinAge != nil || au.SuggestedMaxAge != nil {
		d.Audience = au
	}
	for _, c := range x.Kontakt {
		ch := SchemaChannel{Type: "ServiceChannel"}
		if c.Telefon != "" || c.Epost != "" {
			ch.ServicePhone = &SchemaContactPoint{Type: "ContactPoint", Name: c.Namn, Email: c.Epost}
			if c.Telefon != "" {
				ch.ServicePhone.Telephone = strings.TrimPrefix(TelURI(c.Telefon), "tel:")
			}
		}
		if c.Adress != "" {
			ch.ServiceLocation = &SchemaPlace{Type: "Place", Address: c.Adress}
		}
		if ch.ServicePhone != nil || ch.ServiceLocation != nil {
			d.AvailableChannel = append(d.AvailableChannel, ch)
		}
	}
	return d
}

// tipTexts returns what search.TipExamples reads of the current
// activities (their name, target group, organiser, partners and
// referrers), each text once: it asks whether a word begins a word of any
// of them, and most of them repeat from activity to activity.
func (a *assembler) tipTexts() []*catalog.Activity {
	seen := map[string]bool{}
	first := func(s string) string {
		if seen[s] {
			return ""
		}
		seen[s] = true
		return s
	}
	firsts := func(list []string) []string {
		var out []string
		for _, s := range list {
			if s = first(s); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	texts := make([]catalog.Activity, 0, len(a.acts))
	for i := range a.acts {
		if !a.acts[i].current() {
			continue
		}
		x := a.acts[i].x
		texts = append(texts, catalog.Activity{
			Namn: first(x.Namn), Malgrupp: first(x.Malgrupp), Huvudman: first(x.Huvudman),
			Samverkansparter: firsts(x.Samverkansparter), Remiss: firsts(x.Remiss),
		})
	}
	out := make([]*catalog.Activity, len(texts))
	for i := range texts {
		out[i] = &texts[i]
	}
	return out
}

// searchForm lists the filters in the order a handläggare narrows down:
// where the person lives, what kind of support, who may refer, then the
// rest. Values are the index's facet values.
func (a *assembler) searchForm() *SearchView {
	t := a.l.t
	sv := &SearchView{
		Script: a.asset("samkat-sok.js"),
		Engine: a.asset("samkat-sokmotor.js"),
		Index:  route.SearchIndex,
		Texts:  map[string]string{},
	}
	for _, k := range []string{"found1", "foundN", "foundNone", "more", "removeFilter", "ageChip", "textChip", "loadError", "plannedMark", "endedMark", "searching", "unmatched", "unknownValue"} {
		sv.Texts[k] = t["search."+k]
	}
	sv.Texts["allMunicipalities"] = t["allMunicipalities"]
	sv.Tips = t["search.tipsPlain"]
	if ex := search.TipExamples(a.tipTexts(), a.ix.Synonymer, 3); len(ex) > 0 {
		list := ex[0]
		if len(ex) > 1 {
			list = strings.Join(ex[:len(ex)-1], ", ") + " " + t["search.tipsOr"] + " " + ex[len(ex)-1]
		}
		sv.Tips = a.l.f("search.tips", list)
	}
	facets := map[string]SearchFacet{}
	var axisFacets []string
	for ax := range axis.All() {
		if ax.Facet == "" {
			continue
		}
		f := SearchFacet{Name: ax.Facet, Legend: t[ax.Label]}
		for _, v := range ax.Declared(a.ix) {
			f.Options = append(f.Options, SearchOption{v.ID, v.Namn})
		}
		facets[ax.Facet] = f
		axisFacets = append(axisFacets, ax.Facet)
	}
	remiss := SearchFacet{Name: "remiss", Legend: t["referral"]}
	var seen []string
	for _, x := range a.sorted {
		for _, r := range x.Remiss {
			if !slices.Contains(seen, r) {
				seen = append(seen, r)
			}
		}
	}
	slices.SortFunc(seen, catalog.Compare)
	for _, r := range seen {
		remiss.Options = append(remiss.Options, SearchOption{r, r})
	}
	facets[remiss.Name] = remiss
	facets["egenanmalan"] = SearchFacet{Name: "egenanmalan", Legend: t["selfReferral"], Options: []SearchOption{{"ja", t["search.selfYes"]}}}
	status := SearchFacet{Name: "status", Legend: t["status"], Options: []SearchOption{
		{"pagaende", t["search.statusCurrent"]}, {"avslutad", t["search.statusEnded"]},
	}}
	// The order a handläggare narrows down in; other axes follow, and the
	// status comes last.
	order := []string{"kommun", "funktion", "remiss", "egenanmalan"}
	for _, name := range axisFacets {
		if !slices.Contains(order, name) {
			order = append(order, name)
		}
	}
	for _, name := range order {
		if f := facets[name]; len(f.Options) > 0 {
			sv.Facets = append(sv.Facets, f)
		}
	}
	sv.Facets = append(sv.Facets, status)
	return sv
}
