package serve

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"net"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/samkat/samkat/internal/cms"
	"github.com/samkat/samkat/internal/msg"
)

// EventsPath is the URL of the live-reload event stream.
const EventsPath = "/_samkat/events"

// maxURL is the longest request target served; longer ones get 414.
const maxURL = 2048

// MaxRequests is how many requests for files are answered at once, and
// MaxEventStreams how many live-reload streams may be open; more get 503.
// Files are sent from the site in memory without a copy, so each request
// costs little, but not nothing.
const (
	MaxRequests     = 32
	MaxEventStreams = 256
)

// contentTypes maps the extensions a site can contain to their media types.
// Anything else is served as application/octet-stream: the type is never
// guessed from the content (and nosniff tells browsers not to either).
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".json":        "application/json",
	".csv":         "text/csv; charset=utf-8",
	".xml":         "application/xml",
	".txt":         "text/plain; charset=utf-8",
	".yml":         "text/yaml; charset=utf-8", // the editors' form's admin/config.yml
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/vnd.microsoft.icon",
	".pdf":         "application/pdf",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".webmanifest": "application/manifest+json",
}

func contentType(name string) string {
	if t, ok := contentTypes[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	return "application/octet-stream"
}

// ServeHTTP answers a request from the site in memory.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store") // an editor must always see the latest build
	target := r.RequestURI
	if target == "" {
		target = r.URL.RequestURI()
	}
	if len(target) > maxURL {
		http.Error(w, "414 the address is too long", http.StatusRequestURITooLong)
		return
	}
	if !allowedHost(r.Host, s.lan) {
		http.Error(w, "400 samkat serve answers only to 127.0.0.1 and localhost (and IP addresses with --bind)", http.StatusBadRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "405 only GET and HEAD are allowed", http.StatusMethodNotAllowed)
		return
	}
	p, ok := requestPath(r)
	if !ok {
		http.Error(w, "400 bad path", http.StatusBadRequest)
		return
	}
	slots := s.requests
	if p == EventsPath {
		slots = s.streams
	}
	select {
	case slots <- struct{}{}:
		defer func() { <-slots }()
	default:
		h.Set("Retry-After", "1")
		http.Error(w, msg.New(msg.ServeBusy).In(s.state.Load().lang), http.StatusServiceUnavailable)
		return
	}
	if p == EventsPath {
		s.serveEvents(w, r)
		return
	}

	st := s.state.Load()
	if st.site == nil {
		status := http.StatusServiceUnavailable
		if st.problems != nil {
			status = http.StatusInternalServerError
		}
		s.write(w, r, st, status, "failed.html", []byte(failedPage(st.lang)))
		return
	}
	if p == "/" && st.base != "/" {
		redirect(w, r, st.base)
		return
	}
	if p+"/" == st.base {
		redirect(w, r, st.base)
		return
	}
	rel, ok := strings.CutPrefix(p, st.base)
	if !ok {
		s.notFound(w, r, st)
		return
	}
	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	data, ok, err := st.site.file(r.Context(), name)
	if err != nil {
		s.failed(w, r, st, err)
		return
	}
	if ok {
		s.write(w, r, st, http.StatusOK, name, data)
		return
	}
	if st.site.has(name + "/index.html") {
		redirect(w, r, p+"/")
		return
	}
	s.notFound(w, r, st)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, st *state) {
	data, ok, err := st.site.file(r.Context(), "404.html")
	if err != nil {
		s.failed(w, r, st, err)
		return
	}
	if ok {
		s.write(w, r, st, http.StatusNotFound, "404.html", data)
		return
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// failed answers a request for a file that could not be made (a layout
// that fails on this page, say: samkat build would stop on it) with the
// error in the banner, and prints it.
func (s *Server) failed(w http.ResponseWriter, r *http.Request, st *state, err error) {
	if r.Context().Err() != nil {
		return // the browser went away
	}
	text := errText(err, st.lang)
	s.say(s.stderr, msg.New(msg.CmdFailed, text))
	shown := *st
	shown.problems = append(slices.Clip(st.problems), text)
	s.write(w, r, &shown, http.StatusInternalServerError, "failed.html", []byte(failedPage(st.lang)))
}

// write sends a file of the site; HTML gets the error banner, when the last
// build failed, and the live-reload script. The file is sent as it lies in
// memory, in pieces around what is injected, never copied.
func (s *Server) write(w http.ResponseWriter, r *http.Request, st *state, status int, name string, data []byte) {
	ctype := contentType(name)
	parts := [][]byte{data}
	// The editors' form is left alone: a reload would throw away what was
	// typed into it (its test backend keeps everything in the page), and
	// the banner would cover its toolbar.
	if strings.HasPrefix(ctype, "text/html") && name != cms.Dir+"index.html" {
		parts = injected(data, banner(st.problems, st.lang), reloadScript(st.version))
	}
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(n))
	w.WriteHeader(status)
	if r.Method == http.MethodHead {
		return
	}
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return // the browser went away
		}
	}
}

