package site

import (
	"github.com/samkat/samkat/internal/catalog"
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
// it: what a handläggare in Mark prints is Mark's, and one page of
// thousands of activities (40 MB at 10,000) prints nobody's.
const BookletMaxActivities = 300

// SplitBooklet reports whether the booklet of cat, the catalogue as
// Assemble gets it, is one per municipality (see BookletMaxActivities).
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

// booklet makes utskrift/: the catalogue as one printable document like
// the original kartläggning: title, introduction, the matrix, then every
// current activity with all its facts under its (first) function. Above
// BookletMaxActivities it is an index of one such document per
// municipality instead.
func (a *assembler) booklet() {
	if !SplitBooklet(a.in.Cat) {
		a.add(route.Booklet, "utskrift", a.l.t["printTitle"], func(b *keyBuf) {
			var all []int32
			for i := range a.acts {
				all = append(all, int32(i))
			}
			a.bookletKey(b, "", all)
		}, func(f Frame) View {
			return a.bookletView(f, a.l.t["printIntro"], "", nil)
		})
		return
	}
	ad := a.axisData(catalog.AxisKommuner)
	kommuner := ad.values // the declared ones
	a.add(route.Booklet, "list", a.l.t["printIndexTitle"], func(b *keyBuf) {
		b.int(len(a.sorted))
		for i, k := range kommuner {
			b.str(k.ID)
			b.str(a.countCurrent(ad.members[i]))
		}
	}, func(f Frame) View {
		v := &ListView{Frame: f, Intro: a.l.f("printIndexIntro", len(a.sorted))}
		for i, k := range kommuner {
			v.Links = append(v.Links, Link{Label: k.Namn, Href: v.Root + route.BookletKommun(k.ID), Note: a.countCurrent(ad.members[i])})
		}
		return v
	})
	for i, k := range kommuner {
		a.add(route.BookletKommun(k.ID), "utskrift", a.l.f("printKommunTitle", k.Namn), func(b *keyBuf) {
			a.bookletKey(b, k.ID, ad.members[i])
		}, func(f Frame) View {
			return a.bookletView(f, a.l.f("printKommunIntro", k.Namn), k.ID, ad.members[i])
		})
	}
}

// bookletKey writes what the booklet of the activities at members (those
// that serve kommun, when it is set) shows:
// the pages that explain the functions, and each current activity whole
// (its matrix entry and all it prints), and the introduction and matrix
// of the index.
func (a *assembler) bookletKey(b *keyBuf, kommun string, members []int32) {
	a.indexWhole(b, kommun == "")
	for _, fn := range a.ix.Funktioner {
		a.file(b, a.page(catalog.FunktionPage, fn.ID))
	}
	shown := a.currentOf(members)
	a.entries(b, shown)
	for _, p := range shown {
		a.activityPage(b, &a.acts[p])
	}
}

// bookletView is a booklet of the current activities, or of those that
// serve kommun when it is set: members, positions in a.acts.
func (a *assembler) bookletView(f Frame, intro, kommun string, members []int32) View {
	v := &BookletView{Frame: f, Intro: intro}
	v.Body = a.in.Booklet[a.ix.File]
	v.Matrix = a.matrix(v.Root, false, kommun)
	var shown []int32
	if kommun != "" {
		shown = a.currentOf(members)
	} else {
		for i := range a.acts {
			if a.acts[i].current() {
				shown = append(shown, int32(i))
			}
		}
	}
	for _, fn := range a.ix.Funktioner {
		sec := BookletSection{Heading: fn.Namn, ID: BookletFunctionID(fn.ID)}
		if p := a.page(catalog.FunktionPage, fn.ID); p != nil {
			sec.Text = a.in.Booklet[p.File]
		}
		for _, p := range shown {
			ac := &a.acts[p]
			if x := ac.x; len(x.Funktion) > 0 && x.Funktion[0] == fn.ID {
				sec.Activities = append(sec.Activities, a.bookletActivity(ac, v.Root))
			}
		}
		if len(sec.Activities) > 0 || sec.Text != "" {
			v.Sections = append(v.Sections, sec)
		}
	}
	return v
}

// bookletActivity is ac as printed in a booklet whose root is root.
func (a *assembler) bookletActivity(ac *act, root string) BookletActivity {
	d := a.shared(ac)
	x := ac.x
	return BookletActivity{
		Name: x.Namn, ID: BookletActivityID(x.Slug), Status: d.status,
		Facts: a.factsAt(ac, root), Contacts: d.contacts, Body: a.in.Booklet[x.File],
	}
}
