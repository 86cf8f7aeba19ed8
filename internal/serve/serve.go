// Package serve is samkat's development server for editors: `samkat serve`.
//
// It prepares the catalogue in memory and serves it on 127.0.0.1 under the
// path of the catalogue's baseurl (/sjuharad/ for
// https://samverkan.example.se/sjuharad/), so that relative links and the
// 404 page behave as in production. Nothing is written to disk.
//
// # Rendering on request
//
// A rebuild runs every stage that can find a mistake in the content (load,
// check, Markdown) and lists the pages, and stops there
// (pipeline.Prepare). A page is rendered and minified when a browser asks
// for it, with the bytes samkat build writes, and kept until the next
// rebuild; one whose view and layouts the change did not touch
// (pipeline.Model.Keep) is kept across it, so that a change to one layout
// renders again only the pages that use it. The open data, feed and
// sitemap are made when one of them is asked for, and so is the search
// index (once someone has searched, it is made in the background after
// every rebuild). A page that cannot be rendered (a layout that fails on
// it) is answered with its error in the banner, as a 500.
//
// # Watching and rebuilding
//
// The catalogue's content/, layouts/ and static/ are watched with fsnotify,
// one watch per directory (fsnotify is not recursive), plus the catalogue
// folder itself so that a layouts/ or static/ created later is picked up.
// Chmod events, hidden files and editor temp files (see ignored) are
// dropped. The first event of a save starts a rebuild at once; the events
// that come during it, such as those of an editor saving through a
// temporary file and a rename, become one more rebuild after it. A rebuild
// that fails while more changes come within failGrace is not shown: an
// editor that empties a file and then writes it gets the page of the
// whole file, not an error for the empty one (and a file that was emptied
// is not built at all when more changes come within failGrace: the next
// rebuild reads it written). Rebuilds run one at a time,
// and a new site replaces the old one only when it is prepared: a request
// during a rebuild gets the last good site.
//
// The catalogue's files are kept in memory between rebuilds, and a rebuild
// reads from disk again only the files the watcher reported (or, with
// --poll, the poller found changed), and everything below a folder it
// reported. The folders under content/ are kept listed too, and listed
// again when a file reported appeared, disappeared or is no longer a file,
// or a folder in them was reported; the others are listed anew every time.
// When events were lost (an overflow), everything is read again. An
// unchanged file is not even read from memory: the pipeline takes what it
// made of it by its sum (pipeline.UnreadSummer).
//
// A rebuild that fails keeps the last good site. Its problems are printed to
// stderr and shown in a banner at the top of every HTML page served (inserted
// after <body>, everything escaped) until a build succeeds again.
//
// # Live reload
//
// /_samkat/events is a Server-Sent Events stream. It sends a "build" event
// carrying the version of what is served, once when a page connects and
// again after every rebuild. serve inserts a small script before </body> of
// every HTML page, carrying the version the page was served with; it reloads
// the page when an event brings another version. Connecting after the page
// has loaded therefore cannot miss a rebuild, and a restarted server (a new
// version) reloads open pages too. Without JavaScript the pages work as
// usual, just without reloading. `samkat build` output never contains the
// script or the banner: both are added to responses only.
//
// # Requests
//
// Requests are answered from the in-memory site only, never from the file
// system. Only GET and HEAD are allowed (405), URLs longer than 2048 bytes
// get 414, and paths with "." or ".." segments (also percent-encoded), an
// encoded "/" or "\", backslashes, control bytes or empty segments ("//")
// get 400. The Host header must name the loopback address, which keeps other
// web sites out through DNS rebinding.
package serve

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/pipeline"
)

// Config configures a Server.
type Config struct {
	Dir    string           // the catalogue folder, the one holding content/
	Build  pipeline.Options // as for samkat build
	Stdout io.Writer        // the address and rebuild notices; nil discards them
	Stderr io.Writer        // diagnostics and failures; nil discards them
	// LAN is set when the server listens on an address other machines can
	// reach (--bind): requests may then name the machine by IP address.
	LAN bool
	// Poll, when not zero, looks for changes by reading the folders at this
	// interval instead of waiting for file system events, which do not
	// arrive from network drives and some virtual machines (WSL).
	Poll time.Duration
}

