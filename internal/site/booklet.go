package site

import (
	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/route"
)

// The ids of the booklet's parts, which prefix the ids inside them so that
// they stay unique on the one page; the build converts the bodies with them.
const BookletIntroID = "inledning"

// BookletFunctionID is the id of a function's chapter of the booklet.
func BookletFunctionID(id string) string { return "funktion-" + id }

// BookletActivityID is the id of an activity in the booklet.
func BookletActivityID(slug string) string { return "v-" + slug }

// BookletMaxActivities is the most activities a catalogue may have for its
// printable catalogue to be one page, utskrift/. A larger one gets at
// utskrift/ a page that links a booklet per municipality
// (utskrift/<kommun>/, route.BookletKommun) with the activities that serve
// it, and one per förbund page (forbund/<slug>/utskrift/,
// route.BookletForbund) with the activities that name it (forbund:
// <slug>, what its page lists): what a handläggare in Mark prints is
// Mark's, what a förbund hands its members is its own, and one page of
// thousands of activities (40 MB at 10,000) prints nobody's.
const BookletMaxActivities = 300

// SplitBooklet reports whether the booklet of cat, the catalogue as
// Assemble gets it, is one per municipality and förbund (see
// BookletMaxActivities).
func SplitBooklet(cat *catalog.Catalogue) bool {
	return len(cat.Activities) > BookletMaxActivities && len(cat.Index.Kommuner) > 0
}

// BookletAddress is the page the bodies are converted for as they stand in
// the booklet (their relative links rebased to it): utskrift/, or, when
// the booklet is split, the first municipality's, which is at the depth of
// them all and so serves every one.
func BookletAddress(cat *catalog.Catalogue) string {
	if SplitBooklet(cat) {
		return route.BookletKommun(cat.Index.Kommuner[0])
	}
	return route.Booklet
}

// ForbundBookletAddress is the page the bodies are converted for as they
// stand in a förbund's booklet (Input.ForbundBooklet, and a förbund page's
// body in Input.Booklet): the booklet of the förbund whose slug comes
// first, at the depth of them all; "" when there is none, as the booklet
// is not split or the catalogue has no förbund page.
func ForbundBookletAddress(cat *catalog.Catalogue) string {
	if !SplitBooklet(cat) {
		return ""
	}
	first := ""
	for _, p := range cat.Pages {
		if p.Kind == catalog.ForbundPage && (first == "" || p.Slug < first) {
			first = p.Slug
		}
	}
	if first == "" {
		return ""
	}
	return route.BookletForbund(first)
}

// bookletPart says which part of a split booklet a booklet is: a
// municipality's or a förbund's; the zero one is the whole catalogue.
type bookletPart struct {
	kommun  string        // the municipality's id
	forbund *catalog.Page // the förbund's page
	members []int32       // the activities it may show, positions in a.acts
}

