// Package pipeline runs the whole build: load the catalogue, check it,
// convert the Markdown, assemble and render the pages, add the open data,
// feed and sitemap, minify, and publish. It is the only package that sees
// every stage; cmd/samkat and the dev server call it.
//
// The order matters: everything that can find a mistake in the content
// (load, check, markdown) runs before anything is written, so a catalogue
// with errors publishes nothing. Dir stages the files that changed and
// moves them into the output only when every file has been written (see
// package publish), so a failed or interrupted build leaves the previous
// site exactly as it was.
package pipeline

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/check"
	"github.com/samkat/samkat/internal/cms"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/export"
	"github.com/samkat/samkat/internal/gitlog"
	"github.com/samkat/samkat/internal/load"
	"github.com/samkat/samkat/internal/markdown"
	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/overlay"
	"github.com/samkat/samkat/internal/parallel"
	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/render"
	"github.com/samkat/samkat/internal/route"
	"github.com/samkat/samkat/internal/search"
	"github.com/samkat/samkat/internal/site"
)

// Options configures a build.
type Options struct {
	Now     catalog.Date // the day the site is built for: decides ended and planned activities
	Version string       // samkat's version, shown in the generator meta tag
	Layouts fs.FS        // the built-in templates; the catalogue's layouts/ overrides them file by file
	Static  fs.FS        // the built-in static files; the catalogue's static/ overrides them file by file
	// BaseURL, when set, replaces the catalogue's baseurl: for a preview
	// deployment at another address. Absolute http(s), ending in "/".
	BaseURL string
	// Drafts builds a preview that includes utkast: true activities and
	// pages, marked as drafts on every page (samkat serve --drafts).
	Drafts bool
	// Lang, when set, is the language of the diagnostics and messages,
	// overriding the catalogue's sprak (SAMKAT_LANG sets it).
	Lang msg.Lang
	// Changed, when set, is when each file of the catalogue last changed,
	// keyed by its path ("content/verksamheter/lotsen.md"): it dates the
	// feed's entries. Dir fills it from the catalogue's git history.
	Changed map[string]time.Time
	// Cache, when set, is what earlier builds made, reused where their
	// inputs are the same, and added to (see Cache): samkat serve keeps one
	// for its life. When it is nil, Site uses none, and Dir the one it
	// keeps in the output folder.
	Cache *Cache

	// everyPageAlone makes every page to render after a change alone
	// (site.Page.Build), however many they are (see pagesAlone): the
	// tests run both ways.
	everyPageAlone bool
	// stage, when set, is told where the build is at some points (see
	// renderSite), for the tests to see their order.
	stage func(name string)
	// bookletsWritten, when set, is told after each few booklets
	// emitBooklets writes their paths, and how many spliced entries'
	// bytes the renderer holds then (render.Renderer.BookletEntriesKept).
	bookletsWritten func(paths []string, splicesHeld int)
	// bookletsAtOnce, when not 0, is how many booklets emitBooklets
	// emits at a time, in place of one for each core (two at least):
	// each core renders and writes one, and few enough are live at a
	// time that what they hold is small.
	bookletsAtOnce int
	// activityPagesWritten, when set, is told after each part of the
	// activities' pages emitOtherPages writes their paths, and how many
	// bodies' HTML site.Input.Bodies holds then.
	activityPagesWritten func(paths []string, bodiesHeld int)
	// activityPagesAtOnce, when not 0, is how many activities' pages
	// emitOtherPages emits at a time, in place of the package's
	// activityPagesAtOnce.
	activityPagesAtOnce int
}

// at tells opt.stage that the build is at the stage name.
func (opt Options) at(name string) {
	if opt.stage != nil {
		opt.stage(name)
	}
}

// Result describes a finished build, or a check.
type Result struct {
	Files       int // number of files of the site
	Activities  int // published activities
	Diagnostics diag.List
	// Lang is the language to print the diagnostics in: Options.Lang, else
	// the catalogue's sprak, else Swedish.
	Lang msg.Lang
	// BaseURL is the address the site was built for: Options.BaseURL, else
	// the catalogue's baseurl ("" when it has none).
	BaseURL string

	// Set by Dir: the files it added or replaced, left as they were, and
	// removed because the site no longer has them, and what a folder
	// samkat did not make already held (left alone).
	Written, Unchanged, Removed int
	Kept                        []string
	// Reused is how many files of the site the build kept from the
	// previous one without making them again, their inputs unchanged
	// (see Cache).
	Reused int

	// taken counts what the build took from the previous build's files
	// rather than make it again (with the cache of one build).
	taken taken
}

// taken is Result.taken: the open data's records and the booklets'
// entries taken from the previous build's files.
type taken struct {
	records, entries int64
}

// ErrContent is returned (wrapped) when the catalogue has errors.
var ErrContent = errors.New("the catalogue has errors; nothing was published")

// Check loads and validates the catalogue in src without rendering anything.
func Check(ctx context.Context, src fs.FS, opt Options) (Result, error) {
	_, res, err := prepare(ctx, src, opt, opt.Cache.start(), nil)
	return res, err
}

// CheckDir is Check on the catalogue in folder dir, reading nothing outside it.
func CheckDir(ctx context.Context, dir string, opt Options) (Result, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return Result{Lang: langOf(nil, opt)}, fmt.Errorf("open catalogue: %w", err)
	}
	defer root.Close()
	src, done := sourceFS(root)
	defer done()
	return Check(ctx, src, opt)
}

// langOf decides the language of the messages: Options.Lang, else the
// catalogue's sprak, else Swedish.
func langOf(cat *catalog.Catalogue, opt Options) msg.Lang {
	if opt.Lang != "" {
		return opt.Lang
	}
	if cat != nil && cat.Index != nil {
		if l, ok := msg.ParseLang(cat.Index.Sprak); ok {
			return l
		}
	}
	return msg.Sv
}

// Dir builds the catalogue in folder dir into folder out. Nothing outside
// dir is read (symbolic links out of it are refused). An output folder
// that would mix the site into the catalogue is refused before anything
// is read or written (see publish.CheckOutput), and so is one another
// build is writing. Only the files that changed are written, and files
// samkat did not write are left alone (see package publish). When the
// build fails, out is left exactly as it was.
func Dir(ctx context.Context, dir, out string, opt Options) (Result, error) {
	if err := publish.CheckOutput(dir, out); err != nil {
		return Result{}, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return Result{}, fmt.Errorf("open catalogue: %w", err)
	}
	defer root.Close()
	// Taken before the catalogue is read, so that a second build on the
	// same folder stops at once.
	tx, err := publish.Begin(out)
	if err != nil {
		return Result{}, err
	}
	if opt.Changed == nil {
		if opt.Changed, err = gitlog.LastChanged(ctx, dir, "content"); err != nil {
			return Result{}, errors.Join(err, tx.Abort())
		}
	}
	cache := opt.Cache
	if cache == nil {
		cache = loadCache(tx, opt.Version)
	}
	r := cache.start()
	if opt.Cache == nil {
		r.state, r.version = tx, opt.Version
	}
	src, done := sourceFS(root)
	defer done()
	res, err := build(ctx, src, tx, opt, r)
	r.wait()
	if err == nil && opt.Cache == nil {
		saveCache(tx, r, opt.Version)
	}
	if err != nil {
		if abortErr := tx.Abort(); abortErr != nil {
			err = errors.Join(err, abortErr)
		}
		return res, err
	}
	done() // the catalogue is read: its folders need not stay open for the commit
	st, err := tx.Commit()
	if r := (*publish.Refusal)(nil); errors.As(err, &r) {
		return res, r
	}
	if err != nil {
		return res, fmt.Errorf("publish %s: %w", out, err)
	}
	res.Written, res.Unchanged, res.Removed, res.Kept = st.Written, st.Unchanged, st.Removed, st.Kept
	return res, nil
}

// prepared is a checked catalogue with its Markdown rendered, by file.
type prepared struct {
	cat    *catalog.Catalogue
	bodies map[string]markdown.Body
	// texts holds the bodies' plain text, when not nil: their Text is
	// empty then (see text).
	texts *textStore
	// pending are the bodies not converted yet (see convertBodies): not
	// in bodies until convertPending.
	pending *pendingBodies
	// fileKeys are site.Input.FileKeys, when the build has a cache.
	fileKeys map[string]site.Key
	// fieldKeys is site.Input.FieldKeys, when the cache is kept in memory.
	fieldKeys func(file string, fileKey site.Key, mk func() site.Key) site.Key
	// order is site.Input.Order, when the cache is kept in memory.
	order *site.Order
}

