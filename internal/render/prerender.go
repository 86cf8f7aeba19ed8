package render

import (
	"context"
	"fmt"
	"html/template"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/parallel"
	"github.com/samkat/samkat/internal/site"
)

// The partials Prerender renders, and the layout files that define them
// built in (named in errors).
var prerendered = map[string]string{
	"item":             "_partials/item.html",
	"matrix-item":      "_partials/matrix-item.html",
	"booklet-activity": "_partials/booklet-activity.html",
	"nav":              "_partials/nav.html",
	"footer":           "_partials/footer.html",
	"fact-links":       "_partials/facts.html",
}

// Prerender renders beforehand, in parallel, what the pages repeat: each
// activity's entry in the lists (the partial "item"), in the cells of a
// matrix ("matrix-item") and in the booklet ("booklet-activity"), and the
// navigation and footer of every page ("nav", "footer"), and the links of
// each fact of an activity's page ("fact-links"). An entry that is
// the same on several pages (the same activity at the same depth of
// address: kommuner/mark/ and funktioner/x/ link it alike, and the
// booklets of two municipalities print it alike; the footer of every page
// at one depth; a fact that links the same pages) is rendered once, and every page that shows it gets it as
// the item's (or frame's) HTML, which the built-in layouts print instead of
// executing the partial again. A catalogue's own version of a partial is
// the one rendered; a partial the layouts do not define is left to them.
// The pages are those of one site: they share their texts.
//
// Rendering a page through the partials, as html/template would without
// Prerender, gives the same bytes: the partials are written to be called in
// the text of the page, which is where html/template renders them alone.
func (r *Renderer) Prerender(ctx context.Context, pages []site.Page) error {
	// The booklets' entries an earlier call rendered, for a booklet still
	// to be written (see PlanBooklets), before the facts' links, which
	// they print.
	r.reuseBookletEntries(pages)
	// The links of the facts first: the booklet's entries print them. Each
	// round has the time limit.
	jobs, into := r.collectFactLinks(pages)
	if err := r.run(ctx, jobs, into); err != nil {
		return err
	}
	jobs, into = r.collect(pages)
	return r.run(ctx, jobs, into)
}

// run renders jobs in parallel and puts each where into says.
func (r *Renderer) run(ctx context.Context, jobs []fragment, into []occurrence) error {
	if len(jobs) == 0 {
		return nil
	}
	if r.spliceOpen != nil {
		// Each entry to splice gets its number now: the pages of an
		// earlier call keep theirs.
		for i := range jobs {
			if jobs[i].partial == splicedPartial {
				jobs[i].splice = len(r.splices)
				r.splices = append(r.splices, nil)
				a, _ := jobs[i].args["Activity"].(site.BookletActivity)
				r.spliceIDs = append(r.spliceIDs, a.ID)
			}
		}
	}
	// The entries each job renders, let go of but their ID as soon as it
	// is rendered: the jobs render in parallel, and each entry is one
	// job's.
	var entries map[int][]*site.BookletActivity
	for _, o := range into {
		if o.entry != nil {
			if entries == nil {
				entries = map[int][]*site.BookletActivity{}
			}
			entries[o.job] = append(entries[o.job], o.entry)
		}
	}
	stop := new(atomic.Bool)
	done := make(chan error, 1)
	go func() {
		_, err := parallel.ForWorkers(ctx, len(jobs), func() *pageWriter {
			return &pageWriter{max: r.maxPage, stop: stop}
		}, func(w *pageWriter, i int) error {
			if err := r.prerender(w, &jobs[i]); err != nil {
				return err
			}
			if e := entries[i]; e != nil && jobs[i].html != "" && !stop.Load() {
				for _, a := range e {
					*a = site.BookletActivity{ID: a.ID}
				}
			}
			// What it was rendered of (a copy of the entry, in a map of
			// its own) is not needed again: the jobs number some 60,000 at
			// 10,000 activities.
			jobs[i].args, jobs[i].data, jobs[i].item = nil, nil, nil
			return nil
		})
		done <- err
	}()
	timer := time.NewTimer(r.timeout)
	defer timer.Stop()
	select {
	case err := <-done:
		if err != nil {
			return err
		}
	case <-timer.C:
		stop.Store(true)
		return msg.Errorf(msg.LayoutTooSlow, prerendered[jobs[0].partial], jobs[0].page, r.timeout)
	}
	for _, o := range into {
		*o.html = jobs[o.job].html
	}
	for i := range jobs {
		if jobs[i].minified != nil {
			r.splices[jobs[i].splice] = jobs[i].minified
		}
	}
	if r.plan != nil {
		for i := range jobs {
			if f := &jobs[i]; f.partial == splicedPartial && f.booklet.id != "" {
				d := renderedEntry{html: f.html, splice: -1}
				if f.minified != nil {
					d.splice = f.splice
				}
				r.plan.done[f.booklet] = d
			}
		}
	}
	return nil
}