// Server builds a catalogue into memory, serves it and rebuilds it when its
// files change. Create it with New; it is an http.Handler.
type Server struct {
	dir    string
	opt    pipeline.Options
	stdout io.Writer
	stderr io.Writer
	lan    bool
	poll   time.Duration

	id       string // distinguishes this process's versions from another's
	builds   atomic.Int64
	buildMu  sync.Mutex // serializes rebuilds
	src      *source    // the catalogue's files, kept between rebuilds; guarded by buildMu
	unshown  bool       // a rebuild was dropped, not shown (see rebuild); guarded by buildMu
	lastDiag diag.List  // diagnostics of the previous build; guarded by buildMu
	// logLang is the language of the log, from the last build: written by
	// rebuilds, read by every line the server says (some outside buildMu).
	logLang  atomic.Value // msg.Lang
	state    atomic.Pointer[state]
	hub      hub
	requests chan struct{} // a slot per request being answered (MaxRequests)
	streams  chan struct{} // a slot per open live-reload stream (MaxEventStreams)
	// warm makes the search index of the site served in the background;
	// stopWarm stops it (see rebuild). Guarded by buildMu.
	warm     sync.WaitGroup
	stopWarm context.CancelFunc

	// rebuilt, when set (by tests), is called after every rebuild with the
	// changed files that caused it and whether it succeeded.
	rebuilt func(changed []string, ok bool)
}

// state is what the server serves; it is replaced as a whole, never changed.
type state struct {
	site     site     // the last good site; nil before the first
	base     string   // URL path the site is served under: "/" or "/sjuharad/"
	problems []string // banner lines when the last build failed; nil after a good one
	version  string   // changes with every build, good or failed
	lang     msg.Lang // the language of the banner and the failed page
}

// New returns a server for the catalogue in cfg.Dir. It builds nothing
// until Run or Rebuild is called.
func New(cfg Config) *Server {
	s := &Server{
		dir:      cfg.Dir,
		opt:      cfg.Build,
		stdout:   cfg.Stdout,
		stderr:   cfg.Stderr,
		lan:      cfg.LAN,
		poll:     cfg.Poll,
		id:       randomID(),
		requests: make(chan struct{}, MaxRequests),
		streams:  make(chan struct{}, MaxEventStreams),
		src:      newSource(),
	}
	if s.opt.Cache == nil {
		// One for the server's life: a save parses and converts again
		// only the files that changed.
		s.opt.Cache = pipeline.NewCache()
	}
	if s.stdout == nil {
		s.stdout = io.Discard
	}
	if s.stderr == nil {
		s.stderr = io.Discard
	}
	s.stdout = &lockedWriter{w: s.stdout}
	s.stderr = &lockedWriter{w: s.stderr}
	s.state.Store(&state{base: "/", version: s.id + "-0"})
	return s
}

// Run builds the catalogue, serves it on ln and rebuilds it on every change
// until ctx is cancelled; then it stops the server and the watcher, waits for
// them and returns nil. A catalogue with errors does not stop it: the errors
// are shown until they are fixed. Run closes ln.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	defer ln.Close()
	// Watch before the first build, so that no change made during it is lost.
	var w changeSource
	if s.poll > 0 {
		w = newPoller(s.dir, s.poll)
	} else if fw, err := newWatcher(s.dir, s.stderr); err != nil {
		s.say(s.stderr, msg.New(msg.ServeNoWatch, err))
	} else {
		w = fw
	}
	if w != nil {
		defer w.close()
	}
	s.Rebuild(ctx)
	if ctx.Err() != nil {
		return nil
	}

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	if w != nil {
		q := newQueue()
		wg.Go(func() { w.run(runCtx, q.add) })
		wg.Go(func() {
			for {
				select {
				case <-runCtx.Done():
					return
				case <-q.kick:
					if changed := q.take(); len(changed) > 0 {
						// Labelled, so that a profile of a long serve can
						// keep to the saves: go tool pprof -tagfocus rebuild=save
						pprof.Do(runCtx, pprof.Labels("rebuild", "save"), func(ctx context.Context) { s.rebuild(ctx, changed, q.await) })
					}
				}
			}
		})
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		// Requests, event streams included, end when ctx does.
		BaseContext: func(net.Listener) context.Context { return runCtx },
	}
	serveErr := make(chan error, 1)
	wg.Go(func() { serveErr <- srv.Serve(ln) })
	s.say(s.stdout, msg.New(msg.ServeServing, s.dir, s.URL(ln.Addr())))

	var err error
	select {
	case <-ctx.Done():
	case err = <-serveErr:
		err = fmt.Errorf("serve: %w", err)
	}
	cancel()
	s.hub.close()
	shutdownCtx, stop := context.WithTimeout(context.Background(), 5*time.Second)
	defer stop()
	if shutdownErr := srv.Shutdown(shutdownCtx); shutdownErr != nil {
		srv.Close()
	}
	wg.Wait()
	s.buildMu.Lock()
	s.stopWarming()
	s.buildMu.Unlock()
	s.warm.Wait()
	return err
}

