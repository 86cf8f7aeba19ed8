package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"

	"github.com/samkat/samkat/internal/cms"
	"github.com/samkat/samkat/internal/export"
	"github.com/samkat/samkat/internal/overlay"
	"github.com/samkat/samkat/internal/publish"
	"github.com/samkat/samkat/internal/render"
	"github.com/samkat/samkat/internal/route"
	"github.com/samkat/samkat/internal/site"
)

// Model is a prepared catalogue whose files are made when they are asked
// for: what samkat serve serves. Prepare runs every stage that can find a
// mistake in the content, as Site does, and lists the pages (site.Paths);
// Render makes one file, the bytes Site would write for it, and keeps it.
// The open data, feed, sitemap, robots.txt and the editors' form are made
// together the first time one of them is asked for, and so is the search
// index. A Model is safe for concurrent use.
type Model struct {
	opt    Options
	res    Result
	p      *prepared
	r      *run // the use of Options.Cache: the search analyses and records of the open data
	rend   *render.Renderer
	min    *publish.Minifier
	pages  []site.Page
	byPath map[string]int    // index into pages
	static map[string][]byte // the static files, by their path in the site
	out    *outputs          // the paths of the pages and static files, claimed
	// reads is, per page template, a hash of the layout files its
	// rendering reads (see layoutReads).
	reads map[string][32]byte
	// derived are the paths of the files made with the open data.
	derived map[string]bool

	// in is what the pages of site.Paths read when they are built; the
	// bodies of a page's files are added to it (those a cache left for
	// later converted, and added to p.bodies too) by renderPage, under
	// viewMu, as pages that show them are asked for.
	in     *site.Input
	viewMu sync.Mutex // Page.Build, one at a time, and the bodies converted late

	mu      sync.Mutex
	made    map[string]*made // files made, or being made, by path
	exports *derived
	search  *derived
	// searched is set once the search index is asked for.
	searched atomic.Bool
}

// made is a file of a Model, made once.
type made struct {
	once sync.Once
	data []byte
	err  error
	key  site.Key // the page's Key when it was made (zero for other files)
	// ready is set once data is made without error: Keep takes over
	// only such files (a file being made is left to be made again).
	ready atomic.Bool
}

// derived is a group of derived files, made once together (unless the
// making is cancelled).
type derived struct {
	mu    sync.Mutex
	done  bool
	files map[string][]byte
	err   error
}

// FileSummer is a source of a catalogue that knows the SHA-256 of the
// files it holds: samkat serve hashed each when it read it. The cache of
// a build finds a file's earlier work by its sum (fileSum), and with a
// FileSummer it does not hash the whole catalogue again on every rebuild.
type FileSummer interface {
	// FileSum returns the SHA-256 of data, the bytes read from the file
	// name, if it knows it without hashing them; false when it does not
	// hold those very bytes for name.
	FileSum(name string, data []byte) ([32]byte, bool)
}

// UnreadSummer is a FileSummer that can also give the SHA-256 of a file
// without its being read: samkat serve holds the catalogue's files, read
// once, and reads again only those that changed. The cache of a build
// kept in memory then takes what an unchanged file gave without reading,
// comparing or hashing its bytes.
type UnreadSummer interface {
	FileSummer
	// UnreadSum returns the SHA-256 of the bytes that opening the file
	// name would give now, if it knows them without reading the file;
	// the file counts as read (Summer).
	UnreadSum(name string) ([32]byte, bool)
}

// Summer is a source of a catalogue that can say, without reading its
// files again, what they hold: samkat serve keeps them in memory. Prepare
// uses the sum to give the pages keys (site.Page.Key), so that a page a
// change did not touch keeps the bytes rendered for it before (see
// Model.Keep).
type Summer interface {
	// Sum returns a hash of the names and bytes of every file under
	// content/ and of the names of the files under static/: all the
	// catalogue's files that a page's view can depend on (the bytes of
	// static files reach the views only as fingerprints, which the keys
	// include). It is called after the catalogue has been read.
	Sum() [32]byte
}