// redirect sends the browser to the URL path to. Redirects are temporary
// (302): a browser remembers a permanent one even after the catalogue's
// baseurl changes or another catalogue is served on the same port.
func redirect(w http.ResponseWriter, r *http.Request, to string) {
	loc := (&url.URL{Path: to}).EscapedPath()
	if r.URL.RawQuery != "" {
		loc += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", loc)
	w.WriteHeader(http.StatusFound)
}

// requestPath returns the decoded path of r, or false when it could reach
// outside the site or is otherwise malformed. The site is a map, so nothing
// could escape anyway; a clear 400 is still better than a puzzling 404.
func requestPath(r *http.Request) (string, bool) {
	// Encoded separators and NUL are refused outright: once decoded, they
	// would turn one segment into two (or end a C string early).
	raw := strings.ToLower(r.URL.EscapedPath())
	for _, bad := range []string{"%2f", "%5c", "%00"} {
		if strings.Contains(raw, bad) {
			return "", false
		}
	}
	return cleanPath(r.URL.Path)
}

// cleanPath checks a decoded URL path: it must be absolute and contain no
// "." or ".." segments, no empty segments, no backslashes and no control
// bytes.
func cleanPath(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") {
		return "", false
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < 0x20 || c == 0x7f || c == '\\' {
			return "", false
		}
	}
	segs := strings.Split(p[1:], "/")
	for i, seg := range segs {
		switch {
		case seg == "." || seg == "..":
			return "", false
		case seg == "" && i != len(segs)-1: // "//"; a trailing "/" is fine
			return "", false
		}
	}
	return p, true
}

// allowedHost reports whether the Host header names this machine: the
// loopback address or localhost, and with lan (serve --bind on another
// address) any IP address, so that a phone can use http://192.168.1.5:1313/.
// Host names other than localhost are refused either way: a web site that
// points its own name at this machine (DNS rebinding) gets nothing.
func allowedHost(host string, lan bool) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && (ip.IsLoopback() || lan)
}

// serveEvents streams a "build" event with the served version when a page
// connects and after every rebuild, until the page or the server goes away.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
		return
	}
	changed, unsubscribe := s.hub.subscribe()
	defer unsubscribe()
	rc := http.NewResponseController(w)
	send := func(msg string) bool {
		if _, err := fmt.Fprint(w, msg); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	event := func() string {
		return "event: build\ndata: " + s.state.Load().version + "\n\n"
	}
	if !send("retry: 1000\n" + event()) {
		return
	}
	// A comment now and then lets a dead connection be noticed and closed.
	keepAlive := time.NewTicker(25 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case _, ok := <-changed:
			if !ok || !send(event()) {
				return
			}
		case <-keepAlive.C:
			if !send(": keep-alive\n\n") {
				return
			}
		}
	}
}

// reloadScript returns the live-reload script for a page of the given
// version. It does nothing without EventSource or JavaScript.
func reloadScript(version string) string {
	return `<script>/* samkat serve: live reload */(function(){if(!window.EventSource)return;var v="` +
		template.JSEscapeString(version) + `",s=new EventSource("` + EventsPath +
		`");s.addEventListener("build",function(e){if(e.data!==v){s.close();location.reload()}})})();</script>`
}