// convertPending converts the bodies left for later, adding them to
// bodies and to in, which siteInput made of p (its maps are the ones the
// pages of site.Paths made from it read).
func (p *prepared) convertPending(ctx context.Context, in *site.Input) error {
	return p.convertFiles(ctx, in, nil)
}

// convertFiles is convertPending for the bodies of files only (all of
// them when files is nil): what the pages whose Files they are show.
func (p *prepared) convertFiles(ctx context.Context, in *site.Input, files []string) error {
	if p.pending == nil {
		return nil
	}
	return p.pending.convert(ctx, p.bodies, in, files)
}

// text returns the plain text of file's body (markdown.Body.Text).
func (p *prepared) text(file string) (string, error) {
	if p.texts != nil {
		return p.texts.text(file)
	}
	return p.bodies[file].Text, nil
}

// dropHTML lets go of the bodies' HTML, keeping their text and summary.
func (p *prepared) dropHTML() {
	for file, b := range p.bodies {
		p.bodies[file] = markdown.Body{Summary: b.Summary, Text: b.Text}
	}
}

// prepare runs every stage that can find a mistake in the content. The
// result carries the diagnostics and their language.
//
// With texts, the bodies' plain text is kept there, not in their Body.
func prepare(ctx context.Context, src fs.FS, opt Options, r *run, texts *textStore) (*prepared, Result, error) {
	p, diags, lang, err := prepareCatalogue(ctx, src, opt, r, texts)
	return p, Result{Diagnostics: diags, Lang: lang}, err
}

func prepareCatalogue(ctx context.Context, src fs.FS, opt Options, r *run, texts *textStore) (*prepared, diag.List, msg.Lang, error) {
	var reuse load.Reuse // nil, not a nil *run
	if r != nil {
		reuse = r
		if s, ok := src.(FileSummer); ok {
			r.known = s.FileSum
		}
		if s, ok := src.(UnreadSummer); ok {
			r.unread = s.UnreadSum
		}
	}
	cat, diags, err := load.CatalogueReusing(ctx, src, reuse)
	if r != nil && err == nil {
		r.loaded()
	}
	lang := langOf(cat, opt)
	if err != nil {
		return nil, diags, lang, err
	}
	if cat == nil || cat.Index == nil {
		if d := check.IndexFirst(diags, load.ContentDir+"/_index.md"); d != nil {
			diags = append(diags, *d)
		}
		diags.Sort()
		return nil, diags, lang, fmt.Errorf("%w", ErrContent)
	}
	if opt.BaseURL != "" {
		cat.Index.BaseURL = opt.BaseURL
	}
	cat.Index.Broken = check.BrokenKeys(diags, cat.Index.File)
	diags = append(diags, check.CatalogueReusing(cat, opt.Now, r.checks(cat.Index.File))...)
	r.checkedAll()
	if _, written := cat.Index.Pos["baseurl"]; cat.Index.BaseURL == "" && !written { // a refused one has its error
		diags.AddWarning(diag.Pos{File: cat.Index.File, Line: 1}, "baseurl", msg.BaseURLMissingWarn)
	}
	for _, folder := range []string{"static", "layouts"} {
		diags = append(diags, overlay.CheckSizes(folder, subFS(src, folder))...)
	}
	ls, links := r.linkSite(src, cat, opt)
	diags = append(diags, staticInTheWay(src, ls)...)
	shown := cat // the catalogue as package site gets it
	if !opt.Drafts {
		shown = published(cat)
	}
	if r == nil || r.c.oneBuild {
		// Every diagnostic that needs them is made: let them go before
		// the bodies are converted, the largest use of memory of this
		// stage. A cache kept in memory shares the activities with the
		// next build, which checks again those the catalogue's changes
		// concern: it keeps them (see forgetPositions).
		forgetPositions(cat, r)
	}
	bodies, pending, mdDiags, err := convertBodies(ctx, cat, ls, site.BookletAddress(shown), site.ForbundBookletAddress(shown), r, links, texts)
	diags = append(diags, mdDiags...)
	if err != nil || diags.HasErrors() {
		diags.Sort()
		if err == nil {
			err = fmt.Errorf("%w", ErrContent)
		}
		return nil, diags, lang, err
	}
	// The diagnostics are sorted on the other core while the files' keys
	// are made and the cache takes what the build made: neither reads them.
	sorted := make(chan struct{})
	go func() {
		defer close(sorted)
		diags.Sort()
	}()
	forgetPositions(cat, r)
	var keys map[string]site.Key
	if r != nil {
		keys = fileKeys(r, cat, links, opt)
		r.succeeded()
	}
	<-sorted
	if !opt.Drafts {
		cat = published(cat)
	}
	return &prepared{cat: cat, bodies: bodies, texts: texts, pending: pending, fileKeys: keys, fieldKeys: r.fieldKey(), order: r.order()}, diags, lang, nil
}

// forgetPositions lets go of where each frontmatter key was written: only
// the diagnostics need it, and they are all made (at 10,000 activities
// the maps hold some 25 MB through the rendering). Not the activities'
// with a cache kept in memory, which keeps them for the checks of the
// next build and shares the checked activities with it (see
// run.CheckedActivity).
func forgetPositions(cat *catalog.Catalogue, r *run) {
	cat.Index.Pos = nil
	for _, p := range cat.Pages {
		p.Pos = nil
	}
	if r != nil && !r.c.oneBuild {
		return
	}
	for _, a := range cat.Activities {
		a.Pos = nil
	}
}

// forgetSources lets go of the Markdown each file was read with, once the
// open data (which holds each activity's) is written: it is converted (a
// body left for later keeps its own in its pendingJob), and nothing else
// reads it (at 10,000 activities some 35 MB through the rendering). Not
// with a cache kept in memory, which shares the activities and keeps them
// for the next build.
func forgetSources(cat *catalog.Catalogue, r *run) {
	if r != nil && !r.c.oneBuild {
		return
	}
	cat.Index.Body = nil
	for _, a := range cat.Activities {
		a.Body = nil
	}
	for _, p := range cat.Pages {
		p.Body = nil
	}
}

// staticInTheWay reports each file of the catalogue's static/ that lies
// where the site has a page or a file the build makes, so that check finds
// what build would stop on. (The build's registry of outputs is the last
// guard, for what check cannot know.)
func staticInTheWay(src fs.FS, s *markdown.Site) diag.List {
	var diags diag.List
	own := subFS(src, "static")
	if own == nil {
		return nil
	}
	_ = fs.WalkDir(own, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		pos := diag.Pos{File: "static/" + name}
		switch {
		case s.URLs[name] && strings.HasSuffix(name, ".html"):
			diags.AddError(pos, "", msg.StaticInWayPage, strings.TrimSuffix(name, "index.html"))
		case s.URLs[name], strings.HasPrefix(name, route.Search), strings.HasPrefix(name, route.Data):
			diags.AddError(pos, "", msg.StaticInWayGenerated)
		}
		return nil
	})
	return diags
}

// published returns the catalogue without drafts (utkast: true).
func published(cat *catalog.Catalogue) *catalog.Catalogue {
	out := *cat
	out.Activities = slices.DeleteFunc(slices.Clone(cat.Activities), func(a *catalog.Activity) bool { return a.Utkast })
	out.Pages = slices.DeleteFunc(slices.Clone(cat.Pages), func(p *catalog.Page) bool { return p.Utkast })
	return &out
}

// linkSite describes the site the catalogue will be, for resolving the
// links of the bodies: which page each content file becomes, the static
// files, and every other path the build writes.
func linkSite(src fs.FS, cat *catalog.Catalogue, opt Options) *markdown.Site {
	return linkSiteOf(cat, opt, staticFiles(src, opt), nil)
}

// staticFiles lists the static files, built-in and the catalogue's.
func staticFiles(src fs.FS, opt Options) map[string]bool {
	static := map[string]bool{}
	for _, layer := range []fs.FS{opt.Static, subFS(src, "static")} {
		if layer == nil {
			continue
		}
		// Errors (a symbolic link) are reported when the files are copied.
		_ = fs.WalkDir(layer, ".", func(name string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !strings.HasPrefix(path.Base(name), ".") {
				static[name] = true
			}
			return nil
		})
	}
	return static
}