// bookletKey is a booklet's entry: site makes it from the activity, which
// its ID names, and the depth of the page alone, so an activity in the
// booklets of several municipalities is the same entry in each.
type bookletKey struct{ id, root string }

// bookletPlan is what PlanBooklets keeps: each booklet entry rendered,
// by its activity and root, for the booklets still to be written that
// print it, and how many those are. Pages are written on several
// goroutines: mu guards both maps and the letting go of a spliced entry.
type bookletPlan struct {
	mu   sync.Mutex
	done map[bookletKey]renderedEntry
	left map[bookletKey]int
}

// renderedEntry is a booklet's entry rendered: the HTML the views get
// (the placeholder of a spliced entry), and its number among the spliced
// entries, or -1.
type renderedEntry struct {
	html   template.HTML
	splice int
}

// PlanBooklets tells the renderer that the booklet pages of pages are to
// be rendered a few at a time, each few by a Prerender call of their own:
// an entry rendered for one is then kept for the later calls whose
// booklets print it too (site.Page.BookletEntryIDs), and let go, with its
// minified bytes, once BookletWritten has been told of the last of them.
// Without it, each Prerender call renders its booklets' entries anew and
// their minified bytes are kept until DropSplices.
func (r *Renderer) PlanBooklets(pages []site.Page) {
	left := map[bookletKey]int{}
	for _, pg := range pages {
		root, ids := pg.BookletEntryIDs()
		for _, id := range ids {
			left[bookletKey{id, root}]++
		}
	}
	r.plan = &bookletPlan{done: map[bookletKey]renderedEntry{}, left: left}
}

// BookletWritten tells the renderer that the page pg is written (pg as
// it was given to PlanBooklets): the entries of it that no booklet still
// to be written prints are let go. It may be called from several
// goroutines at once, but not while Prerender runs.
func (r *Renderer) BookletWritten(pg site.Page) {
	p := r.plan
	if p == nil {
		return
	}
	root, ids := pg.BookletEntryIDs()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, id := range ids {
		k := bookletKey{id, root}
		n, ok := p.left[k]
		if !ok {
			continue
		}
		if n > 1 {
			p.left[k] = n - 1
			continue
		}
		delete(p.left, k)
		if d, ok := p.done[k]; ok {
			if d.splice >= 0 {
				r.splices[d.splice] = nil
			}
			delete(p.done, k)
		}
	}
}

// BookletEntriesKept returns how many booklet entries are kept rendered
// for booklets still to be written (see PlanBooklets), and how many
// spliced entries' bytes are held in all. It must not be called while
// pages are written.
func (r *Renderer) BookletEntriesKept() (entries, splices int) {
	for _, b := range r.splices {
		if b != nil {
			splices++
		}
	}
	if r.plan != nil {
		entries = len(r.plan.done)
	}
	return entries, splices
}

// reuseBookletEntries gives the booklets' entries of pages that an
// earlier Prerender rendered (see PlanBooklets) their HTML, and lets go of
// what the entries are made of as Prerender would once it rendered them:
// with the built-in booklet's layout alone, whose pages print nothing else
// of an entry that has HTML (see bookletDigest).
func (r *Renderer) reuseBookletEntries(pages []site.Page) {
	if r.plan == nil || len(r.plan.done) == 0 || !r.dropsBookletBodies {
		return
	}
	for p := range pages {
		v, ok := pages[p].View.(*site.BookletView)
		if !ok {
			continue
		}
		for _, sec := range v.Sections {
			for i := range sec.Activities {
				a := &sec.Activities[i]
				if a.HTML != "" {
					continue
				}
				d, ok := r.plan.done[bookletKey{a.ID, v.Root}]
				if !ok {
					continue
				}
				*a = site.BookletActivity{ID: a.ID, HTML: d.html}
			}
		}
	}
}

// fragment is one entry to render: a partial and its data (args, or the
// page's frame, or a fact's links, or an item).
type fragment struct {
	partial string
	page    string // the first page that shows it, for errors
	args    map[string]any
	data    any // not nil when args is nil
	// item, when set, is the item of a list or a matrix to render, in the
	// view of the first page that shows it, with the page's texts and
	// whether the list is the front page's (the partial "item"'s Search):
	// the partial's arguments are made of them only when html/template
	// runs it (templateData). At 10,000 activities the other pages'
	// Prerender renders some 29,000 entries, most of them items: a map of
	// arguments each, with a copy of the item, held 13 MB more until each
	// was rendered.
	item   *site.Item
	texts  site.Strings
	search bool
	html   template.HTML
	// splice is the number of the entry's placeholder, for the partial
	// spliced when the renderer splices; minified its bytes then, if it
	// could be spliced (else html is the entry itself).
	splice   int
	minified []byte
	// booklet is the entry, for the partial spliced.
	booklet bookletKey
}