// banner returns the error banner listing problems, or "" when there are
// none. It is in the language of samkat's messages (lang), announced by
// screen readers (role="alert"), and styled inline since the site's own
// stylesheet knows nothing of it.
func banner(problems []string, lang msg.Lang) string {
	if len(problems) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<div id="samkat-serve-problems" role="alert" lang="` + string(htmlLang(lang)) + `" style="margin:0;padding:1rem 1.25rem;background:#fff;color:#1b1b1b;border:.25rem solid #b3261e;font:1rem/1.5 system-ui,sans-serif">`)
	b.WriteString(`<p style="margin:0 0 .5rem"><strong style="color:#b3261e">` + html.EscapeString(msg.New(msg.ServeBannerTitle).In(lang)) + `</strong> `)
	b.WriteString(html.EscapeString(msg.New(msg.ServeBannerText).In(lang)) + `</p>`)
	b.WriteString(`<ul style="margin:0;padding-left:1.25rem">`)
	for _, p := range problems {
		b.WriteString(`<li><code style="white-space:pre-wrap;overflow-wrap:anywhere">`)
		b.WriteString(html.EscapeString(p))
		b.WriteString(`</code></li>`)
	}
	b.WriteString(`</ul></div>`)
	return b.String()
}

// failedPage is served before the catalogue has built even once.
func failedPage(lang msg.Lang) string {
	return `<!doctype html><html lang="` + string(htmlLang(lang)) + `"><head><meta charset="utf-8"><title>` +
		html.EscapeString(msg.New(msg.ServeFailedTitle).In(lang)) + `</title></head><body><main><h1>` +
		html.EscapeString(msg.New(msg.ServeFailedHeading).In(lang)) + `</h1><p>` +
		html.EscapeString(msg.New(msg.ServeFailedText).In(lang)) + `</p></main></body></html>`
}

// htmlLang is the lang attribute for text in lang; Swedish when unset.
func htmlLang(lang msg.Lang) msg.Lang {
	if lang == msg.En {
		return msg.En
	}
	return msg.Sv
}

// injected returns page with the banner inserted after the <body> tag and
// the script before </body>, in pieces: slices of page, which is neither
// copied nor modified, and the banner and script between them. A page
// without the tags gets the banner at the start and the script at the end.
func injected(page []byte, banner, script string) [][]byte {
	at := bodyStart(page)
	end := lastIndexFold(page, "</body>")
	if end < at {
		end = len(page)
	}
	return [][]byte{page[:at], []byte(banner), page[at:end], []byte(script), page[end:]}
}

// indexFold returns the offset of the first ASCII-case-insensitive match of
// the lower-case tag in page at or after from, or -1, without copying page.
func indexFold(page []byte, from int, tag string) int {
	for from < len(page) {
		i := bytes.IndexByte(page[from:], '<')
		if i < 0 {
			return -1
		}
		i += from
		if len(page)-i >= len(tag) && bytes.EqualFold(page[i:i+len(tag)], []byte(tag)) {
			return i
		}
		from = i + 1
	}
	return -1
}

// lastIndexFold is indexFold from the end.
func lastIndexFold(page []byte, tag string) int {
	for end := len(page); end > 0; {
		i := bytes.LastIndexByte(page[:end], '<')
		if i < 0 {
			return -1
		}
		if len(page)-i >= len(tag) && bytes.EqualFold(page[i:i+len(tag)], []byte(tag)) {
			return i
		}
		end = i
	}
	return -1
}

// bodyStart returns the offset just after the <body> start tag, or 0.
func bodyStart(page []byte) int {
	for from := 0; ; {
		i := indexFold(page, from, "<body")
		if i < 0 {
			return 0
		}
		rest := page[i+len("<body"):]
		if len(rest) > 0 && (rest[0] == '>' || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r' || rest[0] == '/') {
			if j := bytes.IndexByte(rest, '>'); j >= 0 {
				return i + len("<body") + j + 1
			}
			return 0
		}
		from = i + len("<body")
	}
}
