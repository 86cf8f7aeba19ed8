package serve

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/samkat/samkat"
	"github.com/samkat/samkat/internal/catalog"
	"github.com/samkat/samkat/internal/msg"
	"github.com/samkat/samkat/internal/pipeline"
	"github.com/samkat/samkat/internal/publish"
)

// The small catalogue's baseurl is https://samverkan.example.se/testbygd/.
const base = "/testbygd/"

func testOptions() pipeline.Options {
	return pipeline.Options{
		Now:     catalog.Date{Year: 2026, Month: 11, Day: 22},
		Version: "test",
		Layouts: samkat.Layouts(),
		Static:  samkat.Static(),
	}
}

// catalogueCopy returns a temporary copy of the small test catalogue.
func catalogueCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../pipeline/testdata/small")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeFile(t *testing.T, dir, rel, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// builtServer returns a server that has built a copy of the small
// catalogue once, without watching or listening.
func builtServer(t *testing.T) (*Server, string) {
	t.Helper()
	dir := catalogueCopy(t)
	s := New(Config{Dir: dir, Build: testOptions()})
	if !s.Rebuild(context.Background()) {
		t.Fatal("the small catalogue does not build")
	}
	return s, dir
}

// get sends a request for target straight to the handler.
func get(s http.Handler, method, target string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, nil)
	req.Host = "127.0.0.1:1313"
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

// built returns the files samkat build makes of the catalogue in dir.
func built(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	var mem publish.Mem
	if _, err := pipeline.Site(context.Background(), os.DirFS(dir), &mem, testOptions()); err != nil {
		t.Fatal(err)
	}
	return mem.Files()
}

func TestServePages(t *testing.T) {
	s, dir := builtServer(t)
	files := built(t, dir)
	css := "" // samkat.css, under its fingerprinted name: the only one the site has
	for name := range files {
		if strings.HasPrefix(name, "samkat.") && strings.HasSuffix(name, ".css") {
			css = name
		}
	}
	tests := []struct {
		target   string
		status   int
		ctype    string
		contains string
		exact    string // the file served byte for byte (no injection)
	}{
		{target: base, status: 200, ctype: "text/html; charset=utf-8", contains: "<h1>Samverkan i Testbygd</h1>"},
		{target: base + "om/", status: 200, ctype: "text/html; charset=utf-8", contains: "En katalog för tester."},
		{target: base + "verksamheter/lotsen/", status: 200, ctype: "text/html; charset=utf-8", contains: "Lotsen"},
		{target: base + "kommuner/boras/", status: 200, ctype: "text/html; charset=utf-8", contains: "Borås"},
		{target: base + css, status: 200, ctype: "text/css; charset=utf-8", exact: css},
		{target: base + "favicon.svg", status: 200, ctype: "image/svg+xml", exact: "favicon.svg"},
		{target: base + "data/verksamheter.json", status: 200, ctype: "application/json", exact: "data/verksamheter.json"},
		{target: base + "data/verksamheter.csv", status: 200, ctype: "text/csv; charset=utf-8", exact: "data/verksamheter.csv"},
		{target: base + "feed.xml", status: 200, ctype: "application/xml", exact: "feed.xml"},
		{target: base + "robots.txt", status: 200, ctype: "text/plain; charset=utf-8", exact: "robots.txt"},
		{target: base + "?utm=x", status: 200, ctype: "text/html; charset=utf-8", contains: "<h1>Samverkan i Testbygd</h1>"},
		{target: base + "finns-inte/", status: 404, ctype: "text/html; charset=utf-8", contains: "Sidan finns inte"},
		{target: base + "verksamheter/finns-inte", status: 404, ctype: "text/html; charset=utf-8", contains: "Sidan finns inte"},
		{target: "/annan-plats/", status: 404, ctype: "text/html; charset=utf-8", contains: "Sidan finns inte"},
		{target: "/index.html", status: 404, ctype: "text/html; charset=utf-8", contains: "Sidan finns inte"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			rec := get(s, "GET", tt.target)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d", rec.Code, tt.status)
			}
			if got := rec.Header().Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type %q, want %q", got, tt.ctype)
			}
			if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", got)
			}
			body := rec.Body.String()
			if tt.contains != "" && !strings.Contains(body, tt.contains) {
				t.Errorf("body does not contain %q", tt.contains)
			}
			if tt.exact != "" && body != string(files[tt.exact]) {
				t.Errorf("body differs from %s as built", tt.exact)
			}
			isHTML := strings.HasPrefix(tt.ctype, "text/html")
			if got := strings.Contains(body, EventsPath); got != isHTML {
				t.Errorf("live-reload script present: %v, want %v", got, isHTML)
			}
			if strings.Contains(body, "samkat-serve-problems") {
				t.Error("error banner after a good build")
			}
			if got := rec.Header().Get("Content-Length"); got != fmt.Sprint(len(body)) {
				t.Errorf("Content-Length %s for %d bytes", got, len(body))
			}
		})
	}

	t.Run("HEAD", func(t *testing.T) {
		full := get(s, "GET", base)
		head := get(s, "HEAD", base)
		if head.Code != 200 || head.Body.Len() != 0 {
			t.Errorf("HEAD: status %d with %d body bytes", head.Code, head.Body.Len())
		}
		if got, want := head.Header().Get("Content-Length"), fmt.Sprint(full.Body.Len()); got != want {
			t.Errorf("HEAD Content-Length %s, GET sends %s bytes", got, want)
		}
	})

	t.Run("script only in responses", func(t *testing.T) {
		for name, data := range files {
			if strings.Contains(string(data), EventsPath) || strings.Contains(string(data), "samkat-serve") {
				t.Errorf("%s as built contains serve's additions", name)
			}
		}
	})
}

