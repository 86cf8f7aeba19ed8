package render

import (
	"crypto/sha256"
	"encoding/hex"
	"html/template"
	"text/template/parse"

	"github.com/samkat/samkat/internal/site"
)

// Pages without html/template. A catalogue has one page per activity, and
// executing the layouts for each (reflection for every field, a call for
// every partial) was most of the time the pages took; the review report
// is one page with a row per activity. When the templates such a page runs
// are the built-in ones, Render writes the page in Go with the bytes
// html/template would give: the same text, the values escaped as
// html/template escapes them in their context (escape.go). What the page
// runs is known from the parsed templates, not from file names: the
// templates reachable from base.html in the page's set (for an activity
// page: main, facts, fact-links, contacts) must print what they print built
// in, which their parse trees say (layoutDigest). The navigation and the
// footer are Prerender's (NavHTML, FooterHTML), from whatever layouts the
// catalogue has; a page without them, or with a value the writer does not
// know how html/template prints, is rendered by html/template.
// TestPagesAsTemplate renders pages both ways.

// fastPages holds, per layout, the digest of its built-in set
// (layoutDigest from base.html, without framePartials) and the writer that
// prints what it prints. TestPageDigests fails when the layouts change;
// the writer must then be changed with them before the digest is.
var fastPages = map[string]struct {
	digest string
	write  func(b []byte, v site.View) ([]byte, bool)
}{
	"activity": {"c9ba56b7c8611b7c15117ed8ef7df2e472d7e24090b36dba3d756b15e118753b", func(b []byte, v site.View) ([]byte, bool) {
		if v, ok := v.(*site.ActivityView); ok {
			return writeActivity(b, v)
		}
		return b, false
	}},
	"review": {"9ea3d26955105bda5cec9fa931ffca62fcc5a1b367f37f6630882fa577f97ebf", func(b []byte, v site.View) ([]byte, bool) {
		if v, ok := v.(*site.ReviewView); ok {
			return writeReview(b, v)
		}
		return b, false
	}},
}

// framePartials are the partials the frame prints from Prerender's HTML
// (writePage leaves a page without it to html/template): a catalogue's
// own versions of them change nothing here.
var framePartials = map[string]bool{"nav": true, "footer": true}

// layoutDigest hashes the parse trees of root and of the templates of set
// it runs, but for those in skip: two sets with the same digest print the
// same from the same data.
func layoutDigest(set *template.Template, root string, skip map[string]bool) string {
	h := sha256.New()
	seen := map[string]bool{}
	var visit func(name string)
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return
			}
			for _, c := range n.Nodes {
				walk(c)
			}
		case *parse.IfNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.TemplateNode:
			visit(n.Name)
		}
	}
	visit = func(name string) {
		if seen[name] || skip[name] {
			return
		}
		seen[name] = true
		h.Write([]byte(name))
		h.Write([]byte{0})
		t := set.Lookup(name)
		if t == nil || t.Tree == nil || t.Tree.Root == nil {
			h.Write([]byte{1})
			return
		}
		h.Write([]byte(t.Tree.Root.String()))
		h.Write([]byte{0})
		walk(t.Tree.Root)
	}
	visit(root)
	return hex.EncodeToString(h.Sum(nil))
}

// The texts of .T the frame and the activity page read.
var (
	frameTexts    = []string{"skip"}
	activityTexts = []string{"status", "facts", "contacts", "phone", "email", "address"}
)

