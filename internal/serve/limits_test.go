package serve

import (
	"bytes"
	"context"
	"net/http"
	"runtime"
	"strings"
	"testing"

	"github.com/samkat/samkat/internal/msg"
)

// discard is a ResponseWriter that keeps only the status and the size of
// the body, so that what a request allocates is the handler's own.
type discard struct {
	h      http.Header
	status int
	n      int
}

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) WriteHeader(status int)      { d.status = status }
func (d *discard) Write(p []byte) (int, error) { d.n += len(p); return len(p), nil }

func bigPageServer(size int) *Server {
	s := New(Config{Dir: "unused"})
	page := "<!doctype html><html><body><main>" + strings.Repeat("<p>Ett stycke.</p>", size/18) + "</main></body></html>"
	s.state.Store(&state{site: mapSite{"index.html": []byte(page)}, base: "/", version: "v1", lang: msg.Sv})
	return s
}

// TestLargePageIsNotCopied: answering a request for a 4 MB page allocates
// a small fraction of the page (it used to copy it three times).
func TestLargePageIsNotCopied(t *testing.T) {
	const size = 4 << 20
	s := bigPageServer(size)
	req, _ := http.NewRequest(http.MethodGet, "http://127.0.0.1:1313/", nil)
	req.RequestURI = "/"
	serve := func() *discard {
		d := &discard{h: http.Header{}}
		s.ServeHTTP(d, req)
		return d
	}
	if d := serve(); d.status != http.StatusOK || d.n < size {
		t.Fatalf("status %d, %d bytes", d.status, d.n)
	}
	const runs = 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for range runs {
		serve()
	}
	runtime.ReadMemStats(&after)
	per := (after.TotalAlloc - before.TotalAlloc) / runs
	t.Logf("a request for a %d-byte page allocated %d bytes", size, per)
	if per > size/16 {
		t.Errorf("a request for a %d-byte page allocated %d bytes", size, per)
	}
}

// TestConcurrentRequestLimit: with MaxRequests requests being answered, one
// more gets 503 and a message; with one fewer, it is answered.
func TestConcurrentRequestLimit(t *testing.T) {
	s := bigPageServer(1000)
	for range MaxRequests - 1 {
		s.requests <- struct{}{} // requests still being answered
	}
	if rec := get(s, http.MethodGet, "/"); rec.Code != http.StatusOK {
		t.Errorf("request %d: status %d", MaxRequests, rec.Code)
	}
	s.requests <- struct{}{}
	rec := get(s, http.MethodGet, "/")
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Errorf("request %d: status %d, Retry-After %q", MaxRequests+1, rec.Code, rec.Header().Get("Retry-After"))
	}
	if want := msg.New(msg.ServeBusy).In(msg.Sv); !strings.Contains(rec.Body.String(), want) {
		t.Errorf("body %q, want %q", rec.Body.String(), want)
	}
	// Live-reload streams have their own slots: a full house of pages
	// does not stop them, nor they the pages.
	for range MaxEventStreams {
		s.streams <- struct{}{}
	}
	if rec := get(s, http.MethodHead, EventsPath); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("stream %d: status %d", MaxEventStreams+1, rec.Code)
	}
	<-s.requests
	if rec := get(s, http.MethodGet, "/"); rec.Code != http.StatusOK || !bytes.Contains(rec.Body.Bytes(), []byte("live reload")) {
		t.Errorf("after one request ended: status %d", rec.Code)
	}
}

// mapSite is a site of files given beforehand.
type mapSite map[string][]byte

func (m mapSite) file(_ context.Context, name string) ([]byte, bool, error) {
	b, ok := m[name]
	return b, ok, nil
}

func (m mapSite) has(name string) bool { _, ok := m[name]; return ok }