func TestServeWithoutBaseURL(t *testing.T) {
	dir := catalogueCopy(t)
	idx := filepath.Join(dir, "content", "_index.md")
	src, err := os.ReadFile(idx)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "content/_index.md", strings.Replace(string(src), "baseurl: https://samverkan.example.se/testbygd/\n", "", 1))
	s := New(Config{Dir: dir, Build: testOptions()})
	if !s.Rebuild(context.Background()) {
		t.Fatal("build failed")
	}
	if rec := get(s, "GET", "/"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "<h1>Samverkan i Testbygd</h1>") {
		t.Errorf("GET /: status %d", rec.Code)
	}
	if rec := get(s, "GET", base); rec.Code != 404 {
		t.Errorf("GET %s: status %d, want 404", base, rec.Code)
	}
}

func TestRedirects(t *testing.T) {
	s, _ := builtServer(t)
	tests := []struct{ target, location string }{
		{"/", base},
		{"/testbygd", base},
		{"/testbygd/om", base + "om/"},
		{"/testbygd/verksamheter/lotsen", base + "verksamheter/lotsen/"},
		{"/testbygd/om?a=1", base + "om/?a=1"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			rec := get(s, "GET", tt.target)
			if rec.Code != http.StatusFound {
				t.Fatalf("status %d, want 302", rec.Code)
			}
			if got := rec.Header().Get("Location"); got != tt.location {
				t.Errorf("Location %q, want %q", got, tt.location)
			}
		})
	}
}

// diskMarkers are strings from files on disk that a request must never
// return: this package's source, the module file and /etc/passwd.
var diskMarkers = []string{"package serve", "module github.com/samkat/samkat", "root:", "titel: Samverkan i Testbygd"}

var traversalTargets = []string{
	"/../etc/passwd",
	"/%2e%2e/%2e%2e/etc/passwd",
	"/sjuharad/..%2f..%2fgo.mod",
	"/testbygd/..%2f..%2fgo.mod",
	"/testbygd/../../go.mod",
	"/testbygd/%2e%2e/%2e%2e/go.mod",
	"/testbygd/%2E%2E/content/_index.md",
	"/testbygd/./om/",
	"/testbygd/om/%2e/",
	"//etc/passwd",
	"/testbygd//etc/passwd",
	`/\..\x`,
	"/testbygd/%5c..%5chandler.go",
	"/testbygd/om%00.html",
	"/testbygd/%0a",
	"/content/_index.md",
	"/testbygd/content/_index.md",
	"/internal/serve/handler.go",
	"/testbygd/" + strings.Repeat("a", 5000),
}

func checkRefused(t *testing.T, status int, body string) {
	t.Helper()
	if status != 400 && status != 404 && status != 414 {
		t.Errorf("status %d, want 400, 404 or 414", status)
	}
	for _, m := range diskMarkers {
		if strings.Contains(body, m) {
			t.Errorf("response contains %q from a file on disk", m)
		}
	}
}

func TestTraversal(t *testing.T) {
	s, _ := builtServer(t)
	for _, target := range traversalTargets {
		t.Run(trim(target), func(t *testing.T) {
			rec := get(s, "GET", target)
			checkRefused(t, rec.Code, rec.Body.String())
			if len(target) > maxURL && rec.Code != http.StatusRequestURITooLong {
				t.Errorf("status %d for a %d-byte URL, want 414", rec.Code, len(target))
			}
		})
	}
}

