// Package render fills the html/template layouts with the view models of
// package site. The built-in layouts are compiled into samkat; a
// catalogue's own layouts/ folder overrides them file by file, so a förbund
// can change the footer without copying every template.
//
// Layout files: base.html defines the whole document and calls the
// template "main"; each other top-level file (home.html, activity.html,
// list.html, utskrift.html, review.html, text.html, 404.html,
// redirect.html) defines "main" for one kind of page and receives that
// kind's view (site.HomeView, site.ActivityView …), which embeds the
// site.Frame that base.html uses; files in _partials/ define shared pieces
// available to all. docs/layouts.md lists the fields for catalogues.
//
// The pages and entries a catalogue has thousands of (the activity pages,
// the review report's rows, the entries of the lists, the matrix and the
// booklet) are written in Go rather than executed, with the bytes
// html/template gives, while the templates they run are the built-in ones
// (pages.go, partials.go, escape.go); a catalogue's own are executed.
// With the build's minifier (NewMinified), the activity pages and the
// booklet's entries are written minified too, with the bytes the
// minifier gives (minified.go).
package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/overlay"
	"github.com/samkat/samkat/internal/site"
)

// Renderer holds one parsed template set per page kind.
type Renderer struct {
	sets map[string]*template.Template
	// partials executes the partials alone, for Prerender.
	partials *template.Template
	// sizes holds, per layout, the size of the largest page rendered so
	// far (up to maxSizeHint): pages of one layout are much alike, and a
	// buffer of the right size saves growing it step by step, which at
	// 10,000 activity pages cost a second of copying and clearing.
	sizes map[string]*atomic.Int64

	// For splicing (splice.go): the minifier, the start of every
	// placeholder (nil when the pages hold none), and the minified
	// entries, by the number in their placeholder, with the ID of each
	// (site.BookletActivity.ID).
	minFragment func([]byte) ([]byte, error)
	spliceOpen  []byte
	splices     [][]byte
	spliceIDs   []string

	// plan is set for the booklets rendered a few at a time
	// (PlanBooklets).
	plan *bookletPlan

	// pages holds, by layout, the writers of the pages Render writes
	// without html/template (pages.go): those whose templates are the
	// built-in ones. fast holds those of the partials Prerender writes
	// so (partials.go).
	pages map[string]func(b []byte, v site.View) ([]byte, bool)
	fast  map[string]func(b []byte, f *fragment) ([]byte, bool)
	// dropsBookletBodies says that the booklet's layout is the built-in
	// one, which prints an entry's HTML, once Prerender has made it, and
	// not its Body: Prerender lets go of the Body then (see bookletDigest).
	dropsBookletBodies bool
	// min is for the pages written minified (minified.go), nil without
	// a minifier.
	min *minState

	maxPage int           // MaxPageSize, smaller in tests
	timeout time.Duration // PageTimeout, shorter in tests
}

const maxSizeHint = 1 << 20

// BookletBodiesLater says whether the booklets' views may leave each
// activity's Body to be made when Prerender renders its entry
// (site.Input.BookletBodiesLater): when the booklet's layout is the
// built-in one, whose pages print each entry's HTML and not its Body, and
// the partial "booklet-activity" is defined, so that Prerender renders
// every entry. The bodies as the booklets print them are then made one
// entry at a time, and let go as each is rendered, rather than all kept
// from the views' making on.
func (r *Renderer) BookletBodiesLater() bool {
	return r.dropsBookletBodies && r.partials.Lookup(splicedPartial) != nil
}

// A catalogue's own layouts are code, and code can loop for ever
// ({{range 100000000000}}). The nightly build needs an end, so a page may
// be at most MaxPageSize bytes and take at most PageTimeout to render.
// The booklet of a catalogue of 10,000 activities is about 50 MB and takes
// a few seconds.
const (
	MaxPageSize = 128 << 20
	PageTimeout = 2 * time.Minute
)