// URL returns the address of the site when it is served on addr.
func (s *Server) URL(addr net.Addr) string {
	return "http://" + addr.String() + s.state.Load().base
}

// Rebuild reads the whole catalogue again, prepares it and serves the
// result; a failed build keeps the last good site and shows the problems.
// It reports whether the build succeeded.
func (s *Server) Rebuild(ctx context.Context) bool {
	return s.rebuild(ctx, nil, nil)
}

// rebuild prepares the catalogue, reading again from disk the files at the
// paths changed (all of them when changed is nil), and serves it: its
// pages are made when they are asked for (see pipeline.Model), and those
// the change did not touch are kept. A build that fails, or that lacks a
// changed file, is dropped without a word when superseded reports that
// more changes came within failGrace: an editor that saves a file in two
// steps (emptied, then written; or moved away, then written anew) has the
// first step built too, and the next build shows the whole.
func (s *Server) rebuild(ctx context.Context, changed []string, superseded func(time.Duration) bool) bool {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	start := time.Now()
	s.stopWarming() // the rebuild needs the CPU more
	if changed == nil {
		s.src.forgetAll()
	} else {
		if changed = s.changes(changed); len(changed) == 0 && !s.unshown {
			return true // what is served is what is on disk
		}
		emptied := s.emptied(changed)
		s.forget(changed)
		if emptied && superseded != nil && superseded(failGrace) {
			// The first step of a save in two: the next rebuild reads
			// the file written (a build of the empty one would fail, and
			// convert every body against a link table without it).
			s.unshown = true
			return false
		}
	}
	gone := s.gone(changed)
	model, res, base, err := s.prepare(ctx)
	if ctx.Err() != nil {
		return false // interrupted: Ctrl-C, not a problem in the catalogue
	}
	if (err != nil || gone) && superseded != nil && superseded(failGrace) {
		s.unshown = true // the next rebuild runs, whatever its changes
		return false
	}
	s.unshown = false
	old := s.state.Load()
	next := &state{version: fmt.Sprintf("%s-%d", s.id, s.builds.Add(1)), lang: res.Lang}
	if err != nil {
		next.site, next.base = old.site, old.base
		s.logLang.Store(res.Lang)
		next.problems = problems(res.Diagnostics, err, res.Lang)
		res.Diagnostics.Report(s.stderr, res.Lang, diag.SummariseWarnings)
		if !errors.Is(err, pipeline.ErrContent) {
			s.say(s.stderr, msg.New(msg.CmdFailed, errText(err, res.Lang)))
		}
		if old.site != nil {
			s.say(s.stderr, msg.New(msg.ServeFailedKept))
		} else {
			s.say(s.stderr, msg.New(msg.ServeFailedNone))
		}
	} else {
		s.logLang.Store(res.Lang)
		prev, _ := old.site.(modelSite)
		model.Keep(prev.m)
		next.site, next.base = modelSite{model}, base
		s.warmSearch(ctx, prev.m, model)
		if !sameDiagnostics(res.Diagnostics, s.lastDiag) {
			res.Diagnostics.Report(s.stderr, res.Lang, diag.SummariseWarnings)
		}
		what, rebuilt := msg.ServeBuilt, old.site != nil || old.problems != nil
		if rebuilt {
			what = msg.ServeRebuilt
		}
		s.say(s.stdout, msg.New(what, res.Files, time.Since(start).Round(time.Millisecond), because(changed)))
		if rebuilt && base != old.base {
			s.say(s.stdout, msg.New(msg.ServeNewBase, base))
		}
	}
	s.lastDiag = res.Diagnostics
	s.state.Store(next)
	s.hub.broadcast()
	if s.rebuilt != nil {
		s.rebuilt(changed, err == nil)
	}
	return err == nil
}

// prepare prepares the catalogue and returns it with the URL path it is
// served under. The folder is opened anew for every build, as an os.Root,
// so that a build reads nothing outside it; the files kept in memory
// were read through such a root.
func (s *Server) prepare(ctx context.Context) (*pipeline.Model, pipeline.Result, string, error) {
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		return nil, pipeline.Result{}, "", fmt.Errorf("open catalogue: %w", err)
	}
	defer root.Close()
	m, res, err := pipeline.Prepare(ctx, s.src.over(root.FS()), s.opt)
	if err != nil {
		return nil, res, "", err
	}
	return m, res, basePath(res.BaseURL), nil
}

