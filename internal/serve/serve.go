// Package serve is samkat's development server for editors: `samkat serve`.
//
// It builds the catalogue into memory (publish.Mem) and serves it on
// 127.0.0.1 under the path of the catalogue's baseurl (/sjuharad/ for
// https://samverkan.example.se/sjuharad/), so that relative links and the
// 404 page behave as in production. Nothing is written to disk.
//
// # Watching and rebuilding
//
// The catalogue's content/, layouts/ and static/ are watched with fsnotify,
// one watch per directory (fsnotify is not recursive), plus the catalogue
// folder itself so that a layouts/ or static/ created later is picked up.
// Chmod events, hidden files and editor temp files (see ignored) are
// dropped; a burst of events, such as an editor saving through a temporary
// file and a rename, becomes one rebuild once the folder has been quiet for
// Config.Debounce. Rebuilds run one at a time, and a new site replaces the
// old one only when it is complete: a request during a rebuild gets the last
// good site.
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
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/samkat/samkat/internal/diag"
	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/pipeline"
	"github.com/samkat/samkat/internal/publish"
)

// DefaultDebounce is how long the catalogue must be quiet after a change
// before it is rebuilt.
const DefaultDebounce = 150 * time.Millisecond

// Config configures a Server.
type Config struct {
	Dir    string           // the catalogue folder, the one holding content/
	Build  pipeline.Options // as for samkat build
	Stdout io.Writer        // the address and rebuild notices; nil discards them
	Stderr io.Writer        // diagnostics and failures; nil discards them
	// Debounce is the quiet time after the last change before a rebuild
	// (default DefaultDebounce).
	Debounce time.Duration
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
	dir      string
	opt      pipeline.Options
	stdout   io.Writer
	stderr   io.Writer
	debounce time.Duration
	lan      bool
	poll     time.Duration

	id       string // distinguishes this process's versions from another's
	builds   atomic.Int64
	buildMu  sync.Mutex // serializes rebuilds
	lastDiag diag.List  // diagnostics of the previous build; guarded by buildMu
	// logLang is the language of the log, from the last build: written by
	// rebuilds, read by every line the server says (some outside buildMu).
	logLang  atomic.Value // msg.Lang
	state    atomic.Pointer[state]
	hub      hub
	requests chan struct{} // a slot per request being answered (MaxRequests)
	streams  chan struct{} // a slot per open live-reload stream (MaxEventStreams)

	// rebuilt, when set (by tests), is called after every rebuild with the
	// changed files that caused it and whether it succeeded.
	rebuilt func(changed []string, ok bool)
}

// state is what the server serves; it is replaced as a whole, never changed.
type state struct {
	files    map[string][]byte // the last good site, by slash path; nil before the first
	base     string            // URL path the site is served under: "/" or "/sjuharad/"
	problems []string          // banner lines when the last build failed; nil after a good one
	version  string            // changes with every build, good or failed
	lang     msg.Lang          // the language of the banner and the failed page
}

// New returns a server for the catalogue in cfg.Dir. It builds nothing
// until Run or Rebuild is called.
func New(cfg Config) *Server {
	s := &Server{
		dir:      cfg.Dir,
		opt:      cfg.Build,
		stdout:   cfg.Stdout,
		stderr:   cfg.Stderr,
		debounce: cfg.Debounce,
		lan:      cfg.LAN,
		poll:     cfg.Poll,
		id:       randomID(),
		requests: make(chan struct{}, MaxRequests),
		streams:  make(chan struct{}, MaxEventStreams),
	}
	if s.stdout == nil {
		s.stdout = io.Discard
	}
	if s.stderr == nil {
		s.stderr = io.Discard
	}
	if s.debounce <= 0 {
		s.debounce = DefaultDebounce
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
		wg.Go(func() { w.run(runCtx, s.debounce, q.add) })
		wg.Go(func() {
			for {
				select {
				case <-runCtx.Done():
					return
				case <-q.kick:
					if changed := q.take(); len(changed) > 0 {
						s.rebuild(runCtx, changed)
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
	return err
}

// URL returns the address of the site when it is served on addr.
func (s *Server) URL(addr net.Addr) string {
	return "http://" + addr.String() + s.state.Load().base
}

// Rebuild builds the catalogue now and serves the result; a failed build
// keeps the last good site and shows the problems. It reports whether the
// build succeeded.
func (s *Server) Rebuild(ctx context.Context) bool {
	return s.rebuild(ctx, nil)
}

func (s *Server) rebuild(ctx context.Context, changed []string) bool {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	start := time.Now()
	var mem publish.Mem
	res, base, err := s.buildInto(ctx, &mem)
	if ctx.Err() != nil {
		return false // interrupted: Ctrl-C, not a problem in the catalogue
	}
	old := s.state.Load()
	next := &state{version: fmt.Sprintf("%s-%d", s.id, s.builds.Add(1)), lang: res.Lang}
	if err != nil {
		next.files, next.base = old.files, old.base
		s.logLang.Store(res.Lang)
		next.problems = problems(res.Diagnostics, err, res.Lang)
		res.Diagnostics.Report(s.stderr, res.Lang, diag.SummariseWarnings)
		if !errors.Is(err, pipeline.ErrContent) {
			s.say(s.stderr, msg.New(msg.CmdFailed, errText(err, res.Lang)))
		}
		if old.files != nil {
			s.say(s.stderr, msg.New(msg.ServeFailedKept))
		} else {
			s.say(s.stderr, msg.New(msg.ServeFailedNone))
		}
	} else {
		s.logLang.Store(res.Lang)
		next.files, next.base = mem.Files(), base
		if !sameDiagnostics(res.Diagnostics, s.lastDiag) {
			res.Diagnostics.Report(s.stderr, res.Lang, diag.SummariseWarnings)
		}
		what, rebuilt := msg.ServeBuilt, old.files != nil || old.problems != nil
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

// buildInto builds the catalogue into mem and returns the URL path it is
// served under. The folder is opened anew for every build, as an os.Root,
// so that a build reads nothing outside it.
func (s *Server) buildInto(ctx context.Context, mem *publish.Mem) (pipeline.Result, string, error) {
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		return pipeline.Result{}, "", fmt.Errorf("open catalogue: %w", err)
	}
	defer root.Close()
	res, err := pipeline.Site(ctx, root.FS(), mem, s.opt)
	if err != nil {
		return res, "", err
	}
	return res, basePath(res.BaseURL), nil
}

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
// unchanged list is not printed again after every save.
func sameDiagnostics(a, b diag.List) bool {
	return slices.EqualFunc(a, b, func(x, y diag.Diagnostic) bool { return x.String() == y.String() })
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