// linkSiteOf is linkSite with the static files listed; order, when not
// nil, is site.Input.Order for listing the pages.
func linkSiteOf(cat *catalog.Catalogue, opt Options, static map[string]bool, order *site.Order) *markdown.Site {
	s := &markdown.Site{
		Pages:  map[string]string{cat.Index.File: ""},
		Drafts: map[string]bool{},
		Static: static,
		URLs:   map[string]bool{},
	}
	for _, a := range cat.Activities {
		s.Pages[a.File] = route.Activity(a.Slug)
		s.Drafts[a.File] = a.Utkast
	}
	for _, p := range cat.Pages {
		s.Pages[p.File] = route.Page(p)
		s.Drafts[p.File] = p.Utkast
	}
	for _, pg := range site.Paths(site.Input{Cat: published(cat), Now: opt.Now, Order: order}) {
		s.URLs[pg.URL] = true
		s.URLs[pg.Path] = true
	}
	for _, f := range export.DataFormats() {
		s.URLs[f.Path] = true
	}
	s.URLs[route.Robots] = true
	if cat.Index.BaseURL != "" {
		s.URLs[route.Feed] = true
		s.URLs[route.Sitemap] = true
	}
	return s
}

// bodyJob is one body to convert.
type bodyJob struct {
	file  string
	body  []byte
	inset []markdown.Inset // how the body stands in the printable catalogue, if it does
	// An activity's insets are made when they are needed (see insets),
	// from its slug and the addresses of the booklets (to): to[1] is
	// "" unless it stands in a förbund's booklet too.
	activity bool
	slug     string
	to       [2]string
}

// insets returns how j's body stands in the printable catalogue.
func (j *bodyJob) insets() []markdown.Inset {
	if !j.activity {
		return j.inset
	}
	id, from := site.BookletActivityID(j.slug), route.Activity(j.slug)
	in := []markdown.Inset{{Levels: 2, IDPrefix: id, From: from, To: j.to[0]}}
	if j.to[1] != "" {
		in = append(in, markdown.Inset{Levels: 2, IDPrefix: id, From: from, To: j.to[1]})
	}
	return in
}

// convertBodies renders every Markdown body in parallel, resolving
// relative links against s; as they stand in the printable catalogue, they
// are rebased to the page at booklet, and those a förbund's booklet
// prints also to the page at forbund, unless it is "" (there is none).
// With a cache, a body it knows
// converts without a diagnostic is left for later (pending): the build
// converts it only if a page it renders, or a derived file it makes, may
// show it.
func convertBodies(ctx context.Context, cat *catalog.Catalogue, s *markdown.Site, booklet, forbund string, r *run, links site.Key, texts *textStore) (map[string]markdown.Body, *pendingBodies, diag.List, error) {
	// The booklet holds the introduction, the function pages' text and the
	// activities, each under its own heading (see site's booklet); a
	// förbund's holds the förbund page's text for its introduction, and
	// stands at another depth.
	// The jobs in one allocation: at 10,000 activities, growing them was
	// some 3 MB of every save in samkat serve. An activity's insets are
	// made only when its body is converted or its key is not remembered:
	// they are most of what a save would make of it.
	jobs := make([]bodyJob, 0, 1+len(cat.Activities)+len(cat.Pages))
	jobs = append(jobs, bodyJob{file: cat.Index.File, body: cat.Index.Body, inset: []markdown.Inset{{Levels: 0, IDPrefix: site.BookletIntroID, From: "", To: booklet}}})
	for _, a := range cat.Activities {
		j := bodyJob{file: a.File, body: a.Body, activity: true, slug: a.Slug, to: [2]string{booklet, ""}}
		if forbund != "" && a.Forbund != "" {
			j.to[1] = forbund
		}
		jobs = append(jobs, j)
	}
	for _, p := range cat.Pages {
		var inset []markdown.Inset
		switch {
		case p.Kind == catalog.FunktionPage:
			inset = []markdown.Inset{{Levels: 1, IDPrefix: site.BookletFunctionID(p.Slug), From: route.Funktion(p.Slug), To: booklet}}
			if forbund != "" {
				inset = append(inset, markdown.Inset{Levels: 1, IDPrefix: site.BookletFunctionID(p.Slug), From: route.Funktion(p.Slug), To: forbund})
			}
		case p.Kind == catalog.ForbundPage && forbund != "":
			inset = []markdown.Inset{{Levels: 0, IDPrefix: site.BookletIntroID, From: route.ForbundPage(p.Slug), To: forbund}}
		}
		jobs = append(jobs, bodyJob{file: p.File, body: p.Body, inset: inset})
	}
	conv := markdown.ForSite(s)
	htmls := make([]markdown.Body, len(jobs))
	diagsPer := make([]diag.List, len(jobs))
	keys := make([]site.Key, len(jobs)) // zero: not cached
	later := make([]bool, len(jobs))
	err := parallel.For(ctx, len(jobs), func(i int) error {
		j := &jobs[i]
		if r != nil {
			if sum, ok := r.sums[j.file]; ok {
				keys[i] = r.bodyKey(sum, links, j)
				if b, ok := r.body(keys[i]); ok {
					htmls[i], diagsPer[i] = b.body, b.diags
					texts.keep(j.file, &htmls[i])
					return nil
				}
				if r.isClean(keys[i]) {
					later[i] = true
					return nil
				}
			}
		}
		htmls[i], diagsPer[i] = conv.Convert(j.file, j.body, j.insets()...)
		texts.keep(j.file, &htmls[i])
		return nil
	})
	if err != nil {
		return nil, nil, nil, err
	}
	bodies := make(map[string]markdown.Body, len(jobs))
	pending := &pendingBodies{conv: conv, r: r, texts: texts, jobs: map[string]pendingJob{}, keyList: keys}
	if r != nil {
		pending.keyed = make([]string, len(jobs))
	}
	var diags diag.List
	for i, j := range jobs {
		if r != nil {
			pending.keyed[i] = j.file
		}
		if later[i] {
			pending.jobs[j.file] = pendingJob{j, keys[i]}
		} else {
			bodies[j.file] = htmls[i]
		}
		diags = append(diags, diagsPer[i]...)
	}
	switch {
	case r == nil:
	case r.keepsBodies():
		r.convertedInMemory(keys, htmls, diagsPer, later)
	default:
		clean := map[site.Key]bool{}
		for i, k := range keys {
			if k != (site.Key{}) && len(diagsPer[i]) == 0 {
				clean[k] = true
			}
		}
		r.converted(clean)
	}
	return bodies, pending, diags, nil
}

// pendingBodies are the bodies convertBodies left for later.
type pendingBodies struct {
	conv  *markdown.Converter
	r     *run
	texts *textStore // where the bodies' text goes, when not nil
	mu    sync.Mutex
	jobs  map[string]pendingJob // by file; a job leaves once converted
	// keyed and keyList are the files of the bodies and their bodyKeys
	// (zero for none), with a cache; keyMap, made of them when it is
	// first asked for (keys), holds the keys that are not zero by file.
	keyed    []string
	keyList  []site.Key
	keysOnce sync.Once
	keyMap   map[string]site.Key
}

// keys returns the bodyKey of every body, pending or not, by file, with
// a cache (a Model, which does not ask, makes no such map at every save).
func (pb *pendingBodies) keys() map[string]site.Key {
	pb.keysOnce.Do(func() {
		pb.keyMap = make(map[string]site.Key, len(pb.keyed))
		for i, file := range pb.keyed {
			if k := pb.keyList[i]; k != (site.Key{}) {
				pb.keyMap[file] = k
			}
		}
	})
	return pb.keyMap
}

// waiting returns one of files (any file when files is nil) whose body
// is not converted yet, if there is one.
func (pb *pendingBodies) waiting(files []string) (string, bool) {
	if pb == nil {
		return "", false
	}
	pb.mu.Lock()
	defer pb.mu.Unlock()
	if files == nil {
		for file := range pb.jobs {
			return file, true
		}
	}
	for _, file := range files {
		if _, ok := pb.jobs[file]; ok {
			return file, true
		}
	}
	return "", false
}

// pendingJob is a body left for later, with its bodyKey.
type pendingJob struct {
	bodyJob
	key site.Key
}

