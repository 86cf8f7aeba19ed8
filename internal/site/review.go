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
	// The rows are sorted by what to do and the day, as small structs.
	type row struct {
		state int // missing, stale, fresh
		day   catalog.Date
		i     int // in rows
	}
	rows := make([]ReviewRow, 0, len(a.acts))
	order := make([]row, 0, len(a.acts))
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
			order = append(order, row{0, x.Granskad, len(rows)})
		case ac.stale:
			r.State, r.StateKey = t["reviewStale"], "stale"
			rv.Stale++
			order = append(order, row{1, x.Granskad, len(rows)})
		default:
			r.State, r.StateKey = t["reviewFresh"], "fresh"
			rv.Fresh++
			order = append(order, row{2, x.Granskad, len(rows)})
		}
		if !x.Granskad.IsZero() {
			r.Reviewed = a.l.date(x.Granskad)
		}
		r.Contact = firstContact(x.Kontakt, func(c catalog.Contact) string { return c.Telefon })
		rows = append(rows, r)
	}
	// Rows that tie keep their order A–Ö (i), so the sort is stable.
	slices.SortFunc(order, func(p, q row) int {
		if d := p.state - q.state; d != 0 {
			return d
		}
		switch {
		case p.day.Before(q.day):
			return -1
		case q.day.Before(p.day):
			return 1
		}
		return p.i - q.i
	})
	if len(order) > 0 {
		rv.Rows = make([]ReviewRow, len(order))
		for k, o := range order {
			rv.Rows[k] = rows[o.i]
		}
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