// New parses the layouts of builtin, with files of override (may be nil)
// taking the place of built-in files with the same name.
func New(builtin, override fs.FS) (*Renderer, error) {
	return NewMinified(builtin, override, nil)
}

// NewMinified is New for pages that will be minified by minify (HTML in,
// minified HTML out): unless override holds layouts, Prerender minifies
// the entries of the printable catalogues once each, and the pages carry
// placeholders in their place, for Splice (see splice.go). minify may
// write into its input. A nil minify is New.
func NewMinified(builtin, override fs.FS, minify func(html []byte) ([]byte, error)) (*Renderer, error) {
	isLayout := func(name string) bool { return path.Ext(name) == ".html" }
	raw, err := overlay.Read("layouts", isLayout, builtin, override)
	if err != nil {
		return nil, err
	}
	// A catalogue may hold copies of the built-in layouts (the
	// repository's own content does): only a layout that differs is its own.
	own := false
	if minify != nil && override != nil {
		plain, err := overlay.Read("layouts", isLayout, builtin)
		if err != nil {
			return nil, err
		}
		own = !maps.EqualFunc(raw, plain, bytes.Equal)
	}
	files := make(map[string]string, len(raw))
	for name, b := range raw {
		files[name] = string(b)
	}
	base, ok := files["base.html"]
	if !ok {
		return nil, fmt.Errorf("layouts/base.html is missing")
	}
	common := template.New("base.html").Option("missingkey=error").Funcs(funcs)
	if _, err := common.Parse(base); err != nil {
		return nil, layoutError("base.html", err)
	}
	names := slices.Sorted(maps.Keys(files))
	for _, name := range names {
		if strings.HasPrefix(name, "_partials/") {
			if _, err := common.New(name).Parse(files[name]); err != nil {
				return nil, layoutError(name, err)
			}
		}
	}
	r := &Renderer{sets: map[string]*template.Template{}, sizes: map[string]*atomic.Int64{}, maxPage: MaxPageSize, timeout: PageTimeout}
	if minify != nil {
		r.min = &minState{minify: minify}
	}
	if minify != nil && !own {
		r.minFragment = minify
		r.spliceOpen = newSpliceOpen()
	}
	if r.partials, err = common.Clone(); err != nil {
		return nil, err
	}
	for _, name := range names {
		if name == "base.html" || strings.Contains(name, "/") {
			continue
		}
		set, err := common.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := set.New(name).Parse(files[name]); err != nil {
			return nil, layoutError(name, err)
		}
		r.sets[strings.TrimSuffix(name, ".html")] = set
		r.sizes[strings.TrimSuffix(name, ".html")] = new(atomic.Int64)
	}
	r.fast = map[string]func([]byte, *fragment) ([]byte, bool){}
	for name, p := range fastPartials {
		if layoutDigest(r.partials, name, nil) == p.digest {
			r.fast[name] = p.write
		}
	}
	if set := r.sets["utskrift"]; set != nil && layoutDigest(set, "base.html", bookletSkip) == bookletDigest {
		r.dropsBookletBodies = true
	}
	r.pages = map[string]func([]byte, site.View) ([]byte, bool){}
	for name, p := range fastPages {
		if set := r.sets[name]; set != nil && layoutDigest(set, "base.html", framePartials) == p.digest {
			r.pages[name] = p.write
			if w := minPages[name]; w != nil && minify != nil {
				if r.min.pages == nil {
					r.min.pages = map[string]func(*minWriter, site.View){}
				}
				r.min.pages[name] = w
			}
		}
	}
	return r, nil
}

// layoutError names the layout file the way an editor finds it:
// html/template reports "template: home.html:3: …", which becomes
// "layouts/home.html:3: …".
func layoutError(name string, err error) error {
	msg, ok := strings.CutPrefix(err.Error(), "template: ")
	if !ok || !strings.HasPrefix(msg, name+":") {
		msg = name + ": " + err.Error()
	}
	return errors.New("layouts/" + msg)
}