// convert converts the pending bodies of files (all of them when files
// is nil) that are not converted yet, adding each to bodies and to what
// in (when not nil) gives package site. The caller must keep anyone from
// reading bodies and in's maps meanwhile; a failed (cancelled) conversion
// leaves its bodies pending.
func (pb *pendingBodies) convert(ctx context.Context, bodies map[string]markdown.Body, in *site.Input, files []string) error {
	pb.mu.Lock()
	defer pb.mu.Unlock()
	if len(pb.jobs) == 0 {
		return nil
	}
	var todo []pendingJob
	if files == nil {
		for _, file := range sortedKeys(pb.jobs) {
			todo = append(todo, pb.jobs[file])
		}
	} else {
		for _, file := range files {
			if j, ok := pb.jobs[file]; ok {
				todo = append(todo, j)
				delete(pb.jobs, file) // a file named twice is converted once
			}
		}
		defer func() {
			for _, j := range todo {
				if _, done := bodies[j.file]; !done {
					pb.jobs[j.file] = j
				}
			}
		}()
	}
	if len(todo) == 0 {
		return nil
	}
	out := make([]markdown.Body, len(todo))
	err := parallel.For(ctx, len(todo), func(i int) error {
		out[i], _ = pb.conv.Convert(todo[i].file, todo[i].body, todo[i].insets()...)
		pb.texts.keep(todo[i].file, &out[i])
		return nil
	})
	if err != nil {
		return err
	}
	keys := make([]site.Key, len(todo))
	for i, j := range todo {
		bodies[j.file] = out[i]
		if in != nil {
			in.Bodies[j.file], in.Summaries[j.file], in.Booklet[j.file] = out[i].HTML, out[i].Summary, out[i].Booklet
			if len(out[i].MoreBooklets) > 0 {
				in.ForbundBooklet[j.file] = out[i].MoreBooklets[0]
			}
		}
		keys[i] = j.key
		delete(pb.jobs, j.file)
	}
	if pb.r != nil {
		pb.r.addBodies(keys, out)
	}
	return nil
}

// Site builds the catalogue in src and writes every file of the site to out.
// It writes nothing when the catalogue has errors.
func Site(ctx context.Context, src fs.FS, out publish.Writer, opt Options) (Result, error) {
	return build(ctx, src, out, opt, opt.Cache.start())
}

// build is Site with the build's use of a cache (nil for none).
func build(ctx context.Context, src fs.FS, out publish.Writer, opt Options, r *run) (Result, error) {
	texts := newTextStore(out, r)
	defer texts.close()
	p, res, err := prepare(ctx, src, opt, r, texts)
	if err != nil {
		return res, err
	}
	res.Files, res.Reused, err = renderSite(ctx, src, p, opt, newEmitter(out), r)
	if err != nil {
		return res, err
	}
	if k, ok := out.(publish.Keeper); ok && r != nil {
		// The keys are of the version k makes. If it never becomes
		// a version another writer starts from (a Tx that fails to
		// commit), they are never used.
		r.committed(k.ID())
	}
	res.Activities = len(p.cat.Activities)
	res.BaseURL = p.cat.Index.BaseURL
	if r != nil {
		res.taken = taken{records: r.recordsTaken.Load(), entries: r.entriesTaken.Load()}
	}
	return res, nil
}