// occurrence is where a rendered entry goes.
type occurrence struct {
	html *template.HTML
	job  int
	// entry, when set, is what the entry is made of, let go of but its
	// ID once the job is rendered, before html is set (a booklet's entry:
	// see Renderer.dropsBookletBodies).
	entry *site.BookletActivity
}

// bookletDigest is layoutDigest of the built-in booklet's set, without
// bookletSkip: its pages print each activity's entry as its HTML alone,
// when Prerender has made it, so the entry's Body (the activity's text as
// the booklet shows it, at 10,000 activities some 36 MB in all), its facts
// and its contacts are not needed once its HTML is made, and Prerender
// lets go of all but its ID. Only the partial's own text reads them, and
// Prerender renders the catalogue's own version of that.
// TestBookletDigest fails when the layouts change; check that the pages
// still print nothing but the HTML of an entry that has HTML before the
// digest is changed.
const bookletDigest = "fa53ad00cbd336749a11625b1e1337b8f83fd6ebdaa4b3cc20e246432eca3401"

// bookletSkip are the templates bookletDigest leaves out: the frame's
// (see framePartials) and the entry's partial, which Prerender runs.
var bookletSkip = map[string]bool{"nav": true, "footer": true, "booklet-activity": true}

// collect lists the entries of pages to render, each once, and where each
// goes.
func (r *Renderer) collect(pages []site.Page) ([]fragment, []occurrence) {
	// An item is known by its partial and its address, which tells the
	// activity and the depth of the page, and is compared whole with the
	// one rendered: hashing every field of every item was most of the time
	// of collecting. Items that share an address but differ (site makes
	// none) are known by all they are.
	type key struct {
		partial string
		search  bool
		href    string
	}
	type fullKey struct {
		key
		item site.Item
	}
	type known struct {
		item site.Item
		job  int
	}
	has := func(name string) bool { return r.partials.Lookup(name) != nil }
	var jobs []fragment
	var into []occurrence
	index := map[key]known{}
	var others map[fullKey]int
	booklet := map[bookletKey]int{}
	// The navigation and the footer are made from the page's depth alone,
	// and which link of the navigation is the page itself.
	type frameKey struct {
		partial, root string
		current       int
	}
	frames := map[frameKey]int{}
	frame := func(pg *site.Page, partial string, current int, dst *template.HTML) {
		if !has(partial) || *dst != "" {
			return
		}
		f := pg.View.PageFrame()
		k := frameKey{partial, f.Root, current}
		j, ok := frames[k]
		if !ok {
			j = len(jobs)
			frames[k] = j
			jobs = append(jobs, fragment{partial: partial, page: pg.Path, data: f})
		}
		into = append(into, occurrence{html: dst, job: j})
	}
	items := func(pg *site.Page, t site.Strings, partial string, search bool, list []site.Item) {
		if !has(partial) {
			return
		}
		for i := range list {
			it := &list[i]
			if it.HTML != "" {
				continue
			}
			k := key{partial, search, it.Href}
			kn, ok := index[k]
			j := kn.job
			if ok && kn.item != *it {
				if others == nil {
					others = map[fullKey]int{}
				}
				j, ok = others[fullKey{k, *it}]
			}
			if !ok {
				j = len(jobs)
				if _, taken := index[k]; taken {
					others[fullKey{k, *it}] = j
				} else {
					index[k] = known{*it, j}
				}
				jobs = append(jobs, fragment{partial: partial, page: pg.Path, item: it, texts: t, search: search})
			}
			into = append(into, occurrence{html: &it.HTML, job: j})
		}
	}
	matrix := func(pg *site.Page, t site.Strings, m *site.Matrix) {
		if m == nil {
			return
		}
		for _, row := range m.Rows {
			for _, cell := range row.Cells {
				items(pg, t, "matrix-item", false, cell)
			}
		}
	}
	for p := range pages {
		pg := &pages[p]
		if pg.View == nil {
			continue
		}
		f := pg.View.PageFrame()
		frame(pg, "nav", slices.IndexFunc(f.Nav, func(l site.Link) bool { return l.Current }), &f.NavHTML)
		frame(pg, "footer", 0, &f.FooterHTML)
		switch v := pg.View.(type) {
		case *site.HomeView:
			matrix(pg, v.T, v.Matrix)
			items(pg, v.T, "item", true, v.Structural)
		case *site.ListView:
			for _, g := range v.Groups {
				items(pg, v.T, "item", false, g.Items)
			}
		case *site.BookletView:
			matrix(pg, v.T, v.Matrix)
			if !has("booklet-activity") {
				continue
			}
			for _, sec := range v.Sections {
				for i := range sec.Activities {
					a := &sec.Activities[i]
					if a.HTML != "" {
						continue
					}
					k := bookletKey{a.ID, v.Root}
					j, ok := booklet[k]
					if !ok {
						j = len(jobs)
						booklet[k] = j
						jobs = append(jobs, fragment{partial: "booklet-activity", page: pg.Path, args: map[string]any{"Activity": *a, "T": v.T}, booklet: k})
					}
					o := occurrence{html: &a.HTML, job: j}
					if r.dropsBookletBodies {
						o.entry = a
					}
					into = append(into, o)
				}
			}
		}
	}
	return jobs, into
}

