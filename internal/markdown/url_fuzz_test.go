package markdown

import (
	"html"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// FuzzCheckURL: whatever CheckURL lets through must not, read the way a
// browser reads it (entities decoded, control characters dropped, percent
// escapes decoded), carry a scheme outside the allow-list.
func FuzzCheckURL(f *testing.F) {
	for _, s := range []string{
		"https://example.se/", "mailto:a@b.se", "tel:+4633", "../om/", "#bakgrund",
		"javascript:alert(1)", " JaVaScRiPt:x", "java\tscript:x", "&#106;avascript:x",
		"%6Aavascript:x", "data:text/html,x", "//evil.example/", "vbscript:x", "file:///etc/passwd",
		"https://b\u043eras.se/", "https://xn--bras-tve.se/", "https://\u65e5\u672ca.jp/", "https://b\u03bfras.se/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		if !CheckURL(u).IsZero() {
			return
		}
		seen := normalizeURL(html.UnescapeString(u))
		forms := []string{seen}
		if dec, err := url.PathUnescape(seen); err == nil {
			forms = append(forms, normalizeURL(dec))
		}
		for _, s := range forms {
			p, err := url.Parse(s)
			if err != nil || p.Scheme == "" {
				continue
			}
			if !slices.Contains(allowedSchemes, strings.ToLower(p.Scheme)) {
				t.Fatalf("CheckURL allowed %q, which a browser reads with scheme %q", u, p.Scheme)
			}
		}
		if p, err := url.Parse(strings.TrimSpace(u)); err == nil && (p.Scheme == "http" || p.Scheme == "https") {
			if reason := MixedScripts(p.Hostname()); !reason.IsZero() {
				t.Fatalf("CheckURL allowed %q, whose host mixes alphabets", u)
			}
		}
	})
}

// FuzzCheckBaseURL: a baseurl that passes keeps every file the pages load
// on its own host. The pages refer to files by baseurl's path followed by
// the file's name ("/katalog/samkat.css"); browsers read \ as / there.
func FuzzCheckBaseURL(f *testing.F) {
	for _, s := range []string{"https://example.se/", "https://example.se/katalog/", "https://a.se//b.example/",
		`https://a.se/\b.example/`, "https://a.se/%2F%2Fb.example/", "https://a.se/x?y=1", "https://a.se/x#top", "https://a.se"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		if !CheckWebURL(u).IsZero() || !CheckBaseURL(u).IsZero() {
			return
		}
		p, err := url.Parse(strings.TrimSpace(u))
		if err != nil {
			t.Fatalf("%q passed but does not parse: %v", u, err)
		}
		path := p.EscapedPath()
		if !strings.HasSuffix(path, "/") {
			path += "/"
		}
		ref, err := url.Parse(strings.ReplaceAll(path, `\`, "/") + "samkat.css")
		if err != nil {
			return
		}
		page, _ := url.Parse("https://site.example/404.html")
		if got := page.ResolveReference(ref); got.Host != "site.example" {
			t.Fatalf("baseurl %q passed, but the pages would load %s", u, got)
		}
	})
}
