package site

import (
	"slices"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/route"
)

// review makes granskning/, the report an editor works through: current
// activities never reviewed first, then those older than granskas_inom
// (oldest first), then the rest, with a contact to ask.
func (a *assembler) review() {
	// Every activity is in it: the current ones by their review, and any
	// that cannot be reached.
	a.add(route.Review, "review", a.l.t["reviewTitle"], a.allEntries, a.reviewView)
}

func (a *assembler) reviewView(f Frame) View {
	t := a.l.t
	limit := a.ix.ReviewLimit()
	rv := &ReviewView{Frame: f, Intro: a.l.f("reviewIntro", limit), Limit: limit, Empty: t["noActivities"]}
	type row struct {
		r   ReviewRow
		day catalog.Date
	}
	var rows []row
	for i := range a.acts {
		ac := &a.acts[i]
		if !ac.current() {
			continue
		}
		x := ac.x
		r := ReviewRow{Name: x.Namn, Href: rv.Root + activityURL(x)}
		switch {
		case x.Granskad.IsZero():
			r.State, r.StateKey = t["reviewMissing"], "missing"
			rv.Missing++
		case ac.stale:
			r.State, r.StateKey = t["reviewStale"], "stale"
			rv.Stale++
		default:
			r.State, r.StateKey = t["reviewFresh"], "fresh"
			rv.Fresh++
		}
		if !x.Granskad.IsZero() {
			r.Reviewed = a.l.date(x.Granskad)
		}
		r.Contact = firstContact(x.Kontakt, func(c catalog.Contact) string { return c.Telefon })
		rows = append(rows, row{r, x.Granskad})
	}
	order := map[string]int{"missing": 0, "stale": 1, "fresh": 2}
	slices.SortStableFunc(rows, func(p, q row) int {
		if d := order[p.r.StateKey] - order[q.r.StateKey]; d != 0 {
			return d
		}
		switch {
		case p.day.Before(q.day):
			return -1
		case q.day.Before(p.day):
			return 1
		}
		return 0
	})
	for _, r := range rows {
		rv.Rows = append(rv.Rows, r.r)
	}
	for i := range a.acts {
		ac := &a.acts[i]
		x := ac.x
		if x.Reachable() {
			continue
		}
		r := ReviewRow{Name: x.Namn, Href: rv.Root + activityURL(x)}
		if !ac.current() {
			r.State, r.StateKey = t["search.endedMark"], "ended"
		}
		r.Contact = firstContact(x.Kontakt, func(c catalog.Contact) string { return c.Roll })
		rv.Unreachable = append(rv.Unreachable, r)
	}
	return rv
}

// firstContact names the first contact with a name, followed by what
// detail gives of it when that is not empty: "Anna Berg, 0320-123 45".
func firstContact(list []catalog.Contact, detail func(catalog.Contact) string) string {
	for _, c := range list {
		if c.Namn == "" {
			continue
		}
		if d := detail(c); d != "" {
			return c.Namn + ", " + d
		}
		return c.Namn
	}
	return ""
}