// changes returns those of the changed paths whose files may differ from
// the ones the last rebuild read (see source.changes).
func (s *Server) changes(changed []string) []string {
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		return changed // the rebuild reports it
	}
	defer root.Close()
	return s.src.changes(root.FS(), changed)
}

// emptied reports whether any of the changed paths is a file kept with
// bytes that is empty on disk now.
func (s *Server) emptied(changed []string) bool {
	for _, p := range changed {
		if k := s.src.keptFile(p); k != nil && len(k.data) > 0 {
			if info, err := os.Lstat(filepath.Join(s.dir, filepath.FromSlash(p))); err == nil && info.Mode().IsRegular() && info.Size() == 0 {
				return true
			}
		}
	}
	return false
}

// forget drops the changed paths from the files kept (see source.forget).
func (s *Server) forget(changed []string) {
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		s.src.forgetAll() // the rebuild reports it
		return
	}
	defer root.Close()
	s.src.forget(root.FS(), changed)
}

// gone reports whether any of the changed paths is missing from the
// catalogue folder: a file removed, or moved away to be written anew.
func (s *Server) gone(changed []string) bool {
	for _, p := range changed {
		if _, err := os.Lstat(filepath.Join(s.dir, filepath.FromSlash(p))); errors.Is(err, fs.ErrNotExist) {
			return true
		}
	}
	return false
}

// warmSearch makes the search index of the site now served, next, in the
// background, when the search index of the site before, prev, was asked
// for: someone is searching, and at 10,000 activities the index takes a
// second to make. Called with buildMu held; ctx is the rebuild's.
func (s *Server) warmSearch(ctx context.Context, prev, next *pipeline.Model) {
	if prev == nil || !prev.Searched() {
		return
	}
	warmCtx, stop := context.WithCancel(ctx)
	s.stopWarm = stop
	s.warm.Go(func() { next.Warm(warmCtx) })
}

// stopWarming stops the warming warmSearch started, if it runs (a request
// for the index makes it then). Called with buildMu held.
func (s *Server) stopWarming() {
	if s.stopWarm != nil {
		s.stopWarm()
		s.stopWarm = nil
	}
}

// site is a site being served: its files made on request.
type site interface {
	// file returns the file at name (a slash path from the site root) and
	// whether the site has it; an error is a file that could not be made.
	file(ctx context.Context, name string) ([]byte, bool, error)
	// has reports whether the site has a page or file at name, without
	// making it (the search index aside).
	has(name string) bool
}

// modelSite is a prepared catalogue, served.
type modelSite struct{ m *pipeline.Model }

func (s modelSite) file(ctx context.Context, name string) ([]byte, bool, error) {
	return s.m.Render(ctx, name)
}

func (s modelSite) has(name string) bool { return s.m.Has(name) }

// basePath returns the path part of baseURL as "/" or "/a/b/".
func basePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Path == "" || u.Path == "/" {
		return "/"
	}
	p := "/" + strings.Trim(u.Path, "/") + "/"
	if _, ok := cleanPath(p); !ok {
		return "/"
	}
	return p
}

// maxProblems is how many problems the banner lists.
const maxProblems = 50

// problems returns the banner lines for a failed build: its errors as
// "file:line:col: error: field: message", or err when it has no position.
func problems(diags diag.List, err error, lang msg.Lang) []string {
	var lines []string
	for _, d := range diags {
		if d.Severity == diag.Error {
			lines = append(lines, d.Text(lang))
		}
	}
	if len(lines) == 0 || !errors.Is(err, pipeline.ErrContent) {
		lines = append(lines, errText(err, lang))
	}
	if len(lines) > maxProblems {
		more := len(lines) - maxProblems
		lines = append(lines[:maxProblems:maxProblems], msg.New(msg.ServeMoreProblems, more).In(lang))
	}
	return lines
}

// errText puts err into words in lang when it carries a message of the
// catalogue, and in its own words otherwise.
func errText(err error, lang msg.Lang) string {
	if errors.Is(err, pipeline.ErrContent) {
		return msg.New(msg.CmdHasErrors).In(lang)
	}
	var w msg.Worded
	if errors.As(err, &w) {
		return w.Message().In(lang)
	}
	return err.Error()
}