// renderSite produces every output file and hands it to e, from several
// goroutines at once, in four phases:
//
//   - inputs: the static files and the layouts, the catalogue's own over
//     the built-in ones;
//   - assemble: the pages (package site), each claiming its path;
//   - derive: the open data, made while the pages' views are assembled
//     (it is the last reader of the activities' Markdown, let go once it
//     is written), then the feed and the sitemap, made while the pages
//     render (one core's work), each written as soon as it is made;
//   - emit: the pages as soon as each is rendered, so that memory stays flat
//     as catalogues grow, the booklets before the others (see emitPages);
//     then the search index, then the static files.
//
// The search index is built once the pages are written, not beside them:
// it is the largest passing use of memory of the build, and by then the
// pages' views and the bodies' HTML are let go (at 10,000 activities the
// peak is some 200 MB lower). Its building uses every core, so the build
// takes no longer. When few pages are rendered (after one change), it is
// made beside them, since it is then the longest of what is left; when the
// cache knows the analyses of all but few activities, it starts as soon as
// those few bodies are converted, before the pages are listed.
//
// Every path is claimed once, in an outputs registry, so that two files
// that would be written to the same place are an error naming both. It
// returns the number of files, and of those kept from the previous build.
func renderSite(ctx context.Context, src fs.FS, p *prepared, opt Options, e *emitter, r *run) (int, int, error) {
	// Inputs.
	files := map[string][]byte{} // static files and exports: few and small
	assets, err := copyStatic(files, opt.Static, subFS(src, "static"))
	if err != nil {
		return 0, 0, fmt.Errorf("static: %w", err)
	}
	var rend *render.Renderer
	if e.wholePages {
		rend, err = render.New(opt.Layouts, subFS(src, "layouts"))
	} else {
		rend, err = render.NewMinified(opt.Layouts, subFS(src, "layouts"), func(b []byte) ([]byte, error) {
			var out bytes.Buffer
			out.Grow(len(b))
			err := e.min.MinifyTo(&out, "entry.html", b) // b is the renderer's, to be reused
			return out.Bytes(), err
		})
	}
	if err != nil {
		return 0, 0, fmt.Errorf("layouts: %w", err)
	}
	if e.plainPages {
		rend.MinifyAll()
	}
	out := newOutputs()
	for name := range files {
		_ = out.claim(name, claimStatic) // the keys of a map: never taken twice
	}

	k, err := newKeeping(r, e.out, p, opt, src, e.wholePages)
	if err != nil {
		return 0, 0, err
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	d := &deriver{out: out, e: e, k: k}
	keptDerived, err := k.keepDerived(d, feedsKeyed(p.cat.Index.BaseURL))
	if err != nil {
		return 0, 0, err
	}
	// The open data, the last reader of the activities' Markdown, is
	// written while the pages' views are made, so that the Markdown is let
	// go before Prerender and the pages: at 10,000 activities some 35 MB
	// fewer live while they run, and the open data's own passing use of
	// memory is over by then. Its paths are claimed here: the goroutine claims none.
	dataErr := make(chan error, 1)
	dataDone := make(chan struct{}) // closed once the open data is written, or failed
	if keptDerived {
		r.keptExports(k.base)
		forgetSources(p.cat, r)
		close(dataDone)
		dataErr <- nil
	} else {
		write, err := addData(d, p.cat, opt.Now, r.fileRecorder(p.fileKeys, e.out, k.base))
		if err != nil {
			return 0, 0, err
		}
		go func() {
			err := write()
			if err == nil {
				forgetSources(p.cat, r)
			}
			close(dataDone)
			dataErr <- err
		}()
	}
	// The search index, made on a goroutine of its own once started
	// (startIndex): as soon as its inputs are known after one change,
	// else once the pages are written.
	var index *keptSearchIndex
	var known *knownAnalyses
	indexErr := make(chan error, 1)
	indexStarted := false
	startIndex := func(text bodyText) {
		indexStarted = true
		opt.at("search index")
		if keptDerived {
			r.carryIndex()
			indexErr <- nil
			return
		}
		// Every body the index reads its text from must be converted
		// by now: were one still waiting, the index would read no text.
		if file, waiting := p.pending.waiting(known.analysed(p.cat)); waiting {
			indexErr <- fmt.Errorf("search index: the body of %s is not converted yet", file)
			return
		}
		go func() {
			var err error
			index, err = searchIndexKept(ctx, p.cat, opt.Now, text, r, known)
			indexErr <- err
		}()
	}
	fail := func(err error) (int, int, error) {
		cancel()
		<-dataErr
		if indexStarted {
			<-indexErr
		}
		return 0, 0, err
	}

	// Assemble: with a cache, the pages whose output is kept are not.
	// Their views are made when they are emitted, group by group.
	in := siteInput(p, opt, assets)
	// The bodies as the booklets print them made as their entries are
	// rendered, not all kept at once (at 10,000 activities some 40 MB).
	in.BookletBodiesLater = rend.BookletBodiesLater()
	if !keptDerived {
		// The feed reads the summary of the activities without a
		// målgrupp, and the search index every activity's text but those
		// whose analysis the cache knows: converted now, so that the
		// index can start before the pages are listed.
		known = knownOf(p.cat, opt.Now, p.fileKeys, r)
		if err := p.convertFiles(ctx, &in, known.needed(p.cat, r.summaryKnown(p.pending.keys()))); err != nil {
			return fail(err)
		}
		// After a change to few activities the index is what the
		// rebuild waits for last: it starts here, beside the listing of
		// the pages, the keeping of their files and the rendering of the
		// few others, which only read what it reads. It reads the bodies'
		// text from the store, not from p.bodies, which the pages'
		// conversions and dropHTML write meanwhile.
		if k.on() && p.texts != nil && known.fewToAnalyse(opt.pagesAlone()) {
			startIndex(p.text)
		}
	}
	var pages, list []site.Page
	var be *bookletEntries // the booklets' entries taken from the previous build
	// taken holds, by page, the entries take took for it, by ID.
	taken := map[string]map[string][]byte{}
	all := 0
	var sitemap []export.Entry
	enumerate := func(list []site.Page) error {
		all = len(list)
		for _, pg := range list {
			if err := out.claim(pg.Path, claimPage); err != nil {
				return err
			}
			if pg.InSitemap {
				sitemap = append(sitemap, export.Entry{URL: pg.URL, LastMod: pg.LastMod})
			}
		}
		return nil
	}
	if k.on() {
		opt.at("listing the pages")
		list = site.Paths(in)
		r.fieldKeysUsed()
		be = r.bookletEntries(e.out, k.base, rend, k.layout, e.plainPages)
		if err := enumerate(list); err != nil {
			return fail(err)
		}
		// Keeping a page looks its file up (a system call each): on all
		// cores, as nothing else runs yet, in runs of keepRun pages.
		kept := make([]bool, len(list))
		if err := parallel.For(ctx, (len(list)+keepRun-1)/keepRun, func(c int) error {
			for i := c * keepRun; i < min((c+1)*keepRun, len(list)); i++ {
				kept[i] = k.keep(list[i].Path, k.pageKey(list[i].Key))
			}
			return nil
		}); err != nil {
			return fail(err)
		}
		render := map[string]bool{}
		for i, pg := range list {
			if !kept[i] {
				render[pg.Path] = true
			}
		}
		switch {
		case len(render) == 0:
		case len(render)*opt.pagesAlone() > len(list):
			if err := p.convertPending(ctx, &in); err != nil {
				return fail(err)
			}
			// A copy: list is the site's, for be.done.
			pages = slices.DeleteFunc(slices.Clone(list), func(pg site.Page) bool { return !render[pg.Path] })
			for _, pg := range pages {
				taken[pg.Path], _ = be.take(pg)
			}
		default:
			// Few: each page's view is made alone, of the bodies it
			// reads (site.Page.Files), but those of the booklets'
			// entries taken from the previous build.
			var files []string
			for _, pg := range list {
				if render[pg.Path] {
					t, skip := be.take(pg)
					taken[pg.Path] = t
					for _, f := range pg.Files {
						if !skip[f] {
							files = append(files, f)
						}
					}
				}
			}
			if err := p.convertFiles(ctx, &in, files); err != nil {
				return fail(err)
			}
			for _, pg := range list {
				if render[pg.Path] {
					pages = append(pages, pg)
				}
			}
		}
	} else {
		if err := p.convertPending(ctx, &in); err != nil {
			return fail(err)
		}
		pages = site.Paths(in)
		if err := enumerate(pages); err != nil {
			return fail(err)
		}
	}
	// The pages' folders are made now, ahead of the pages, on the
	// writer's goroutine, beside the CPU's work up to the first page
	// written (see publish.Tx.MakeFolders).
	if fm, ok := e.out.(publish.FolderMaker); ok {
		names := make([]string, len(pages))
		for i, pg := range pages {
			names[i] = pg.Path
		}
		fm.MakeFolders(names)
	}
	// The bodies' HTML is in's alone now: the views take it from there
	// (see emitPages).
	p.dropHTML()

	// The search index is made while the open data may still be written,
	// and written after it: only the deriver's goroutine claims paths.
	// Both only read the bodies. In a cold build it is made once the
	// pages are written (see renderSite); when few pages are rendered
	// (waitData false), beside them, from here, if it has not started
	// already: it is then the longest of what is left.
	waitData := len(pages)*opt.pagesAlone() > all
	if !indexStarted && !waitData && !keptDerived {
		startIndex(p.text)
	}

	// Derive the rest, while the pages render. Only this goroutine claims
	// paths until it is done.
	derivedErr := make(chan error, 1)
	if keptDerived {
		derivedErr <- <-dataErr
	} else {
		go func() {
			if err := <-dataErr; err != nil {
				derivedErr <- err
				return
			}
			summary := r.feedSummaries(p.pending.keys(), p.bodies)
			err := addFeeds(d, p.cat, opt.Now, opt.Changed, sitemap, summary.of)
			summary.done()
			derivedErr <- err
		}()
	}

	// Emit: the booklets first, alone, and then the other pages, so that
	// what the booklets alone hold is let go before the views of the
	// other pages are made: their entries minified for splicing, their
	// views (at 10,000 activities some 45 and 25 MB), against the other
	// pages' views and the bodies' HTML they show (some 45 and 36 MB).
	// When most pages are rendered (a cold build), the booklets' views
	// are made, and their entries rendered, once the open data is
	// written: its passing use of memory (the records, some 50 MB at
	// 10,000 activities) and the Markdown it reads (some 35 MB) would
	// otherwise be live beside theirs, the largest live set of the build.
	// After one change the pages are few, and the open data is most of
	// what is left: the two run side by side.
	booklets := slices.DeleteFunc(slices.Clone(pages), func(pg site.Page) bool { return pg.Template != bookletTemplate })
	pages = slices.DeleteFunc(pages, func(pg site.Page) bool { return pg.Template == bookletTemplate })
	if waitData {
		opt.at("waiting for the open data")
		<-dataDone
	}
	opt.at("booklets' views")
	err = emitBooklets(ctx, rend, e, booklets, be, taken, opt, func() {
		// Only the booklets' views read them.
		clear(in.Booklet)
		clear(in.ForbundBooklet)
	})
	// Only a booklet's entries are spliced.
	rend.DropSplices()
	if err == nil {
		err = emitOtherPages(ctx, rend, e, pages, be, taken, opt, in.Bodies)
	}
	if err != nil {
		cancel()
		<-derivedErr
		if indexStarted {
			<-indexErr
		}
		return 0, 0, err
	}
	be.done(list)
	opt.at("pages written")
	if !indexStarted {
		startIndex(p.text)
	}
	if err := <-derivedErr; err != nil {
		cancel()
		<-indexErr
		return 0, 0, fmt.Errorf("derive: %w", err)
	}
	if err := <-indexErr; err != nil {
		return 0, 0, fmt.Errorf("derive: %w", err)
	}
	opt.at("search index made")
	if err := writeKeptSearchIndex(ctx, d, index, p.cat, opt.Now, p.text, r, known); err != nil {
		return 0, 0, fmt.Errorf("derive: %w", err)
	}
	index = nil
	// Static files may be the same bytes under two names (plain and
	// fingerprinted): each is minified from its own copy.
	static := slices.Sorted(maps.Keys(files))
	err = parallel.For(ctx, len(static), func(i int) error {
		name := static[i]
		if k.keep(name, staticKey(name, files[name])) {
			return nil
		}
		return e.file(name, slices.Clone(files[name]))
	})
	return all + d.files + len(static), int(k.kept.Load()), err
}

// bookletTemplate is the Template of the booklets' pages (site.BookletView).
const bookletTemplate = "utskrift"

// emitBooklets emits the booklets' pages as emitPages does, a few at a
// time when the renderer lets their entries go as the pages are written
// (render.Renderer.BookletBodiesLater, the built-in booklet's layout):
// the views of one few, the entries they print, minified for splicing,
// and what those are made of are live at a time, with those of the
// entries that a booklet still to be written prints too (at 10,000
// activities about a third of them), rather than those of every booklet
// (some 50 MB of minified entries and 25 MB of views). built is called
// once the last few's views are made.
func emitBooklets(ctx context.Context, rend *render.Renderer, e *emitter, booklets []site.Page, be *bookletEntries, taken map[string]map[string][]byte, opt Options, built func()) error {
	atOnce := max(2, runtime.GOMAXPROCS(0))
	if opt.bookletsAtOnce > 0 {
		atOnce = opt.bookletsAtOnce
	}
	if !rend.BookletBodiesLater() || len(booklets) <= atOnce {
		return emitPages(ctx, rend, e, booklets, be, taken, opt, "booklets", built)
	}
	rend.PlanBooklets(booklets)
	for len(booklets) > 0 {
		n := min(len(booklets), atOnce)
		few, last := booklets[:n], n == len(booklets)
		booklets = booklets[n:]
		var paths []string // emitPages lets go of the pages
		if opt.bookletsWritten != nil {
			for _, pg := range few {
				paths = append(paths, pg.Path)
			}
		}
		if err := emitPages(ctx, rend, e, few, be, taken, opt, "booklets", func() {
			if last {
				built()
			}
		}); err != nil {
			return err
		}
		if opt.bookletsWritten != nil {
			_, held := rend.BookletEntriesKept()
			opt.bookletsWritten(paths, held)
		}
		opt.at("booklets written")
	}
	return nil
}

// emitOtherPages emits the pages but the booklets as emitPages does: those
// not about one activity (lists, the front page, texts) first, then the
// activities' pages a part at a time, so that the views of one part and
// what Prerender made for them are live at a time, not those of every
// page (at 10,000 activities the lists' views and items some 20 MB, the
// activities' views with their facts some 30 MB). bodies are the bodies'
// HTML the views are made from (site.Input.Bodies): each is let go once
// the views of the last page whose Files name it are made, as the pages
// written let go of their views.
func emitOtherPages(ctx context.Context, rend *render.Renderer, e *emitter, pages []site.Page, be *bookletEntries, taken map[string]map[string][]byte, opt Options, bodies map[string]template.HTML) error {
	atOnce := activityPagesAtOnce
	if opt.activityPagesAtOnce > 0 {
		atOnce = opt.activityPagesAtOnce
	}
	activities := slices.DeleteFunc(slices.Clone(pages), func(pg site.Page) bool { return pg.Template != activityTemplate })
	pages = slices.DeleteFunc(pages, func(pg site.Page) bool { return pg.Template == activityTemplate })
	// How many of the activities' pages still to be made read each body.
	// Pages whose Files are made only when asked for (site.Input.KeysLater)
	// keep every body until the last part's views are made.
	readers := map[string]int{}
	byFiles := true
	for _, pg := range activities {
		if pg.Files == nil {
			byFiles = false
			break
		}
		for _, f := range pg.Files {
			readers[f]++
		}
	}
	drop := func(part []site.Page) {
		if !byFiles {
			return
		}
		for _, pg := range part {
			for _, f := range pg.Files {
				readers[f]--
			}
		}
		for f := range bodies {
			if readers[f] <= 0 {
				delete(bodies, f)
			}
		}
	}
	opt.at("other pages' views")
	// Only the activities' pages read the bodies once these are made.
	if err := emitPages(ctx, rend, e, pages, be, taken, opt, "other pages", func() { drop(nil) }); err != nil {
		return err
	}
	for len(activities) > 0 {
		n := min(len(activities), atOnce)
		part := activities[:n]
		activities = activities[n:]
		var paths []string // emitPages lets go of the pages
		if opt.activityPagesWritten != nil {
			for _, pg := range part {
				paths = append(paths, pg.Path)
			}
		}
		opt.at("activities' pages' views")
		if err := emitPages(ctx, rend, e, part, be, taken, opt, "activities' pages", func() { drop(part) }); err != nil {
			return err
		}
		if opt.activityPagesWritten != nil {
			opt.activityPagesWritten(paths, len(bodies))
		}
	}
	// Bodies no page reads (a draft's, say) are not needed either.
	clear(bodies)
	return nil
}

// activityTemplate is the Template of the activities' pages
// (site.ActivityView).
const activityTemplate = "activity"

// activityPagesAtOnce is how many activities' pages emitOtherPages emits
// at a time: few enough that their views are a small part of the live
// heap, many enough that what their pages share (the navigation, the
// links of the facts) is rendered only a few times.
const activityPagesAtOnce = 2500

// emitPages makes the views of pages (those from site.Paths), renders
// beforehand what they repeat (render.Prerender), and writes each page as
// soon as it is rendered, those that list many activities first: started
// last, one of them would leave the other cores idle at the end. built is
// called once the views are made: what they were made of may be let go
// then; opt.at is told when what (the pages' kind) is prerendered. Each
// page's view is let go once the page is written. A booklet's
// entries that be took from the previous build (taken, by page) are
// spliced in as they were, and where this build writes each is recorded.
func emitPages(ctx context.Context, rend *render.Renderer, e *emitter, pages []site.Page, be *bookletEntries, taken map[string]map[string][]byte, opt Options, what string, built func()) error {
	if err := parallel.For(ctx, len(pages), func(i int) error {
		pages[i].View = pages[i].Build()
		return nil
	}); err != nil {
		return err
	}
	// One at a time: the renderer numbers the entries it is given.
	for _, pg := range pages {
		be.use(pg.View, taken[pg.Path])
	}
	built()
	if len(pages) == 0 {
		return nil
	}
	// What the listings repeat, rendered once each.
	if err := rend.Prerender(ctx, pages); err != nil {
		return err
	}
	opt.at(what + " prerendered")
	order := make([]int, len(pages))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(renderCost(pages[b]), renderCost(pages[a]))
	})
	emit := e.file
	if rend.Splicing() {
		emit = func(name string, data []byte) error { return e.spliced(name, data, rend, be) }
	}
	// The pages' unminified bytes are let go once each is written: the
	// buffers of those written without html/template are used again.
	var pageBufs sync.Pool // *[]byte
	return parallel.For(ctx, len(order), func(i int) error {
		pg := pages[order[i]]
		// Its view is not needed again, and the booklet's, with every
		// entry rendered beforehand, is as large as the page: let it go.
		pages[order[i]] = site.Page{}
		buf, _ := pageBufs.Get().(*[]byte)
		if buf == nil {
			buf = new([]byte)
		}
		// A page written minified (render.RenderMinified) is written as
		// it is; any other is minified here.
		b, minified := rend.RenderMinified(*buf, pg)
		var err error
		if minified {
			e.direct.Add(1)
			err = e.write(pg.Path, b)
		} else {
			if b, err = rend.RenderAppend(*buf, pg); err != nil {
				return fmt.Errorf("render %s: %w", pg.Path, err)
			}
			err = emit(pg.Path, b)
		}
		if err != nil {
			return err
		}
		rend.BookletWritten(pg)
		if cap(b) <= streamAbove {
			*buf = b[:0]
			pageBufs.Put(buf)
		}
		return nil
	})
}

