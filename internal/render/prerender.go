package render

import (
	"context"
	"fmt"
	"html/template"
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
}

// Prerender renders beforehand, in parallel, what the listing pages repeat:
// each activity's entry in the lists (the partial "item"), in the cells of
// a matrix ("matrix-item") and in the booklet ("booklet-activity"). An
// entry that is the same on several pages (the same activity at the same
// depth of address: kommuner/mark/ and funktioner/x/ link it alike, and
// the booklets of two municipalities print it alike) is rendered once, and
// every list that shows it gets it as the item's HTML,
// which the built-in layouts print instead of executing the partial again.
// A catalogue's own version of a partial is the one rendered; a partial
// the layouts do not define is left to them. The pages are those of one
// site: they share their texts.
//
// Rendering a page through the partials, as html/template would without
// Prerender, gives the same bytes: the partials are written to be called in
// the text of the page, which is where html/template renders them alone.
func (r *Renderer) Prerender(ctx context.Context, pages []site.Page) error {
	jobs, into := r.collect(pages)
	if len(jobs) == 0 {
		return nil
	}
	stop := new(atomic.Bool)
	done := make(chan error, 1)
	go func() {
		_, err := parallel.ForWorkers(ctx, len(jobs), func() *pageWriter {
			return &pageWriter{max: r.maxPage, stop: stop}
		}, func(w *pageWriter, i int) error {
			return r.prerender(w, &jobs[i])
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
	return nil
}

// fragment is one entry to render: a partial and its arguments.
type fragment struct {
	partial string
	page    string // the first page that shows it, for errors
	args    map[string]any
	html    template.HTML
}

// occurrence is where a rendered entry goes.
type occurrence struct {
	html *template.HTML
	job  int
}

// collect lists the entries of pages to render, each once, and where each
// goes.
func (r *Renderer) collect(pages []site.Page) ([]fragment, []occurrence) {
	type key struct {
		partial string
		search  bool
		item    site.Item
	}
	has := func(name string) bool { return r.partials.Lookup(name) != nil }
	var jobs []fragment
	var into []occurrence
	index := map[key]int{}
	// An activity in the booklets of several municipalities is the same
	// entry in each: site makes it from the activity (which its ID names)
	// and the depth of the page alone.
	type bookletKey struct{ id, root string }
	booklet := map[bookletKey]int{}
	items := func(pg *site.Page, t site.Strings, partial string, search bool, list []site.Item) {
		if !has(partial) {
			return
		}
		for i := range list {
			it := &list[i]
			if it.HTML != "" {
				continue
			}
			k := key{partial, search, *it}
			j, ok := index[k]
			if !ok {
				j = len(jobs)
				index[k] = j
				args := map[string]any{"Item": *it, "T": t}
				if partial == "item" {
					args["Search"] = search
				}
				jobs = append(jobs, fragment{partial: partial, page: pg.Path, args: args})
			}
			into = append(into, occurrence{&it.HTML, j})
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
						jobs = append(jobs, fragment{partial: "booklet-activity", page: pg.Path, args: map[string]any{"Activity": *a, "T": v.T}})
					}
					into = append(into, occurrence{&a.HTML, j})
				}
			}
		}
	}
	return jobs, into
}

// prerender renders job f with w, which it empties first.
func (r *Renderer) prerender(w *pageWriter, f *fragment) error {
	w.buf.Reset()
	err := r.partials.ExecuteTemplate(w, f.partial, f.args)
	switch {
	case w.over:
		return msg.Errorf(msg.LayoutPageTooBig, prerendered[f.partial], f.page, r.maxPage>>20)
	case w.stop.Load():
		return nil // Prerender has returned the time limit's error
	case err != nil:
		return fmt.Errorf("render %s for %s: %w", f.partial, f.page, err)
	}
	f.html = template.HTML(w.buf.String()) // the partial's own output, escaped by html/template
	return nil
}