// writeActivity appends the page of v to b as the built-in layouts print
// it; ok is false for a page it leaves to html/template.
func writeActivity(b []byte, v *site.ActivityView) (_ []byte, ok bool) {
	if !hasTexts(v.T, activityTexts...) {
		return b, false // html/template reports it
	}
	return writePage(b, &v.Frame, func(b []byte) []byte {
		// activity.html
		t := v.T
		b = append(b, "\n<article class=\"activity\">\n<h1>"...)
		b = appendHTML(b, v.Title)
		b = append(b, "</h1>\n<p class=\"status status-"...)
		b = appendHTML(b, v.StatusKey)
		b = append(b, "\">"...)
		b = appendHTML(b, t["status"])
		b = append(b, ": "...)
		b = appendHTML(b, v.Status)
		b = append(b, "</p>\n<h2 class=\"visually-hidden\">"...)
		b = appendHTML(b, t["facts"])
		b = append(b, "</h2>\n"...)
		b = appendFacts(b, v.Facts)
		if len(v.Contacts) > 0 {
			b = append(b, "\n<h2>"...)
			b = appendHTML(b, t["contacts"])
			b = append(b, "</h2>\n"...)
			b = appendContacts(b, v.Contacts, t)
		}
		if v.Body != "" {
			b = append(b, "\n<div class=\"text\">"...)
			b = append(b, v.Body...)
			b = append(b, "</div>"...)
		}
		return append(b, "\n</article>\n"...)
	})
}

// writePage appends the page of frame f as base.html prints it, with main
// what the template "main" prints; ok is false for a page it leaves to
// html/template.
func writePage(b []byte, f *site.Frame, main func(b []byte) []byte) (_ []byte, ok bool) {
	if f.NavHTML == "" || f.FooterHTML == "" || f.Redirect != "" || !hasTexts(f.T, frameTexts...) ||
		f.Preview && !hasTexts(f.T, "draftPage", "draftPreview") {
		return b, false
	}
	var sd *site.GovernmentService
	switch d := f.StructuredData.(type) {
	case nil:
	case *site.GovernmentService:
		if d == nil {
			return b, false
		}
		sd = d
	default:
		return b, false
	}

	// base.html
	b = append(b, "<!DOCTYPE html>\n<html lang=\""...)
	b = appendHTML(b, f.Lang)
	b = append(b, "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"...)
	b = appendHTML(b, f.DocTitle)
	b = append(b, "</title>"...)
	if f.Description != "" {
		b = append(b, "\n<meta name=\"description\" content=\""...)
		b = appendHTML(b, f.Description)
		b = append(b, "\">"...)
	}
	if f.Canonical != "" {
		b = append(b, "\n<link rel=\"canonical\" href=\""...)
		b = appendURL(b, f.Canonical, false)
		b = append(b, "\">\n<meta property=\"og:url\" content=\""...)
		b = appendHTML(b, f.Canonical)
		b = append(b, "\">"...)
	}
	b = append(b, "\n<meta property=\"og:type\" content=\"website\">\n<meta property=\"og:site_name\" content=\""...)
	b = appendHTML(b, f.SiteTitle)
	b = append(b, "\">\n<meta property=\"og:title\" content=\""...)
	b = appendHTML(b, f.Title)
	b = append(b, "\">"...)
	if f.Description != "" {
		b = append(b, "\n<meta property=\"og:description\" content=\""...)
		b = appendHTML(b, f.Description)
		b = append(b, "\">"...)
	}
	b = append(b, "\n<meta property=\"og:locale\" content=\""...)
	if f.Lang == "sv" {
		b = append(b, "sv_SE"...)
	} else {
		b = append(b, "en_GB"...)
	}
	b = append(b, "\">\n<meta name=\"generator\" content=\"samkat "...)
	b = appendHTML(b, f.Version)
	b = append(b, "\">\n<link rel=\"stylesheet\" href=\""...)
	b = appendURL(b, f.CSS, false)
	b = append(b, "\">"...)
	if sd != nil {
		b = append(b, "\n<script type=\"application/ld+json\">"...)
		if b, ok = appendJSON(b, sd); !ok {
			return b, false
		}
		b = append(b, "</script>"...)
	}
	b = append(b, "\n<link rel=\"icon\" href=\""...)
	b = appendURL(b, f.Favicon, false)
	b = append(b, "\" type=\"image/svg+xml\">"...)
	if feed := f.Footer.Feed; feed != nil {
		b = append(b, "\n<link rel=\"alternate\" type=\"application/atom+xml\" href=\""...)
		b = appendURL(b, feed.Href, false)
		b = append(b, "\" title=\""...)
		b = appendHTML(b, feed.Label)
		b = append(b, "\">"...)
	}
	b = append(b, "\n</head>\n<body>\n<a class=\"skip\" href=\"#innehall\">"...)
	b = appendHTML(b, f.T["skip"])
	b = append(b, "</a>\n<header class=\"site-header\">\n<div class=\"wrap\">\n<p class=\"site-title\"><a href=\""...)
	b = appendURL(b, f.Home, false)
	b = append(b, "\">"...)
	b = appendHTML(b, f.SiteTitle)
	b = append(b, "</a>"...)
	if f.Subtitle != "" {
		b = append(b, " <span class=\"subtitle\">"...)
		b = appendHTML(b, f.Subtitle)
		b = append(b, "</span>"...)
	}
	b = append(b, "</p>\n"...)
	b = append(b, f.NavHTML...)
	b = append(b, "\n</div>\n</header>\n<main id=\"innehall\" tabindex=\"-1\">\n<div class=\"wrap\">"...)
	if f.Preview {
		b = append(b, "\n<p class=\"preview-note\" role=\"note\">"...)
		if f.Draft {
			b = appendHTML(b, f.T["draftPage"])
		} else {
			b = appendHTML(b, f.T["draftPreview"])
		}
		b = append(b, "</p>"...)
	}
	b = append(b, '\n')

	b = main(b)
	// base.html again
	b = append(b, "\n</div>\n</main>\n"...)
	b = append(b, f.FooterHTML...)
	b = append(b, "\n</body>\n</html>\n"...)
	return b, true
}

