package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/samkat/samkat/internal/load"

	"github.com/fsnotify/fsnotify"
)

// timeout bounds every wait for something the server does in the background.
// It is generous because nothing is measured: tests wait for an event or a
// condition and fail only when it never comes.
const timeout = 20 * time.Second

func TestIgnored(t *testing.T) {
	tests := []struct {
		name    string
		ignored bool
	}{
		{"lotsen.md", false},
		{"_index.md", false},
		{"samkat.css", false},
		{"base.html", false},
		{"4913.md", false},
		{".lotsen.md.swp", true},
		{"lotsen.md.swp", true},
		{".lotsen.md.swx", true},
		{"lotsen.md~", true},
		{".#lotsen.md", true},
		{"#lotsen.md#", true},
		{"lotsen.md.bck", true},
		{"4913", true},
		{".hidden", true},
		{".git", true},
		{"lotsen.md___jb_tmp___", true},
		{"lotsen.md___jb_old___", true},
	}
	for _, tt := range tests {
		if got := load.Ignored(tt.name); got != tt.ignored {
			t.Errorf("load.Ignored(%q) = %v, want %v", tt.name, got, tt.ignored)
		}
	}
}

func TestRelevant(t *testing.T) {
	dir := filepath.Join("tmp", "katalog")
	w := &watcher{dir: dir}
	tests := []struct {
		name string
		op   fsnotify.Op
		want string // "" when ignored
	}{
		{"content/verksamheter/lotsen.md", fsnotify.Write, "content/verksamheter/lotsen.md"},
		{"content/verksamheter/lotsen.md", fsnotify.Create, "content/verksamheter/lotsen.md"},
		{"content/verksamheter/lotsen.md", fsnotify.Rename, "content/verksamheter/lotsen.md"},
		{"content/verksamheter/lotsen.md", fsnotify.Remove, "content/verksamheter/lotsen.md"},
		{"content/verksamheter/lotsen.md", fsnotify.Chmod, ""},
		{"content/verksamheter/lotsen.md", fsnotify.Write | fsnotify.Chmod, "content/verksamheter/lotsen.md"},
		{"layouts/base.html", fsnotify.Write, "layouts/base.html"},
		{"static/img/logo.svg", fsnotify.Create, "static/img/logo.svg"},
		{"static", fsnotify.Create, "static"},
		{"content/.git/index", fsnotify.Write, ""},
		{"content/verksamheter/.lotsen.md.swp", fsnotify.Write, ""},
		{"content/verksamheter/4913", fsnotify.Create, ""},
		{"public/index.html", fsnotify.Write, ""},
		{"README.md", fsnotify.Write, ""},
		{"contents/x.md", fsnotify.Write, ""},
	}
	for _, tt := range tests {
		got, ok := w.relevant(fsnotify.Event{Name: filepath.Join(dir, filepath.FromSlash(tt.name)), Op: tt.op})
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("relevant(%s %s) = %q, want %q", tt.op, tt.name, got, tt.want)
		}
	}
}

// harness runs a Server on a free port over a copy of the small catalogue.
type harness struct {
	t       *testing.T
	dir     string
	origin  string // http://127.0.0.1:PORT
	client  *http.Client
	rebuilt chan rebuild // every build, the first included
	stop    chan struct{}
	readers sync.WaitGroup
}

type rebuild struct {
	changed []string
	ok      bool
}

func start(t *testing.T) *harness {
	t.Helper()
	return startWith(t, Config{})
}

// startWith is start with cfg, but for its Dir and Build.
func startWith(t *testing.T, cfg Config) *harness {
	t.Helper()
	before := runtime.NumGoroutine()
	h := &harness{
		t:       t,
		dir:     catalogueCopy(t),
		client:  &http.Client{Transport: &http.Transport{}},
		rebuilt: make(chan rebuild, 100),
		stop:    make(chan struct{}),
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h.origin = "http://" + ln.Addr().String()
	cfg.Dir, cfg.Build = h.dir, testOptions()
	s := New(cfg)
	s.rebuilt = func(changed []string, ok bool) { h.rebuilt <- rebuild{changed, ok} }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(timeout):
			t.Fatal("Run did not return after its context was cancelled")
		}
		close(h.stop)
		h.readers.Wait()
		h.client.CloseIdleConnections()
		checkNoLeaks(t, before)
	})
	if r := wait(t, h.rebuilt, "the first build"); !r.ok || r.changed != nil {
		t.Fatalf("first build: %+v", r)
	}
	return h
}