// Prepare loads, checks and converts the catalogue in src, as Site does
// before it renders, and returns it as a Model whose files are made on
// request. With errors in the content it returns no Model and an error
// wrapping ErrContent, with the diagnostics in the Result, as Site.
// Result.Files counts the pages and static files and the derived files
// made together with the open data; the search index is not counted.
func Prepare(ctx context.Context, src fs.FS, opt Options) (*Model, Result, error) {
	r := opt.Cache.start()
	m := &Model{opt: opt, r: r, min: publish.NewMinifier(), static: map[string][]byte{}, made: map[string]*made{}, exports: &derived{}, search: &derived{}}
	// The static files and the layouts do not depend on the content:
	// they are read and parsed on the other core while it is prepared.
	var assets map[string]string
	var filesErr error
	read := make(chan struct{})
	go func() {
		defer close(read)
		assets, filesErr = m.readFiles(src)
	}()
	p, res, err := prepare(ctx, src, opt, r, nil)
	<-read
	if err != nil {
		return nil, res, err
	}
	if filesErr != nil {
		return nil, res, filesErr
	}
	m.p = p
	// The bodies are added to the site's input as the pages that show
	// them are rendered (renderPage): a save makes no map of them all.
	in := bareInput(p, opt, assets, 0)
	m.in = &in
	if in.FileKeys == nil {
		if s, ok := src.(Summer); ok {
			in.FileKeys = sourceKeys(p, opt, s.Sum())
		}
	}
	// Only the pages Keep compares and those rendered need their keys,
	// and only those rendered their files: each is made when asked for.
	in.KeysLater = true
	m.pages = site.Paths(in)
	r.fieldKeysUsed()
	m.byPath = make(map[string]int, len(m.pages))
	m.out = newOutputs()
	for name := range m.static {
		_ = m.out.claim(name, claimStatic) // the keys of a map: never taken twice
	}
	for i, pg := range m.pages {
		if err := m.out.claim(pg.Path, claimPage); err != nil {
			return nil, res, err
		}
		m.byPath[pg.Path] = i
	}
	m.derived = map[string]bool{}
	for _, name := range exportNames(p.cat.Index.BaseURL) {
		m.derived[name] = true
	}
	if form, err := cms.Files(p.cat); err == nil { // else an error when one is asked for
		for name := range form {
			m.derived[name] = true
		}
	}
	res.Files = len(m.pages) + len(m.static) + len(m.derived)
	res.Activities = len(p.cat.Activities)
	res.BaseURL = p.cat.Index.BaseURL
	m.res = res
	return m, res, nil
}

// readFiles reads the static files of src and of the options into
// m.static and returns the fingerprinted names of the assets; and it
// parses the layouts.
func (m *Model) readFiles(src fs.FS) (map[string]string, error) {
	assets, err := copyStatic(m.static, m.opt.Static, subFS(src, "static"))
	if err != nil {
		return nil, fmt.Errorf("static: %w", err)
	}
	// Pages are rendered whole, without Prerender, and minified whole:
	// the bytes Site writes (see render.Prerender and render.Splice).
	if m.rend, err = render.New(m.opt.Layouts, subFS(src, "layouts")); err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	if m.reads, err = layoutReads(m.opt.Layouts, subFS(src, "layouts")); err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	return assets, nil
}

// sourceKeys gives every content file the same key, made of the sum of
// the whole source and the options that change what the site makes of a
// file: correct, if coarse (site.Input.FileKeys).
func sourceKeys(p *prepared, opt Options, sum [32]byte) map[string]site.Key {
	h := sha256.New()
	writeKeyString(h, "samkat source key 1")
	h.Write(sum[:])
	writeKeyString(h, opt.BaseURL)
	writeKeyString(h, string(opt.Lang))
	var k site.Key
	h.Sum(k[:0])
	keys := make(map[string]site.Key, len(p.bodies))
	for file := range p.bodies {
		keys[file] = k
	}
	return keys
}

func writeKeyString(h interface{ Write([]byte) (int, error) }, s string) {
	fmt.Fprintf(h, "%d:%s", len(s), s)
}

// Result is what Prepare returned with the Model.
func (m *Model) Result() Result { return m.res }

// Paths returns the path of every page and static file of the site, in
// no particular order. The derived files (open data, feed, sitemap,
// robots.txt, the editors' form, the search index) are not listed.
func (m *Model) Paths() []string {
	out := make([]string, 0, len(m.pages)+len(m.static))
	for _, pg := range m.pages {
		out = append(out, pg.Path)
	}
	return slices.AppendSeq(out, maps.Keys(m.static))
}