// keepRun is how many pages a worker looks up at a time when it keeps
// the previous build's files.
const keepRun = 256

// pagesAlone decides how a build that keeps pages makes the views of the
// others: one by one (site.Page.Build) when they are at most one in
// pagesAlone of the site's pages, else all at once (site.Assemble, which
// shares the work of the lists among them).
const pagesAlone = 8

// pagesAlone is the package's pagesAlone, or 0 (every page alone) with
// everyPageAlone.
func (opt Options) pagesAlone() int {
	if opt.everyPageAlone {
		return 0
	}
	return pagesAlone
}

// emitter writes the files of the site, minified by their type.
type emitter struct {
	// wholePages has every page minified whole, with no entries of the
	// booklets minified beforehand and spliced in (render.Splice): the
	// tests compare the two.
	wholePages bool
	// plainPages has every page and booklet entry minified by the
	// minifier, none written minified by the renderer
	// (render.RenderMinified): the tests compare the two.
	plainPages bool
	splices    atomic.Int64 // pages written with entries spliced in
	direct     atomic.Int64 // pages the renderer wrote minified
	min        *publish.Minifier
	out        publish.Writer
	bufs       sync.Pool // *bytes.Buffer, for minified files
}

func newEmitter(out publish.Writer) *emitter {
	return &emitter{min: publish.NewMinifier(), out: out}
}

// streamAbove is the size from which a file is minified straight into the
// output (the printable catalogue: 41 MB at 10,000 activities) rather than
// into memory first.
const streamAbove = 1 << 20

// file writes a file the build made and does not read again, minified by
// its type. The minifier works in data itself (see publish.MinifyTo).
func (e *emitter) file(name string, data []byte) error {
	if !publish.Minified(name) {
		return e.write(name, data)
	}
	if len(data) > streamAbove {
		return e.stream(name, func(w io.Writer) error { return e.min.MinifyTo(w, name, data) })
	}
	return e.minified(name, data, func(b []byte) error {
		return e.write(name, b) // a Writer keeps no bytes it was given
	})
}

// minified minifies data into a buffer of the emitter's and hands the
// result to use, which must not keep it: the buffer is used again.
func (e *emitter) minified(name string, data []byte, use func([]byte) error) error {
	buf, _ := e.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer func() {
		if buf.Cap() <= streamAbove {
			buf.Reset()
			e.bufs.Put(buf)
		}
	}()
	buf.Grow(len(data))
	if err := e.min.MinifyTo(buf, name, data); err != nil {
		return err
	}
	return use(buf.Bytes())
}

// spliced writes a page rendered by rend, minified, with the entries it
// holds placeholders for spliced in (see render.Splice), telling be where
// each is written.
func (e *emitter) spliced(name string, data []byte, rend *render.Renderer, be *bookletEntries) error {
	if !publish.Minified(name) || !rend.Spliced(data) {
		return e.file(name, data)
	}
	// With its entries out, the page is small: the booklet of 10,000
	// activities is some 1.5 MB.
	return e.minified(name, data, func(page []byte) error {
		e.splices.Add(1)
		each, written := be.record(name)
		err := e.stream(name, func(w io.Writer) error {
			if err := rend.SpliceEach(w, page, each); err != nil {
				return fmt.Errorf("minify %s: %w", name, err)
			}
			return nil
		})
		if err == nil && written != nil {
			written()
		}
		return err
	})
}