// sameDiagnostics reports whether a and b say the same, so that an
// unchanged list is not printed again after every save. Two diagnostics
// made of the same parts say the same; only those that differ in their
// parts are put into words to compare (at 10,000 activities the words of
// every warning are some 25 ms of each save).
func sameDiagnostics(a, b diag.List) bool {
	return slices.EqualFunc(a, b, func(x, y diag.Diagnostic) bool {
		same := x.Pos == y.Pos && x.Severity == y.Severity && x.Field == y.Field && sameMessage(x.Msg, y.Msg)
		return same || x.String() == y.String()
	})
}

// sameMessage reports whether a and b are the same message with the same
// arguments (false when it cannot tell cheaply).
func sameMessage(a, b msg.Message) bool {
	if a.ID != b.ID || len(a.Args) != len(b.Args) {
		return false
	}
	for i, x := range a.Args {
		switch x := x.(type) {
		case string, int, bool, msg.ID, catalog.Date:
			if x != b.Args[i] {
				return false
			}
		case msg.Message:
			y, ok := b.Args[i].(msg.Message)
			if !ok || !sameMessage(x, y) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// say prints one line of the server's log in the language of the last build.
func (s *Server) say(w io.Writer, m msg.Message) {
	lang, _ := s.logLang.Load().(msg.Lang)
	fmt.Fprintf(w, "samkat serve: %s\n", m.In(lang))
}

// because describes the changed files behind a rebuild for the log line.
func because(changed []string) msg.Message {
	switch len(changed) {
	case 0:
		return msg.Message{}
	case 1:
		return msg.New(msg.ServeChanged1, changed[0])
	}
	return msg.New(msg.ServeChangedN, changed[0], len(changed)-1)
}

func randomID() string {
	b := make([]byte, 4)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// lockedWriter serializes writes from the builder and the watcher.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// hub tells the open event streams that the served site has changed.
type hub struct {
	mu     sync.Mutex
	subs   map[chan struct{}]struct{}
	closed bool
}

// subscribe returns a channel that receives a value after changes (several
// changes may become one value) and is closed when the server stops.
func (h *hub) subscribe() (<-chan struct{}, func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	ch := make(chan struct{}, 1)
	if h.closed {
		close(ch)
		return ch, func() {}
	}
	if h.subs == nil {
		h.subs = map[chan struct{}]struct{}{}
	}
	h.subs[ch] = struct{}{}
	return ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if _, ok := h.subs[ch]; ok {
			delete(h.subs, ch)
			close(ch)
		}
	}
}

func (h *hub) broadcast() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- struct{}{}:
		default: // a notice is already waiting; the stream sends the latest version
		}
	}
}

func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for ch := range h.subs {
		close(ch)
	}
	h.subs = nil
}

// queue collects changed files between the watcher and the builder, so that
// changes made during a rebuild become one more rebuild after it.
type queue struct {
	mu      sync.Mutex
	changed map[string]bool
	kick    chan struct{}
}

func newQueue() *queue {
	return &queue{changed: map[string]bool{}, kick: make(chan struct{}, 1)}
}

func (q *queue) add(changed []string) {
	q.mu.Lock()
	for _, c := range changed {
		q.changed[c] = true
	}
	q.mu.Unlock()
	select {
	case q.kick <- struct{}{}:
	default:
	}
}

// failGrace is how long a failed rebuild, or one that lacks a changed
// file, waits for another change before it is shown; any other is shown
// at once.
const failGrace = 50 * time.Millisecond

// await reports whether changes are waiting for a rebuild, or come within
// d. It is called by the builder only, which alone takes from kick.
//
// A kick alone does not say that changes wait: add puts the changes in
// before it kicks, so the builder may already have taken them with an
// earlier kick, and this one is left over. Such a kick is dropped and the
// wait goes on; otherwise a failed build would be dropped for a change
// already built, and never shown.
func (q *queue) await(d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	for {
		if q.waiting() {
			return true
		}
		select {
		case <-q.kick:
			if q.waiting() {
				select { // back, for the builder's loop
				case q.kick <- struct{}{}:
				default: // add sent another meanwhile
				}
				return true
			}
		case <-timer.C:
			return false
		}
	}
}

// waiting reports whether changes wait to be taken.
func (q *queue) waiting() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.changed) > 0
}

func (q *queue) take() []string {
	q.mu.Lock()
	defer q.mu.Unlock()
	var out []string
	for c := range q.changed {
		out = append(out, c)
	}
	clear(q.changed)
	slices.Sort(out)
	return out
}