// checkNoLeaks waits until the goroutines of the server, the watcher and
// the test's HTTP client are gone.
func checkNoLeaks(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		buf := make([]byte, 1<<20)
		stacks := string(buf[:runtime.Stack(buf, true)])
		var leaked []string
		for i, g := range strings.Split(stacks, "\n\n") {
			if i == 0 {
				continue // this goroutine
			}
			for _, marker := range []string{"internal/serve.", "fsnotify", "net/http.(*conn).serve", "net/http.(*persistConn)", "net/http.(*Server).Serve"} {
				if strings.Contains(g, marker) {
					leaked = append(leaked, g)
					break
				}
			}
		}
		if len(leaked) == 0 && runtime.NumGoroutine() <= before {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines before, %d after; leaked:\n%s", before, runtime.NumGoroutine(), strings.Join(leaked, "\n\n"))
		}
		time.Sleep(10 * time.Millisecond) // polling a condition, not timing
	}
}

func wait[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v, ok := <-ch:
		if !ok {
			t.Fatalf("closed while waiting for %s", what)
		}
		return v
	case <-time.After(timeout):
		t.Fatalf("timed out waiting for %s", what)
	}
	panic("unreachable")
}

// events connects to the event stream and returns the versions it sends,
// the first (sent on connecting) already received.
func (h *harness) events() (first string, versions <-chan string) {
	h.t.Helper()
	resp, err := h.client.Get(h.origin + EventsPath)
	if err != nil {
		h.t.Fatal(err)
	}
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		resp.Body.Close()
		h.t.Fatalf("events: status %d, Content-Type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	ch := make(chan string)
	h.readers.Go(func() {
		defer resp.Body.Close()
		defer close(ch)
		go func() { <-h.stop; resp.Body.Close() }()
		sc := bufio.NewScanner(resp.Body)
		event := ""
		for sc.Scan() {
			line := sc.Text()
			if v, ok := strings.CutPrefix(line, "event: "); ok {
				event = v
			}
			if v, ok := strings.CutPrefix(line, "data: "); ok && event == "build" {
				select {
				case ch <- v:
				case <-h.stop:
					return
				}
			}
		}
	})
	return wait(h.t, ch, "the first event"), ch
}

func (h *harness) get(p string) (int, string) {
	h.t.Helper()
	resp, err := h.client.Get(h.origin + p)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

func TestLiveReload(t *testing.T) {
	h := start(t)
	v0, versions := h.events()
	_, page := h.get(base + "om/")
	if !strings.Contains(page, `var v="`+v0+`"`) {
		t.Fatalf("the page's script does not carry the version %s the stream sent", v0)
	}

	writeFile(t, h.dir, "content/om.md", "---\ntitel: Om katalogen\n---\nNy text från testet.\n")
	r := wait(t, h.rebuilt, "the rebuild")
	if !r.ok || !slices.Equal(r.changed, []string{"content/om.md"}) {
		t.Errorf("rebuild %+v, want a good one for content/om.md", r)
	}
	v1 := wait(t, versions, "the event after the rebuild")
	if v1 == v0 {
		t.Errorf("the event after the rebuild repeats version %s", v0)
	}
	status, page := h.get(base + "om/")
	if status != 200 || !strings.Contains(page, "Ny text från testet.") {
		t.Errorf("after the rebuild: status %d, new text missing", status)
	}
	if !strings.Contains(page, `var v="`+v1+`"`) {
		t.Errorf("the new page's script does not carry version %s", v1)
	}
}

func TestBrokenEditKeepsSite(t *testing.T) {
	h := start(t)
	v0, versions := h.events()
	good, err := os.ReadFile(filepath.Join(h.dir, "content", "om.md"))
	if err != nil {
		t.Fatal(err)
	}

	writeFile(t, h.dir, "content/om.md", "---\nrubrik: <b>Om</b>\n---\nTrasig.\n")
	if r := wait(t, h.rebuilt, "the failed rebuild"); r.ok {
		t.Fatalf("a broken catalogue built: %+v", r)
	}
	if v := wait(t, versions, "the event after the failed rebuild"); v == v0 {
		t.Error("no new version after the failed rebuild")
	}
	for _, p := range []string{base, base + "om/", base + "finns-inte/"} {
		status, page := h.get(p)
		if status != 200 && !(status == 404 && strings.Contains(p, "finns-inte")) {
			t.Errorf("%s: status %d", p, status)
		}
		for _, want := range []string{
			`<div id="samkat-serve-problems" role="alert"`,
			"content/om.md:1: fel: titel: måste finnas",
			"content/om.md:2:1: fel: rubrik: okänt fält &#34;rubrik&#34;",
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %q", p, want)
			}
		}
		if strings.Contains(page, "Trasig.") {
			t.Errorf("%s shows the broken edit", p)
		}
		if i, j := strings.Index(page, "<body>"), strings.Index(page, "samkat-serve-problems"); j != i+len(`<body><div id="`) {
			t.Errorf("%s: the banner is not right after <body>", p)
		}
	}
	if _, page := h.get(base + "om/"); !strings.Contains(page, "En katalog för tester.") {
		t.Error("the last good version of om/ is not served")
	}
	_, front := h.get(base)
	cssName := regexp.MustCompile(`samkat\.[0-9a-f]{10}\.css`).FindString(front)
	if code, css := h.get(base + cssName); code != 200 || cssName == "" || strings.Contains(css, "samkat-serve-problems") {
		t.Error("the banner was added to CSS")
	}

	writeFile(t, h.dir, "content/om.md", string(good))
	if r := wait(t, h.rebuilt, "the rebuild after the fix"); !r.ok {
		t.Fatalf("the fixed catalogue does not build: %+v", r)
	}
	wait(t, versions, "the event after the fix")
	if _, page := h.get(base + "om/"); strings.Contains(page, "samkat-serve-problems") {
		t.Error("the banner is still shown after the fix")
	}
}

func TestEditorTempFilesIgnored(t *testing.T) {
	h := start(t)
	for _, name := range []string{
		"content/verksamheter/.lotsen.md.swp",
		"content/verksamheter/lotsen.md~",
		"content/verksamheter/#lotsen.md#",
		"content/verksamheter/.#lotsen.md",
		"content/verksamheter/4913",
		"content/verksamheter/lotsen.md.bck",
		"content/.hidden/x.md",
	} {
		writeFile(t, h.dir, name, "scratch\n")
	}
	if err := os.Chmod(filepath.Join(h.dir, "content", "om.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Events arrive in order, so a rebuild for the temp files would come
	// before the one for this real change, or list them with it.
	writeFile(t, h.dir, "content/om.md", "---\ntitel: Om katalogen\n---\nÄndrad.\n")
	r := wait(t, h.rebuilt, "the rebuild")
	if !slices.Equal(r.changed, []string{"content/om.md"}) || !r.ok {
		t.Errorf("first rebuild after the temp files: %+v, want only content/om.md", r)
	}
}

// TestNewFoldersWatched creates static/ (which the small catalogue lacks)
// and a folder inside it; files in both must reach the site.
func TestNewFoldersWatched(t *testing.T) {
	h := start(t)
	writeFile(t, h.dir, "static/img/a.txt", "first\n")
	h.waitFor(base+"img/a.txt", "first\n")
	writeFile(t, h.dir, "static/img/deeper/b.txt", "second\n")
	h.waitFor(base+"img/deeper/b.txt", "second\n")
	writeFile(t, h.dir, "static/img/a.txt", "changed\n")
	h.waitFor(base+"img/a.txt", "changed\n")
}

// waitFor waits, rebuild by rebuild, until p is served with body want.
func (h *harness) waitFor(p, want string) {
	h.t.Helper()
	for {
		if status, body := h.get(p); status == 200 && body == want {
			return
		}
		wait(h.t, h.rebuilt, "a rebuild serving "+p)
	}
}

// TestQueueLeftOverKick: add puts its changes in before it kicks, so the
// builder can take them with an earlier kick and find this one left over.
// A failed build waiting for more changes must not take that kick for a
// change: it was dropped, and the failure never shown.
func TestQueueLeftOverKick(t *testing.T) {
	q := newQueue()
	q.add([]string{"content/om.md"}) // the first event of a save
	q.add([]string{"content/om.md"}) // the second, its kick not sent yet
	if got := q.take(); !slices.Equal(got, []string{"content/om.md"}) {
		t.Fatalf("take: %v", got)
	}
	// The kick left over is in the channel now, with nothing to take.
	if q.await(20 * time.Millisecond) {
		t.Error("await reported changes for a kick whose changes were taken")
	}

	q.add([]string{"content/verksamheter/lotsen.md"})
	if !q.await(time.Hour) {
		t.Error("await did not see a change waiting")
	}
	select {
	case <-q.kick:
	default:
		t.Error("await kept the kick from the builder's loop")
	}

	go func() {
		time.Sleep(10 * time.Millisecond)
		q.add([]string{"layouts/sida.html"})
	}()
	q.take()
	if !q.await(time.Hour) {
		t.Error("await missed a change that came while it waited")
	}
}
