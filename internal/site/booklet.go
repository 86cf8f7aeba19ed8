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

// booklet makes utskrift/: the catalogue as one printable document like
// the original kartläggning: title, introduction, the matrix, then every
// current activity with all its facts under its (first) function.
func (a *assembler) booklet() {
	const url = route.Booklet
	a.add(url, "utskrift", a.l.t["printTitle"], a.bookletView)
}

func (a *assembler) bookletView(f Frame) View {
	v := &BookletView{Frame: f}
	v.Intro = a.l.t["printIntro"]
	v.Body = a.in.Booklet[a.ix.File]
	v.Matrix = a.matrix(v.Root, false)
	for _, f := range a.ix.Funktioner {
		sec := BookletSection{Heading: f.Namn, ID: BookletFunctionID(f.ID)}
		if p := a.page(catalog.FunktionPage, f.ID); p != nil {
			sec.Text = a.in.Booklet[p.File]
		}
		for _, x := range a.sorted {
			if !a.current(x) || len(x.Funktion) == 0 || x.Funktion[0] != f.ID {
				continue
			}
			ba := BookletActivity{Name: x.Namn, ID: BookletActivityID(x.Slug), Facts: a.facts(x, v.Root)}
			ba.Status, _ = a.status(x)
			for _, c := range x.Kontakt {
				ba.Contacts = append(ba.Contacts, a.contact(c))
			}
			ba.Body = a.in.Booklet[x.File]
			sec.Activities = append(sec.Activities, ba)
		}
		if len(sec.Activities) > 0 || sec.Text != "" {
			v.Sections = append(v.Sections, sec)
		}
	}
	return v
}
