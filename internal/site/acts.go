package site

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/samkat/samkat/internal/axis"
	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/parallel"
)

// act is one published activity with what every page that shows it
// shares. The fields are made up front by newAssembler, cheaply, since
// Paths needs them for the pages and their keys; the parts of views
// (entries, facts, contacts) are made once, on first use, by shared.
type act struct {
	x        *catalog.Activity
	searchID int            // the activity's number in the search index: the catalogue's order
	state    catalog.Status // on the build day
	stale    bool           // reviewed longer than granskas_inom before the build day
	// vals holds, per axis (in the order of assembler.axes), the indexes
	// of the activity's values among the axis's values, ascending and
	// each once.
	vals [][]int32
	// entry is the key of all that a list, the matrix or the review
	// report shows of the activity and of what decides where it is shown;
	// page that of its own page and its entry in a booklet (see
	// keyActivities). Both are zero without Input.FileKeys.
	entry, page Key

	once sync.Once
	v    *actViews
}

// actViews are the parts of views that are the same wherever the activity
// is shown.
type actViews struct {
	item     Item      // Href is empty: see href
	hrefs    [3]string // the activity's address from the root and from one and two folders down
	status   string    // "" while running
	facts    []Fact    // at rootFacts
	contacts []ContactView
}

// rootFacts is the depth of the pages that show an activity's facts: its
// own page and the booklets per municipality.
const rootFacts = "../../"

func (ac *act) current() bool { return ac.state != catalog.Avslutad }

// shared returns ac's shared view parts, made on the first call; it is
// safe to call from several goroutines.
func (a *assembler) shared(ac *act) *actViews {
	ac.once.Do(func() {
		x := ac.x
		d := &actViews{}
		ac.v = d
		url := activityURL(x)
		d.hrefs = [3]string{url, "../" + url, rootFacts + url}
		d.status = a.statusText(ac)
		it := Item{Name: x.Namn, Target: x.Malgrupp, SearchID: ac.searchID, Draft: x.Utkast}
		var fns []string
		for _, id := range x.Funktion {
			fns = append(fns, a.ix.FunktionNamn(id))
		}
		it.Functions = strings.Join(fns, ", ")
		it.Kommuner = a.kommunText(x)
		it.Status, it.StatusKey = d.status, ac.state.String()
		d.item = it
		d.facts = a.facts(ac, rootFacts)
		for _, c := range x.Kontakt {
			d.contacts = append(d.contacts, a.contact(c))
		}
	})
	return ac.v
}

// href is the activity's address from a page whose root is root.
func (d *actViews) href(root string) string {
	switch root {
	case "":
		return d.hrefs[0]
	case "../":
		return d.hrefs[1]
	case rootFacts:
		return d.hrefs[2]
	}
	return root + d.hrefs[0]
}

// axisData is one axis with its values and, per value, the activities
// that have it.
type axisData struct {
	i      int // the axis's place in assembler.axes and act.vals
	ax     axis.Axis
	values []catalog.Term
	// members holds per value the positions (in assembler.acts) of the
	// published activities that have it, ascending: the order of the
	// listings.
	members [][]int32
	// links holds, per value an activity gives (its key as the activity
	// writes it), what links to the value's page.
	links map[string]valueLink
}

// valueLink is what a fact's link to a value's page is made of.
type valueLink struct {
	name string  // the name shown
	page string  // the value's page, site-relative
	href string  // the page from rootFacts
	vals []int32 // the values it matches, as axis.Match compares them
}