// Render returns the file of the site at name (a slash path such as
// "verksamheter/lotsen/index.html"), made now or kept from an earlier
// call, and whether the site has it. The bytes are those Site writes.
// They are shared: the caller must not change them. An error is one Site
// would have stopped on (a layout that fails on this page, say); the
// same error is returned for the same name until the next Prepare.
func (m *Model) Render(ctx context.Context, name string) ([]byte, bool, error) {
	if i, ok := m.byPath[name]; ok {
		f := m.file(name)
		f.once.Do(func() {
			f.key = m.pages[i].MakeKey()
			// Not cancelled with the request: the error would stay.
			f.data, f.err = m.renderPage(context.WithoutCancel(ctx), m.pages[i])
			f.ready.Store(f.err == nil)
		})
		return f.data, true, f.err
	}
	if data, ok := m.static[name]; ok {
		f := m.file(name)
		f.once.Do(func() {
			f.data, f.err = m.min.Minify(name, data)
			f.ready.Store(f.err == nil)
		})
		return f.data, true, f.err
	}
	var d *derived
	var build func(*deriver) error
	switch {
	case strings.HasPrefix(name, route.SearchIndex):
		m.searched.Store(true)
		d, build = m.search, func(dr *deriver) error { return m.makeSearchIndex(ctx, dr) }
	case m.derived[name] || strings.HasPrefix(name, cms.Dir):
		d, build = m.exports, func(dr *deriver) error { return m.makeExports(ctx, dr) }
	default:
		return nil, false, nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.done {
		// Each group claims its paths in a registry of its own, with the
		// pages and static files in it: the groups never share a path.
		out := &outputs{by: maps.Clone(m.out.by)}
		var mem publish.Mem
		err := build(&deriver{out: out, e: newEmitter(&mem)})
		if err != nil && ctx.Err() != nil {
			return nil, true, ctx.Err() // not made: the next request makes it
		}
		d.files, d.err, d.done = mem.Files(), err, true
	}
	if d.err != nil {
		return nil, true, fmt.Errorf("derive: %w", d.err)
	}
	data, ok := d.files[name]
	return data, ok, nil
}

// Has reports whether the site has a file at name, without making it;
// for the search index it reports false (its names are known once it is
// made).
func (m *Model) Has(name string) bool {
	_, page := m.byPath[name]
	_, static := m.static[name]
	return page || static || m.derived[name]
}

// Searched reports whether the search index was asked for.
func (m *Model) Searched() bool { return m.searched.Load() }

// Warm makes the search index now, if it is not made yet: it is the
// slowest file to make (about a second at 10,000 activities), so that a
// caller with time to spare, such as samkat serve after a rebuild, may
// make it before it is asked for.
func (m *Model) Warm(ctx context.Context) {
	m.Render(ctx, route.SearchIndex)
}

// exportNames are the paths addExports writes outside the editors' form.
func exportNames(base string) []string {
	var names []string
	for _, f := range export.DataFormats() {
		names = append(names, f.Path)
	}
	names = append(names, route.Robots)
	if base != "" {
		names = append(names, route.Feed, route.Sitemap)
	}
	return names
}

func (m *Model) file(name string) *made {
	m.mu.Lock()
	defer m.mu.Unlock()
	f, ok := m.made[name]
	if !ok {
		f = &made{}
		m.made[name] = f
	}
	return f
}

// renderPage renders and minifies one page, as Site does.
func (m *Model) renderPage(ctx context.Context, pg site.Page) ([]byte, error) {
	m.viewMu.Lock()
	files := pg.MakeFiles()
	err := m.p.convertFiles(ctx, m.in, files)
	if err == nil {
		for _, f := range files {
			if b, ok := m.p.bodies[f]; ok {
				addBody(m.in, f, b)
			}
		}
		pg.View = pg.Build()
	}
	m.viewMu.Unlock()
	if err != nil {
		return nil, err
	}
	b, err := m.rend.Render(pg)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", pg.Path, err)
	}
	var out bytes.Buffer
	out.Grow(len(b))
	if err := m.min.MinifyTo(&out, pg.Path, b); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// allBodies converts every body left for later: the derived files read
// them all. Once they are, no one writes p.bodies again.
func (m *Model) allBodies(ctx context.Context) error {
	m.viewMu.Lock()
	defer m.viewMu.Unlock()
	return m.p.convertFiles(ctx, m.in, nil)
}

func (m *Model) makeExports(ctx context.Context, d *deriver) error {
	if err := m.allBodies(ctx); err != nil {
		return err
	}
	var sitemap []export.Entry
	for _, pg := range m.pages {
		if pg.InSitemap {
			sitemap = append(sitemap, export.Entry{URL: pg.URL, LastMod: pg.LastMod})
		}
	}
	return addExports(d, m.p.cat, m.opt.Now, m.opt.Changed, sitemap, bodySummary(m.p.bodies), m.r.recorder(m.p.fileKeys))
}

func (m *Model) makeSearchIndex(ctx context.Context, d *deriver) error {
	if err := m.allBodies(ctx); err != nil {
		return err
	}
	return addSearchIndex(ctx, d, m.p.cat, m.opt.Now, m.p.bodies, m.r)
}

// Keep takes over from prev, an earlier Model of the same catalogue
// prepared with the same Options but for the changes of its files, the
// files it made that are the same in m: each page whose Key is the same
// and not zero and whose template reads the same layout files (see
// layoutReads), and each static file with the same bytes. A change to
// one layout then renders again only the pages that use it, and a change
// to a static file copies that file only. Call it before m is used.
func (m *Model) Keep(prev *Model) {
	if prev == nil {
		return
	}
	prev.mu.Lock()
	defer prev.mu.Unlock()
	for name, f := range prev.made {
		if !f.ready.Load() {
			continue
		}
		if i, ok := m.byPath[name]; ok {
			pg := m.pages[i]
			if f.key == (site.Key{}) || m.reads[pg.Template] != prev.reads[pg.Template] {
				continue
			}
			if pg.MakeKey() == f.key {
				m.made[name] = f
			}
			continue
		}
		if data, ok := m.static[name]; ok && bytes.Equal(data, prev.static[name]) {
			m.made[name] = f
		}
	}
}

// layoutReads returns, for each page template, a hash of the names and
// bytes of the layout files its rendering can read: base.html, the
// template's own file, and every file that defines a template they call
// with {{template}} or {{block}}, and so on. Two Models whose hashes for a
// template are the same render its pages with the same layouts.
func layoutReads(builtin, override fs.FS) (map[string][32]byte, error) {
	files, err := overlay.Read("layouts", func(name string) bool { return path.Ext(name) == ".html" }, builtin, override)
	if err != nil {
		return nil, err
	}
	calls, defines, err := layoutCalls(files)
	if err != nil {
		return nil, err
	}
	out := map[string][32]byte{}
	for name := range files {
		if name == "base.html" || strings.Contains(name, "/") {
			continue
		}
		read := reachedLayouts(name, calls, defines)
		h := sha256.New()
		for _, f := range read {
			writeKeyString(h, f)
			writeKeyString(h, string(files[f]))
		}
		var sum [32]byte
		h.Sum(sum[:0])
		out[strings.TrimSuffix(name, ".html")] = sum
	}
	return out, nil
}

// layoutCalls parses the layout files (as text: the calls between
// templates are the same in html/template) and returns, per file, the
// names of the templates it calls, and per template name, the files that
// define it.
func layoutCalls(files map[string][]byte) (calls map[string][]string, defines map[string][]string, err error) {
	calls, defines = map[string][]string{}, map[string][]string{}
	for _, file := range slices.Sorted(maps.Keys(files)) {
		trees := map[string]*parse.Tree{}
		t := parse.New(file)
		t.Mode = parse.SkipFuncCheck
		if _, err := t.Parse(string(files[file]), "", "", trees); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", file, err)
		}
		for name, tree := range trees {
			defines[name] = append(defines[name], file)
			if tree.Root != nil {
				calls[file] = appendCalls(calls[file], tree.Root)
			}
		}
	}
	return calls, defines, nil
}