// appendFacts appends the partial "facts" (_partials/facts.html).
func appendFacts(b []byte, facts []site.Fact) []byte {
	b = append(b, "\n<dl class=\"facts\">"...)
	for i := range facts {
		fa := &facts[i]
		b = append(b, "\n<div><dt>"...)
		b = appendHTML(b, fa.Label)
		b = append(b, "</dt><dd>"...)
		switch {
		case len(fa.Links) == 0:
			b = appendHTML(b, fa.Text)
		case fa.HTML != "":
			b = append(b, fa.HTML...)
		default:
			// The partial "fact-links".
			for j, l := range fa.Links {
				if j > 0 {
					b = append(b, ", "...)
				}
				b = append(b, "<a href=\""...)
				b = appendURL(b, l.Href, false)
				b = append(b, "\">"...)
				b = appendHTML(b, l.Label)
				b = append(b, "</a>"...)
			}
		}
		b = append(b, "</dd></div>"...)
	}
	return append(b, "\n</dl>\n"...)
}

// appendContacts appends the partial "contacts" (_partials/contacts.html).
func appendContacts(b []byte, list []site.ContactView, t site.Strings) []byte {
	b = append(b, "\n<ul class=\"contacts\">"...)
	for i := range list {
		c := &list[i]
		b = append(b, "\n<li>"...)
		if c.Name != "" {
			b = append(b, "<strong>"...)
			b = appendHTML(b, c.Name)
			b = append(b, "</strong>"...)
		}
		if c.Role != "" {
			b = append(b, "<br>"...)
			b = appendHTML(b, c.Role)
		}
		if c.Kommun != "" {
			b = append(b, " <span class=\"meta\">("...)
			b = appendHTML(b, c.Kommun)
			b = append(b, ")</span>"...)
		}
		if c.Phone != "" {
			b = append(b, "<br>"...)
			b = appendHTML(b, t["phone"])
			b = append(b, ": <a href=\""...)
			b = appendURL(b, string(c.TelHref), true)
			b = append(b, "\">"...)
			b = appendHTML(b, c.Phone)
			b = append(b, "</a>"...)
		}
		if c.Email != "" {
			b = append(b, "<br>"...)
			b = appendHTML(b, t["email"])
			b = append(b, ": <a href=\""...)
			b = appendURL(b, c.MailHref, false)
			b = append(b, "\">"...)
			b = appendHTML(b, c.Email)
			b = append(b, "</a>"...)
		}
		if c.Address != "" {
			b = append(b, "<br>"...)
			b = appendHTML(b, t["address"])
			b = append(b, ": "...)
			b = appendHTML(b, c.Address)
		}
		b = append(b, "\n</li>"...)
	}
	return append(b, "\n</ul>\n"...)
}
