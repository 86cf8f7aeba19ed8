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
	})
}