// indexActivities fills a.acts and a.axes: the status of every activity
// on the build day, and which activities have each value of each axis
// (what axis.Match says, decided once per activity instead of once per
// page that asks); with Input.FileKeys, it gives every activity its keys
// too (keyActivities). order holds the position in Input.Cat.Activities
// of each of a.sorted. The axes are indexed each on its own, and the keys
// made beside them, on all cores: each writes what is its own.
func (a *assembler) indexActivities(order []int32) {
	limit := a.ix.ReviewLimit()
	a.acts = make([]act, len(a.sorted))
	for i, x := range a.sorted {
		ac := &a.acts[i]
		ac.x, ac.searchID, ac.state = x, int(order[i]), x.StatusOn(a.in.Now)
		ac.stale = !x.Granskad.IsZero() && x.Granskad.AddDays(limit).Before(a.in.Now)
	}
	axes := slices.Collect(axis.All())
	vals := make([][]int32, len(a.acts)*len(axes))
	for i := range a.acts {
		a.acts[i].vals = vals[i*len(axes) : (i+1)*len(axes) : (i+1)*len(axes)]
	}
	a.axes = make([]axisData, len(axes))
	keyChunks := 0
	if a.keyed() {
		keyChunks = (len(a.acts) + keyChunk - 1) / keyChunk
	}
	_ = parallel.For(context.Background(), len(axes)+keyChunks, func(t int) error {
		if t < len(axes) {
			a.axes[t] = a.indexAxis(t, axes[t])
		} else {
			a.keyActivities(t - len(axes))
		}
		return nil
	})
	a.forbundMembers = map[string][]int32{}
	for i := range a.acts {
		if f := a.acts[i].x.Forbund; f != "" {
			a.forbundMembers[f] = append(a.forbundMembers[f], int32(i))
		}
	}
}

// indexAxis returns the axis ax, the n-th, with its values and their
// activities, and sets the n-th of every activity's vals.
func (a *assembler) indexAxis(n int, ax axis.Axis) axisData {
	// Each value's key as axis.Match compares it: the key itself, or
	// its slug for a collected axis (each spelling slugified once).
	fold := func(s string) string { return s }
	var values []catalog.Term
	if ax.Source == axis.Collected {
		slugs := map[string]string{}
		fold = func(s string) string {
			slug, ok := slugs[s]
			if !ok {
				slug = catalog.Slugify(s)
				slugs[s] = slug
			}
			return slug
		}
		values = ax.ValuesBy(a.ix, a.sorted, fold)
	} else {
		values = ax.Values(a.ix, a.sorted)
	}
	ad := axisData{i: n, ax: ax, values: values}
	ad.members = make([][]int32, len(ad.values))
	byKey := make(map[string][]int32, len(ad.values))
	for j, t := range ad.values {
		k := fold(t.ID)
		byKey[k] = append(byKey[k], int32(j))
	}
	ad.links = map[string]valueLink{}
	// The activities' values share one array.
	store := make([]int32, 0, 2*len(a.acts))
	for i := range a.acts {
		ac := &a.acts[i]
		start := len(store)
		for _, v := range ax.Of(ac.x) {
			l, ok := ad.links[v]
			if !ok {
				page := ax.Page(v)
				l = valueLink{name: ax.ValueName(a.ix, v), page: page, href: rootFacts + page, vals: byKey[fold(v)]}
				ad.links[v] = l
			}
			for _, j := range l.vals {
				if !slices.Contains(store[start:], j) {
					store = append(store, j)
				}
			}
		}
		own := store[start:len(store):len(store)]
		slices.Sort(own)
		ac.vals[n] = own
		for _, j := range own {
			ad.members[j] = append(ad.members[j], int32(i))
		}
	}
	return ad
}

// axisData returns the axis called name, or one without values (as
// axis.ByName gives) when there is none.
func (a *assembler) axisData(name string) *axisData {
	for i := range a.axes {
		if a.axes[i].ax.Name == name {
			return &a.axes[i]
		}
	}
	return &axisData{i: -1}
}

// currentOf returns the positions of the current activities among
// members.
func (a *assembler) currentOf(members []int32) []int32 {
	var out []int32
	for _, p := range members {
		if a.acts[p].current() {
			out = append(out, p)
		}
	}
	return out
}

// countCurrent counts the current activities among members.
func (a *assembler) countCurrent(members []int32) string {
	n := 0
	for _, p := range members {
		if a.acts[p].current() {
			n++
		}
	}
	return a.l.count(n)
}