// booklet makes utskrift/: the catalogue as one printable document like
// the original kartläggning: title, introduction, the matrix, then every
// current activity with all its facts under its (first) function. Above
// BookletMaxActivities it is an index of one such document per
// municipality and per förbund instead.
func (a *assembler) booklet() {
	if !SplitBooklet(a.in.Cat) {
		a.add(route.Booklet, "utskrift", a.l.t["printTitle"], func(b *keyBuf) {
			var all []int32
			for i := range a.acts {
				all = append(all, int32(i))
			}
			a.bookletKey(b, bookletPart{members: all})
		}, func(f Frame) View {
			return a.bookletView(f, a.l.t["printIntro"], bookletPart{})
		})
		a.bookletEntries(bookletPart{})
		return
	}
	t := a.l.t
	ad := a.axisData(catalog.AxisKommuner)
	kommuner := ad.values // the declared ones
	forbund := a.forbundByTitle()
	a.add(route.Booklet, "list", t["printIndexTitle"], func(b *keyBuf) {
		b.int(len(a.sorted))
		for i, k := range kommuner {
			b.str(k.ID)
			b.str(a.countCurrent(ad.members[i]))
		}
		for _, p := range forbund {
			b.str(p.Slug)
			b.str(p.Titel)
			b.str(a.countCurrent(a.forbundMembers[p.Slug]))
		}
	}, func(f Frame) View {
		v := &ListView{Frame: f}
		var ks, fs []Link
		for i, k := range kommuner {
			ks = append(ks, Link{Label: k.Namn, Href: v.Root + route.BookletKommun(k.ID), Note: a.countCurrent(ad.members[i])})
		}
		for _, p := range forbund {
			fs = append(fs, Link{Label: p.Titel, Href: v.Root + route.BookletForbund(p.Slug), Note: a.countCurrent(a.forbundMembers[p.Slug])})
		}
		if len(fs) == 0 {
			v.Intro, v.Links = a.l.f("printIndexIntro", len(a.sorted)), ks
			return v
		}
		v.Intro = a.l.f("printIndexBoth", len(a.sorted))
		v.LinkGroups = []LinkGroup{
			{Heading: t["municipalities"], ID: "kommuner", Links: ks},
			{Heading: t["forbund"], ID: "forbund", Links: fs},
		}
		return v
	})
	for i, k := range kommuner {
		part := bookletPart{kommun: k.ID, members: ad.members[i]}
		title := a.l.f("printKommunTitle", k.Namn)
		a.add(route.BookletKommun(k.ID), "utskrift", title, func(b *keyBuf) {
			a.bookletKey(b, part)
		}, func(f Frame) View {
			v := a.bookletView(f, a.l.f("printKommunIntro", k.Namn), part)
			v.Breadcrumb = []Link{{Label: t["home"], Href: v.Root}, {Label: t["printIndexTitle"], Href: v.Root + route.Booklet}, {Label: k.Namn}}
			return v
		})
		a.bookletEntries(part)
	}
	for _, p := range forbund {
		part := bookletPart{forbund: p, members: a.forbundMembers[p.Slug]}
		a.add(route.BookletForbund(p.Slug), "utskrift", a.l.f("printForbundTitle", p.Titel), func(b *keyBuf) {
			a.bookletKey(b, part)
		}, func(f Frame) View {
			v := a.bookletView(f, a.l.f("printForbundIntro", p.Titel), part)
			v.Breadcrumb = []Link{
				{Label: t["home"], Href: v.Root}, {Label: t["forbund"], Href: v.Root + route.Forbund},
				{Label: p.Titel, Href: v.Root + route.ForbundPage(p.Slug)}, {Label: t["printCrumb"]},
			}
			return v
		})
		a.bookletEntries(part)
	}
}

// bookletKey writes what the booklet part shows: its introduction (the
// index's, or the förbund page's, with the page's facts), the matrix (of the index), the pages
// that explain the functions, and each current activity of the part whole
// (its matrix entry and all it prints).
func (a *assembler) bookletKey(b *keyBuf, part bookletPart) {
	if part.forbund != nil {
		a.file(b, part.forbund)
		a.indexMatrix(b, true)
	} else {
		a.indexWhole(b, part.kommun == "")
	}
	for _, fn := range a.ix.Funktioner {
		a.file(b, a.page(catalog.FunktionPage, fn.ID))
	}
	shown := a.currentOf(part.members)
	a.entries(b, shown)
	for _, p := range shown {
		a.activityPage(b, &a.acts[p])
	}
}