// TestTraversalOverTheWire sends the same targets as raw request lines, so
// that nothing the HTTP server does before the handler changes the outcome.
func TestTraversalOverTheWire(t *testing.T) {
	s, _ := builtServer(t)
	ts := httptest.NewServer(s)
	defer ts.Close()
	for _, target := range traversalTargets {
		t.Run(trim(target), func(t *testing.T) {
			conn, err := net.Dial("tcp", ts.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, ts.Listener.Addr())
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			checkRefused(t, resp.StatusCode, string(body))
		})
	}
}

func trim(s string) string {
	if len(s) > 40 {
		return fmt.Sprintf("%s…(%d bytes)", s[:40], len(s))
	}
	return s
}

func TestMethodNotAllowed(t *testing.T) {
	s, _ := builtServer(t)
	for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"} {
		t.Run(method, func(t *testing.T) {
			rec := get(s, method, base)
			if rec.Code != http.StatusMethodNotAllowed {
				t.Errorf("status %d, want 405", rec.Code)
			}
			if got := rec.Header().Get("Allow"); got != "GET, HEAD" {
				t.Errorf("Allow %q", got)
			}
		})
	}
}

func TestForeignHost(t *testing.T) {
	s, _ := builtServer(t)
	for host, want := range map[string]int{
		"127.0.0.1:1313":         200,
		"localhost:1313":         200,
		"LOCALHOST":              200,
		"[::1]:1313":             200,
		"evil.example:1313":      400,
		"127.0.0.1.evil.example": 400,
		"":                       400,
	} {
		req := httptest.NewRequest("GET", base, nil)
		req.Host = host
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %q: status %d, want %d", host, rec.Code, want)
		}
	}
}

// TestLANHost: with --bind on another address a phone names the machine by
// its IP address; a host name that is not localhost is still refused.
func TestLANHost(t *testing.T) {
	for _, tt := range []struct {
		host    string
		lan, ok bool
	}{
		{"192.168.1.5:1313", false, false},
		{"192.168.1.5:1313", true, true},
		{"[fe80::1]:1313", true, true},
		{"localhost:1313", true, true},
		{"mitt-forbund.example:1313", true, false},
		{"192.168.1.5.nip.io:1313", true, false},
	} {
		if got := allowedHost(tt.host, tt.lan); got != tt.ok {
			t.Errorf("allowedHost(%q, lan=%v) = %v, want %v", tt.host, tt.lan, got, tt.ok)
		}
	}
}

func TestInject(t *testing.T) {
	const b, s = "[B]", "[S]"
	tests := []struct{ page, want string }{
		{"<html><body><p>x</p></body></html>", "<html><body>[B]<p>x</p>[S]</body></html>"},
		{`<html><BODY class="a"><p>x</p></BODY></html>`, `<html><BODY class="a">[B]<p>x</p>[S]</BODY></html>`},
		{"<body\n>x</body>", "<body\n>[B]x[S]</body>"},
		{"<bodyguard><p>x</p>", "[B]<bodyguard><p>x</p>[S]"},
		{"<p>no body</p>", "[B]<p>no body</p>[S]"},
		{"", "[B][S]"},
		{"<body><p>&lt;/body&gt;</p></body>", "<body>[B]<p>&lt;/body&gt;</p>[S]</body>"},
	}
	for _, tt := range tests {
		page := []byte(tt.page)
		if got := string(bytes.Join(injected(page, b, s), nil)); got != tt.want {
			t.Errorf("inject(%q) = %q, want %q", tt.page, got, tt.want)
		}
		if string(page) != tt.page {
			t.Errorf("inject changed its input %q", tt.page)
		}
	}
}

func TestBannerEscapes(t *testing.T) {
	got := banner([]string{`content/x.md:3:1: error: namn: "<script>alert(1)</script>" & more`}, msg.En)
	for _, want := range []string{
		`role="alert"`,
		`lang="en"`,
		`content/x.md:3:1: error: namn: &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34; &amp; more`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("banner lacks %s:\n%s", want, got)
		}
	}
	if strings.Contains(got, "<script>") {
		t.Errorf("banner contains an unescaped script tag:\n%s", got)
	}
	if banner(nil, msg.Sv) != "" {
		t.Error("banner without problems is not empty")
	}
}

func TestCleanPath(t *testing.T) {
	tests := []struct {
		path string
		ok   bool
	}{
		{"/", true},
		{"/testbygd/", true},
		{"/testbygd/om/", true},
		{"/testbygd/samkat.css", true},
		{"/.well-known/security.txt", true},
		{"", false},
		{"testbygd/", false},
		{"/..", false},
		{"/../x", false},
		{"/a/../b", false},
		{"/a/./b", false},
		{"/a/.", false},
		{"//a", false},
		{"/a//b", false},
		{`/a\b`, false},
		{"/a\x00b", false},
		{"/a\nb", false},
		{"/a\x7fb", false},
	}
	for _, tt := range tests {
		if _, ok := cleanPath(tt.path); ok != tt.ok {
			t.Errorf("cleanPath(%q) ok = %v, want %v", tt.path, ok, tt.ok)
		}
	}
}