// Render returns the HTML of page. A page larger than MaxPageSize, or not
// done after PageTimeout, is an error (a *msg.Error) that names its layout.
func (r *Renderer) Render(page site.Page) ([]byte, error) {
	return r.RenderAppend(nil, page)
}

// RenderAppend is Render that may append the page to dst (from its
// start, dst[:0]) instead of a new buffer, for a caller that reuses its
// buffers. After an error, dst is not to be reused: a layout past its
// deadline may still be writing into it.
func (r *Renderer) RenderAppend(dst []byte, page site.Page) ([]byte, error) {
	set, ok := r.sets[page.Template]
	if !ok {
		return nil, fmt.Errorf("no layout %s.html for %s", page.Template, page.Path)
	}
	size := r.sizes[page.Template]
	if write := r.pages[page.Template]; write != nil {
		if n := int(size.Load()); cap(dst) < n {
			dst = make([]byte, 0, n)
		}
		if b, ok := write(dst[:0], page.View); ok {
			if len(b) > r.maxPage {
				return nil, msg.Errorf(msg.LayoutPageTooBig, page.Template+".html", page.Path, r.maxPage>>20)
			}
			if n := int64(min(len(b), maxSizeHint)); n > size.Load() {
				size.Store(n)
			}
			return b, nil
		}
	}
	// The page is written into dst, as large as it is (a caller's buffer,
	// reused), rather than a new buffer. A layout that runs past the
	// deadline may write on into it until it sees that it is stopped: a
	// caller does not reuse the buffer of a page that failed.
	w := &pageWriter{buf: *bytes.NewBuffer(dst[:0]), max: r.maxPage, stop: new(atomic.Bool)}
	w.buf.Grow(int(size.Load()))
	// html/template cannot be cancelled: a layout that loops runs on in
	// its goroutine after the deadline, but every write fails from then
	// on, so a loop that writes ends at once. One that writes nothing
	// runs until the command ends.
	done := make(chan error, 1)
	go func() { done <- set.ExecuteTemplate(w, "base.html", page.View) }()
	timer := time.NewTimer(r.timeout)
	defer timer.Stop()
	layout := page.Template + ".html"
	select {
	case err := <-done:
		if w.over {
			return nil, msg.Errorf(msg.LayoutPageTooBig, layout, page.Path, r.maxPage>>20)
		}
		if err != nil {
			return nil, err
		}
	case <-timer.C:
		w.stop.Store(true)
		return nil, msg.Errorf(msg.LayoutTooSlow, layout, page.Path, r.timeout)
	}
	if n := int64(min(w.buf.Len(), maxSizeHint)); n > size.Load() {
		size.Store(n) // a race here only loses a hint
	}
	return w.buf.Bytes(), nil
}

// pageWriter collects a page, failing every write once the page would be
// larger than max or once it is stopped.
type pageWriter struct {
	buf  bytes.Buffer
	max  int
	over bool         // read only after the template is done
	stop *atomic.Bool // set when the time is up; may be shared by writers
}

var errPageLimit = errors.New("the page passed a limit")

func (w *pageWriter) Write(p []byte) (int, error) {
	if w.stop.Load() {
		return 0, errPageLimit
	}
	if w.buf.Len()+len(p) > w.max {
		w.over = true
		return 0, errPageLimit
	}
	return w.buf.Write(p)
}

// funcs are the helpers layouts may use.
var funcs = template.FuncMap{
	// args builds a map from key/value pairs, to pass several values to a
	// partial: {{template "contacts" args "List" .Contacts "T" $.T}}.
	"args": func(kv ...any) (map[string]any, error) {
		if len(kv)%2 != 0 {
			return nil, fmt.Errorf("args needs key/value pairs, got %d values", len(kv))
		}
		m := make(map[string]any, len(kv)/2)
		for i := 0; i < len(kv); i += 2 {
			k, ok := kv[i].(string)
			if !ok {
				return nil, fmt.Errorf("args: key %v is not a string", kv[i])
			}
			m[k] = kv[i+1]
		}
		return m, nil
	},
}