// bookletEntries gives the booklet of part, the page added last, its
// entries (Page.Entries). An entry's key covers what bookletActivity
// makes it of: the activity's page key (its fields, state, its file's key,
// which covers its body and the link table, and the förbund page its facts
// link), the frame's key (the index's names of the values its facts link,
// the language of T, the version), the root its links start from, and
// the bodies it prints: a förbund's booklet's or the others', converted
// for the addresses BookletAddress and ForbundBookletAddress give.
func (a *assembler) bookletEntries(part bookletPart) {
	pg := &a.pages[len(a.pages)-1]
	root := relRoot(pg.URL)
	pg.shown = func() (string, []string) {
		shown := a.bookletShown(part)
		ids := make([]string, len(shown))
		for i, p := range shown {
			ids[i] = BookletActivityID(a.acts[p].x.Slug)
		}
		return root, ids
	}
	if !a.keyed() {
		return
	}
	pg.entries = func() []Entry {
		var b keyBuf
		b.str("samkat booklet entries 1")
		b.key(a.frameKey)
		b.str(root)
		b.bool(part.forbund != nil)
		b.str(BookletAddress(a.in.Cat))
		b.str(ForbundBookletAddress(a.in.Cat))
		common := b.sum()
		shown := a.bookletShown(part)
		out := make([]Entry, 0, len(shown))
		for _, p := range shown {
			ac := &a.acts[p]
			b.b = b.b[:0]
			b.key(common)
			b.key(ac.page)
			out = append(out, Entry{ID: BookletActivityID(ac.x.Slug), File: ac.x.File, Key: b.sum()})
		}
		return out
	}
}

// bookletShown returns the activities the booklet of part prints, by
// their index in a.acts: the current ones of its members, or of the whole
// catalogue.
func (a *assembler) bookletShown(part bookletPart) []int32 {
	if part.kommun != "" || part.forbund != nil {
		return a.currentOf(part.members)
	}
	var shown []int32
	for i := range a.acts {
		if a.acts[i].current() {
			shown = append(shown, int32(i))
		}
	}
	return shown
}

// bookletView is the booklet of part: the current activities it may show.
func (a *assembler) bookletView(f Frame, intro string, part bookletPart) *BookletView {
	v := &BookletView{Frame: f, Heading: f.SiteTitle, Lead: f.Subtitle, Intro: intro}
	// The bodies as they stand in this booklet.
	bodies := a.in.Booklet
	v.Body = bodies[a.ix.File].HTML()
	if part.kommun != "" || part.forbund != nil {
		v.Heading, v.Lead = f.Title, f.SiteTitle
	}
	if p := part.forbund; p != nil {
		v.Forbund = a.forbundView(p, v.Root)
		v.Body = a.in.Booklet[p.File].HTML()
		bodies = a.in.ForbundBooklet
	}
	v.Matrix = a.matrix(v.Root, false, part)
	shown := a.bookletShown(part)
	for _, fn := range a.ix.Funktioner {
		sec := BookletSection{Heading: fn.Namn, ID: BookletFunctionID(fn.ID)}
		if p := a.page(catalog.FunktionPage, fn.ID); p != nil {
			sec.Text = bodies[p.File].HTML()
		}
		for _, p := range shown {
			ac := &a.acts[p]
			if x := ac.x; len(x.Funktion) > 0 && x.Funktion[0] == fn.ID {
				sec.Activities = append(sec.Activities, a.bookletActivity(ac, v.Root, bodies))
			}
		}
		if len(sec.Activities) > 0 || sec.Text != "" {
			v.Sections = append(v.Sections, sec)
		}
	}
	return v
}

// bookletActivity is ac as printed in a booklet whose root is root, with
// its body from bodies (left to be made, with Input.BookletBodiesLater).
func (a *assembler) bookletActivity(ac *act, root string, bodies map[string]markdown.Spliced) BookletActivity {
	d := a.shared(ac)
	x := ac.x
	out := BookletActivity{
		Name: x.Namn, ID: BookletActivityID(x.Slug), Status: d.status,
		Facts: a.factsAt(ac, root), Contacts: d.contacts,
	}
	if a.in.BookletBodiesLater {
		out.later = bodies[x.File]
	} else {
		out.Body = bodies[x.File].HTML()
	}
	return out
}