// collectFactLinks lists the links of the facts of pages (activity pages
// and the booklet's entries) to render, each list once, and where each goes.
func (r *Renderer) collectFactLinks(pages []site.Page) ([]fragment, []occurrence) {
	if r.partials.Lookup("fact-links") == nil {
		return nil, nil
	}
	var jobs []fragment
	var into []occurrence
	// The links of a fact, by their labels and hrefs.
	index := map[string]int{}
	var key []byte
	facts := func(pg *site.Page, list []site.Fact) {
		for i := range list {
			fa := &list[i]
			if len(fa.Links) == 0 || fa.HTML != "" {
				continue
			}
			key = key[:0]
			for _, l := range fa.Links {
				key = append(append(append(append(key, l.Label...), 0), l.Href...), 0)
			}
			j, ok := index[string(key)]
			if !ok {
				j = len(jobs)
				index[string(key)] = j
				jobs = append(jobs, fragment{partial: "fact-links", page: pg.Path, data: fa.Links})
			}
			into = append(into, occurrence{html: &fa.HTML, job: j})
		}
	}
	for p := range pages {
		pg := &pages[p]
		switch v := pg.View.(type) {
		case *site.ActivityView:
			facts(pg, v.Facts)
		case *site.BookletView:
			for _, sec := range v.Sections {
				for i := range sec.Activities {
					if a := &sec.Activities[i]; a.HTML == "" {
						facts(pg, a.Facts)
					}
				}
			}
		}
	}
	return jobs, into
}

// prerender renders job f with w, which it empties first.
func (r *Renderer) prerender(w *pageWriter, f *fragment) error {
	w.buf.Reset()
	if f.partial == splicedPartial {
		// A view made with site.Input.BookletBodiesLater left the
		// entry's body to be made now (see BookletBodiesLater).
		if a, ok := f.args["Activity"].(site.BookletActivity); ok && a.Body == "" {
			f.args["Activity"] = a.WithBody()
		}
	}
	var err error
	if b, ok := r.write(w.buf.AvailableBuffer(), f); ok {
		if len(b) > w.max {
			w.over = true
		} else {
			w.buf.Write(b)
		}
	} else {
		err = r.partials.ExecuteTemplate(w, f.partial, f.templateData())
	}
	switch {
	case w.over:
		return msg.Errorf(msg.LayoutPageTooBig, prerendered[f.partial], f.page, r.maxPage>>20)
	case w.stop.Load():
		return nil // Prerender has returned the time limit's error
	case err != nil:
		return fmt.Errorf("render %s for %s: %w", f.partial, f.page, err)
	}
	if r.spliceOpen != nil && f.partial == splicedPartial {
		ph, m, ok, err := r.splice(w.buf.Bytes(), f.splice, r.minEntry(f, w.buf.Len()))
		if err != nil {
			return fmt.Errorf("minify %s for %s: %w", f.partial, f.page, err)
		}
		if ok {
			f.html, f.minified = ph, m
			return nil
		}
	}
	f.html = template.HTML(w.buf.String()) // the partial's output, escaped as html/template escapes it
	return nil
}

// templateData is what html/template runs f's partial with.
func (f *fragment) templateData() any {
	switch {
	case f.item != nil:
		args := map[string]any{"Item": *f.item, "T": f.texts}
		if f.partial == "item" {
			args["Search"] = f.search
		}
		return args
	case f.data != nil:
		return f.data
	}
	return f.args
}

// write appends f to b without html/template, if its partial is one that
// Renderer.fast writes and its data one the writer knows.
func (r *Renderer) write(b []byte, f *fragment) ([]byte, bool) {
	if write := r.fast[f.partial]; write != nil && (f.args != nil || f.item != nil) {
		return write(b, f)
	}
	return b, false
}