// TestFirstBuildFails covers a catalogue that has never built: every
// request gets the problems, until a build succeeds.
func TestFirstBuildFails(t *testing.T) {
	dir := catalogueCopy(t)
	good, err := os.ReadFile(filepath.Join(dir, "content", "om.md"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "content/om.md", "---\nrubrik: Om\n---\n")
	var stderr strings.Builder
	s := New(Config{Dir: dir, Build: testOptions(), Stderr: &stderr})
	if s.Rebuild(context.Background()) {
		t.Fatal("a broken catalogue built")
	}
	rec := get(s, "GET", base+"om/")
	if rec.Code != http.StatusInternalServerError {
		t.Errorf("status %d, want 500", rec.Code)
	}
	if body := rec.Body.String(); !strings.Contains(body, "content/om.md:2:1: fel: rubrik:") || !strings.Contains(body, EventsPath) {
		t.Errorf("page lacks the problem or the reload script:\n%s", body)
	}
	if !strings.Contains(stderr.String(), "content/om.md:2:1: fel: rubrik:") {
		t.Errorf("problem not printed:\n%s", stderr.String())
	}
	writeFile(t, dir, "content/om.md", string(good))
	if !s.Rebuild(context.Background()) {
		t.Fatal("the fixed catalogue does not build")
	}
	if rec := get(s, "GET", base+"om/"); rec.Code != 200 || strings.Contains(rec.Body.String(), "samkat-serve-problems") {
		t.Errorf("after the fix: status %d, banner %v", rec.Code, strings.Contains(rec.Body.String(), "samkat-serve-problems"))
	}
}

// TestRequestsDuringRebuilds checks that every request gets a complete site
// while rebuilds replace it (run with -race).
func TestRequestsDuringRebuilds(t *testing.T) {
	s, _ := builtServer(t)
	ctx := context.Background()
	var readers, rebuilds sync.WaitGroup
	done := make(chan struct{})
	for range 4 {
		readers.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				rec := get(s, "GET", base+"om/")
				if rec.Code != 200 || !strings.HasSuffix(rec.Body.String(), "</html>") {
					t.Errorf("status %d, body ends %q", rec.Code, rec.Body.String()[max(0, rec.Body.Len()-20):])
					return
				}
			}
		})
	}
	for range 3 {
		rebuilds.Go(func() {
			if !s.Rebuild(ctx) {
				t.Error("rebuild failed")
			}
		})
	}
	rebuilds.Wait()
	close(done)
	readers.Wait()
}

// TestServeForm: the editors' form is served as built, without the banner
// or the reload script, and its config.yml as YAML.
func TestServeForm(t *testing.T) {
	dir := catalogueCopy(t)
	ix := filepath.Join(dir, "content", "_index.md")
	src, err := os.ReadFile(ix)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "content/_index.md", strings.Replace(string(src), "synonymer:", "cms: {backend: test-repo}\nsynonymer:", 1))
	s := New(Config{Dir: dir, Build: testOptions()})
	if !s.Rebuild(context.Background()) {
		t.Fatal("the catalogue with cms does not build")
	}
	files := built(t, dir)
	if rec := get(s, "GET", base+"admin/"); rec.Code != 200 || rec.Body.String() != string(files["admin/index.html"]) {
		t.Errorf("admin/: %d, not the page as built:\n%s", rec.Code, rec.Body)
	}
	if rec := get(s, "GET", base+"admin/config.yml"); rec.Code != 200 || rec.Header().Get("Content-Type") != "text/yaml; charset=utf-8" {
		t.Errorf("admin/config.yml: %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	if rec := get(s, "GET", base); !strings.Contains(rec.Body.String(), "live reload") {
		t.Error("the other pages lost the reload script")
	}
}

// TestServePrintsAsCheckDoes: serve prints the problems as check does,
// errors first and notes (an activity that ended long ago) left out,
// instead of every diagnostic after every save.
func TestServePrintsAsCheckDoes(t *testing.T) {
	var stderr strings.Builder
	s := New(Config{Dir: catalogueCopy(t), Build: testOptions(), Stderr: &stderr})
	if !s.Rebuild(context.Background()) {
		t.Fatal("the small catalogue does not build")
	}
	if strings.Contains(stderr.String(), "information:") || strings.Contains(stderr.String(), "info:") {
		t.Errorf("serve printed the notes:\n%s", stderr.String())
	}
}