// appendCalls appends the names of the templates node calls.
func appendCalls(names []string, node parse.Node) []string {
	switch n := node.(type) {
	case *parse.ListNode:
		if n == nil {
			return names
		}
		for _, c := range n.Nodes {
			names = appendCalls(names, c)
		}
	case *parse.TemplateNode:
		names = append(names, n.Name)
	case *parse.IfNode:
		names = appendCalls(appendCalls(names, n.List), n.ElseList)
	case *parse.RangeNode:
		names = appendCalls(appendCalls(names, n.List), n.ElseList)
	case *parse.WithNode:
		names = appendCalls(appendCalls(names, n.List), n.ElseList)
	}
	return names
}

// reachedLayouts returns the layout files the rendering of a page of the
// template file kind can read, sorted: base.html, kind, and every file
// that defines a template one of them calls, transitively. "main" is the
// kind's own (every kind's file defines it, in a set of its own).
func reachedLayouts(kind string, calls, defines map[string][]string) []string {
	seen := map[string]bool{}
	var visit func(file string)
	visit = func(file string) {
		if seen[file] {
			return
		}
		seen[file] = true
		for _, name := range calls[file] {
			if name == "main" {
				visit(kind)
				continue
			}
			for _, f := range defines[name] {
				if f == "base.html" || strings.Contains(f, "/") || f == kind {
					visit(f) // in every set; another kind's files are not
				}
			}
		}
	}
	visit("base.html")
	visit(kind)
	return slices.Sorted(maps.Keys(seen))
}