// write writes a file as it is.
func (e *emitter) write(name string, data []byte) error {
	if err := e.out.WriteFile(name, data); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// stream writes a file as write makes it, as it is.
func (e *emitter) stream(name string, write func(w io.Writer) error) error {
	if err := publish.Stream(e.out, name, write); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// deriver writes the files derived from the catalogue as each is made,
// claiming its path first. It is used from one goroutine.
type deriver struct {
	out   *outputs
	e     *emitter
	k     *keeping
	files int
}

func (d *deriver) claim(name string) error {
	if err := d.out.claim(name, claimGenerated); err != nil {
		return err
	}
	d.k.derived(name)
	d.files++
	return nil
}

// keyed writes a derived file made of key, minified by its type: the
// previous build's file is kept when it was made of the same key and is
// as that build left it, and encode is then not called. Its key is
// recorded for the next build instead of the key of all derived files
// (see keeping.keepDerived).
func (d *deriver) keyed(name string, key site.Key, encode func() ([]byte, error)) error {
	if err := d.out.claim(name, claimGenerated); err != nil {
		return err
	}
	d.files++
	if d.k != nil && d.k.keep(name, key) {
		return nil
	}
	data, err := encode()
	if err != nil {
		return err
	}
	return d.e.file(name, data)
}

// file writes a derived file, minified by its type.
func (d *deriver) file(name string, data []byte) error {
	if err := d.claim(name); err != nil {
		return err
	}
	return d.e.file(name, data)
}

// compact writes a derived file made compact (JSON by encoding/json: the
// minifier would not change a byte) as it is.
func (d *deriver) compact(name string, data []byte) error {
	if err := d.claim(name); err != nil {
		return err
	}
	return d.e.write(name, data)
}

// siteInput is what package site needs of the prepared catalogue.
func siteInput(p *prepared, opt Options, assets map[string]string) site.Input {
	in := bareInput(p, opt, assets, len(p.bodies))
	for file, b := range p.bodies {
		addBody(&in, file, b)
	}
	return in
}

// bareInput is siteInput without the bodies, its maps made for n of
// them: a Model adds those of each page it renders.
func bareInput(p *prepared, opt Options, assets map[string]string, n int) site.Input {
	in := site.Input{
		Cat: p.cat, Now: opt.Now, Assets: assets, Version: opt.Version, Drafts: opt.Drafts, FileKeys: p.fileKeys, FieldKeys: p.fieldKeys, Order: p.order,
		Bodies:    make(map[string]template.HTML, n),
		Summaries: make(map[string]string, n),
		Booklet:   make(map[string]markdown.Spliced, n),
		// Most catalogues have no förbund's booklet.
		ForbundBooklet: map[string]markdown.Spliced{},
	}
	for _, f := range export.DataFormats() {
		in.Data = append(in.Data, site.DataFile{Label: f.Label, Path: f.Path})
	}
	return in
}

// addBody gives in the body b of file.
func addBody(in *site.Input, file string, b markdown.Body) {
	in.Bodies[file], in.Summaries[file], in.Booklet[file] = b.HTML, b.Summary, b.Booklet
	if len(b.MoreBooklets) > 0 {
		in.ForbundBooklet[file] = b.MoreBooklets[0]
	}
}

// claimKind says who claims a path of the output.
type claimKind int

const (
	claimStatic    claimKind = iota + 1 // a file of static/, built-in or the catalogue's
	claimPage                           // a page of package site
	claimGenerated                      // an export, the feed, the search index …
)

// outputs is the registry of the site's paths: each may be claimed once.
type outputs struct {
	by map[string]claimKind
}

func newOutputs() *outputs { return &outputs{by: map[string]claimKind{}} }

// claim records that kind writes path, or says why it may not: a static
// file may not take the place of a page or a generated file, and neither
// may two pages.
func (o *outputs) claim(path string, kind claimKind) error {
	first, taken := o.by[path]
	if !taken {
		o.by[path] = kind
		return nil
	}
	switch {
	case first == claimStatic && kind == claimPage:
		return msg.Errorf(msg.StaticTakesPage, path, strings.TrimSuffix(path, "index.html"))
	case first == claimStatic:
		return msg.Errorf(msg.StaticTakesGen, path)
	case first == claimPage && kind == claimPage:
		return msg.Errorf(msg.TwoPagesSamePath, path)
	}
	return msg.Errorf(msg.PageAndGenSamePath, path)
}

// renderCost orders pages for rendering: the booklet, then the other
// pages that are not about one activity (lists, the front page), then the
// rest.
func renderCost(pg site.Page) int {
	switch pg.Template {
	case bookletTemplate:
		return 2
	case activityTemplate:
		return 0
	}
	return 1
}

// addExports writes the open data, feed, sitemap, robots.txt and the
// editors' form (admin/, when the catalogue asks for it).
func addExports(d *deriver, cat *catalog.Catalogue, now catalog.Date, changed map[string]time.Time, sitemap []export.Entry, summary func(*catalog.Activity) string, rc *recorder) error {
	write, err := addData(d, cat, now, rc)
	if err != nil {
		return err
	}
	if err := write(); err != nil {
		return err
	}
	return addFeeds(d, cat, now, changed, sitemap, summary)
}

// addData claims the paths of the open data (export.DataFormats) and
// returns what writes them, which claims nothing: it may run beside the
// goroutine that claims the others. The open data is the last reader of
// the activities' Markdown.
func addData(d *deriver, cat *catalog.Catalogue, now catalog.Date, rc *recorder) (func() error, error) {
	formats := export.DataFormats()
	for _, f := range formats {
		if err := d.claim(f.Path); err != nil {
			return nil, err
		}
	}
	return func() error {
		for _, f := range formats {
			record := rc.record(f, cat, now)
			// Compact, as it is made.
			if err := d.e.stream(f.Path, func(w io.Writer) error { return f.WriteRecords(w, cat, now, record) }); err != nil {
				return err
			}
		}
		rc.done()
		return nil
	}, nil
}

// addFeeds writes what addExports writes after the open data: the
// editors' form, robots.txt, the feed and the sitemap.
func addFeeds(d *deriver, cat *catalog.Catalogue, now catalog.Date, changed map[string]time.Time, sitemap []export.Entry, summary func(*catalog.Activity) string) error {
	base := cat.Index.BaseURL
	form, err := cms.Files(cat)
	if err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(form)) {
		if err := d.file(name, form[name]); err != nil {
			return err
		}
	}
	if err := d.file(route.Robots, export.Robots(base, cms.Disallow(cat.Index, base)...)); err != nil {
		return err
	}
	if base == "" {
		return nil
	}
	// The feed and the sitemap are kept by what their bytes are made of:
	// after a change to an activity's body (most changes) they are the
	// same, and encoding and minifying them is most of this stage's work.
	feed := export.NewFeed(cat, now, changed, summary)
	if err := d.keyed(route.Feed, contentKey("samkat feed 1", feed.Hash), feed.Encode); err != nil {
		return err
	}
	return d.keyed(route.Sitemap, contentKey("samkat sitemap 1", func(h io.Writer) { export.SitemapHash(h, base, sitemap) }), func() ([]byte, error) {
		return export.Sitemap(base, sitemap)
	})
}

// feedsKeyed are the derived files kept by what their bytes are made of
// (deriver.keyed) for a catalogue with the base URL base, not by the key
// of all derived files: those addFeeds writes after the open data.
func feedsKeyed(base string) []string {
	if base == "" {
		return nil
	}
	return []string{route.Feed, route.Sitemap}
}

// addSearchIndex writes the files the search script reads (see package
// search): JSON, compact.
func addSearchIndex(ctx context.Context, d *deriver, cat *catalog.Catalogue, now catalog.Date, bodies map[string]markdown.Body, r *run) error {
	return addSearchIndexKnown(ctx, d, cat, now, textIn(bodies), r, nil)
}

// knownAnalyses are the analyses of the search index a build's cache
// knows by their key (see trustedAnalyses), for BuildTrusting.
type knownAnalyses struct {
	keys    map[string]site.Key // site.Input.FileKeys
	prev    []*search.Analysis
	trusted []bool
	// docs are search.FromCatalogue's documents of the catalogue, once
	// made (only read: the index is made of them too; see docsOf).
	docs []search.Doc
}

// docsOf returns search.FromCatalogue(cat, now, nil), those k made when
// it has them (k is of cat and now).
func (k *knownAnalyses) docsOf(cat *catalog.Catalogue, now catalog.Date) []search.Doc {
	if k != nil && k.docs != nil {
		return k.docs
	}
	return search.FromCatalogue(cat, now, nil)
}

// knownOf returns the analyses r knows of the activities of cat; nil
// when it knows none.
func knownOf(cat *catalog.Catalogue, now catalog.Date, keys map[string]site.Key, r *run) *knownAnalyses {
	if r == nil || keys == nil {
		return nil
	}
	k := &knownAnalyses{keys: keys}
	k.prev, k.trusted = r.trustedAnalyses(cat, keys)
	if k.trusted != nil {
		// A trusted analysis made in another context (the synonyms, the
		// municipalities' names) is made again, from the whole text.
		k.docs = search.FromCatalogue(cat, now, nil)
		usable := search.Usable(k.docs, cat.Index.Synonymer, k.prev)
		for i := range k.trusted {
			k.trusted[i] = k.trusted[i] && usable[i]
		}
	}
	return k
}

// fewToAnalyse says whether the search index is to analyse few of the
// activities again, their analyses not known: at most one in n of them
// (any number when n is 0). Not when k knows no analysis.
func (k *knownAnalyses) fewToAnalyse(n int) bool {
	if k == nil || k.trusted == nil {
		return false
	}
	unknown := 0
	for _, t := range k.trusted {
		if !t {
			unknown++
		}
	}
	return unknown*n <= len(k.trusted)
}

// analysed returns the files of the activities whose search analysis is
// made from their text, not taken from the cache: nil (all of them) when
// k knows no analysis.
func (k *knownAnalyses) analysed(cat *catalog.Catalogue) []string {
	if k == nil || k.trusted == nil {
		return nil
	}
	files := []string{}
	for i, a := range cat.Activities {
		if !k.trusted[i] {
			files = append(files, a.File)
		}
	}
	return files
}

// needed returns the files whose bodies the derived files read: nil (all
// of them) when k knows no analysis. The feed reads the summary of an
// activity without a målgrupp, unless summaryKnown says the cache has it.
func (k *knownAnalyses) needed(cat *catalog.Catalogue, summaryKnown func(file string) bool) []string {
	if k == nil || k.trusted == nil {
		return nil
	}
	files := []string{}
	for i, a := range cat.Activities {
		if !k.trusted[i] || (cat.Index.BaseURL != "" && a.Malgrupp == "" && !summaryKnown(a.File)) {
			files = append(files, a.File)
		}
	}
	return files
}

// addSearchIndexKnown is addSearchIndex with the analyses the cache
// knows (k may be nil); it keeps the analyses for the next build.
func addSearchIndexKnown(ctx context.Context, d *deriver, cat *catalog.Catalogue, now catalog.Date, text bodyText, r *run, k *knownAnalyses) error {
	index, err := searchIndexKnown(ctx, cat, now, text, r, k)
	if err != nil {
		return err
	}
	return writeSearchIndex(d, index)
}

// searchIndexKnown makes the files of the search index, by name under
// route.SearchIndex, as addSearchIndexKnown writes them.
func searchIndexKnown(ctx context.Context, cat *catalog.Catalogue, now catalog.Date, text bodyText, r *run, k *knownAnalyses) (map[string][]byte, error) {
	docs := k.docsOf(cat, now)
	prev, trusted := r.analysesOf(cat), []bool(nil) // search.BuildReusing
	if k != nil && k.trusted != nil {
		prev, trusted = k.prev, k.trusted // search.BuildTrusting
	}
	ix, analyses, err := search.BuildKeptReading(ctx, docs, text.of(cat), cat.Index.Synonymer, prev, trusted, nil, nil)
	if err != nil {
		return nil, err
	}
	r.analysed(cat, analyses)
	if k != nil {
		r.keepAnalyses(cat, k.keys, analyses)
	}
	index, err := ix.Files(search.FacetValues(cat.Index))
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	return index, nil
}

// keptSearchIndex is the search index of a build that may start from the
// output of the one before: the files made, those to keep as that build
// left them, and what the index keeps for the next build.
type keptSearchIndex struct {
	files map[string][]byte
	keep  []string
	next  *search.Kept
}

// searchIndexKept is searchIndexKnown for a build of samkat build: with
// what the index of the build before kept (run.keptIndex), only the term
// files whose postings changed are made, and the others kept.
func searchIndexKept(ctx context.Context, cat *catalog.Catalogue, now catalog.Date, text bodyText, r *run, k *knownAnalyses) (*keptSearchIndex, error) {
	docs := k.docsOf(cat, now)
	prev, trusted := r.analysesOf(cat), []bool(nil)
	if k != nil && k.trusted != nil {
		prev, trusted = k.prev, k.trusted
	}
	ix, analyses, err := search.BuildKeptReading(ctx, docs, text.of(cat), cat.Index.Synonymer, prev, trusted, r.keptIndex(), r.oldAnalyses)
	if err != nil {
		return nil, err
	}
	r.analysed(cat, analyses)
	if k != nil {
		r.keepAnalyses(cat, k.keys, analyses)
	}
	files, keep, next, err := ix.FilesKeeping(search.FacetValues(cat.Index))
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	return &keptSearchIndex{files, keep, next}, nil
}

// writeKeptSearchIndex writes the files of the search index and keeps
// those that are as the build before left them. Should one of them not
// be (removed or edited since), the index is made whole, and the files
// not kept written. It keeps what the index keeps for the next build.
func writeKeptSearchIndex(ctx context.Context, d *deriver, index *keptSearchIndex, cat *catalog.Catalogue, now catalog.Date, text bodyText, r *run, k *knownAnalyses) error {
	if index == nil {
		return nil
	}
	if err := writeSearchIndex(d, index.files); err != nil {
		return err
	}
	if len(index.keep) == 0 {
		r.keepIndex(index.next)
		return nil
	}
	kept := map[string]bool{}
	if d.k.on() {
		for _, name := range index.keep {
			if d.k.keeper.Keep(route.SearchIndex+name) == nil {
				kept[name] = true
				d.k.kept.Add(1)
				if err := d.claim(route.SearchIndex + name); err != nil {
					return err
				}
			}
		}
	}
	if len(kept) < len(index.keep) {
		all, err := searchIndexKnown(ctx, cat, now, text, r, k)
		if err != nil {
			return err
		}
		for _, name := range index.keep {
			if !kept[name] {
				if err := d.compact(route.SearchIndex+name, all[name]); err != nil {
					return err
				}
			}
		}
	}
	r.keepIndex(index.next)
	return nil
}

// bodyText returns the plain text of a file's body (markdown.Body.Text).
type bodyText func(file string) (string, error)

// textIn is the bodyText of bodies.
func textIn(bodies map[string]markdown.Body) bodyText {
	return func(file string) (string, error) { return bodies[file].Text, nil }
}

// of is text as search.BuildKeptReading reads it, for the documents of
// search.FromCatalogue(cat, …).
func (text bodyText) of(cat *catalog.Catalogue) func(i int) (string, error) {
	return func(i int) (string, error) {
		t, err := text(cat.Activities[i].File)
		if err != nil {
			return "", fmt.Errorf("search index: %w", err)
		}
		return t, nil
	}
}

// writeSearchIndex writes the files of the search index, made compact.
func writeSearchIndex(d *deriver, index map[string][]byte) error {
	for _, name := range slices.Sorted(maps.Keys(index)) {
		if err := d.compact(route.SearchIndex+name, index[name]); err != nil {
			return err
		}
	}
	return nil
}

// copyStatic copies the built-in static files overlaid by the catalogue's
// own to the site root. CSS and JavaScript files are written under a
// content-hashed name for long caching; the returned map gives that name
// for each logical one ("samkat.css" → "samkat.1a2b3c4d5e.css"). The pages
// refer to samkat's own assets by that name only, so they are written under
// it only; a catalogue's own CSS and JavaScript files (in the last layer)
// are also written under their plain names, for its layouts to refer to.
func copyStatic(files map[string][]byte, layers ...fs.FS) (map[string]string, error) {
	merged, err := overlay.Read("static", func(string) bool { return true }, layers...)
	if err != nil {
		return nil, err
	}
	own := func(name string) bool {
		if len(layers) < 2 || layers[len(layers)-1] == nil {
			return false
		}
		_, err := fs.Stat(layers[len(layers)-1], name)
		return err == nil
	}
	assets := map[string]string{}
	for name, data := range merged {
		ext := path.Ext(name)
		if ext != ".css" && ext != ".js" {
			files[name] = data
			continue
		}
		hashed := publish.Fingerprint(name, data)
		files[hashed] = data
		assets[name] = hashed
		if own(name) {
			files[name] = data
		}
	}
	return assets, nil
}

// subFS returns dir inside fsys, or nil when there is no such directory.
func subFS(fsys fs.FS, dir string) fs.FS {
	// Lstat: a folder that is a link is refused by load, never followed.
	info, err := fs.Lstat(fsys, dir)
	if err != nil || !info.IsDir() {
		return nil
	}
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil
	}
	return sub
}
